// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticmodel.h"
#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "mainwindow.h"
#include "policyeditor.h"
#include "problemsview.h"

#include <KSyntaxHighlighting/Repository>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <chrono>

using namespace std::chrono_literals;

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensTheDiagramOfTheFile();
    void clickingANodeSelectsItsElement();
    void movingTheCursorSelectsTheInnermostNode();
    void editingCountUpdatesTheRetryNode();
    void brokenXmlListsProblemsAndKeepsTheLastDiagram();
    void problemDoubleClickJumpsToThePlace();
    void extraDiagnosticProvidersFeedTheProblems();
    void validationAndExpressionErrorsWhileTyping_data();
    void validationAndExpressionErrorsWhileTyping();
    void workspaceFeedsItsGateway();
    void savesAtomicallyByteForByte();
    void germanTranslationIsCompiledIn();
    void openedFilesAreRemembered();

private:
    FlowNodeItem *retryNode() const;
    void replaceInEditor(const QString &before, const QString &after);

    QString m_seed = QStringLiteral(APIM_SHARED_DIR "/seed/01-retry-failover-api.xml");
    KSyntaxHighlighting::Repository m_repository;
    MainWindow *m_window = nullptr;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void tst_MainWindow::init()
{
    m_window = new MainWindow(m_repository);
    m_window->resize(1400, 900);
    m_window->analyzer()->setDelay(20ms);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openFile(m_seed));
}

void tst_MainWindow::cleanup()
{
    m_window->editor()->document()->setModified(false);
    delete m_window;
    m_window = nullptr;
}

FlowNodeItem *tst_MainWindow::retryNode() const
{
    for (FlowNodeItem *node : m_window->diagramScene()->nodes()) {
        if (node->kind() == FlowNodeItem::Kind::Retry)
            return node;
    }
    return nullptr;
}

void tst_MainWindow::replaceInEditor(const QString &before, const QString &after)
{
    QTextCursor cursor = m_window->editor()->document()->find(before);
    QVERIFY2(!cursor.isNull(), qPrintable(before));
    m_window->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_window->editor(), after);
}

void tst_MainWindow::opensTheDiagramOfTheFile()
{
    QVERIFY(m_window->windowTitle().startsWith(u"01-retry-failover-api.xml"));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->diagnosticModel()->rowCount(), 0);
    QVERIFY(!m_window->diagramView()->isStale());
    QVERIFY(m_window->diagramScene()->section(QStringLiteral("backend")));
    QVERIFY(retryNode());
}

void tst_MainWindow::clickingANodeSelectsItsElement()
{
    FlowNodeItem *forward = m_window->diagramScene()->nodeAt(
            m_window->editor()->toPlainText().indexOf(u"<forward-request"));
    QVERIFY(forward);
    FlowDiagramView *view = m_window->diagramView();
    view->centerOn(forward);
    const QPoint click = view->mapFromScene(forward->sceneBoundingRect().center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, click);
    QVERIFY(forward->isSelected());
    const QTextCursor cursor = m_window->editor()->textCursor();
    QCOMPARE(cursor.selectionStart(), int(forward->range().begin.offset));
    QCOMPARE(cursor.selectionEnd(), int(forward->range().end.offset));
    QCOMPARE(cursor.selectedText(),
             QStringLiteral("<forward-request buffer-request-body=\"true\" />"));
    QCOMPARE(m_window->diagramScene()->selectedNode(), forward); // the echo keeps the selection
}

void tst_MainWindow::movingTheCursorSelectsTheInnermostNode()
{
    PolicyEditor *editor = m_window->editor();
    QTextCursor cursor(editor->document());
    cursor.setPosition(int(editor->toPlainText().indexOf(u"{{weu-backend-url}}")));
    editor->setTextCursor(cursor);
    const FlowNodeItem *selected = m_window->diagramScene()->selectedNode();
    QVERIFY(selected);
    QCOMPARE(selected->elementName(), QStringLiteral("set-backend-service"));
    QCOMPARE(static_cast<const FlowNodeItem *>(selected->parentItem())->elementName(),
             QStringLiteral("when"));
}

void tst_MainWindow::editingCountUpdatesTheRetryNode()
{
    QVERIFY(retryNode()->details().contains(QStringLiteral("count: 1")));
    replaceInEditor(QStringLiteral("count=\"1\""), QStringLiteral("count=\"3\""));
    QVERIFY(m_window->isWindowModified());
    QTRY_VERIFY(retryNode() && retryNode()->details().contains(QStringLiteral("count: 3")));
    QVERIFY(!m_window->diagramView()->isStale());
}

void tst_MainWindow::brokenXmlListsProblemsAndKeepsTheLastDiagram()
{
    const int nodes = int(m_window->diagramScene()->nodes().size());
    replaceInEditor(QStringLiteral("</choose>"), QStringLiteral("</chose>"));
    QTRY_VERIFY(m_window->diagnosticModel()->rowCount() > 0);
    const QString problem = m_window->diagnosticModel()->index(0).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+:\\d+: .+")).match(problem).hasMatch(),
             qPrintable(problem));
    QVERIFY(m_window->diagramView()->isStale());
    QCOMPARE(int(m_window->diagramScene()->nodes().size()), nodes);
    QVERIFY(retryNode());
    QVERIFY(m_window->editor()->extraSelections().size() > 1);

    m_window->editor()->undo();
    QTRY_COMPARE(m_window->diagnosticModel()->rowCount(), 0);
    QVERIFY(!m_window->diagramView()->isStale());
}

void tst_MainWindow::problemDoubleClickJumpsToThePlace()
{
    replaceInEditor(QStringLiteral("</choose>"), QStringLiteral("</chose>"));
    QTRY_VERIFY(m_window->diagnosticModel()->rowCount() > 0);
    m_window->editor()->moveCursor(QTextCursor::Start);
    ProblemsView *problems = m_window->problemsView();
    const QModelIndex first = m_window->diagnosticModel()->index(0);
    const QRect rect = problems->visualRect(first);
    // QTest's double-click lacks the press before it that item views need to hit the same row.
    QTest::mousePress(problems->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(problems->viewport(), Qt::LeftButton, {}, rect.center());
    const qsizetype offset = first.data(DiagnosticModel::OffsetRole).toLongLong();
    QCOMPARE(m_window->editor()->textCursor().position(), int(offset));
    QVERIFY(offset > 0);
}

void tst_MainWindow::extraDiagnosticProvidersFeedTheProblems()
{
    m_window->analyzer()->addDiagnosticProvider([](const PolicyDocument &document) {
        const PolicyNode *backend = document.section(u"backend");
        return QList<Diagnostic>{Diagnostic::warning(QStringLiteral("test.provider"),
                                                     QStringLiteral("checked by a provider"),
                                                     backend->range)};
    });
    m_window->analyzer()->analyzeNow();
    QCOMPARE(m_window->diagnosticModel()->rowCount(), 1);
    QVERIFY(m_window->diagnosticModel()->index(0).data().toString().endsWith(
            u"checked by a provider"));
    QCOMPARE(m_window->diagnosticModel()->diagnostic(m_window->diagnosticModel()->index(0)).file,
             m_seed);
    QVERIFY(!m_window->diagramView()->isStale()); // a warning is no parse failure
}

void tst_MainWindow::validationAndExpressionErrorsWhileTyping_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("problem");
    QTest::newRow("expression") << QStringLiteral("== 404)\" count")
                                << QStringLiteral("== 404 +)\" count")
                                << QStringLiteral("8:65: Unexpected end of expression");
    QTest::newRow("schema") << QStringLiteral("count=\"1\"") << QStringLiteral("count=\"many\"")
                            << QStringLiteral("8:73: 'many' is not valid for attribute 'count'");
}

void tst_MainWindow::validationAndExpressionErrorsWhileTyping()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, problem);
    QTextCursor cursor = m_window->editor()->document()->find(before);
    QVERIFY(!cursor.isNull());
    cursor.insertText(after);
    QTRY_VERIFY(m_window->diagnosticModel()->rowCount() > 0);
    const QString shown = m_window->diagnosticModel()->index(0).data().toString();
    QVERIFY2(shown.startsWith(problem), qPrintable(shown));
    QVERIFY(!m_window->diagramView()->isStale()); // the XML still parses: the diagram follows
}

void tst_MainWindow::workspaceFeedsItsGateway()
{
    QTemporaryDir dir;
    const QString source = QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/");
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("article"))));
    for (const QString &file : {QStringLiteral("article-step2.apimws"),
                                QStringLiteral("article/global.xml"),
                                QStringLiteral("article/02-cached-failover-api.xml"),
                                QStringLiteral("article/00-default-operation.xml")})
        QVERIFY(QFile::copy(source + file, dir.filePath(file)));
    const QString path = dir.filePath(QStringLiteral("article-step2.apimws"));
    QVERIFY(m_window->openFile(path));
    QVERIFY(m_window->hasWorkspace());
    QVERIFY(m_window->editor()->toPlainText().contains(u"is-eus-down-cache-key"));
    QCOMPARE(m_window->diagnosticModel()->rowCount(), 0);

    replaceInEditor(QStringLiteral("duration=\"10\""), QStringLiteral("duration=\"30\""));
    QTRY_VERIFY(m_window->isWindowModified());
    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->isWindowModified());
    QFile saved(dir.filePath(QStringLiteral("article/02-cached-failover-api.xml")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    // Saving writes what the gateway runs: the edit reached the workspace it was given.
    QVERIFY(saved.readAll().contains("duration=\"30\""));
}

void tst_MainWindow::savesAtomicallyByteForByte()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile seed(m_seed);
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray original = seed.readAll();
    QByteArray crlf = original;
    crlf.replace("\n", "\r\n").prepend("\xEF\xBB\xBF");
    const QString path = dir.filePath(QStringLiteral("crlf.xml"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(crlf);
    out.close();

    QVERIFY(m_window->openFile(path));
    replaceInEditor(QStringLiteral("count=\"1\""), QStringLiteral("count=\"2\""));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->saveFile(path));
    QVERIFY(!m_window->isWindowModified());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QByteArray expected = crlf;
    expected.replace("count=\"1\"", "count=\"2\"");
    QCOMPARE(saved.readAll(), expected);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"crlf.xml"}); // no temp left
}

void tst_MainWindow::germanTranslationIsCompiledIn()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), "apim-designer", "_", ":/i18n"));
    QCOMPARE(translator.translate("MainWindow", "&File"), QStringLiteral("&Datei"));
    QCOMPARE(translator.translate("FlowDiagramScene", "Inbound processing"),
             QStringLiteral("Eingehende Verarbeitung"));
}

void tst_MainWindow::openedFilesAreRemembered()
{
    QMenu *recent = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        for (QAction *item : action->menu()->actions()) {
            if (item->menu() && item->text() == MainWindow::tr("Open &Recent"))
                recent = item->menu();
        }
    }
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QCOMPARE(recent->actions().constFirst()->text(),
             QDir::toNativeSeparators(QFileInfo(m_seed).absoluteFilePath()));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
