// SPDX-License-Identifier: GPL-3.0-or-later
#include "circuitbreaker.h"

#include "clock.h"

CircuitBreaker::CircuitBreaker(const QString &backendId,
                               const Workspace::CircuitBreaker &rule,
                               const Clock *clock,
                               QObject *parent)
    : QObject(parent)
    , m_backendId(backendId)
    , m_rule(rule)
    , m_clock(clock)
{}

bool CircuitBreaker::tryAcquire()
{
    bool allowed = false;
    QList<std::tuple<State, State, qint64, QString>> transitions;
    {
        QMutexLocker lock(&m_mutex);
        refreshState(m_clock->nowMs());
        switch (m_state) {
        case State::Closed:
            allowed = true;
            break;
        case State::Open:
            break;
        case State::HalfOpen:
            allowed = !m_trialInFlight;
            m_trialInFlight = true;
            break;
        }
        transitions.swap(m_pendingSignals);
    }
    for (const auto &[from, to, at, reason] : std::as_const(transitions))
        Q_EMIT stateChanged(m_backendId, from, to, at, reason);
    return allowed;
}

void CircuitBreaker::recordResult(int status, std::optional<qint64> retryAfterMs)
{
    QList<std::tuple<State, State, qint64, QString>> transitions;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_clock->nowMs();
        const bool failed = isFailure(status);
        const QString what = status == 0 ? QStringLiteral("no response")
                                         : QStringLiteral("status %1").arg(status);
        if (m_state == State::HalfOpen) {
            m_trialInFlight = false;
            if (failed) {
                m_openUntilMs = now + m_rule.tripDurationSeconds * 1000LL;
                moveTo(State::Open, now, QStringLiteral("trial request failed (%1)").arg(what));
            } else {
                m_calls.clear();
                moveTo(State::Closed,
                       now,
                       QStringLiteral("trial request succeeded (%1)").arg(what));
            }
        } else if (m_state == State::Closed) {
            m_calls.push_back({now, failed});
            dropOldCalls(now);
            if (failed && shouldTrip()) {
                const qint64 trip = m_rule.acceptRetryAfter && retryAfterMs
                                            ? *retryAfterMs
                                            : m_rule.tripDurationSeconds * 1000LL;
                m_openUntilMs = now + trip;
                moveTo(State::Open,
                       now,
                       QStringLiteral("%1 failures in %2 s (last: %3)")
                               .arg(countFailures())
                               .arg(m_rule.intervalSeconds)
                               .arg(what));
            }
        }
        transitions.swap(m_pendingSignals);
    }
    for (const auto &[from, to, at, reason] : std::as_const(transitions))
        Q_EMIT stateChanged(m_backendId, from, to, at, reason);
}

CircuitBreaker::State CircuitBreaker::state() const
{
    QMutexLocker lock(&m_mutex);
    if (m_state == State::Open && m_clock->nowMs() >= m_openUntilMs)
        return State::HalfOpen;
    return m_state;
}

int CircuitBreaker::failuresInWindow() const
{
    QMutexLocker lock(&m_mutex);
    dropOldCalls(m_clock->nowMs());
    return countFailures();
}

int CircuitBreaker::callsInWindow() const
{
    QMutexLocker lock(&m_mutex);
    dropOldCalls(m_clock->nowMs());
    return int(m_calls.size());
}

int CircuitBreaker::countFailures() const
{
    return int(std::count_if(
            m_calls.cbegin(), m_calls.cend(), [](const Call &c) { return c.failed; }));
}

qint64 CircuitBreaker::remainingTripMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_state == State::Open ? qMax<qint64>(0, m_openUntilMs - m_clock->nowMs()) : 0;
}

QString CircuitBreaker::stateName(State state)
{
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

bool CircuitBreaker::isFailure(int status) const
{
    if (status == 0)
        return true;
    return std::any_of(m_rule.statusRanges.cbegin(),
                       m_rule.statusRanges.cend(),
                       [&](const auto &r) { return status >= r.first && status <= r.second; });
}

void CircuitBreaker::dropOldCalls(qint64 now) const
{
    const qint64 windowStart = now - m_rule.intervalSeconds * 1000LL;
    while (!m_calls.empty() && m_calls.front().atMs <= windowStart)
        m_calls.pop_front();
}

bool CircuitBreaker::shouldTrip() const
{
    const int failures = countFailures();
    if (m_rule.failureCount > 0 && failures >= m_rule.failureCount)
        return true;
    return m_rule.failurePercentage > 0 && !m_calls.empty()
           && failures * 100 >= m_rule.failurePercentage * int(m_calls.size());
}

void CircuitBreaker::moveTo(State to, qint64 now, const QString &reason)
{
    if (m_state != to)
        m_pendingSignals.append({m_state, to, now, reason});
    m_state = to;
}

void CircuitBreaker::refreshState(qint64 now)
{
    if (m_state == State::Open && now >= m_openUntilMs) {
        m_trialInFlight = false;
        moveTo(State::HalfOpen, now, QStringLiteral("trip duration over"));
    }
}
