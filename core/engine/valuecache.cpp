// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuecache.h"

#include "clock.h"

ValueCache::ValueCache(const Clock *clock, Mode mode, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_mode(mode)
{
    qRegisterMetaType<CacheEntry>();
}

ValueCache::Mode ValueCache::mode() const
{
    QMutexLocker lock(&m_mutex);
    return m_mode;
}

void ValueCache::setMode(Mode mode)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_mode == mode)
            return;
        m_mode = mode;
    }
    // Entries of one layout mean nothing in the other.
    clear();
}

std::optional<QVariant> ValueCache::lookup(const QString &region, const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(slot(partitionFor(region), key));
    if (it == m_entries.cend() || it->isExpired(m_clock->nowMs()))
        return std::nullopt;
    return it->value;
}

void ValueCache::store(const QString &region,
                       const QString &key,
                       const QVariant &value,
                       const QString &displayValue,
                       qint64 durationMs)
{
    CacheEntry entry;
    {
        QMutexLocker lock(&m_mutex);
        entry.partition = partitionFor(region);
        entry.key = key;
        entry.value = value;
        entry.displayValue = displayValue;
        entry.storedAtMs = m_clock->nowMs();
        entry.expiresAtMs = entry.storedAtMs + qMax<qint64>(0, durationMs);
        m_entries.insert(slot(entry.partition, key), entry);
    }
    Q_EMIT entryStored(entry);
}

bool ValueCache::remove(const QString &region, const QString &key)
{
    QString partition;
    {
        QMutexLocker lock(&m_mutex);
        partition = partitionFor(region);
        if (m_entries.remove(slot(partition, key)) == 0)
            return false;
    }
    Q_EMIT entryRemoved(partition, key);
    return true;
}

void ValueCache::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }
    Q_EMIT cleared();
}

void ValueCache::purgeExpired()
{
    QList<CacheEntry> expired;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock->nowMs();
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->isExpired(now)) {
                expired.append(*it);
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const CacheEntry &entry : std::as_const(expired))
        Q_EMIT entryExpired(entry.partition, entry.key);
}

QList<CacheEntry> ValueCache::entries() const
{
    QMutexLocker lock(&m_mutex);
    QList<CacheEntry> result;
    const qint64 now = m_clock->nowMs();
    for (const CacheEntry &entry : m_entries) {
        if (!entry.isExpired(now))
            result.append(entry);
    }
    return result;
}

QString ValueCache::partitionFor(const QString &region) const
{
    return m_mode == Mode::Shared ? QString() : region;
}

ValueCache::Slot ValueCache::slot(const QString &partition, const QString &key)
{
    return {partition, key};
}
