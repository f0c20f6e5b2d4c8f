// SPDX-License-Identifier: GPL-3.0-or-later
#include "diskchangewatcher.h"
#include "documentanalyzer.h"
#include "documentrecovery.h"
#include "mainwindow.h"
#include "modalanswerer.h"
#include "policyeditor.h"

#include <KSyntaxHighlighting/Repository>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>

using namespace std::chrono_literals;

// The document's life in the window: one undo history, autosave and recovery, reloads when the
// file changes on disk.
class tst_MainWindowSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void undoActionsFollowTheDocumentHistory();
    void autosavesWhileEditing();
    void offersToRestoreNewerRecoveredText();
    void declinedRecoveryIsDiscarded();
    void untitledWindowRecoversOnStart();
    void reloadsAnUnmodifiedFileWithANotice();
    void asksBeforeReloadingOverLocalChanges();

private:
    static bool write(const QString &fileName, const QByteArray &bytes);
    // Clicks button in the next message box that opens (modal dialogs run their own loop).
    void typeAtEnd(const QString &text);
    QAction *action(const char *name) const;

    KSyntaxHighlighting::Repository m_repository;
    QTemporaryDir *m_dir = nullptr;
    QString m_file;
    MainWindow *m_window = nullptr;
    ModalAnswerer m_answerer;
};

void tst_MainWindowSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowsession"));
}

void tst_MainWindowSession::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("policy.xml"));
    QFile seed(QStringLiteral(APIM_SHARED_DIR "/seed/01-retry-failover-api.xml"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    QVERIFY(write(m_file, seed.readAll()));
    m_window = new MainWindow(m_repository);
    m_window->analyzer()->setDelay(20ms);
    m_window->diskWatcher()->setDelay(0ms);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openFile(m_file));
    m_answerer.reset();
}

void tst_MainWindowSession::cleanup()
{
    m_window->editor()->document()->setModified(false);
    delete m_window;
    m_window = nullptr;
    delete m_dir;
}

bool tst_MainWindowSession::write(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void tst_MainWindowSession::typeAtEnd(const QString &text)
{
    QTextCursor cursor = m_window->editor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_window->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_window->editor(), text);
}

QAction *tst_MainWindowSession::action(const char *name) const
{
    return m_window->findChild<QAction *>(QLatin1String(name));
}

void tst_MainWindowSession::undoActionsFollowTheDocumentHistory()
{
    QAction *undo = action("undoAction");
    QAction *redo = action("redoAction");
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    const QString original = m_window->editor()->toPlainText();

    // An edit block on the document, as diagram edits make them, is one step of the same history.
    QTextCursor cursor = m_window->editor()->document()->find(QStringLiteral("<forward-request"));
    QVERIFY(!cursor.isNull());
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.insertText(QStringLiteral("        <set-header name=\"a\" />\n"));
    cursor.insertText(QStringLiteral("        <set-header name=\"b\" />\n"));
    cursor.endEditBlock();
    QVERIFY(undo->isEnabled());
    const QString edited = m_window->editor()->toPlainText();

    undo->trigger();
    QCOMPARE(m_window->editor()->toPlainText(), original);
    QVERIFY(!undo->isEnabled());
    QVERIFY(redo->isEnabled());
    QVERIFY(!m_window->isWindowModified());
    redo->trigger();
    QCOMPARE(m_window->editor()->toPlainText(), edited);
}

void tst_MainWindowSession::autosavesWhileEditing()
{
    DocumentRecovery *recovery = m_window->recovery();
    recovery->setInterval(0ms);
    QSignalSpy saved(recovery, &DocumentRecovery::autosaved);
    typeAtEnd(QStringLiteral(" <!-- x -->"));
    QVERIFY(saved.wait());
    QFile file(recovery->recoveryFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), m_window->editor()->toPlainText());
    file.close();
    QVERIFY(m_window->saveFile(m_file));
    QVERIFY(!QFile::exists(recovery->recoveryFile()));
}

void tst_MainWindowSession::offersToRestoreNewerRecoveredText()
{
    // A session that ended in a crash left its text in the recovery file.
    const QString crashed = m_window->editor()->toPlainText() + QStringLiteral("\n<!-- lost -->");
    const QString recoveryFile = m_window->recovery()->recoveryFile();
    QVERIFY(QDir().mkpath(QFileInfo(recoveryFile).path()));
    QVERIFY(write(recoveryFile, crashed.toUtf8()));
    QFile document(m_file);
    QVERIFY(document.open(QIODevice::ReadWrite));
    QVERIFY(document.setFileTime(QDateTime::currentDateTime().addSecs(-60),
                                 QFileDevice::FileModificationTime));
    document.close();

    MainWindow next(m_repository);
    m_answerer.answerNext(QMessageBox::Yes);
    QVERIFY(next.openFile(m_file));
    QCOMPARE(m_answerer.answered(), 1);
    QCOMPARE(next.editor()->toPlainText(), crashed);
    QVERIFY(next.editor()->document()->isModified());
    // Undo gives back the file as it is on disk.
    next.editor()->undo();
    QCOMPARE(next.editor()->toPlainText(), m_window->editor()->toPlainText());
    next.editor()->document()->setModified(false);
    QVERIFY(!QFile::exists(recoveryFile));
}

void tst_MainWindowSession::declinedRecoveryIsDiscarded()
{
    const QString recoveryFile = m_window->recovery()->recoveryFile();
    QVERIFY(QDir().mkpath(QFileInfo(recoveryFile).path()));
    QVERIFY(write(recoveryFile, "<policies />"));
    QFile document(m_file);
    QVERIFY(document.open(QIODevice::ReadWrite));
    QVERIFY(document.setFileTime(QDateTime::currentDateTime().addSecs(-60),
                                 QFileDevice::FileModificationTime));
    document.close();

    MainWindow next(m_repository);
    m_answerer.answerNext(QMessageBox::No);
    QVERIFY(next.openFile(m_file));
    QCOMPARE(m_answerer.answered(), 1);
    QVERIFY(!next.editor()->document()->isModified());
    QVERIFY(!QFile::exists(recoveryFile));
}

void tst_MainWindowSession::untitledWindowRecoversOnStart()
{
    const QString recoveryFile = QDir(DocumentRecovery::defaultDirectory())
                                         .filePath(QStringLiteral("untitled.recovery"));
    QVERIFY(QDir().mkpath(DocumentRecovery::defaultDirectory()));
    QVERIFY(write(recoveryFile, "<policies><!-- never saved --></policies>"));

    m_answerer.answerNext(QMessageBox::Yes);
    MainWindow next(m_repository);
    QTRY_COMPARE(next.editor()->toPlainText(),
                 QStringLiteral("<policies><!-- never saved --></policies>"));
    QCOMPARE(m_answerer.answered(), 1);
    QVERIFY(next.currentFile().isEmpty());
    next.editor()->document()->setModified(false);
    QVERIFY(!QFile::exists(recoveryFile));
}

void tst_MainWindowSession::reloadsAnUnmodifiedFileWithANotice()
{
    const QByteArray changed
            = "<policies>\n    <inbound>\n        <base />\n    </inbound>\n</policies>";
    QVERIFY(write(m_file, changed));
    QTRY_COMPARE(m_window->editor()->toPlainText(), QString::fromUtf8(changed));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("reloaded")));
    QCOMPARE(m_answerer.answered(), 0);
    QVERIFY(!m_window->isWindowModified());
}

void tst_MainWindowSession::asksBeforeReloadingOverLocalChanges()
{
    typeAtEnd(QStringLiteral(" <!-- mine -->"));
    const QString mine = m_window->editor()->toPlainText();

    m_answerer.answerNext(QMessageBox::No);
    QVERIFY(write(m_file, "<policies><!-- theirs 1 --></policies>"));
    QTRY_COMPARE(m_answerer.answered(), 1);
    QCOMPARE(m_window->editor()->toPlainText(), mine);

    m_answerer.answerNext(QMessageBox::Yes);
    QVERIFY(write(m_file, "<policies><!-- theirs 2 --></policies>"));
    QTRY_COMPARE(m_window->editor()->toPlainText(),
                 QStringLiteral("<policies><!-- theirs 2 --></policies>"));
    QCOMPARE(m_answerer.answered(), 2);
    QVERIFY(!m_window->isWindowModified());
}

QTEST_MAIN(tst_MainWindowSession)
#include "tst_mainwindowsession.moc"
