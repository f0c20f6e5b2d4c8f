// SPDX-License-Identifier: GPL-3.0-or-later
#include "diskchangewatcher.h"

#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

class tst_DiskChangeWatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reportsAChangeByAnotherProgram();
    void ignoresOurOwnSave();
    void keepsWatchingAfterAtomicReplaces();
    void stopsWhenTheFileNameIsCleared();
    void watchesEveryFileOfAWorkspace();
    void aReceiverWatchingAnewEndsTheRound();

private:
    static bool write(const QString &fileName, const QByteArray &bytes);

    QTemporaryDir *m_dir = nullptr;
    QString m_file;
    DiskChangeWatcher *m_watcher = nullptr;
};

void tst_DiskChangeWatcher::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("policy.xml"));
    QVERIFY(write(m_file, "<policies />"));
    m_watcher = new DiskChangeWatcher;
    m_watcher->setDelay(0ms);
    m_watcher->setFileName(m_file);
}

void tst_DiskChangeWatcher::cleanup()
{
    delete m_watcher;
    delete m_dir;
}

bool tst_DiskChangeWatcher::write(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void tst_DiskChangeWatcher::reportsAChangeByAnotherProgram()
{
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("<policies><inbound /></policies>");
    file.close();
    QVERIFY(changed.wait());
    QCOMPARE(changed.constFirst().constFirst().toString(), m_file);
}

void tst_DiskChangeWatcher::ignoresOurOwnSave()
{
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    // Saving re-arms the watcher with what was written, before the notification arrives.
    QVERIFY(write(m_file, "<policies><!-- ours --></policies>"));
    m_watcher->setFileName(m_file);
    QVERIFY(write(m_file, "<policies><!-- theirs --></policies>"));
    QVERIFY(changed.wait());
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY(!changed.wait(50)); // a bounded look for a late duplicate
}

void tst_DiskChangeWatcher::keepsWatchingAfterAtomicReplaces()
{
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    QVERIFY(write(m_file, "<policies>1</policies>"));
    QVERIFY(changed.wait());
    QVERIFY(write(m_file, "<policies>2</policies>"));
    QTRY_COMPARE(changed.size(), 2);
}

void tst_DiskChangeWatcher::stopsWhenTheFileNameIsCleared()
{
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    m_watcher->setFileName({});
    QVERIFY(write(m_file, "<policies>1</policies>"));
    QVERIFY(!changed.wait(100));
}

void tst_DiskChangeWatcher::watchesEveryFileOfAWorkspace()
{
    const QString workspace = m_dir->filePath(QStringLiteral("w.apimws"));
    const QString policy = m_dir->filePath(QStringLiteral("api.xml"));
    QVERIFY(write(workspace, "{}"));
    QVERIFY(write(policy, "<policies />"));
    m_watcher->setFileNames({workspace, policy});
    QCOMPARE(m_watcher->fileNames().size(), 2);
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    QVERIFY(write(policy, "<policies><inbound /></policies>"));
    QVERIFY(changed.wait());
    QCOMPARE(changed.constFirst().constFirst().toString(), policy);
    QVERIFY(write(workspace, "{ }"));
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(changed.constLast().constFirst().toString(), workspace);
    // The file watched before is no longer one of them.
    QVERIFY(write(m_file, "<policies>1</policies>"));
    QVERIFY(!changed.wait(100));
}

void tst_DiskChangeWatcher::aReceiverWatchingAnewEndsTheRound()
{
    const QString policy = m_dir->filePath(QStringLiteral("api.xml"));
    QVERIFY(write(policy, "<policies />"));
    m_watcher->setFileNames({m_file, policy});
    // A reload reads every file again: the other change is part of it.
    int reloads = 0;
    connect(m_watcher, &DiskChangeWatcher::changedOnDisk, this, [this, &reloads, policy] {
        ++reloads;
        m_watcher->setFileNames({m_file, policy});
    });
    m_watcher->setDelay(200ms);
    QSignalSpy changed(m_watcher, &DiskChangeWatcher::changedOnDisk);
    QVERIFY(write(m_file, "<policies>1</policies>"));
    QVERIFY(write(policy, "<policies>2</policies>"));
    QVERIFY(changed.wait());
    QVERIFY(!changed.wait(300));
    QCOMPARE(reloads, 1);
}

QTEST_GUILESS_MAIN(tst_DiskChangeWatcher)
#include "tst_diskchangewatcher.moc"
