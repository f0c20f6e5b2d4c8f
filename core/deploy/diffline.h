// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One row of a line diff, ready for a side-by-side view: the line's text and its 1-based number
// on each side (0 on the side where it does not exist).
struct DiffLine
{
    enum class Kind { Same, Removed, Added };

    Kind kind = Kind::Same;
    QString text;
    int leftLine = 0;
    int rightLine = 0;

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};
