// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QMutex>
#include <QObject>

#include <deque>
#include <optional>

class Clock;

// An APIM backend entity's circuit breaker. Closed: requests flow and failures (status codes in the
// rule's ranges, or no connection) are counted inside a sliding interval; reaching the failure
// count or percentage trips it Open for the trip duration (or the backend's Retry-After when the
// rule accepts it). After that it turns HalfOpen and lets one trial request through: success closes
// it, failure opens it again. Thread-safe: every gateway worker reports into the same breaker.
class CircuitBreaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CircuitBreaker)

public:
    enum class State { Closed, Open, HalfOpen };
    Q_ENUM(State)

    CircuitBreaker(const QString &backendId,
                   const Workspace::CircuitBreaker &rule,
                   const Clock *clock,
                   QObject *parent = nullptr);

    const QString &backendId() const { return m_backendId; }
    // Asks to send a request. False while Open, and in HalfOpen while the trial is in flight.
    bool tryAcquire();
    // Reports the outcome of an acquired request: its status (0 when no response came back) and the
    // Retry-After the backend sent, if any.
    void recordResult(int status, std::optional<qint64> retryAfterMs = std::nullopt);

    State state() const;
    int failuresInWindow() const;
    int callsInWindow() const;
    qint64 remainingTripMs() const;

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(const QString &backendId,
                      CircuitBreaker::State from,
                      CircuitBreaker::State to,
                      qint64 atMs,
                      const QString &reason);

private:
    struct Call
    {
        qint64 atMs;
        bool failed;
    };
    bool isFailure(int status) const;
    void dropOldCalls(qint64 now) const;
    bool shouldTrip() const;
    int countFailures() const;
    void moveTo(State to, qint64 now, const QString &reason);
    void refreshState(qint64 now);

    const QString m_backendId;
    const Workspace::CircuitBreaker m_rule;
    const Clock *m_clock;
    mutable QMutex m_mutex;
    State m_state = State::Closed;
    qint64 m_openUntilMs = 0;
    bool m_trialInFlight = false;
    mutable std::deque<Call> m_calls;
    QList<std::tuple<State, State, qint64, QString>> m_pendingSignals;
};
