// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemclock.h"

SystemClock::SystemClock()
{
    m_timer.start();
}

qint64 SystemClock::nowMs() const
{
    return m_timer.elapsed();
}
