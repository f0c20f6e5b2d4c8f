// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace {

// Past this many differing lines the files have little in common and the rounds' memory (D^2/2
// entries) would grow large: such pairs are shown as all removed, then all added.
constexpr qsizetype maxEdits = 2000;

// V (the furthest x on each diagonal k) after each round d, kept for k in [-d, d] only: trace[d][k
// + d].
using Trace = std::vector<std::vector<qsizetype>>;

bool forwardTrace(const QStringList &a, const QStringList &b, Trace &trace)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    const qsizetype limit = std::min(n + m, maxEdits);
    const qsizetype offset = limit + 1;
    std::vector<qsizetype> v(size_t(2 * offset + 1), 0);
    for (qsizetype d = 0; d <= limit; ++d) {
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                                  ? v[offset + k + 1]
                                  : v[offset + k - 1] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && a.at(x) == b.at(y)) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        if (std::abs(n - m) <= d && v[offset + n - m] >= n)
            return true;
    }
    return false;
}

QList<DiffLine> replaceAll(const QStringList &a, const QStringList &b)
{
    QList<DiffLine> result;
    for (qsizetype i = 0; i < a.size(); ++i)
        result.append({DiffLine::Kind::Removed, a.at(i), int(i + 1), 0});
    for (qsizetype i = 0; i < b.size(); ++i)
        result.append({DiffLine::Kind::Added, b.at(i), 0, int(i + 1)});
    return result;
}

} // namespace

QList<DiffLine> LineDiff::compare(const QStringList &a, const QStringList &b)
{
    Trace trace;
    if (!forwardTrace(a, b, trace))
        return replaceAll(a, b);
    auto at = [&](qsizetype d, qsizetype k) {
        return trace[size_t(d)][size_t(k + d)];
    };
    QList<DiffLine> reversed;
    qsizetype x = a.size();
    qsizetype y = b.size();
    for (qsizetype d = qsizetype(trace.size()) - 1; d >= 0; --d) {
        const qsizetype k = x - y;
        qsizetype prevX = 0;
        qsizetype prevY = 0;
        bool down = false;
        if (d > 0) {
            down = k == -d || (k != d && at(d - 1, k - 1) < at(d - 1, k + 1));
            const qsizetype prevK = down ? k + 1 : k - 1;
            prevX = at(d - 1, prevK);
            prevY = prevX - prevK;
        }
        // The snake: equal lines after the edit of round d, which ends at (midX, midY).
        const qsizetype midX = d == 0 ? 0 : (down ? prevX : prevX + 1);
        const qsizetype midY = d == 0 ? 0 : (down ? prevY + 1 : prevY);
        while (x > midX && y > midY) {
            --x;
            --y;
            reversed.append({DiffLine::Kind::Same, a.at(x), int(x + 1), int(y + 1)});
        }
        if (d == 0)
            break;
        if (down) {
            --y;
            reversed.append({DiffLine::Kind::Added, b.at(y), 0, int(y + 1)});
        } else {
            --x;
            reversed.append({DiffLine::Kind::Removed, a.at(x), int(x + 1), 0});
        }
    }
    return QList<DiffLine>(reversed.crbegin(), reversed.crend());
}

QList<DiffLine> LineDiff::compare(const QString &left, const QString &right)
{
    return compare(lines(left), lines(right));
}

QStringList LineDiff::lines(const QString &text)
{
    QStringList result = text.split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    for (QString &line : result) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return result;
}
