// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// A place in a policy document. Lines and columns are 1-based and count UTF-16 code units, as
// QTextDocument does, so the editor can map them without conversion; offset is 0-based in the same
// units. A default-constructed position is invalid (synthesised nodes have no source).
struct SourcePosition
{
    int line = 0;
    int column = 0;
    qsizetype offset = -1;

    bool isValid() const { return line > 0 && offset >= 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

// Half-open range [begin, end) in a policy document.
struct SourceRange
{
    SourcePosition begin;
    SourcePosition end;

    bool isValid() const { return begin.isValid() && end.isValid(); }
    bool contains(qsizetype offset) const
    {
        return isValid() && offset >= begin.offset && offset < end.offset;
    }
    qsizetype length() const { return isValid() ? end.offset - begin.offset : 0; }
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};
