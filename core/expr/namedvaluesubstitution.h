// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// Replaces {{name}} tokens with named values, textually, before an expression is compiled (APIM
// does the same at configuration time). Single pass: a substituted value is never scanned again,
// so a named value that contains "{{other}}" keeps it literally. Unknown names are left as they
// are and reported, so the caller can warn (APIM rejects such policies at save time).
class NamedValueSubstitution
{
public:
    struct Result
    {
        QString text;
        QStringList unknownNames; // in order of first appearance, without duplicates
        QStringList usedNames;
    };

    // Names are matched case-insensitively, as APIM does; the character set is [A-Za-z0-9._-].
    static Result substitute(const QString &text, const QHash<QString, QString> &namedValues);
};
