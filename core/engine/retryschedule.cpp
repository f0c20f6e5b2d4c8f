// SPDX-License-Identifier: GPL-3.0-or-later
#include "retryschedule.h"

#include <algorithm>
#include <cmath>

RetrySchedule::Kind RetrySchedule::kind() const
{
    if (deltaSeconds < 0)
        return Kind::Fixed;
    return maxIntervalSeconds < 0 ? Kind::Linear : Kind::Exponential;
}

qint64 RetrySchedule::delayMs(int retryNumber, const std::function<double()> &random01) const
{
    if (retryNumber < 1 || (firstFastRetry && retryNumber == 1))
        return 0;
    double seconds = intervalSeconds;
    switch (kind()) {
    case Kind::Fixed:
        // interval with max-interval but no delta is undocumented: treated as fixed, clamped.
        if (maxIntervalSeconds >= 0)
            seconds = std::min<double>(seconds, maxIntervalSeconds);
        break;
    case Kind::Linear:
        seconds = intervalSeconds + double(retryNumber - 1) * deltaSeconds;
        break;
    case Kind::Exponential: {
        const double jitter = deltaSeconds * (0.8 + 0.4 * random01());
        // Beyond 2^30 the result is clamped anyway; keep the power finite.
        const double growth = std::ldexp(1.0, std::min(retryNumber - 1, 30)) - 1.0;
        seconds = std::min<double>(maxIntervalSeconds, intervalSeconds + growth * jitter);
        break;
    }
    }
    return qint64(std::llround(std::max(0.0, seconds) * 1000.0));
}
