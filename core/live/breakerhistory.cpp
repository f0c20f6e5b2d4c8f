// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakerhistory.h"

#include "engine/clock.h"

#include <QDateTime>

BreakerHistory::BreakerHistory(const Clock *clock, qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_capacity(qMax<qsizetype>(1, capacity))
{}

void BreakerHistory::setBreakers(const QList<CircuitBreaker *> &breakers)
{
    for (const QPointer<CircuitBreaker> &breaker : std::as_const(m_breakers)) {
        if (breaker)
            disconnect(breaker, nullptr, this, nullptr);
    }
    m_breakers.clear();
    for (CircuitBreaker *breaker : breakers) {
        m_breakers.append(breaker);
        connect(breaker, &CircuitBreaker::stateChanged, this, &BreakerHistory::add);
    }
    Q_EMIT breakersChanged();
}

QList<CircuitBreaker *> BreakerHistory::breakers() const
{
    QList<CircuitBreaker *> result;
    for (const QPointer<CircuitBreaker> &breaker : m_breakers) {
        if (breaker)
            result.append(breaker);
    }
    return result;
}

void BreakerHistory::clear()
{
    m_transitions.clear();
}

void BreakerHistory::add(const QString &backendId,
                         CircuitBreaker::State from,
                         CircuitBreaker::State to,
                         qint64 atMs,
                         const QString &reason)
{
    const qint64 age = m_clock ? qMax<qint64>(0, m_clock->nowMs() - atMs) : 0;
    Transition t{backendId, from, to, atMs, QDateTime::currentMSecsSinceEpoch() - age, reason};
    m_transitions.push_back(t);
    while (qsizetype(m_transitions.size()) > m_capacity)
        m_transitions.pop_front();
    Q_EMIT transitionAdded(t);
}
