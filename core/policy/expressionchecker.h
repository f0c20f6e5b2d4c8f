// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "expressionsite.h"

#include <QList>

// The hook through which PolicyValidator has expressions compiled: the expression compiler
// implements it; the validator calls check() for every @(...) / @{...} where one is allowed.
class ExpressionChecker
{
public:
    virtual ~ExpressionChecker() = default;
    // Diagnostics for the expression at site, with ranges inside site.range.
    virtual QList<Diagnostic> check(const ExpressionSite &site) const = 0;
};
