// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentrecovery.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

using namespace std::chrono_literals;

class tst_DocumentRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void autosavesUnsavedChangesAfterTheInterval();
    void writesNothingWithoutChanges();
    void savingRemovesTheRecoveryFile();
    void oneRecoveryFilePerDocument();
    void recoversOnlyWhatIsNewerThanTheFile();
    void switchingWritesThePendingAutosave_data();
    void switchingWritesThePendingAutosave();
    void discardAllRemovesEveryRecoveryFile();

private:
    void edit(const QString &text);
    QString writeDocumentFile(const QByteArray &bytes);
    static void setModificationTime(const QString &fileName, const QDateTime &time);

    QTemporaryDir *m_dir = nullptr;
    QTextDocument *m_document = nullptr;
    DocumentRecovery *m_recovery = nullptr;
};

void tst_DocumentRecovery::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_document = new QTextDocument;
    m_document->setPlainText(QStringLiteral("<policies />"));
    m_document->setModified(false); // as the editor leaves a document it opened
    m_recovery = new DocumentRecovery(m_document, m_dir->filePath(QStringLiteral("recovery")));
}

void tst_DocumentRecovery::cleanup()
{
    delete m_recovery;
    delete m_document;
    delete m_dir;
}

void tst_DocumentRecovery::edit(const QString &text)
{
    QTextCursor cursor(m_document);
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
}

QString tst_DocumentRecovery::writeDocumentFile(const QByteArray &bytes)
{
    const QString fileName = m_dir->filePath(QStringLiteral("policy.xml"));
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return fileName;
}

void tst_DocumentRecovery::setModificationTime(const QString &fileName, const QDateTime &time)
{
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
}

void tst_DocumentRecovery::autosavesUnsavedChangesAfterTheInterval()
{
    m_recovery->setInterval(0ms);
    QSignalSpy saved(m_recovery, &DocumentRecovery::autosaved);
    edit(QStringLiteral("\n<!-- typed -->"));
    QVERIFY(saved.wait());
    QCOMPARE(saved.constFirst().constFirst().toString(), m_recovery->recoveryFile());
    QFile file(m_recovery->recoveryFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), m_document->toPlainText());
}

void tst_DocumentRecovery::writesNothingWithoutChanges()
{
    QVERIFY(!m_recovery->autosave());
    QVERIFY(!QFile::exists(m_recovery->recoveryFile()));
}

void tst_DocumentRecovery::savingRemovesTheRecoveryFile()
{
    edit(QStringLiteral(" "));
    QVERIFY(m_recovery->autosave());
    QVERIFY(QFile::exists(m_recovery->recoveryFile()));
    m_document->setModified(false); // what saving the document does
    QVERIFY(!QFile::exists(m_recovery->recoveryFile()));
}

void tst_DocumentRecovery::oneRecoveryFilePerDocument()
{
    const QString untitled = m_recovery->recoveryFile();
    QCOMPARE(QFileInfo(untitled).fileName(), QStringLiteral("untitled.recovery"));
    m_recovery->setFileName(m_dir->filePath(QStringLiteral("a.xml")));
    const QString a = m_recovery->recoveryFile();
    m_recovery->setFileName(m_dir->filePath(QStringLiteral("b.xml")));
    const QString b = m_recovery->recoveryFile();
    QVERIFY(a != b && a != untitled && b != untitled);
    QCOMPARE(QFileInfo(a).path(), m_dir->filePath(QStringLiteral("recovery")));
}

void tst_DocumentRecovery::recoversOnlyWhatIsNewerThanTheFile()
{
    const QString fileName = writeDocumentFile("<policies />");
    QVERIFY(!fileName.isEmpty());
    m_recovery->setFileName(fileName);
    QVERIFY(!m_recovery->recoverableText());

    edit(QStringLiteral("<!-- lost in a crash -->"));
    QVERIFY(m_recovery->autosave());
    const QDateTime now = QDateTime::currentDateTime();
    setModificationTime(fileName, now.addSecs(-60));
    setModificationTime(m_recovery->recoveryFile(), now);
    const std::optional<QString> recovered = m_recovery->recoverableText();
    QVERIFY(recovered);
    QCOMPARE(*recovered, m_document->toPlainText());

    // Saved elsewhere later (another program, another session): the file wins.
    setModificationTime(fileName, now.addSecs(60));
    QVERIFY(!m_recovery->recoverableText());

    // Gone from disk: the recovery file is all there is.
    QVERIFY(QFile::remove(fileName));
    QVERIFY(m_recovery->recoverableText());
}

void tst_DocumentRecovery::switchingWritesThePendingAutosave_data()
{
    QTest::addColumn<bool>("documentFirst");
    QTest::newRow("document, then file name") << true;
    QTest::newRow("file name, then document") << false;
}

// A scope switch changes both, in either order: the edits of the scope left behind go to its own
// recovery file at once, not after an interval that the switch would cancel.
void tst_DocumentRecovery::switchingWritesThePendingAutosave()
{
    QFETCH(bool, documentFirst);
    m_recovery->setFileName(m_dir->filePath(QStringLiteral("a.xml")));
    const QString a = m_recovery->recoveryFile();
    edit(QStringLiteral("\n<!-- a -->"));
    QTextDocument other;
    other.setPlainText(QStringLiteral("<policies />"));
    other.setModified(false);
    QSignalSpy saved(m_recovery, &DocumentRecovery::autosaved);
    if (documentFirst) {
        m_recovery->setDocument(&other);
        m_recovery->setFileName(m_dir->filePath(QStringLiteral("b.xml")));
    } else {
        m_recovery->setFileName(m_dir->filePath(QStringLiteral("b.xml")));
        m_recovery->setDocument(&other);
    }
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().constFirst().toString(), a);
    QFile file(a);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), m_document->toPlainText());
    QVERIFY(!QFile::exists(m_recovery->recoveryFile()));
    m_recovery->setDocument(m_document);
}

void tst_DocumentRecovery::discardAllRemovesEveryRecoveryFile()
{
    m_recovery->setFileName(m_dir->filePath(QStringLiteral("a.xml")));
    const QString a = m_recovery->recoveryFile();
    edit(QStringLiteral("\n<!-- a -->"));
    QVERIFY(m_recovery->autosave());
    m_recovery->setFileName(m_dir->filePath(QStringLiteral("b.xml")));
    const QString b = m_recovery->recoveryFile();
    edit(QStringLiteral("\n<!-- b -->"));
    QVERIFY(m_recovery->autosave());
    QVERIFY(QFile::exists(a) && QFile::exists(b));
    m_recovery->discardAll();
    QVERIFY(!QFile::exists(a));
    QVERIFY(!QFile::exists(b));
}

QTEST_GUILESS_MAIN(tst_DocumentRecovery)
#include "tst_documentrecovery.moc"
