// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/circuitbreaker.h"

#include <QObject>
#include <QPointer>

#include <deque>

class Clock;

// Every state change of the watched circuit breakers, bounded, stamped both on the gateway's clock
// and on the wall clock, so transitions can be drawn on the same time axis as the requests (whose
// traces carry wall-clock times).
class BreakerHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreakerHistory)

public:
    struct Transition
    {
        QString backendId;
        CircuitBreaker::State from = CircuitBreaker::State::Closed;
        CircuitBreaker::State to = CircuitBreaker::State::Closed;
        qint64 atMs = 0;   // the breaker's clock
        qint64 wallMs = 0; // ms since the epoch
        QString reason;
    };

    // clock: the one the breakers use; wall time of a transition is derived from its distance to
    // clock's now when it is received.
    explicit BreakerHistory(const Clock *clock,
                            qsizetype capacity = 1000,
                            QObject *parent = nullptr);

    void setBreakers(const QList<CircuitBreaker *> &breakers);
    QList<CircuitBreaker *> breakers() const;
    const std::deque<Transition> &transitions() const { return m_transitions; }
    void clear();

Q_SIGNALS:
    void transitionAdded(const BreakerHistory::Transition &transition);
    void breakersChanged();

private:
    void add(const QString &backendId,
             CircuitBreaker::State from,
             CircuitBreaker::State to,
             qint64 atMs,
             const QString &reason);

    const Clock *m_clock;
    qsizetype m_capacity;
    QList<QPointer<CircuitBreaker>> m_breakers;
    std::deque<Transition> m_transitions;
};
