// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/sourcerange.h"

#include <QList>
#include <QString>

// Turns offsets into a text into the 1-based line/column ranges diagnostics carry (UTF-16 units,
// as SourceRange documents).
class TextLocator
{
public:
    explicit TextLocator(const QString &text);

    SourcePosition position(qsizetype offset) const;
    SourceRange range(qsizetype offset, qsizetype length) const;

private:
    QList<qsizetype> m_lineStarts;
};
