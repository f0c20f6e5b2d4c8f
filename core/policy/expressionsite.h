// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policysection.h"
#include "policyvaluespec.h"
#include "sourcerange.h"

#include <QString>

// A policy expression found by the validator, handed to an ExpressionChecker: where it is and what
// the policy expects it to produce.
struct ExpressionSite
{
    // The C# text as APIM reads it ("@(...)" or "@{...}", entities decoded, named values
    // {{name}} not yet substituted).
    QString expression;
    // The same characters exactly as written in the source (may hold &quot; and the like), so a
    // checker can map an offset inside the expression back to a source position.
    QString rawText;
    // Where rawText is in the document.
    SourceRange range;
    QString policyName;    // the element holding the expression, e.g. "when"
    QString attributeName; // empty for element text (<set-body>@{...}</set-body>)
    // What the policy converts the result to (Boolean for conditions, Integer for counts...).
    PolicyValueSpec::Type expectedType = PolicyValueSpec::Type::String;
    PolicySection section = PolicySection::None; // None in fragments and snippets
};
