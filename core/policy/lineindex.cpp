// SPDX-License-Identifier: GPL-3.0-or-later
#include "lineindex.h"

#include <algorithm>

LineIndex::LineIndex(QStringView text)
{
    m_lineStarts.reserve(text.size() / 32 + 1);
    m_lineStarts.append(0);
    const char16_t *data = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i];
        if (c > u'\r')
            continue;
        if (c == u'\n' || (c == u'\r' && (i + 1 == size || data[i + 1] != u'\n')))
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
