// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostic.h"

#include <algorithm>

QString Diagnostic::toString() const
{
    const char *kind = severity == Severity::Error     ? "error"
                       : severity == Severity::Warning ? "warning"
                                                       : "note";
    return QStringLiteral("%1:%2:%3: %4: %5")
            .arg(file.isEmpty() ? QStringLiteral("<input>") : file)
            .arg(qMax(range.begin.line, 1))
            .arg(qMax(range.begin.column, 1))
            .arg(QLatin1String(kind), message);
}

Diagnostic Diagnostic::error(const QString &code, const QString &message, const SourceRange &range)
{
    return Diagnostic{Severity::Error, {}, range, message, code};
}

Diagnostic Diagnostic::warning(const QString &code,
                               const QString &message,
                               const SourceRange &range)
{
    return Diagnostic{Severity::Warning, {}, range, message, code};
}

bool Diagnostic::hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.isError();
    });
}
