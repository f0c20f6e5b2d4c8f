// SPDX-License-Identifier: GPL-3.0-or-later
#include "lineindex.h"

#include <algorithm>

LineIndex::LineIndex(QStringView text)
{
    m_lineStarts.reserve(text.size() / 32 + 1);
    m_lineStarts.append(0);
    if (!text.contains(u'\r')) {
        for (qsizetype i = text.indexOf(u'\n'); i >= 0; i = text.indexOf(u'\n', i + 1))
            m_lineStarts.append(i + 1);
        return;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            ++i;
        if (c == u'\n' || c == u'\r')
            m_lineStarts.append(i + 1);
    }
}

SourcePosition LineIndex::position(qsizetype offset) const
{
    // The line of the previous lookup is tried first.
    const qsizetype lines = m_lineStarts.size();
    qsizetype line = m_lastLine;
    if (offset < m_lineStarts.at(line - 1) || (line < lines && offset >= m_lineStarts.at(line))) {
        const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
        line = it - m_lineStarts.cbegin();
        m_lastLine = line;
    }
    return {int(line), int(offset - m_lineStarts.at(line - 1) + 1), offset};
}

SourceRange LineIndex::range(qsizetype begin, qsizetype end) const
{
    return {position(begin), position(end)};
}
