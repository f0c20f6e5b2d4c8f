// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include "clock.h"

RateLimiter::RateLimiter(const Clock *clock)
    : m_clock(clock)
{}

void RateLimiter::prune(std::deque<qint64> &window, qint64 now, qint64 periodMs) const
{
    while (!window.empty() && window.front() <= now - periodMs)
        window.pop_front();
}

RateLimiter::Decision RateLimiter::check(const QString &key, int calls, qint64 periodMs)
{
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    std::deque<qint64> &window = m_windows[key];
    prune(window, now, periodMs);
    Decision decision;
    decision.allowed = qsizetype(window.size()) < calls;
    decision.remaining = qMax(0, calls - int(window.size()) - 1);
    if (!decision.allowed && !window.empty())
        decision.retryAfterMs = window.front() + periodMs - now;
    return decision;
}

void RateLimiter::increment(const QString &key, int count, qint64 periodMs)
{
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    std::deque<qint64> &window = m_windows[key];
    prune(window, now, periodMs);
    for (int i = 0; i < count; ++i)
        window.push_back(now);
}

void RateLimiter::clear()
{
    QMutexLocker lock(&m_mutex);
    m_windows.clear();
}
