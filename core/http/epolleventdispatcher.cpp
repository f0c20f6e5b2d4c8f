// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <optional>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {
// A notifier's events, by QSocketNotifier::Type (Read, Write, Exception).
constexpr quint32 InterestOf[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};
// What wakes a notifier of each type: as Qt's dispatcher, an error or a hang-up wakes readers.
constexpr quint32 WokenBy[3]
        = {EPOLLIN | EPOLLHUP | EPOLLERR, EPOLLOUT | EPOLLERR, EPOLLPRI | EPOLLERR};
constexpr int MaxEventsPerWait = 64;
// The epoll data of the wake-up descriptor: serials of watches start at 1.
constexpr quint64 WakeUpData = 0;

quint64 dataOf(int descriptor, quint32 serial)
{
    return (quint64(serial) << 32) | quint32(descriptor);
}
} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wakeUp(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!isValid())
        return;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeUpData;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeUp, &event);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeUp >= 0)
        ::close(m_wakeUp);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    const bool canWait = flags.testFlag(QEventLoop::WaitForMoreEvents)
                         && !m_interrupted.load(std::memory_order_relaxed);
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted.load(std::memory_order_relaxed))
        return false;
    epoll_event events[MaxEventsPerWait];
    int ready;
    do {
        ready = ::epoll_wait(m_epoll, events, MaxEventsPerWait, canWait ? waitMilliseconds() : 0);
    } while (ready < 0 && errno == EINTR);
    int handled = 0;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.u64 == WakeUpData) {
            quint64 count;
            [[maybe_unused]] const auto got = ::read(m_wakeUp, &count, sizeof count);
            m_wakeUpPending.store(false, std::memory_order_release);
            continue;
        }
        if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
            handled += activateSocket(events[i].events, events[i].data.u64);
    }
    handled += activateTimers();
    return handled > 0;
}

int EpollEventDispatcher::activateSocket(quint32 events, quint64 data)
{
    const int descriptor = int(quint32(data));
    const quint32 serial = quint32(data >> 32);
    int handled = 0;
    for (int type = 0; type < 3; ++type) {
        if (!(events & WokenBy[type]))
            continue;
        // Looked up again for each type: the last notifier's receiver may have changed them.
        const auto it = m_watches.find(descriptor);
        if (it == m_watches.end() || it->second.serial != serial)
            break;
        QSocketNotifier *notifier = it->second.notifiers[type];
        if (!notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++handled;
    }
    return handled;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    auto [it, added] = m_watches.try_emplace(descriptor);
    Watch &watch = it->second;
    if (added) {
        if (++m_nextSerial == 0)
            ++m_nextSerial;
        watch.serial = m_nextSerial;
    }
    watch.notifiers[int(notifier->type())] = notifier;
    updateInterest(descriptor, watch, added);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    const auto it = m_watches.find(descriptor);
    if (it == m_watches.end() || it->second.notifiers[int(notifier->type())] != notifier)
        return;
    Watch &watch = it->second;
    watch.notifiers[int(notifier->type())] = nullptr;
    if (std::any_of(std::begin(watch.notifiers), std::end(watch.notifiers), [](auto *n) {
            return n != nullptr;
        })) {
        updateInterest(descriptor, watch, false);
        return;
    }
    // Removed now, while the descriptor is still open: closing it would remove it too, but not
    // while another descriptor (a dup) holds the same socket.
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, nullptr);
    m_watches.erase(it);
}

void EpollEventDispatcher::updateInterest(int descriptor, const Watch &watch, bool added)
{
    epoll_event event{};
    for (int type = 0; type < 3; ++type) {
        if (watch.notifiers[type])
            event.events |= InterestOf[type];
    }
    event.data.u64 = dataOf(descriptor, watch.serial);
    if (::epoll_ctl(m_epoll, added ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, descriptor, &event) == 0)
        return;
    // A descriptor closed with its notifiers still registered, and its number taken again.
    if (errno == ENOENT)
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &event);
    else if (errno == EEXIST)
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, descriptor, &event);
}

void EpollEventDispatcher::registerTimer(int timerId,
                                         qint64 interval,
                                         Qt::TimerType timerType,
                                         QObject *object)
{
    const std::chrono::milliseconds period(interval);
    m_timers.push_back(Timer{timerId, period, timerType, object, Clock::now() + period});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = findTimer(timerId);
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return std::erase_if(m_timers, [object](const Timer &timer) { return timer.object == object; })
           > 0;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(
        QObject *object) const
{
    QList<TimerInfo> timers;
    for (const Timer &timer : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(timer.id, int(timer.interval.count()), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = findTimer(timerId);
    if (it == m_timers.end())
        return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(it->due - Clock::now());
    return int(std::max(left, 0ms).count());
}

std::vector<EpollEventDispatcher::Timer>::iterator EpollEventDispatcher::findTimer(int timerId)
{
    return std::find_if(m_timers.begin(), m_timers.end(), [timerId](const Timer &timer) {
        return timer.id == timerId;
    });
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timers.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    // Ids, not positions: a timer's receiver may start and kill timers.
    std::vector<int> due;
    for (const Timer &timer : m_timers) {
        if (timer.due <= now && !timer.firing)
            due.push_back(timer.id);
    }
    int fired = 0;
    for (const int id : due) {
        auto it = findTimer(id);
        if (it == m_timers.end())
            continue;
        // The next period counts from when this one was due, unless the loop fell a whole
        // period behind: then from now, rather than firing a burst to catch up.
        it->due += it->interval;
        if (it->due <= now)
            it->due = now + it->interval;
        it->firing = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->object, &event);
        ++fired;
        it = findTimer(id);
        if (it != m_timers.end())
            it->firing = false;
    }
    return fired;
}

int EpollEventDispatcher::waitMilliseconds() const
{
    std::optional<Clock::time_point> next;
    for (const Timer &timer : m_timers) {
        if (!timer.firing && (!next || timer.due < *next))
            next = timer.due;
    }
    if (!next)
        return -1;
    // Rounded up: waking before the timer is due would only spin.
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now());
    return int(std::clamp<qint64>(wait.count(), 0, std::numeric_limits<int>::max()));
}

void EpollEventDispatcher::wakeUp()
{
    // One write until the loop has read it: posting many events costs one system call.
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeUp, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_relaxed);
    wakeUp();
}
