// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// An APIM operation URL template such as "/users/{id}/orders?status={status}" or "/files/*":
// literal segments, {name} parameters (one segment each), a trailing "*" or {*name} that takes the
// rest of the path, and query parameters declared after '?'.
class UrlTemplate
{
public:
    struct Match
    {
        QHash<QString, QString> parameters; // path and declared query parameters, URL-decoded
        int specificity = 0;                // more literal segments rank higher
    };

    static std::optional<UrlTemplate> parse(const QString &text, QString *error = nullptr);

    // path without the API suffix ("/users/7"), query without '?' ("status=open&x=1").
    std::optional<Match> match(QStringView path, QStringView query) const;
    const QString &text() const { return m_text; }
    // Query parameter names declared by the template; copy-unmatched-params skips these.
    QList<QString> queryParameterNames() const;

private:
    struct Segment
    {
        enum class Kind { Literal, Parameter, Rest };
        Kind kind;
        QString value; // literal text or parameter name
    };

    QString m_text;
    QList<Segment> m_segments;
    QList<QPair<QString, QString>> m_query; // query name -> parameter name ("" when literal match)
    QList<QString> m_queryLiterals;         // values of query names given literally
};
