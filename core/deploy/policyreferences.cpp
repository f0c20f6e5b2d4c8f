// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyreferences.h"

#include <QRegularExpression>

static QList<PolicyReferences::Reference> matches(const QRegularExpression &pattern,
                                                  const QString &xml)
{
    QList<PolicyReferences::Reference> result;
    for (auto it = pattern.globalMatch(xml); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result.append({match.captured(1), match.capturedStart(1), match.capturedLength(1)});
    }
    return result;
}

QList<PolicyReferences::Reference> PolicyReferences::namedValues(const QString &xml)
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{([A-Za-z0-9._-]+)\\}\\}"));
    QList<Reference> result = matches(pattern, xml);
    for (Reference &r : result) {
        r.offset -= 2;
        r.length += 4;
    }
    return result;
}

QList<PolicyReferences::Reference> PolicyReferences::fragments(const QString &xml)
{
    static const QRegularExpression pattern(
            QStringLiteral("<include-fragment\\s[^>]*?fragment-id\\s*=\\s*[\"']([^\"']*)[\"']"));
    return matches(pattern, xml);
}

QStringList PolicyReferences::names(const QList<Reference> &references)
{
    QStringList result;
    for (const Reference &r : references) {
        if (!result.contains(r.name))
            result.append(r.name);
    }
    return result;
}
