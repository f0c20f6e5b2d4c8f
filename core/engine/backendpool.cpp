// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendpool.h"

#include "circuitbreaker.h"

#include <QMap>

BackendPool::BackendPool(const QString &id, QList<Member> members)
    : m_id(id)
    , m_members(std::move(members))
    , m_currentWeights(m_members.size(), 0)
{}

// Groups are tried in priority order; inside one, members are tried best current weight first
// (smooth weighted round-robin), and only the group that serves the request advances its turn, so a
// backup group's rotation is not disturbed while it stands by.
std::optional<QString> BackendPool::choose()
{
    QMutexLocker lock(&m_mutex);
    QMap<int, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < m_members.size(); ++i)
        groups[m_members.at(i).priority].append(i);

    for (const QList<qsizetype> &group : std::as_const(groups)) {
        QList<qsizetype> ranked = group;
        std::stable_sort(ranked.begin(), ranked.end(), [&](qsizetype a, qsizetype b) {
            return m_currentWeights.at(a) + weightOf(a) > m_currentWeights.at(b) + weightOf(b);
        });
        for (qsizetype index : std::as_const(ranked)) {
            const Member &member = m_members.at(index);
            if (member.breaker && !member.breaker->tryAcquire())
                continue;
            int total = 0;
            for (qsizetype i : group) {
                m_currentWeights[i] += weightOf(i);
                total += weightOf(i);
            }
            m_currentWeights[index] -= total;
            return member.backendId;
        }
    }
    return std::nullopt;
}

int BackendPool::weightOf(qsizetype index) const
{
    return qMax(1, m_members.at(index).weight);
}
