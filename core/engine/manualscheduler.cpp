// SPDX-License-Identifier: GPL-3.0-or-later
#include "manualscheduler.h"

#include "manualclock.h"

ManualScheduler::ManualScheduler(ManualClock *clock)
    : m_clock(clock)
{}

void ManualScheduler::schedule(qint64 delayMs, std::function<void()> task)
{
    m_delays.append(delayMs);
    m_tasks.append({m_clock->nowMs() + qMax<qint64>(0, delayMs), m_order++, std::move(task)});
}

qsizetype ManualScheduler::earliest() const
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        const Task &t = m_tasks.at(i);
        if (best < 0 || t.dueMs < m_tasks.at(best).dueMs
            || (t.dueMs == m_tasks.at(best).dueMs && t.order < m_tasks.at(best).order))
            best = i;
    }
    return best;
}

bool ManualScheduler::runNext()
{
    const qsizetype index = earliest();
    if (index < 0)
        return false;
    Task task = m_tasks.takeAt(index);
    if (task.dueMs > m_clock->nowMs())
        m_clock->set(task.dueMs);
    task.run();
    return true;
}

void ManualScheduler::advance(qint64 ms)
{
    const qint64 target = m_clock->nowMs() + ms;
    for (qsizetype index = earliest(); index >= 0 && m_tasks.at(index).dueMs <= target;
         index = earliest())
        runNext();
    m_clock->set(target);
}
