// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scheduler.h"

#include <QObject>

// The real scheduler: a single-shot timer on the thread this object lives in (one per gateway
// worker). Tasks still pending when it is destroyed are dropped.
class TimerScheduler final
    : public QObject
    , public Scheduler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerScheduler)

public:
    explicit TimerScheduler(QObject *parent = nullptr);
    void schedule(qint64 delayMs, std::function<void()> task) override;
};
