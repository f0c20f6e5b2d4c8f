// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cacheentry.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <optional>
#include <utility>

class Clock;

// APIM's internal value cache (cache-lookup-value / cache-store-value / cache-remove-value).
// APIM keeps one internal cache per region; Shared mode emulates an external cache (Redis) that all
// regions see, so a demo can show the difference. Thread-safe: gateway workers call it from their
// own threads; signals reach the views queued.
class ValueCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueCache)

public:
    enum class Mode { PerRegion, Shared };

    explicit ValueCache(const Clock *clock, Mode mode = Mode::PerRegion, QObject *parent = nullptr);

    Mode mode() const;
    void setMode(Mode mode);

    std::optional<QVariant> lookup(const QString &region, const QString &key);
    void store(const QString &region,
               const QString &key,
               const QVariant &value,
               const QString &displayValue,
               qint64 durationMs);
    bool remove(const QString &region, const QString &key);
    void clear();
    // Drops expired entries (announcing each); lookups also skip them, so this only keeps views and
    // memory tidy.
    void purgeExpired();
    QList<CacheEntry> entries() const;
    const Clock *clock() const { return m_clock; }

Q_SIGNALS:
    void entryStored(const CacheEntry &entry);
    void entryRemoved(const QString &partition, const QString &key);
    void entryExpired(const QString &partition, const QString &key);
    void cleared();

private:
    QString partitionFor(const QString &region) const;
    using Slot = std::pair<QString, QString>; // partition, key
    // A pair rather than one joined string: a lookup then copies two references instead of
    // allocating (three lookups or removals per request in the article's step 2).
    static Slot slot(const QString &partition, const QString &key);

    const Clock *m_clock;
    Mode m_mode;
    mutable QMutex m_mutex;
    QHash<Slot, CacheEntry> m_entries;
};
