// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoStack>

class QTextDocument;

// A QTextDocument's undo history as a QUndoStack, so a QUndoGroup (Edit menu) and a QUndoView
// can show and drive it: every step the document records (a run of typing, an edit block such as
// a diagram edit) becomes one command whose undo()/redo() undo or redo that step of the document.
//
// The document stays the owner of the text changes: an undo or redo made on it directly (the
// editor's own Ctrl+Z, QPlainTextEdit::undo) moves this stack's index along, and its modified
// flag and this stack's clean state follow each other.
class TextUndoStack final : public QUndoStack
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextUndoStack)

public:
    // The history starts empty, whatever the document recorded before.
    explicit TextUndoStack(QTextDocument *document, QObject *parent = nullptr);

    QTextDocument *document() const { return m_document; }
    // The text of the command the document's next step becomes, instead of the generic one
    // (e.g. "Insert set-header" for a diagram edit). Forgotten once that edit is done.
    void setNextCommandText(const QString &text);
    // The same on document's stack, when it has one.
    static void setNextCommandText(QTextDocument *document, const QString &text);
    // Where the document changed in the last undo or redo made through this stack, for the
    // editor to show.
    int lastChangePosition() const { return m_lastChangePosition; }

    // Called by the commands: the document's step and the position where it changed.
    void applyStep(bool undo);
    bool isFollowingDocument() const { return m_following; }

Q_SIGNALS:
    // An undo or redo made through this stack changed the document at position.
    void stepApplied(int position);

private:
    void onStepAdded();
    void followDocument();
    void onModificationChanged(bool modified);
    int commandIndexAt(int documentSteps) const;
    void dropStaleRedo();

    QTextDocument *m_document;
    QString m_nextText;
    int m_lastChangePosition = -1;
    // Set while the index moves to match the document: the commands then leave it alone.
    bool m_following = false;
    bool m_applying = false;
};
