// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacenavigator.h"

#include "workspace/scopeinheritance.h"
#include "workspace/workspacescopemodel.h"

#include "documentanalyzer.h"
#include "effectivepolicyview.h"
#include "flowdiagramscene.h"
#include "flowtracehighlighter.h"
#include "policyeditor.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

WorkspaceNavigator::WorkspaceNavigator(PolicyEditor *editor,
                                       DocumentAnalyzer *analyzer,
                                       FlowDiagramScene *scene,
                                       QWidget *parentWidget)
    : QObject(parentWidget)
    , m_editor(editor)
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
    m_model->clear();
    m_scene->setExpansionProvider({});
    m_effectiveView->showMessage(tr("Open a workspace to see effective policies."));
}

Workspace WorkspaceNavigator::workspace() const
{
    Workspace current = m_workspace;
    if (Workspace::PolicySource *source = m_current.source(current))
        source->xml = m_editor->document()->toPlainText();
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
    const QString editorText = m_editor->document()->toPlainText();
    m_workspace = edited;
    m_model->setWorkspace(m_workspace);
    m_tree->expandAll();
    const Workspace::PolicySource *source = m_current.source(m_workspace);
    if (!source) {
        m_current = {};
        loadScope(m_workspace.apis.isEmpty() ? WorkspaceScope::global()
                                             : WorkspaceScope::api(m_workspace.apis.first().id));
        return;
    }
    if (source->xml != editorText)
        m_editor->replaceAllText(source->xml);
    m_tree->setCurrentIndex(m_model->indexOf(m_current));
    updateModifiedMarks();
    m_editor->document()->setModified(isModified());
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
    const Workspace edited = workspace();
    for (const WorkspaceScope &scope : WorkspaceScope::all(edited)) {
        const Workspace::PolicySource *saved = scope.source(m_saved);
        if (!saved || saved->xml != scope.source(edited)->xml)
            return true;
    }
    return false;
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
    storeEditorText();
    m_current = scope;
    // Expansions are remembered by offset in the document they were made in.
    m_scene->collapseAll();
    const Workspace::PolicySource *source = scope.source(m_workspace);
    m_editor->setPlainText(source->xml);
    m_analyzer->setFileName(source->file.isEmpty()
                                    ? m_fileName
                                    : QFileInfo(m_fileName).dir().filePath(source->file));
    // One dirty marker for the whole workspace: edits kept for other scopes still need saving.
    m_editor->document()->setModified(isModified());
    // m_current is already scope: the tree's currentChanged finds nothing to do.
    m_tree->setCurrentIndex(m_model->indexOf(scope));
    m_analyzer->analyzeNow();
    Q_EMIT scopeChanged(scope);
}

void WorkspaceNavigator::storeEditorText()
{
    if (Workspace::PolicySource *source = m_current.source(m_workspace))
        source->xml = m_editor->document()->toPlainText();
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
    const Workspace edited = workspace();
    for (const WorkspaceScope &scope : WorkspaceScope::all(edited)) {
        const Workspace::PolicySource *saved = scope.source(m_saved);
        m_model->setModified(scope, !saved || saved->xml != scope.source(edited)->xml);
    }
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
