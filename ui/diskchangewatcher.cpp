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
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    m_delay.stop();
    m_fileName = fileName;
    m_digest = fileName.isEmpty() ? QByteArray() : digest(fileName);
    if (!fileName.isEmpty() && QFile::exists(fileName))
        m_watcher.addPath(fileName);
}

void DiskChangeWatcher::check()
{
    if (m_fileName.isEmpty() || !QFile::exists(m_fileName))
        return;
    if (!m_watcher.files().contains(m_fileName))
        m_watcher.addPath(m_fileName);
    const QByteArray now = digest(m_fileName);
    if (now == m_digest)
        return;
    m_digest = now;
    Q_EMIT changedOnDisk(m_fileName);
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
