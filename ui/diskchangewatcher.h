// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <chrono>

// Tells when the open file was changed on disk by someone else. The file's digest is taken when
// the document is opened or saved (setFileName), so the notification of our own save, which
// brings the same bytes, is ignored. Notifications are coalesced (writers often truncate, then
// write) and the watch is renewed after an atomic replace, which removes the watched path.
class DiskChangeWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskChangeWatcher)

public:
    explicit DiskChangeWatcher(QObject *parent = nullptr);

    void setDelay(std::chrono::milliseconds delay);
    // Watches fileName from its current contents on; empty stops watching.
    void setFileName(const QString &fileName);

Q_SIGNALS:
    void changedOnDisk(const QString &fileName);

private:
    void check();
    static QByteArray digest(const QString &fileName);

    QFileSystemWatcher m_watcher;
    QTimer m_delay;
    QString m_fileName;
    QByteArray m_digest;
};
