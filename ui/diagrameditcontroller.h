// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/sourcerange.h"

#include <QObject>

class DocumentAnalyzer;
class FlowDiagramScene;
class PolicyPropertyPanel;
class QPlainTextEdit;
struct PolicyNode;
struct PolicyTextChange;

// Editing on the diagram: turns drops, deletes and property edits into text changes of the
// editor's document (PolicyTextEditor), each applied as one undo step of the editor, so the
// editor's undo history is the document's history whichever side edited. The step is named after
// the edit ("Insert set-header") in the document's TextUndoStack. The diagram and the
// property panel then follow the text through the analyzer, like after typing.
//
// Elements are named by the offset where they start, which the diagram's nodes and the panel
// know; an edit of the text since the last analysis makes it analyze first.
class DiagramEditController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramEditController)

public:
    DiagramEditController(QPlainTextEdit *editor,
                          DocumentAnalyzer *analyzer,
                          FlowDiagramScene *scene,
                          PolicyPropertyPanel *panel,
                          QObject *parent = nullptr);

    // position: among the container's element children as they are now (0..count). All return
    // false, and report editFailed, when the change cannot be made.
    bool insertPolicy(const QString &policyName, qsizetype containerOffset, int position);
    bool movePolicy(qsizetype elementOffset, qsizetype containerOffset, int position);
    bool removePolicy(qsizetype elementOffset);
    bool setAttribute(qsizetype elementOffset, const QString &name, const QString &value);
    bool removeAttribute(qsizetype elementOffset, const QString &name);
    // The text between the element's tags; the texts of its childName children (<value>s).
    bool setText(qsizetype elementOffset, const QString &text);
    bool setChildTexts(qsizetype elementOffset, const QString &childName, const QStringList &texts);
    // Into a section the document lacks: created at its place, with <base /> when its sibling
    // sections have one.
    bool insertPolicyInNewSection(const QString &policyName, const QString &sectionName);
    bool movePolicyToNewSection(qsizetype elementOffset, const QString &sectionName);

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    // The element of the current text starting at offset, after bringing the analysis up to date.
    const PolicyNode *element(qsizetype offset);
    // Brings the analysis up to date; false (reported) when the text does not parse.
    bool analyzed();
    bool apply(const PolicyTextChange &change, const QString &commandText);
    bool fail(const QString &message);
    void updatePanel();
    // The element the panel shows for the selected policy: itself or the child element the user
    // opened in the panel.
    const PolicyNode *detailOf(const PolicyNode &selected) const;

    QPlainTextEdit *m_editor;
    DocumentAnalyzer *m_analyzer;
    FlowDiagramScene *m_scene;
    PolicyPropertyPanel *m_panel;
    // The child element of the selected policy shown in the panel instead of it (-1: none).
    qsizetype m_detailOffset = -1;
};
