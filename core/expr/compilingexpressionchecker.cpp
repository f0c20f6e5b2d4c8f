// SPDX-License-Identifier: GPL-3.0-or-later
#include "compilingexpressionchecker.h"

#include "expressioncompiler.h"
#include "namedvaluesubstitution.h"

#include <QRegularExpression>

CompilingExpressionChecker::CompilingExpressionChecker(QHash<QString, QString> namedValues)
    : m_namedValues(std::move(namedValues))
{}

QList<Diagnostic> CompilingExpressionChecker::check(const ExpressionSite &site) const
{
    const QString code = withNamedValues(site.expression);
    QList<Diagnostic> diagnostics
            = ExpressionCompiler::compile(code, site.range.begin, QString()).diagnostics;
    // Positions inside an entity-escaped expression only line up at its start.
    if (site.expression != site.rawText) {
        for (Diagnostic &d : diagnostics) {
            if (!site.range.contains(d.range.begin.offset))
                d.range = {site.range.begin, site.range.begin};
        }
    }
    return diagnostics;
}

QString CompilingExpressionChecker::withNamedValues(const QString &expression) const
{
    QString text = NamedValueSubstitution::substitute(expression, m_namedValues).text;
    static const QRegularExpression reference(QStringLiteral("\\{\\{[A-Za-z0-9._-]+\\}\\}"));
    QRegularExpressionMatchIterator it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        text.replace(match.capturedStart(),
                     match.capturedLength(),
                     QString(match.capturedLength(), u'0'));
    }
    return text;
}
