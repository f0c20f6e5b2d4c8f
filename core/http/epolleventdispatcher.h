// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <chrono>
#include <unordered_map>
#include <vector>

// The event dispatcher of the gateway's worker threads: socket notifiers on Linux epoll.
//
// Why not Qt's: QEventDispatcherUNIX hands every enabled notifier to ppoll() on every loop
// iteration, and the kernel then checks each socket, twice when the call sleeps. A worker holds
// one socket per client and per pooled backend connection, so that scan cost a twentieth of the
// gateway's CPU per request (perf, 32 clients); epoll keeps the interest set in the kernel and
// returns the ready sockets only. Timers and posted events behave as with Qt's dispatcher.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

    // False when the kernel refused the epoll or eventfd descriptor: do not install it then.
    bool isValid() const { return m_epoll >= 0 && m_wakeUp >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId,
                       qint64 interval,
                       Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;

    // The notifiers of one descriptor, as registered with epoll under `serial`, which tells a
    // stale event of a closed descriptor from one of a new descriptor with the same number.
    struct Watch
    {
        QSocketNotifier *notifiers[3] = {};
        quint32 serial = 0;
    };
    struct Timer
    {
        int id;
        std::chrono::milliseconds interval;
        Qt::TimerType type;
        QObject *object;
        Clock::time_point due;
        bool firing = false;
    };

    void updateInterest(int descriptor, const Watch &watch, bool added);
    int activateSocket(quint32 events, quint64 data);
    int activateTimers();
    std::vector<Timer>::iterator findTimer(int timerId);
    int waitMilliseconds() const;

    int m_epoll = -1;
    int m_wakeUp = -1;
    std::atomic<bool> m_wakeUpPending = false;
    std::atomic<bool> m_interrupted = false;
    std::unordered_map<int, Watch> m_watches;
    quint32 m_nextSerial = 0;
    std::vector<Timer> m_timers;
};
