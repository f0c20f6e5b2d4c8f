// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scheduler.h"

#include <QList>

#include <functional>

class ManualClock;

// A scheduler driven by a ManualClock: tasks run when the test advances the clock past their due
// time. Records every requested delay so tests can assert the exact retry waits.
class ManualScheduler final : public Scheduler
{
public:
    explicit ManualScheduler(ManualClock *clock);

    void schedule(qint64 delayMs, std::function<void()> task) override;
    // Moves the clock forward by ms, running each task as its due time is reached.
    void advance(qint64 ms);
    // Runs the earliest pending task, moving the clock to its due time; false when none.
    bool runNext();
    qsizetype pendingCount() const { return m_tasks.size(); }
    const QList<qint64> &requestedDelays() const { return m_delays; }

private:
    struct Task
    {
        qint64 dueMs;
        quint64 order;
        std::function<void()> run;
    };
    qsizetype earliest() const;

    ManualClock *m_clock;
    QList<Task> m_tasks;
    QList<qint64> m_delays;
    quint64 m_order = 0;
};
