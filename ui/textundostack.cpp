// SPDX-License-Identifier: GPL-3.0-or-later
#include "textundostack.h"

#include <QTextCursor>
#include <QTextDocument>
#include <QUndoCommand>

namespace {

// One step of the document's history. It is pushed after the document made the change, so the
// redo() of the push does nothing. documentSteps (the document's undo count right after the
// step) tells which command matches the document when it undoes or redoes on its own.
class DocumentStep final : public QUndoCommand
{
public:
    DocumentStep(TextUndoStack *stack, const QString &text, int documentSteps)
        : QUndoCommand(text)
        , m_stack(stack)
        , m_documentSteps(documentSteps)
    {}

    int documentSteps() const { return m_documentSteps; }

    void undo() override
    {
        if (!m_stack->isFollowingDocument())
            m_stack->applyStep(true);
    }

    void redo() override
    {
        if (m_pushed) {
            m_pushed = false;
            return;
        }
        if (!m_stack->isFollowingDocument())
            m_stack->applyStep(false);
    }

private:
    TextUndoStack *m_stack;
    int m_documentSteps;
    bool m_pushed = true;
};

} // namespace

TextUndoStack::TextUndoStack(QTextDocument *document, QObject *parent)
    : QUndoStack(parent)
    , m_document(document)
{
    connect(document, &QTextDocument::undoCommandAdded, this, &TextUndoStack::onStepAdded);
    connect(document, &QTextDocument::contentsChanged, this, &TextUndoStack::followDocument);
    connect(document,
            &QTextDocument::modificationChanged,
            this,
            &TextUndoStack::onModificationChanged);
    // The document's steps so far are not commands here: they cannot be undone through the stack.
    document->clearUndoRedoStacks();
    if (document->isModified())
        resetClean();
}

void TextUndoStack::setNextCommandText(const QString &text)
{
    m_nextText = text;
}

void TextUndoStack::setNextCommandText(QTextDocument *document, const QString &text)
{
    if (auto *stack = document->findChild<TextUndoStack *>(QString(), Qt::FindDirectChildrenOnly))
        stack->setNextCommandText(text);
}

void TextUndoStack::applyStep(bool undo)
{
    m_applying = true;
    QTextCursor cursor(m_document);
    if (undo)
        m_document->undo(&cursor);
    else
        m_document->redo(&cursor);
    m_applying = false;
    m_lastChangePosition = cursor.position();
    Q_EMIT stepApplied(m_lastChangePosition);
}

void TextUndoStack::onStepAdded()
{
    const QString text = m_nextText.isEmpty() ? tr("Edit text") : m_nextText;
    m_nextText.clear();
    push(new DocumentStep(this, text, m_document->availableUndoSteps()));
}

void TextUndoStack::followDocument()
{
    // The edit the name was meant for is done, whether or not it became a step.
    m_nextText.clear();
    if (m_applying)
        return;
    const int matching = commandIndexAt(m_document->availableUndoSteps());
    if (matching < 0) {
        // The document dropped its history (setPlainText): nothing here can be undone either.
        clear();
        if (m_document->isModified())
            resetClean();
        return;
    }
    if (matching != index()) {
        m_following = true;
        setIndex(matching);
        m_following = false;
    }
    if (canRedo() && !m_document->isRedoAvailable())
        dropStaleRedo();
}

void TextUndoStack::onModificationChanged(bool modified)
{
    if (m_applying)
        return;
    followDocument();
    if (!modified)
        setClean();
    else if (isClean())
        resetClean();
}

int TextUndoStack::commandIndexAt(int documentSteps) const
{
    if (documentSteps == 0)
        return 0;
    for (int i = 0; i < count(); ++i) {
        if (static_cast<const DocumentStep *>(command(i))->documentSteps() == documentSteps)
            return i + 1;
    }
    return -1;
}

// Typing right after an undo can extend the step before it instead of adding one: the document
// then drops its redo steps without telling. QUndoStack drops redo commands only on push, so the
// commands up to the index are pushed anew.
void TextUndoStack::dropStaleRedo()
{
    struct Kept
    {
        QString text;
        int documentSteps;
    };
    QList<Kept> kept;
    for (int i = 0; i < index(); ++i) {
        const auto *step = static_cast<const DocumentStep *>(command(i));
        kept.append({step->text(), step->documentSteps()});
    }
    const int cleanAt = cleanIndex();
    m_following = true;
    clear();
    for (qsizetype i = 0; i <= kept.size(); ++i) {
        if (i == cleanAt)
            setClean();
        if (i < kept.size())
            push(new DocumentStep(this, kept.at(i).text, kept.at(i).documentSteps));
    }
    m_following = false;
}
