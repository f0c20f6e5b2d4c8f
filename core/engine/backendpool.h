// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

class CircuitBreaker;

// An APIM load-balanced backend pool: members in priority groups (lower number first); inside a
// group, smooth weighted round-robin (as nginx does it, so weights interleave instead of bursting).
// A member whose circuit breaker refuses is skipped; when no member of a group can take the request
// the next group is tried; with none at all the caller answers 503. Thread-safe.
class BackendPool
{
public:
    struct Member
    {
        QString backendId;
        int priority = 1;
        int weight = 1;
        CircuitBreaker *breaker = nullptr; // not owned; null when the member has no breaker
    };

    BackendPool(const QString &id, QList<Member> members);

    const QString &id() const { return m_id; }
    const QList<Member> &members() const { return m_members; }
    // Picks the member for the next request and, when it has a breaker, acquires it: the caller
    // must report the outcome to that breaker.
    std::optional<QString> choose();

private:
    int weightOf(qsizetype index) const;

    QString m_id;
    QList<Member> m_members;
    QList<int> m_currentWeights;
    QMutex m_mutex;
};
