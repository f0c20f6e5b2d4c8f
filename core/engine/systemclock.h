// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"

#include <QElapsedTimer>

// The real monotonic clock.
class SystemClock final : public Clock
{
public:
    SystemClock();
    qint64 nowMs() const override;

private:
    QElapsedTimer m_timer;
};
