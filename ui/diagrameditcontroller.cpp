// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagrameditcontroller.h"

#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "policy/policyelementspec.h"
#include "policy/policyplacement.h"
#include "policy/policyschema.h"
#include "policy/policytexteditor.h"
#include "policypropertypanel.h"
#include "textundostack.h"

#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>

namespace {

// What the palette inserts for elementName, a policy or a branch of <choose>, which the
// placement checks have accepted.
QString newElementText(const PolicyTextEditor &textEditor, const QString &elementName)
{
    const PolicySchema &schema = PolicySchema::builtin();
    const PolicyElementSpec *spec = PolicyPlacement::isBranchName(elementName)
                                            ? schema.policy(u"choose")->child(elementName)
                                            : schema.policy(elementName);
    return textEditor.newElementText(*spec, schema);
}

} // namespace

DiagramEditController::DiagramEditController(QPlainTextEdit *editor,
                                             DocumentAnalyzer *analyzer,
                                             FlowDiagramScene *scene,
                                             PolicyPropertyPanel *panel,
                                             QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_analyzer(analyzer)
    , m_scene(scene)
    , m_panel(panel)
{
    connect(scene,
            &FlowDiagramScene::policyDropped,
            this,
            [this](const QString &name, const SourceRange &container, int position) {
                insertPolicy(name, container.begin.offset, position);
            });
    connect(scene,
            &FlowDiagramScene::nodeDropped,
            this,
            [this](const SourceRange &element, const SourceRange &container, int position) {
                movePolicy(element.begin.offset, container.begin.offset, position);
            });
    connect(scene,
            &FlowDiagramScene::policyDroppedIntoNewSection,
            this,
            &DiagramEditController::insertPolicyInNewSection);
    connect(scene,
            &FlowDiagramScene::nodeDroppedIntoNewSection,
            this,
            [this](const SourceRange &element, const QString &sectionName) {
                movePolicyToNewSection(element.begin.offset, sectionName);
            });
    connect(panel, &PolicyPropertyPanel::textChanged, this, &DiagramEditController::setText);
    connect(panel,
            &PolicyPropertyPanel::childTextsChanged,
            this,
            &DiagramEditController::setChildTexts);
    connect(scene, &FlowDiagramScene::removeRequested, this, [this](const SourceRange &element) {
        removePolicy(element.begin.offset);
    });
    connect(panel,
            &PolicyPropertyPanel::attributeChanged,
            this,
            &DiagramEditController::setAttribute);
    connect(panel,
            &PolicyPropertyPanel::attributeRemoved,
            this,
            &DiagramEditController::removeAttribute);
    connect(panel, &PolicyPropertyPanel::elementRequested, this, [this](qsizetype offset) {
        m_detailOffset = offset;
        updatePanel();
    });
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        m_detailOffset = -1;
        updatePanel();
    });
    connect(analyzer, &DocumentAnalyzer::analyzed, this, &DiagramEditController::updatePanel);
}

bool DiagramEditController::insertPolicy(const QString &policyName,
                                         qsizetype containerOffset,
                                         int position)
{
    const PolicyNode *container = element(containerOffset);
    if (!container)
        return false;
    const PolicyDocument &document = m_analyzer->document();
    const PolicyPlacement placement(document, PolicySchema::builtin());
    if (const QString reason = placement.checkAt(*container, policyName, position);
        !reason.isEmpty())
        return fail(reason);
    const QString text = m_editor->document()->toPlainText();
    const PolicyTextEditor textEditor(text, document);
    return apply(
            textEditor.insertElement(*container, position, newElementText(textEditor, policyName)),
            tr("Insert %1").arg(policyName));
}

bool DiagramEditController::insertPolicyInNewSection(const QString &policyName,
                                                     const QString &sectionName)
{
    if (!analyzed())
        return false;
    const PolicyDocument &document = m_analyzer->document();
    const PolicyPlacement placement(document, PolicySchema::builtin());
    if (const QString reason = placement.checkInNewSection(sectionName, policyName);
        !reason.isEmpty())
        return fail(reason);
    const QString text = m_editor->document()->toPlainText();
    const PolicyTextEditor textEditor(text, document);
    return apply(textEditor.insertSection(sectionName,
                                          placement.newSectionInherits(policyName),
                                          newElementText(textEditor, policyName)),
                 tr("Insert %1").arg(policyName));
}

bool DiagramEditController::movePolicyToNewSection(qsizetype elementOffset,
                                                   const QString &sectionName)
{
    const PolicyNode *moved = element(elementOffset);
    if (!moved)
        return false;
    const PolicyDocument &document = m_analyzer->document();
    const PolicyPlacement placement(document, PolicySchema::builtin());
    if (const QString reason = placement.checkInNewSection(sectionName, moved->name, moved);
        !reason.isEmpty())
        return fail(reason);
    const QString text = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(text, document)
                         .moveIntoNewSection(
                                 *moved, sectionName, placement.newSectionInherits(moved->name)),
                 tr("Move %1").arg(moved->name));
}

bool DiagramEditController::movePolicy(qsizetype elementOffset,
                                       qsizetype containerOffset,
                                       int position)
{
    const PolicyNode *moved = element(elementOffset);
    const PolicyNode *container = moved ? element(containerOffset) : nullptr;
    if (!container)
        return false;
    const PolicyDocument &document = m_analyzer->document();
    const PolicyPlacement placement(document, PolicySchema::builtin());
    if (const QString reason = placement.checkAt(*container, moved->name, position, moved);
        !reason.isEmpty())
        return fail(reason);
    // The diagram counts positions with the element still in place; the editor after it left.
    const qsizetype current = container->elements().indexOf(moved);
    const int index = current >= 0 && position > current ? position - 1 : position;
    const QString text = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(text, document).moveElement(*moved, *container, index),
                 tr("Move %1").arg(moved->name));
}

bool DiagramEditController::removePolicy(qsizetype elementOffset)
{
    const PolicyNode *removed = element(elementOffset);
    if (!removed)
        return false;
    const QString text = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(text, m_analyzer->document()).removeElement(*removed),
                 tr("Delete %1").arg(removed->name));
}

bool DiagramEditController::setAttribute(qsizetype elementOffset,
                                         const QString &name,
                                         const QString &value)
{
    const PolicyNode *edited = element(elementOffset);
    if (!edited)
        return false;
    const QString text = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(text, m_analyzer->document()).setAttribute(*edited, name, value),
                 tr("Edit attribute %1 of %2").arg(name, edited->name));
}

bool DiagramEditController::removeAttribute(qsizetype elementOffset, const QString &name)
{
    const PolicyNode *edited = element(elementOffset);
    if (!edited)
        return false;
    const QString text = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(text, m_analyzer->document()).removeAttribute(*edited, name),
                 tr("Remove attribute %1 of %2").arg(name, edited->name));
}

bool DiagramEditController::setText(qsizetype elementOffset, const QString &text)
{
    const PolicyNode *edited = element(elementOffset);
    if (!edited)
        return false;
    const QString source = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(source, m_analyzer->document()).setText(*edited, text),
                 tr("Edit text of %1").arg(edited->name));
}

bool DiagramEditController::setChildTexts(qsizetype elementOffset,
                                          const QString &childName,
                                          const QStringList &texts)
{
    const PolicyNode *edited = element(elementOffset);
    if (!edited)
        return false;
    const QString source = m_editor->document()->toPlainText();
    return apply(PolicyTextEditor(source, m_analyzer->document())
                         .setChildTexts(*edited, childName, texts),
                 tr("Edit %1 values of %2").arg(childName, edited->name));
}

bool DiagramEditController::analyzed()
{
    if (m_analyzer->isPending() || m_analyzer->revision() != m_editor->document()->revision())
        m_analyzer->analyzeNow();
    if (!m_analyzer->isValid())
        return fail(
                tr("The XML has errors: fix them in the editor before editing on the diagram."));
    return true;
}

const PolicyNode *DiagramEditController::element(qsizetype offset)
{
    if (!analyzed())
        return nullptr;
    const PolicyNode *found = m_analyzer->document().elementStartingAt(offset);
    if (!found)
        fail(tr("The element is no longer in the text."));
    return found;
}

bool DiagramEditController::apply(const PolicyTextChange &change, const QString &commandText)
{
    if (!change.ok())
        return fail(change.error);
    if (change.edits.isEmpty())
        return true;
    TextUndoStack::setNextCommandText(m_editor->document(), commandText);
    // One edit block: one step on the editor's undo stack, however many replacements.
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    for (const PolicyTextChange::Edit &edit : change.edits) {
        cursor.setPosition(int(edit.offset));
        cursor.setPosition(int(edit.offset + edit.length), QTextCursor::KeepAnchor);
        cursor.insertText(edit.replacement);
    }
    cursor.endEditBlock();
    if (change.elementOffset >= 0) {
        QTextCursor at(m_editor->document());
        at.setPosition(int(change.elementOffset));
        m_editor->setTextCursor(at);
    }
    // The drop or edit that led here may still be on the stack inside the scene or the panel,
    // which the analysis rebuilds: let it return first.
    QMetaObject::invokeMethod(m_analyzer, &DocumentAnalyzer::analyzeNow, Qt::QueuedConnection);
    return true;
}

bool DiagramEditController::fail(const QString &message)
{
    Q_EMIT editFailed(message);
    return false;
}

void DiagramEditController::updatePanel()
{
    const FlowNodeItem *node = m_scene->selectedNode();
    const PolicyDocument &document = m_analyzer->document();
    const bool current = m_analyzer->isValid() && !m_analyzer->isPending();
    const PolicyNode *selected
            = current && node ? document.elementStartingAt(node->range().begin.offset) : nullptr;
    const PolicyNode *shown = selected ? detailOf(*selected) : nullptr;
    const PolicySchema &schema = PolicySchema::builtin();
    const PolicyElementSpec *spec
            = shown ? PolicyPlacement(document, schema).specOf(*shown) : nullptr;
    m_panel->setElement(
            shown, spec, m_analyzer->diagnostics(), shown != selected ? selected : nullptr);
}

const PolicyNode *DiagramEditController::detailOf(const PolicyNode &selected) const
{
    const PolicyDocument &document = m_analyzer->document();
    const PolicyNode *detail
            = m_detailOffset >= 0 ? document.elementStartingAt(m_detailOffset) : nullptr;
    return detail && document.ancestors(*detail).contains(&selected) ? detail : &selected;
}
