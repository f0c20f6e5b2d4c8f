// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracecomparison.h"

#include <vector>

namespace {

// Traces longer than this are compared position by position: the alignment's table grows with
// the product of the lengths.
constexpr qsizetype maxAlignedEvents = 2000;

QString identityOf(const TraceEvent &e)
{
    return TraceEvent::kindName(e.kind) + u'|' + e.section + u'|' + e.path + u'|' + e.policy + u'|'
           + QString::number(e.attempt) + u'|' + e.key;
}

bool sameOutcome(const TraceEvent &a, const TraceEvent &b)
{
    return a.status == b.status && a.backend == b.backend && a.url == b.url && a.hit == b.hit
           && a.value == b.value && a.ttlMs == b.ttlMs && a.delayMs == b.delayMs
           && a.message == b.message;
}

TraceComparison::Step matched(const RequestTrace &left, const RequestTrace &right, int i, int j)
{
    const bool same = sameOutcome(left.events.at(i), right.events.at(j));
    return {i, j, same ? TraceComparison::Change::Same : TraceComparison::Change::Changed};
}

QList<TraceComparison::Step> positional(const RequestTrace &left, const RequestTrace &right)
{
    QList<TraceComparison::Step> steps;
    const qsizetype n = qMax(left.events.size(), right.events.size());
    for (qsizetype k = 0; k < n; ++k) {
        if (k >= left.events.size())
            steps.append({-1, int(k), TraceComparison::Change::Added});
        else if (k >= right.events.size())
            steps.append({int(k), -1, TraceComparison::Change::Removed});
        else if (identityOf(left.events.at(k)) == identityOf(right.events.at(k)))
            steps.append(matched(left, right, int(k), int(k)));
        else
            steps.append({int(k), int(k), TraceComparison::Change::Changed});
    }
    return steps;
}

QList<TraceComparison::Step> aligned(const RequestTrace &left, const RequestTrace &right)
{
    const qsizetype n = left.events.size();
    const qsizetype m = right.events.size();
    QStringList a;
    QStringList b;
    for (const TraceEvent &e : left.events)
        a.append(identityOf(e));
    for (const TraceEvent &e : right.events)
        b.append(identityOf(e));
    // lcs[i][j]: common length of a[i..] and b[j..]
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[size_t(i)][size_t(j)] = a.at(i) == b.at(j) ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                           : qMax(lcs[size_t(i + 1)][size_t(j)],
                                                                  lcs[size_t(i)][size_t(j + 1)]);
        }
    }
    QList<TraceComparison::Step> steps;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            steps.append(matched(left, right, int(i++), int(j++)));
        } else if (j < m
                   && (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            steps.append({-1, int(j++), TraceComparison::Change::Added});
        } else {
            steps.append({int(i++), -1, TraceComparison::Change::Removed});
        }
    }
    return steps;
}

} // namespace

bool TraceComparison::identical() const
{
    return summary.isEmpty() && std::all_of(steps.cbegin(), steps.cend(), [](const Step &s) {
               return s.change == Change::Same;
           });
}

TraceComparison TraceComparison::compare(const RequestTrace &left, const RequestTrace &right)
{
    TraceComparison result;
    const bool small
            = left.events.size() <= maxAlignedEvents && right.events.size() <= maxAlignedEvents;
    result.steps = small ? aligned(left, right) : positional(left, right);
    if (left.status != right.status)
        result.summary.append(QStringLiteral("status %1 → %2").arg(left.status).arg(right.status));
    if (left.servedBy != right.servedBy)
        result.summary.append(
                QStringLiteral("served by %1 → %2").arg(left.servedBy, right.servedBy));
    if (left.attempts != right.attempts)
        result.summary.append(
                QStringLiteral("attempts %1 → %2").arg(left.attempts).arg(right.attempts));
    return result;
}

QString TraceComparison::changeName(Change change)
{
    switch (change) {
    case Change::Same:
        return QStringLiteral("same");
    case Change::Changed:
        return QStringLiteral("changed");
    case Change::Added:
        return QStringLiteral("added");
    case Change::Removed:
        return QStringLiteral("removed");
    }
    return {};
}
