// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcerange.h"

#include <QList>
#include <QString>

// One problem found in a policy document: an error, a warning or a hint, at a source range.
// Errors are values: parsers, validators and the expression compiler return lists of these.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString file;
    SourceRange range;
    QString message;
    // Stable machine-readable code, e.g. "xml.unbalanced-expression", "schema.unknown-element".
    QString code;

    bool isError() const { return severity == Severity::Error; }
    // "FILE:LINE:COL: error: message", the form compilers use so editors can jump to it.
    QString toString() const;

    static Diagnostic error(const QString &code, const QString &message, const SourceRange &range);
    static Diagnostic warning(const QString &code,
                              const QString &message,
                              const SourceRange &range);
    static bool hasErrors(const QList<Diagnostic> &diagnostics);

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};
