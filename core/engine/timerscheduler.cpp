// SPDX-License-Identifier: GPL-3.0-or-later
#include "timerscheduler.h"

#include <QTimer>

TimerScheduler::TimerScheduler(QObject *parent)
    : QObject(parent)
{}

void TimerScheduler::schedule(qint64 delayMs, std::function<void()> task)
{
    QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(0, delayMs)),
                       Qt::PreciseTimer,
                       this,
                       std::move(task));
}
