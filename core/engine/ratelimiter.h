// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>

class Clock;

// Sliding-window call counters of rate-limit and rate-limit-by-key: one counter per key, shared
// by every scope and region that uses the key (APIM's "single counter for all scopes").
// Thread-safe.
class RateLimiter
{
public:
    explicit RateLimiter(const Clock *clock);

    struct Decision
    {
        bool allowed = true;
        int remaining = 0;
        qint64 retryAfterMs = 0;
    };
    // Whether one more call fits in calls per periodMs; does not count it.
    Decision check(const QString &key, int calls, qint64 periodMs);
    void increment(const QString &key, int count, qint64 periodMs);
    void clear();

private:
    void prune(std::deque<qint64> &window, qint64 now, qint64 periodMs) const;

    const Clock *m_clock;
    QMutex m_mutex;
    QHash<QString, std::deque<qint64>> m_windows;
};
