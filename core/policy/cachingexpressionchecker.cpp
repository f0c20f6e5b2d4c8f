// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachingexpressionchecker.h"

#include <utility>

namespace {

// The same place of the same text, with the text starting at to instead of from: positions on
// the text's first line move by columns too, later lines only by lines.
SourcePosition shifted(SourcePosition position,
                       const SourcePosition &from,
                       const SourcePosition &to)
{
    if (!position.isValid())
        return position;
    if (position.line == from.line)
        position.column += to.column - from.column;
    position.line += to.line - from.line;
    position.offset += to.offset - from.offset;
    return position;
}

} // namespace

CachingExpressionChecker::CachingExpressionChecker(std::unique_ptr<ExpressionChecker> checker,
                                                   qsizetype capacity)
    : m_checker(std::move(checker))
    , m_capacity(qMax<qsizetype>(1, capacity))
{}

QList<Diagnostic> CachingExpressionChecker::check(const ExpressionSite &site) const
{
    // Without a place there is nothing to move the diagnostics by.
    if (!site.range.begin.isValid())
        return m_checker->check(site);
    const Key key{site.expression,
                  site.rawText,
                  site.policyName,
                  site.attributeName,
                  site.expectedType,
                  site.section};
    if (const auto recent = m_recent.constFind(key); recent != m_recent.cend())
        return moved(*recent, site.range.begin);
    Entry entry;
    if (const auto older = m_older.constFind(key); older != m_older.cend())
        entry = *older;
    else
        entry = Entry{site.range.begin, m_checker->check(site)};
    if (m_recent.size() >= m_capacity)
        m_older = std::exchange(m_recent, {});
    m_recent.insert(key, entry);
    return moved(entry, site.range.begin);
}

QList<Diagnostic> CachingExpressionChecker::moved(const Entry &entry, const SourcePosition &to)
{
    if (entry.at == to)
        return entry.diagnostics;
    QList<Diagnostic> diagnostics = entry.diagnostics;
    for (Diagnostic &diagnostic : diagnostics) {
        diagnostic.range.begin = shifted(diagnostic.range.begin, entry.at, to);
        diagnostic.range.end = shifted(diagnostic.range.end, entry.at, to);
    }
    return diagnostics;
}
