// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcerange.h"

#include <QString>

// One attribute of a policy element, with the trivia needed to write it back byte-identical.
struct PolicyAttribute
{
    QString name;
    // The value as APIM reads it: entities decoded. For a policy expression (@(...) / @{...}) the
    // expression's C# text, whether it was written raw (APIM's tolerant form) or entity-escaped.
    QString value;
    // Exactly the characters between the quotes in the source.
    QString rawValue;
    QChar quote = u'"';
    // Whitespace between the previous token and the name, and the '=' with whitespace around it.
    QString spaceBefore = QStringLiteral(" ");
    QString rawEquals = QStringLiteral("=");
    SourceRange range;      // from the name to the closing quote
    SourceRange valueRange; // inside the quotes

    bool isExpression() const;
    // Sets value and derives rawValue in the form APIM users write: expressions raw, literals with
    // the XML entities the quote character requires.
    void setValue(const QString &newValue);

    friend bool operator==(const PolicyAttribute &, const PolicyAttribute &) = default;
};

Q_DECLARE_TYPEINFO(PolicyAttribute, Q_RELOCATABLE_TYPE);
