// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// How APIM users write values: literals XML-escaped, policy expressions raw (APIM's tolerant form,
// which the portal shows and hand-written files use).
class PolicyEscaping
{
public:
    // True when value is a policy expression: starts with "@(" or "@{" after leading whitespace.
    static bool isExpression(QStringView value);
    static QString escapeAttribute(const QString &value, QChar quote);
    static QString escapeText(const QString &value);
    // Decodes the five predefined entities and numeric character references; a '&' that starts
    // no valid reference is kept literally (tolerant, as in raw expressions).
    static QString decodeEntities(QStringView raw);
    // The source form of a value as APIM users write it: an expression raw when it reads back
    // as the same expression (balanced, nothing after it), anything else escaped. Both give
    // value back through decodeEntities.
    static QString attributeSource(const QString &value, QChar quote);
    static QString textSource(const QString &value);

private:
    static bool canWriteRaw(const QString &value);
};
