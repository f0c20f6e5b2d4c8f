// SPDX-License-Identifier: GPL-3.0-or-later
#include "concurrencylimiter.h"

bool ConcurrencyLimiter::tryAcquire(const QString &key, int maxCount)
{
    QMutexLocker lock(&m_mutex);
    int &count = m_counts[key];
    if (count >= maxCount)
        return false;
    ++count;
    return true;
}

void ConcurrencyLimiter::release(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_counts.find(key);
    if (it == m_counts.end())
        return;
    if (--it.value() <= 0)
        m_counts.erase(it);
}

int ConcurrencyLimiter::inFlight(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_counts.value(key);
}
