// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class PolicyEditor;
class QTextDocument;
class QUndoGroup;
class TextUndoStack;

// The policy documents the designer's one editor switches between (the scopes and fragments of a
// workspace, or the one policy file): one QTextDocument each, so each keeps its own undo history,
// cursor and scroll position. Each document's history, typed or made on the diagram, is its own
// TextUndoStack; the stacks are in one QUndoGroup whose active stack is the shown document's, so
// the Edit menu and the undo history view follow the editor.
class EditorDocuments final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorDocuments)

public:
    // Starts with one empty document shown.
    explicit EditorDocuments(PolicyEditor *editor, QObject *parent = nullptr);

    // A document holding text, with an empty history and nothing to save; owned here.
    QTextDocument *create(const QString &text);
    // Shows document in the editor; what follows the editor's document (the analyzer, the
    // autosave) follows shown().
    void show(QTextDocument *document);
    // Starts over on one document holding text, shown; every other document is deleted.
    QTextDocument *reset(const QString &text);
    QList<QTextDocument *> documents() const { return m_documents; }

    QUndoGroup *undoGroup() const { return m_group; }
    static TextUndoStack *stack(const QTextDocument *document);
    TextUndoStack *currentStack() const;
    // Replaces document's whole text as one undo step named commandText.
    static void replaceText(QTextDocument *document,
                            const QString &text,
                            const QString &commandText);

    // Some document has changes since it was opened or saved (its stack is not clean).
    bool isModified() const;
    // What every document holds now is saved.
    void markSaved();

Q_SIGNALS:
    void shown(QTextDocument *document);
    // A document's stack became clean or left its clean state.
    void modificationChanged();

private:
    PolicyEditor *m_editor;
    QUndoGroup *m_group;
    QList<QTextDocument *> m_documents;
};
