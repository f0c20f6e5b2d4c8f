// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

// Tells when an open file was changed on disk by someone else (a workspace is several files: the
// .apimws and the policy files it references). Each file's digest is taken when the document is
// opened or saved (setFileNames), so the notification of our own save, which brings the same
// bytes, is ignored. Notifications are coalesced (writers often truncate, then write) and the
// watch is renewed after an atomic replace, which removes the watched path.
class DiskChangeWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskChangeWatcher)

public:
    explicit DiskChangeWatcher(QObject *parent = nullptr);

    void setDelay(std::chrono::milliseconds delay);
    // Watches fileName from its current contents on; empty stops watching.
    void setFileName(const QString &fileName);
    // Watches these files from their current contents on, and no others.
    void setFileNames(const QStringList &fileNames);
    QStringList fileNames() const { return m_digests.keys(); }

Q_SIGNALS:
    // Once for each changed file, until a receiver calls setFileNames (e.g. reloads them all).
    void changedOnDisk(const QString &fileName);

private:
    void check();
    static QByteArray digest(const QString &fileName);

    QFileSystemWatcher m_watcher;
    QTimer m_delay;
    QHash<QString, QByteArray> m_digests;
    // Counts setFileNames calls, so a receiver that watches anew ends the round of signals.
    int m_generation = 0;
};
