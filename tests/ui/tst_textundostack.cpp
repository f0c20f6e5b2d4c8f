// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge from a QTextDocument's undo history to a QUndoStack, on a real QPlainTextEdit
// offscreen: one command per document step, undo/redo in both directions (through the stack and
// on the document directly), clean state, named steps.
#include "textundostack.h"

#include <QPlainTextDocumentLayout>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

#include <memory>

class tst_TextUndoStack final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachDocumentStepIsOneCommand();
    void undoAndRedoThroughTheStack();
    void undoOnTheDocumentMovesTheIndex();
    void typingAfterAnUndoDropsTheStaleRedo();
    void namedStep();
    void cleanStateFollowsTheModifiedFlag();
    void replacedTextClearsTheHistory();

private:
    void type(const QString &text) { QTest::keyClicks(m_edit.get(), text); }
    QString text() const { return m_document->toPlainText(); }

    std::unique_ptr<QPlainTextEdit> m_edit;
    QTextDocument *m_document = nullptr;
    TextUndoStack *m_stack = nullptr;
    const QString m_original = QStringLiteral("<policies>\n</policies>");
};

void tst_TextUndoStack::init()
{
    m_edit = std::make_unique<QPlainTextEdit>();
    m_document = new QTextDocument(m_edit.get());
    m_document->setDocumentLayout(new QPlainTextDocumentLayout(m_document));
    m_document->setPlainText(m_original);
    m_document->setModified(false); // as opened
    m_stack = new TextUndoStack(m_document, m_document);
    m_edit->setDocument(m_document);
    m_edit->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_edit.get()));
    m_edit->moveCursor(QTextCursor::End);
}

void tst_TextUndoStack::cleanup()
{
    m_edit.reset();
}

void tst_TextUndoStack::eachDocumentStepIsOneCommand()
{
    QVERIFY(m_stack->isClean());
    QCOMPARE(m_stack->count(), 0);
    // A run of typing is one step of the document, a new line another.
    type(QStringLiteral("abc"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(text(), m_original + u"abc");
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    QCOMPARE(m_stack->count(), 2);
    // An edit block, however many changes, is one step.
    QTextCursor cursor(m_document);
    cursor.beginEditBlock();
    cursor.insertText(QStringLiteral("x"));
    cursor.insertText(QStringLiteral("y"));
    cursor.endEditBlock();
    QCOMPARE(m_stack->count(), 3);
    QCOMPARE(m_stack->index(), 3);
    QVERIFY(!m_stack->isClean());
    QCOMPARE(m_stack->text(0), QStringLiteral("Edit text"));
}

void tst_TextUndoStack::undoAndRedoThroughTheStack()
{
    type(QStringLiteral("abc"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    type(QStringLiteral("def"));
    const QString typed = text();
    QSignalSpy applied(m_stack, &TextUndoStack::stepApplied);
    m_stack->undo();
    QCOMPARE(text(), m_original + u"abc\n");
    QCOMPARE(applied.size(), 1);
    QCOMPARE(m_stack->lastChangePosition(), int(m_original.size()) + 4);
    m_stack->setIndex(0);
    QCOMPARE(text(), m_original);
    QVERIFY(m_stack->isClean());
    QVERIFY(!m_document->isModified());
    m_stack->setIndex(3);
    QCOMPARE(text(), typed);
    QVERIFY(m_document->isModified());
}

void tst_TextUndoStack::undoOnTheDocumentMovesTheIndex()
{
    type(QStringLiteral("abc"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    m_edit->undo();
    QCOMPARE(m_stack->index(), 1);
    QCOMPARE(text(), m_original + u"abc");
    m_document->undo();
    QCOMPARE(m_stack->index(), 0);
    QVERIFY(m_stack->isClean());
    m_edit->redo();
    QCOMPARE(m_stack->index(), 1);
    // The stack goes on from where the document is.
    m_stack->redo();
    QCOMPARE(text(), m_original + u"abc\n");
    QCOMPARE(m_stack->index(), 2);
}

void tst_TextUndoStack::typingAfterAnUndoDropsTheStaleRedo()
{
    type(QStringLiteral("abc"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    m_stack->undo();
    QVERIFY(m_stack->canRedo());
    m_edit->moveCursor(QTextCursor::End);
    // Whether the document makes "d" a step of its own or extends "abc" with it, the undone new
    // line cannot be redone any more.
    type(QStringLiteral("d"));
    QVERIFY(!m_document->isRedoAvailable());
    QVERIFY(!m_stack->canRedo());
    m_stack->setIndex(0);
    QCOMPARE(text(), m_original);
    QVERIFY(m_stack->isClean());
}

void tst_TextUndoStack::namedStep()
{
    m_stack->setNextCommandText(QStringLiteral("Insert set-header"));
    QTextCursor cursor(m_document);
    cursor.beginEditBlock();
    cursor.insertText(QStringLiteral("<set-header />"));
    cursor.endEditBlock();
    type(QStringLiteral("x"));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->text(0), QStringLiteral("Insert set-header"));
    QCOMPARE(m_stack->text(1), QStringLiteral("Edit text"));
    // Through the document, as DiagramEditController names its edits.
    TextUndoStack::setNextCommandText(m_document, QStringLiteral("Delete retry"));
    QTest::keyClick(m_edit.get(), Qt::Key_Return);
    QCOMPARE(m_stack->text(2), QStringLiteral("Delete retry"));
}

void tst_TextUndoStack::cleanStateFollowsTheModifiedFlag()
{
    type(QStringLiteral("abc"));
    QVERIFY(!m_stack->isClean());
    // What saving does.
    m_document->setModified(false);
    QVERIFY(m_stack->isClean());
    QCOMPARE(m_stack->cleanIndex(), 1);
    m_stack->undo();
    QVERIFY(!m_stack->isClean());
    QVERIFY(m_document->isModified());
    m_stack->redo();
    QVERIFY(m_stack->isClean());
    QVERIFY(!m_document->isModified());
    m_document->setModified(true);
    QVERIFY(!m_stack->isClean());
}

void tst_TextUndoStack::replacedTextClearsTheHistory()
{
    type(QStringLiteral("abc"));
    m_edit->setPlainText(QStringLiteral("<fragment />"));
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(!m_stack->canUndo());
    type(QStringLiteral("x"));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(text(), QStringLiteral("<fragment />"));
}

QTEST_MAIN(tst_TextUndoStack)
#include "tst_textundostack.moc"
