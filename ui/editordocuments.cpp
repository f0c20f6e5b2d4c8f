// SPDX-License-Identifier: GPL-3.0-or-later
#include "editordocuments.h"

#include "policyeditor.h"
#include "textundostack.h"

#include <QPlainTextDocumentLayout>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoGroup>

#include <algorithm>

EditorDocuments::EditorDocuments(PolicyEditor *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_group(new QUndoGroup(this))
{
    show(create(QString()));
}

QTextDocument *EditorDocuments::create(const QString &text)
{
    auto *document = new QTextDocument(this);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setPlainText(text);
    document->setModified(false);
    auto *stack = new TextUndoStack(document, document);
    m_group->addStack(stack);
    connect(stack, &QUndoStack::cleanChanged, this, &EditorDocuments::modificationChanged);
    // An undo from the Edit menu or the history view shows where the text changed.
    connect(stack, &TextUndoStack::stepApplied, this, [this, document](int position) {
        if (m_editor->document() != document || position < 0)
            return;
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(qMin(position, document->characterCount() - 1));
        m_editor->setTextCursor(cursor);
        m_editor->ensureCursorVisible();
    });
    connect(document, &QObject::destroyed, this, [this, document] {
        m_documents.removeOne(document);
    });
    m_documents.append(document);
    return document;
}

void EditorDocuments::show(QTextDocument *document)
{
    m_editor->showDocument(document);
    m_group->setActiveStack(stack(document));
    Q_EMIT shown(document);
}

QTextDocument *EditorDocuments::reset(const QString &text)
{
    QTextDocument *document = create(text);
    show(document);
    const QList<QTextDocument *> others = m_documents;
    for (QTextDocument *other : others) {
        if (other != document)
            delete other;
    }
    Q_EMIT modificationChanged();
    return document;
}

TextUndoStack *EditorDocuments::stack(const QTextDocument *document)
{
    return document->findChild<TextUndoStack *>(QString(), Qt::FindDirectChildrenOnly);
}

TextUndoStack *EditorDocuments::currentStack() const
{
    return stack(m_editor->document());
}

void EditorDocuments::replaceText(QTextDocument *document,
                                  const QString &text,
                                  const QString &commandText)
{
    TextUndoStack::setNextCommandText(document, commandText);
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

bool EditorDocuments::isModified() const
{
    return std::any_of(m_documents.cbegin(), m_documents.cend(), [](const QTextDocument *d) {
        return !stack(d)->isClean();
    });
}

void EditorDocuments::markSaved()
{
    for (QTextDocument *document : std::as_const(m_documents)) {
        document->setModified(false);
        stack(document)->setClean();
    }
}
