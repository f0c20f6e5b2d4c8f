// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcerange.h"

#include <QList>
#include <QStringView>

// Maps offsets in a text to 1-based line and column (UTF-16 units), breaking lines where
// QTextDocument does: at "\n", "\r\n" and a lone "\r". Built once per text in linear time; a
// lookup is constant time when offsets come in document order, logarithmic otherwise.
class LineIndex
{
public:
    explicit LineIndex(QStringView text);

    SourcePosition position(qsizetype offset) const;
    SourceRange range(qsizetype begin, qsizetype end) const;

private:
    QList<qsizetype> m_lineStarts;
    mutable qsizetype m_lastLine = 1;
};
