// SPDX-License-Identifier: GPL-3.0-or-later
#include "diskchangewatcher.h"

#include <QCryptographicHash>
#include <QFile>

using namespace std::chrono_literals;

DiskChangeWatcher::DiskChangeWatcher(QObject *parent)
    : QObject(parent)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(200ms);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(&m_delay, &QTimer::timeout, this, &DiskChangeWatcher::check);
}

void DiskChangeWatcher::setDelay(std::chrono::milliseconds delay)
{
    m_delay.setInterval(delay);
}

void DiskChangeWatcher::setFileName(const QString &fileName)
{
    setFileNames(fileName.isEmpty() ? QStringList() : QStringList{fileName});
}

void DiskChangeWatcher::setFileNames(const QStringList &fileNames)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    m_delay.stop();
    m_digests.clear();
    ++m_generation;
    for (const QString &fileName : fileNames) {
        m_digests.insert(fileName, digest(fileName));
        if (QFile::exists(fileName))
            m_watcher.addPath(fileName);
    }
}

void DiskChangeWatcher::check()
{
    QStringList changed;
    for (auto it = m_digests.begin(); it != m_digests.end(); ++it) {
        if (!QFile::exists(it.key()))
            continue;
        if (!m_watcher.files().contains(it.key()))
            m_watcher.addPath(it.key());
        const QByteArray now = digest(it.key());
        if (now == it.value())
            continue;
        it.value() = now;
        changed.append(it.key());
    }
    // After the loop: a receiver may watch the files anew (a reload) while this one runs.
    const int generation = m_generation;
    for (const QString &fileName : std::as_const(changed)) {
        if (generation != m_generation)
            return;
        Q_EMIT changedOnDisk(fileName);
    }
}

QByteArray DiskChangeWatcher::digest(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(&file);
    return hash.result();
}
