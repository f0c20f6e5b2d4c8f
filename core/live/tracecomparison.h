// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QList>
#include <QString>

// Two runs of the same request side by side, step by step: steps are matched by what they are
// (kind, policy path, attempt, cache key) with a longest-common-subsequence alignment, so an extra
// retry attempt shows as added steps rather than shifting every row after it; matched steps whose
// outcome differs (status, backend, hit, value) are marked changed.
struct TraceComparison
{
    enum class Change { Same, Changed, Added, Removed };

    struct Step
    {
        int left = -1; // event index in the left trace, -1 when only the right has it
        int right = -1;
        Change change = Change::Same;
    };

    QList<Step> steps;
    // What differs in the responses: status, served by, attempts.
    QStringList summary;

    bool identical() const;
    static TraceComparison compare(const RequestTrace &left, const RequestTrace &right);
    static QString changeName(Change change);
};
