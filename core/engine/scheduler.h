// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>

// Runs a continuation later on the caller's thread (retry waits, mock latencies), so the engine
// never blocks and tests can run time by hand (ManualScheduler) instead of sleeping.
class Scheduler
{
public:
    virtual ~Scheduler() = default;
    virtual void schedule(qint64 delayMs, std::function<void()> task) = 0;
};
