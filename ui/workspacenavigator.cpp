// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacenavigator.h"

#include "workspace/scopeinheritance.h"
#include "workspace/workspacescopemodel.h"

#include "documentanalyzer.h"
#include "editordocuments.h"
#include "effectivepolicyview.h"
#include "flowdiagramscene.h"
#include "flowtracehighlighter.h"
#include "policyeditor.h"
#include "textundostack.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

WorkspaceNavigator::WorkspaceNavigator(PolicyEditor *editor,
                                       EditorDocuments *documents,
                                       DocumentAnalyzer *analyzer,
                                       FlowDiagramScene *scene,
                                       QWidget *parentWidget)
    : QObject(parentWidget)
    , m_editor(editor)
    , m_editorDocuments(documents)
    , m_analyzer(analyzer)
    , m_scene(scene)
    , m_model(new WorkspaceScopeModel(this))
    , m_tree(new QTreeView(parentWidget))
    , m_effectiveView(new EffectivePolicyView(parentWidget))
{
    m_tree->setObjectName(QStringLiteral("WorkspaceTree"));
    m_tree->setModel(m_model);
    m_tree->header()->hide();
    m_tree->setUniformRowHeights(true);
    m_effectiveView->setObjectName(QStringLiteral("EffectivePolicyView"));
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &WorkspaceNavigator::onTreeCurrentChanged);
    connect(m_analyzer, &DocumentAnalyzer::analyzed, this, &WorkspaceNavigator::onAnalyzed);
    connect(m_scene, &FlowDiagramScene::rebuilt, this, &WorkspaceNavigator::applyTrace);
    connect(m_scene,
            &FlowDiagramScene::foreignNodeActivated,
            this,
            [this](const PolicyOrigin &origin, const SourceRange &range) {
                // Switching scopes rebuilds the scene: not inside the click that selected.
                QTimer::singleShot(0, this, [this, origin, range] { showOrigin(origin, range); });
            });
}

WorkspaceNavigator::~WorkspaceNavigator() = default;

void WorkspaceNavigator::setWorkspace(const Workspace &workspace, const QString &fileName)
{
    m_workspace = workspace;
    m_saved = workspace;
    m_fileName = fileName;
    m_hasWorkspace = true;
    m_current = {};
    m_trace = {};
    m_documents.clear();
    m_model->setWorkspace(workspace);
    m_tree->expandAll();
    m_scene->setExpansionProvider([this](const PolicyNode &element, const QString &sectionName) {
        return expansion(element, sectionName);
    });
    loadScope(workspace.apis.isEmpty() ? WorkspaceScope::global()
                                       : WorkspaceScope::api(workspace.apis.first().id));
}

void WorkspaceNavigator::clear()
{
    m_hasWorkspace = false;
    m_workspace = {};
    m_saved = {};
    m_current = {};
    m_trace = {};
    m_documents.clear();
    m_model->clear();
    m_scene->setExpansionProvider({});
    m_effectiveView->showMessage(tr("Open a workspace to see effective policies."));
}

Workspace WorkspaceNavigator::workspace() const
{
    Workspace current = m_workspace;
    for (auto it = m_documents.cbegin(); it != m_documents.cend(); ++it) {
        if (Workspace::PolicySource *source = it.key().source(current))
            source->xml = it.value()->toPlainText();
    }
    return current;
}

bool WorkspaceNavigator::applyPolicies(Workspace &target) const
{
    const Workspace edited = workspace();
    bool changed = false;
    for (const WorkspaceScope &scope : WorkspaceScope::all(edited)) {
        Workspace::PolicySource *source = scope.source(target);
        const Workspace::PolicySource *text = scope.source(edited);
        if (source && text && source->xml != text->xml) {
            source->xml = text->xml;
            changed = true;
        }
    }
    return changed;
}

void WorkspaceNavigator::setEditedPolicies(const Workspace &edited)
{
    m_workspace = edited;
    m_model->setWorkspace(m_workspace);
    m_tree->expandAll();
    for (auto it = m_documents.begin(); it != m_documents.end();) {
        const Workspace::PolicySource *source = it.key().source(m_workspace);
        if (source && source->xml != it.value()->toPlainText())
            EditorDocuments::replaceText(it.value(), source->xml, tr("Import"));
        // A scope the import removed: its document stays with EditorDocuments until the next
        // workspace, but is no longer this workspace's.
        it = source || it.key() == m_current ? std::next(it) : m_documents.erase(it);
    }
    if (!m_current.source(m_workspace)) {
        m_documents.remove(m_current);
        m_current = {};
        loadScope(m_workspace.apis.isEmpty() ? WorkspaceScope::global()
                                             : WorkspaceScope::api(m_workspace.apis.first().id));
        return;
    }
    m_tree->setCurrentIndex(m_model->indexOf(m_current));
    updateModifiedMarks();
    m_analyzer->analyzeNow();
}

void WorkspaceNavigator::markSaved()
{
    m_saved = workspace();
    updateModifiedMarks();
}

bool WorkspaceNavigator::isModified() const
{
    if (!m_hasWorkspace)
        return false;
    const QList<WorkspaceScope> scopes = WorkspaceScope::all(m_workspace);
    return std::any_of(scopes.cbegin(), scopes.cend(), [this](const WorkspaceScope &scope) {
        return isModified(scope);
    });
}

// An opened scope is as modified as its history says (typing a character and deleting it is
// a change until undone); the others compare their text with the saved one.
bool WorkspaceNavigator::isModified(const WorkspaceScope &scope) const
{
    if (const QTextDocument *document = m_documents.value(scope))
        return !EditorDocuments::stack(document)->isClean();
    const Workspace::PolicySource *saved = scope.source(m_saved);
    return !saved || saved->xml != scope.source(m_workspace)->xml;
}

bool WorkspaceNavigator::selectScope(const WorkspaceScope &scope)
{
    if (!m_hasWorkspace || !scope.source(m_workspace))
        return false;
    if (scope != m_current)
        loadScope(scope);
    return true;
}

void WorkspaceNavigator::loadScope(const WorkspaceScope &scope)
{
    m_current = scope;
    // Expansions belong to the document they were made in.
    m_scene->collapseAll();
    const Workspace::PolicySource *source = scope.source(m_workspace);
    QTextDocument *document = m_documents.value(scope);
    if (!document) {
        // The workspace's first scope takes over the document of what was open before.
        document = m_documents.isEmpty() ? m_editorDocuments->reset(source->xml)
                                         : m_editorDocuments->create(source->xml);
        m_documents.insert(scope, document);
    }
    m_editorDocuments->show(document);
    m_analyzer->setFileName(source->file.isEmpty()
                                    ? m_fileName
                                    : QFileInfo(m_fileName).dir().filePath(source->file));
    // m_current is already scope: the tree's currentChanged finds nothing to do.
    m_tree->setCurrentIndex(m_model->indexOf(scope));
    m_analyzer->analyzeNow();
    Q_EMIT scopeChanged(scope);
}

void WorkspaceNavigator::onTreeCurrentChanged()
{
    const WorkspaceScope scope = m_model->scope(m_tree->currentIndex());
    if (scope.isValid())
        selectScope(scope);
}

void WorkspaceNavigator::onAnalyzed()
{
    if (!m_hasWorkspace)
        return;
    updateEffectiveView();
    updateModifiedMarks();
}

void WorkspaceNavigator::updateEffectiveView()
{
    if (m_current.kind != PolicyScope::Api && m_current.kind != PolicyScope::Operation) {
        m_effectiveView->showMessage(
                tr("An effective policy is computed for an API or an operation: select one."));
        return;
    }
    const Workspace edited = workspace();
    m_effectiveView->setEffective(m_current.title(edited),
                                  ScopeInheritance(edited).effectiveText(m_current));
}

void WorkspaceNavigator::updateModifiedMarks()
{
    for (const WorkspaceScope &scope : WorkspaceScope::all(m_workspace))
        m_model->setModified(scope, isModified(scope));
}

void WorkspaceNavigator::showTraceStep(const TraceEvent &event)
{
    showOrigin({event.scope, event.document, {}}, event.range);
}

void WorkspaceNavigator::showOrigin(const PolicyOrigin &origin, const SourceRange &range)
{
    if (!m_hasWorkspace || !range.isValid())
        return;
    WorkspaceScope scope = WorkspaceScope::fromOrigin(m_workspace, origin.scope, origin.document);
    // Steps recorded before traces named their document: the edited scope if it is of that kind.
    if (!scope.isValid() && origin.document.isEmpty() && m_current.kind == origin.scope)
        scope = m_current;
    if (!selectScope(scope))
        return;
    m_editor->selectRange(range);
}

void WorkspaceNavigator::setTrace(const RequestTrace &trace)
{
    m_trace = trace;
    applyTrace();
}

void WorkspaceNavigator::applyTrace()
{
    if (!m_hasWorkspace || m_trace.events.isEmpty()) {
        FlowTraceHighlighter::clear(*m_scene);
        return;
    }
    FlowTraceHighlighter::apply(
            *m_scene, m_trace, {m_current.kind, m_current.documentName(m_workspace)});
}

QList<PolicyNode> WorkspaceNavigator::expansion(const PolicyNode &element,
                                                const QString &sectionName) const
{
    const Workspace edited = workspace();
    const ScopeInheritance inheritance(edited);
    if (element.isElement(u"include-fragment"))
        return inheritance.fragmentContent(element.attribute(u"fragment-id"));
    return inheritance.inherited(m_current, sectionName);
}
