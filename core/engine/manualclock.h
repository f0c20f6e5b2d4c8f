// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"

#include <atomic>

// A clock that only moves when told to: for tests and for replaying recorded runs.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0)
        : m_now(startMs)
    {}
    qint64 nowMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    std::atomic<qint64> m_now;
};
