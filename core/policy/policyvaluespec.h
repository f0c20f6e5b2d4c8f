// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

// What a policy accepts as an attribute value or as an element's text: its type, literal bounds,
// and whether a policy expression (@(...) / @{...}) may stand in for the literal.
struct PolicyValueSpec
{
    enum class Type {
        String,
        Integer,
        Number,
        Boolean,
        Enum,
        Url,        // absolute URL (scheme and host)
        HttpMethod, // a method token; enumValues lists the usual ones for completion
        Char,
        DateTime, // ISO 8601
    };

    Type type = Type::String;
    bool expressionAllowed = true;
    // Enum: the accepted literals. HttpMethod: suggestions only.
    QStringList enumValues;
    // Integer: inclusive bounds a literal must respect (APIM rejects the policy otherwise).
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
    // Integer: APIM accepts larger literals but may not honour them, so they only warrant a
    // warning.
    std::optional<qint64> recommendedMaximum;

    static QString typeName(Type type); // "string", "integer", ... for messages and tool tips
};
