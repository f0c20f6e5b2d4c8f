// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachemodel.h"

#include "engine/clock.h"
#include "engine/valuecache.h"

CacheModel::CacheModel(ValueCache *cache, int refreshIntervalMs, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{
    connect(cache, &ValueCache::entryStored, this, &CacheModel::upsert);
    connect(cache, &ValueCache::entryRemoved, this, &CacheModel::removeEntry);
    connect(cache, &ValueCache::entryExpired, this, &CacheModel::removeEntry);
    connect(cache, &ValueCache::cleared, this, &CacheModel::refresh);
    connect(&m_timer, &QTimer::timeout, this, &CacheModel::refresh);
    m_timer.start(refreshIntervalMs);
    refresh();
}

int CacheModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CacheModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CacheEntry &entry = m_entries.at(index.row());
    const qint64 remaining = entry.remainingMs(m_cache->clock()->nowMs());
    if (role == RemainingMsRole)
        return remaining;
    if (role == ExpiresAtMsRole)
        return entry.expiresAtMs;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn:
        return entry.key;
    case ValueColumn:
        return entry.displayValue;
    case RegionColumn:
        return entry.partition.isEmpty() ? tr("(shared)") : entry.partition;
    case TtlColumn:
        return tr("%1 s").arg(double(remaining) / 1000.0, 0, 'f', 1);
    }
    return {};
}

QVariant CacheModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case RegionColumn:
        return tr("Region");
    case TtlColumn:
        return tr("Time to live");
    }
    return {};
}

void CacheModel::refresh()
{
    m_cache->purgeExpired();
    const QList<CacheEntry> current = m_cache->entries();
    for (qsizetype row = m_entries.size() - 1; row >= 0; --row) {
        const CacheEntry &entry = m_entries.at(row);
        const bool stillThere
                = std::any_of(current.cbegin(), current.cend(), [&](const CacheEntry &c) {
                      return c.partition == entry.partition && c.key == entry.key;
                  });
        if (!stillThere) {
            beginRemoveRows({}, int(row), int(row));
            m_entries.removeAt(row);
            endRemoveRows();
        }
    }
    for (const CacheEntry &entry : current)
        upsert(entry);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, TtlColumn), index(int(m_entries.size()) - 1, TtlColumn));
}

void CacheModel::upsert(const CacheEntry &entry)
{
    const qsizetype row = rowOf(entry.partition, entry.key);
    if (row >= 0) {
        m_entries[row] = entry;
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        return;
    }
    // A stored entry may arrive (queued) after it already expired: do not resurrect it.
    if (entry.isExpired(m_cache->clock()->nowMs()))
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(entry);
    endInsertRows();
}

void CacheModel::removeEntry(const QString &partition, const QString &key)
{
    const qsizetype row = rowOf(partition, key);
    if (row < 0)
        return;
    beginRemoveRows({}, int(row), int(row));
    m_entries.removeAt(row);
    endRemoveRows();
}

qsizetype CacheModel::rowOf(const QString &partition, const QString &key) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).partition == partition && m_entries.at(row).key == key)
            return row;
    }
    return -1;
}
