// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/sourcerange.h"

#include <QString>

// A .NET exception raised while evaluating an expression, e.g. type
// "System.NullReferenceException", message "Object reference not set to an instance of an
// object.", at the document range of the sub-expression that raised it.
struct ExpressionError
{
    QString type;
    QString message;
    SourceRange range;

    bool isNull() const { return type.isEmpty(); }
    // "NullReferenceException: Object reference ..." (short type name), as APIM traces show it.
    QString toString() const;
};
