// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/cacheentry.h"

#include <QAbstractTableModel>
#include <QTimer>

class ValueCache;

// The gateway's value cache as a table: key, value, region and a live time-to-live countdown.
// Entries appear when stored and vanish when removed or expired; the countdown is refreshed at a
// bounded rate from the cache's own clock.
class CacheModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheModel)

public:
    enum Column { KeyColumn, ValueColumn, RegionColumn, TtlColumn, ColumnCount };
    enum Role { RemainingMsRole = Qt::UserRole + 1, ExpiresAtMsRole };

    explicit CacheModel(ValueCache *cache, int refreshIntervalMs = 250, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Re-reads the cache: drops expired entries and refreshes the countdowns.
    void refresh();

private:
    void upsert(const CacheEntry &entry);
    void removeEntry(const QString &partition, const QString &key);
    qsizetype rowOf(const QString &partition, const QString &key) const;

    ValueCache *m_cache;
    QList<CacheEntry> m_entries;
    QTimer m_timer;
};
