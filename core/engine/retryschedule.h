// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>

// The waits of APIM's retry policy (retry-policy.md). count is the number of retries, so a retry
// runs its children at most count + 1 times; retry n (1-based) waits delayMs(n) before it starts.
// Fixed: interval. Linear (interval + delta): interval + (n-1)*delta. Exponential (interval + delta
// + max-interval): min(max-interval, interval + (2^(n-1) - 1) * random(0.8*delta, 1.2*delta)).
// first-fast-retry makes retry 1 immediate; later retries keep their own n.
struct RetrySchedule
{
    int count = 0;
    int intervalSeconds = 0;
    int maxIntervalSeconds = -1; // -1: not given
    int deltaSeconds = -1;       // -1: not given
    bool firstFastRetry = false;

    enum class Kind { Fixed, Linear, Exponential };
    Kind kind() const;

    // random01 yields a number in [0, 1) for the exponential jitter; injectable so tests are exact.
    qint64 delayMs(int retryNumber, const std::function<double()> &random01) const;
};
