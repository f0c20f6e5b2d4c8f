// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

// limit-concurrency's counters: at most max executions of the enclosed policies per key at a
// time, across every request and region; extra requests are refused at once (no queue).
// Thread-safe.
class ConcurrencyLimiter
{
public:
    bool tryAcquire(const QString &key, int maxCount);
    void release(const QString &key);
    int inFlight(const QString &key) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_counts;
};
