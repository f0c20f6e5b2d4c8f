// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationmatcher.h"

static QString normalisedSuffix(const QString &suffix)
{
    QString result = suffix.trimmed();
    while (result.startsWith(u'/'))
        result.remove(0, 1);
    while (result.endsWith(u'/'))
        result.chop(1);
    return result;
}

OperationMatcher::OperationMatcher(const Workspace &workspace)
{
    for (qsizetype a = 0; a < workspace.apis.size(); ++a) {
        const Workspace::Api &api = workspace.apis.at(a);
        for (qsizetype o = 0; o < api.operations.size(); ++o) {
            const Workspace::Operation &operation = api.operations.at(o);
            QString error;
            const std::optional<UrlTemplate> parsed
                    = UrlTemplate::parse(operation.urlTemplate, &error);
            if (!parsed) {
                m_errors.append(QStringLiteral("%1/%2: %3").arg(api.id, operation.id, error));
                continue;
            }
            m_entries.append(
                    {a, o, normalisedSuffix(api.path), operation.method.toUpper(), *parsed});
        }
    }
}

std::optional<QStringView> OperationMatcher::stripSuffix(QStringView path, const QString &suffix)
{
    if (suffix.isEmpty())
        return path.isEmpty() ? QStringView(u"/") : path;
    const QStringView rest = path.mid(1);
    if (!rest.startsWith(suffix, Qt::CaseInsensitive))
        return std::nullopt;
    const QStringView after = rest.mid(suffix.size());
    if (!after.isEmpty() && !after.startsWith(u'/'))
        return std::nullopt; // "/hello2" is not under the suffix "hello"
    return after.isEmpty() ? QStringView(u"/") : after;
}

std::optional<OperationMatcher::Match> OperationMatcher::match(const QString &method,
                                                               const QString &path,
                                                               QStringView query) const
{
    std::optional<Match> best;
    qsizetype bestSuffix = -1;
    int bestSpecificity = -1;
    for (const Entry &entry : m_entries) {
        if (entry.method != method && entry.method != u"*"
            && entry.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        const std::optional<QStringView> rest = stripSuffix(path, entry.suffix);
        if (!rest)
            continue;
        const std::optional<UrlTemplate::Match> m = entry.urlTemplate.match(*rest, query);
        if (!m)
            continue;
        const int specificity = m->specificity + (entry.method == u"*" ? 0 : 1);
        if (entry.suffix.size() > bestSuffix
            || (entry.suffix.size() == bestSuffix && specificity > bestSpecificity)) {
            best = Match{entry.apiIndex,
                         entry.operationIndex,
                         // Without an API suffix the path is shared, not copied.
                         rest->size() == path.size() ? path : rest->toString(),
                         m->parameters,
                         entry.urlTemplate.queryParameterNames()};
            bestSuffix = entry.suffix.size();
            bestSpecificity = specificity;
        }
    }
    return best;
}
