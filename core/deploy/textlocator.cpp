// SPDX-License-Identifier: GPL-3.0-or-later
#include "textlocator.h"

#include <algorithm>

TextLocator::TextLocator(const QString &text)
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\n')
            m_lineStarts.append(i + 1);
    }
}

SourcePosition TextLocator::position(qsizetype offset) const
{
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    const qsizetype line = next - m_lineStarts.cbegin();
    return {int(line), int(offset - m_lineStarts.at(line - 1) + 1), offset};
}

SourceRange TextLocator::range(qsizetype offset, qsizetype length) const
{
    return {position(offset), position(offset + length)};
}
