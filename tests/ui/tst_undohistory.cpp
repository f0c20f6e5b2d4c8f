// SPDX-License-Identifier: GPL-3.0-or-later
// The designer's undo history on the article's step-2 workspace, through its widgets offscreen:
// each scope keeps its own history (and cursor) while another is edited, diagram edits and typing
// are named commands of the same stack, undoing to the saved state or saving makes the document
// clean, and the Undo History view drives the shown document's stack.
#include "articleworkspacecopy.h"
#include "diagrameditcontroller.h"
#include "documentanalyzer.h"
#include "editordocuments.h"
#include "mainwindow.h"
#include "policyeditor.h"
#include "textundostack.h"
#include "workspacenavigator.h"

#include "workspace/workspacescopemodel.h"

#include <KSyntaxHighlighting/Repository>
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoView>

#include <memory>

namespace {

const QString apiFile = ArticleWorkspaceCopy::apiFile();
const QString operationFile = ArticleWorkspaceCopy::operationFile();

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_UndoHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void eachScopeKeepsItsHistory();
    void diagramEditsAndTypingAreNamedCommandsOfOneStack();
    void undoingToTheSavedTextMakesTheDocumentClean();
    void savingMarksEveryDocumentClean();
    void historyViewDrivesTheShownDocument();

private:
    void clickScope(const WorkspaceScope &scope);
    void typeAfter(const QString &anchor, const QString &text);
    QString text() const { return m_window->editor()->toPlainText(); }
    TextUndoStack *stack() const { return m_window->editorDocuments()->currentStack(); }
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
    QString path(const QString &file) const { return m_copy->path(file); }

    KSyntaxHighlighting::Repository m_repository;
    std::unique_ptr<ArticleWorkspaceCopy> m_copy;
    MainWindow *m_window = nullptr;
    const WorkspaceScope m_api = WorkspaceScope::api(QStringLiteral("hello"));
    const WorkspaceScope m_operation
            = WorkspaceScope::operation(QStringLiteral("hello"), QStringLiteral("get-hello"));
};

void tst_UndoHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_undohistory"));
}

void tst_UndoHistory::init()
{
    m_copy = std::make_unique<ArticleWorkspaceCopy>();
    const QString error = m_copy->open(m_repository);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = m_copy->window();
    QCOMPARE(m_window->navigator()->currentScope(), m_api);
}

void tst_UndoHistory::cleanup()
{
    m_window->editorDocuments()->markSaved();
    m_window = nullptr;
    m_copy.reset();
}

void tst_UndoHistory::clickScope(const WorkspaceScope &scope)
{
    QTreeView *tree = m_window->navigator()->treeView();
    const QModelIndex index = m_window->navigator()->model()->indexOf(scope);
    QVERIFY(index.isValid());
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(m_window->navigator()->currentScope(), scope);
}

void tst_UndoHistory::typeAfter(const QString &anchor, const QString &typed)
{
    QTextCursor cursor = m_window->editor()->document()->find(anchor);
    QVERIFY(!cursor.isNull());
    cursor.clearSelection();
    m_window->editor()->setTextCursor(cursor);
    m_window->editor()->setFocus();
    QTest::keyClicks(m_window->editor(), typed);
}

void tst_UndoHistory::eachScopeKeepsItsHistory()
{
    const QByteArray apiOriginal = readFile(path(apiFile));
    const QByteArray operationOriginal = readFile(path(operationFile));
    QCOMPARE(text().toUtf8(), apiOriginal);
    typeAfter(QStringLiteral("<inbound>"), QStringLiteral("<!-- api -->"));
    const int apiCursor = m_window->editor()->textCursor().position();

    clickScope(m_operation);
    QCOMPARE(text().toUtf8(), operationOriginal);
    QVERIFY(!action("undoAction")->isEnabled());
    typeAfter(QStringLiteral("<inbound>"), QStringLiteral("<!-- operation -->"));
    QCOMPARE(stack()->count(), 1);

    clickScope(m_api);
    QVERIFY(text().contains(u"<!-- api -->"));
    QCOMPARE(m_window->editor()->textCursor().position(), apiCursor);
    QVERIFY(action("undoAction")->isEnabled());
    action("undoAction")->trigger();
    QCOMPARE(text().toUtf8(), apiOriginal);
    QVERIFY(!action("undoAction")->isEnabled());
    // The operation's edit is still there, and so is its history.
    QVERIFY(m_window->isWindowModified());
    clickScope(m_operation);
    QVERIFY(text().contains(u"<!-- operation -->"));
    QCOMPARE(stack()->index(), 1);
    // The editor's own Ctrl+Z undoes the document directly: the stack follows.
    m_window->editor()->setFocus();
    QTest::keyClick(m_window->editor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(text().toUtf8(), operationOriginal);
    QCOMPARE(stack()->index(), 0);
    QVERIFY(stack()->canRedo());
    QTRY_VERIFY(!m_window->isWindowModified());

    clickScope(m_api);
    action("redoAction")->trigger();
    QVERIFY(text().contains(u"<!-- api -->"));
    QVERIFY(m_window->isWindowModified());
}

void tst_UndoHistory::diagramEditsAndTypingAreNamedCommandsOfOneStack()
{
    const QByteArray original = readFile(path(apiFile));
    m_window->analyzer()->analyzeNow();
    const qsizetype inbound = text().indexOf(u"<inbound>");
    QVERIFY(inbound >= 0);
    QVERIFY(m_window->diagramEditController()->insertPolicy(
            QStringLiteral("set-header"), inbound, 0));
    QCOMPARE(stack()->count(), 1);
    QCOMPARE(stack()->text(0), QStringLiteral("Insert set-header"));
    QVERIFY(text().contains(u"<set-header"));

    typeAfter(QStringLiteral("<outbound>"), QStringLiteral("<!-- typed -->"));
    QCOMPARE(stack()->count(), 2);
    QCOMPARE(stack()->text(1), QStringLiteral("Edit text"));
    QVERIFY(action("undoAction")->text().endsWith(u"Edit text"));

    const qsizetype retry = text().indexOf(u"<retry");
    QVERIFY(retry >= 0);
    QVERIFY(m_window->diagramEditController()->removePolicy(retry));
    QCOMPARE(stack()->count(), 3);
    QCOMPARE(stack()->text(2), QStringLiteral("Delete retry"));
    QVERIFY(!text().contains(u"<retry"));

    action("undoAction")->trigger();
    QVERIFY(text().contains(u"<retry"));
    action("undoAction")->trigger();
    QVERIFY(!text().contains(u"<!-- typed -->"));
    QVERIFY(action("undoAction")->text().endsWith(u"Insert set-header"));
    action("undoAction")->trigger();
    QCOMPARE(text().toUtf8(), original);
    QVERIFY(stack()->isClean());
    QVERIFY(!m_window->isWindowModified());
}

void tst_UndoHistory::undoingToTheSavedTextMakesTheDocumentClean()
{
    typeAfter(QStringLiteral("<inbound>"), QStringLiteral(" "));
    QVERIFY(!stack()->isClean());
    QVERIFY(m_window->editor()->document()->isModified());
    QVERIFY(m_window->isWindowModified());
    action("undoAction")->trigger();
    QVERIFY(stack()->isClean());
    QVERIFY(!m_window->editor()->document()->isModified());
    QVERIFY(!m_window->isWindowModified());
    action("redoAction")->trigger();
    QVERIFY(!stack()->isClean());
    QVERIFY(m_window->isWindowModified());
}

void tst_UndoHistory::savingMarksEveryDocumentClean()
{
    typeAfter(QStringLiteral("<inbound>"), QStringLiteral("<!-- api -->"));
    clickScope(m_operation);
    typeAfter(QStringLiteral("<inbound>"), QStringLiteral("<!-- operation -->"));
    TextUndoStack *operationStack = stack();
    QVERIFY(m_window->isWindowModified());

    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(operationStack->isClean());
    QVERIFY(EditorDocuments::stack(m_window->navigator()->document(m_api))->isClean());
    QVERIFY(readFile(path(operationFile)).contains("<!-- operation -->"));
    QVERIFY(readFile(path(apiFile)).contains("<!-- api -->"));

    // Undo past the save: modified again, and back at the saved step clean again.
    action("undoAction")->trigger();
    QVERIFY(!text().contains(u"<!-- operation -->"));
    QVERIFY(m_window->isWindowModified());
    action("redoAction")->trigger();
    QVERIFY(operationStack->isClean());
    QVERIFY(!m_window->isWindowModified());
}

void tst_UndoHistory::historyViewDrivesTheShownDocument()
{
    const QByteArray original = readFile(path(apiFile));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("UndoHistoryDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
    auto *view = qobject_cast<QUndoView *>(dock->widget());
    QVERIFY(view);
    QCOMPARE(view->group(), m_window->editorDocuments()->undoGroup());

    typeAfter(QStringLiteral("<inbound>"), QStringLiteral("<!-- one -->"));
    typeAfter(QStringLiteral("<outbound>"), QStringLiteral("<!-- two -->"));
    // The opened text, then one row per step.
    QCOMPARE(view->model()->rowCount(), 3);
    view->setCurrentIndex(view->model()->index(0, 0));
    QCOMPARE(text().toUtf8(), original);
    QVERIFY(!m_window->isWindowModified());

    clickScope(m_operation);
    QCOMPARE(view->model()->rowCount(), 1);
    clickScope(m_api);
    QCOMPARE(view->model()->rowCount(), 3);
    view->setCurrentIndex(view->model()->index(2, 0));
    QVERIFY(text().contains(u"<!-- two -->"));
}

QTEST_MAIN(tst_UndoHistory)
#include "tst_undohistory.moc"
