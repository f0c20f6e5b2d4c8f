// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Time source for everything that expires or waits (cache TTLs, retry delays, circuit breakers), so
// tests can move time by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a monotonic scale; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
};
