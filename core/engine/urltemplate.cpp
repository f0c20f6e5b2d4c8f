// SPDX-License-Identifier: GPL-3.0-or-later
#include "urltemplate.h"

#include <QStringTokenizer>
#include <QUrl>
#include <QUrlQuery>

static bool isParameter(QStringView segment)
{
    return segment.size() >= 2 && segment.front() == u'{' && segment.back() == u'}';
}

std::optional<UrlTemplate> UrlTemplate::parse(const QString &text, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<UrlTemplate> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!text.startsWith(u'/'))
        return fail(QStringLiteral("a URL template starts with /"));
    UrlTemplate result;
    result.m_text = text;
    const qsizetype question = text.indexOf(u'?');
    const QStringView path = QStringView(text).left(question < 0 ? text.size() : question);
    const QList<QStringView> segments = path.mid(1).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QStringView segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == u"*" || (isParameter(segment) && segment.at(1) == u'*')) {
            if (!last)
                return fail(QStringLiteral("a wildcard must be the last segment"));
            result.m_segments.append(
                    {Segment::Kind::Rest,
                     segment == u"*" ? QString() : segment.mid(2, segment.size() - 3).toString()});
        } else if (isParameter(segment)) {
            result.m_segments.append(
                    {Segment::Kind::Parameter, segment.mid(1, segment.size() - 2).toString()});
        } else if (segment.contains(u'{') || segment.contains(u'}')) {
            return fail(QStringLiteral("a parameter must fill its whole segment: %1").arg(segment));
        } else {
            result.m_segments.append({Segment::Kind::Literal, segment.toString()});
        }
    }
    if (question >= 0) {
        const QUrlQuery query(text.mid(question + 1));
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (isParameter(value)) {
                result.m_query.append({name, value.mid(1, value.size() - 2)});
                result.m_queryLiterals.append(QString());
            } else {
                result.m_query.append({name, QString()});
                result.m_queryLiterals.append(value);
            }
        }
    }
    return result;
}

std::optional<UrlTemplate::Match> UrlTemplate::match(QStringView path, QStringView query) const
{
    Match result;
    // Every request is matched against each operation's template: the segments are walked in
    // place (no list of them), and one without escapes is compared without decoding a copy.
    const auto parts = qTokenize(path, u'/', Qt::SkipEmptyParts);
    auto part = parts.begin();
    for (const Segment &segment : m_segments) {
        if (segment.kind == Segment::Kind::Rest) {
            QStringList rest;
            for (; part != parts.end(); ++part) {
                if (!segment.value.isEmpty())
                    rest.append(QUrl::fromPercentEncoding((*part).toUtf8()));
            }
            if (!segment.value.isEmpty())
                result.parameters.insert(segment.value, rest.join(u'/'));
            break;
        }
        if (part == parts.end())
            return std::nullopt;
        const QStringView raw = *part;
        const bool escaped = raw.contains(u'%');
        if (segment.kind == Segment::Kind::Literal) {
            const bool same
                    = escaped ? QUrl::fromPercentEncoding(raw.toUtf8())
                                                .compare(segment.value, Qt::CaseInsensitive)
                                        == 0
                              : raw == segment.value
                                        || raw.compare(segment.value, Qt::CaseInsensitive) == 0;
            if (!same)
                return std::nullopt;
            result.specificity += 2;
        } else {
            result.parameters.insert(segment.value,
                                     escaped ? QUrl::fromPercentEncoding(raw.toUtf8())
                                             : raw.toString());
            result.specificity += 1;
        }
        ++part;
    }
    if (part != parts.end())
        return std::nullopt;
    if (m_query.isEmpty())
        return result;

    const QUrlQuery actual(query.toString());
    for (qsizetype q = 0; q < m_query.size(); ++q) {
        const auto &[name, parameter] = m_query.at(q);
        if (!actual.hasQueryItem(name))
            return std::nullopt;
        const QString value = actual.queryItemValue(name, QUrl::FullyDecoded);
        if (parameter.isEmpty()) {
            if (value != m_queryLiterals.at(q))
                return std::nullopt;
        } else {
            result.parameters.insert(parameter, value);
        }
        result.specificity += 1;
    }
    return result;
}

QList<QString> UrlTemplate::queryParameterNames() const
{
    QList<QString> names;
    for (const auto &entry : m_query)
        names.append(entry.first);
    return names;
}
