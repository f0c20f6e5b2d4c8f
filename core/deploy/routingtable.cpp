// SPDX-License-Identifier: GPL-3.0-or-later
#include "routingtable.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

Diagnostic problem(const QString &path, const QString &message)
{
    return Diagnostic::error(
            QStringLiteral("routing.invalid"), QStringLiteral("%1: %2").arg(path, message), {});
}

bool isBackendName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return pattern.match(name).hasMatch();
}

} // namespace

QList<RoutingTable::Backend> RoutingTable::backends() const
{
    QList<Backend> result;
    for (const Region &region : regions) {
        for (const Backend &backend : region.backends) {
            const bool known = std::any_of(result.cbegin(), result.cend(), [&](const Backend &b) {
                return b.name == backend.name;
            });
            if (!known)
                result.append(backend);
        }
    }
    return result;
}

int RoutingTable::maxBackendsInRegion() const
{
    qsizetype most = 0;
    for (const Region &region : regions)
        most = std::max(most, region.backends.size());
    return int(most);
}

QList<Diagnostic> RoutingTable::validate() const
{
    QList<Diagnostic> result;
    if (regions.isEmpty())
        result.append(
                problem(QStringLiteral("regions"), QStringLiteral("needs at least one region")));
    QSet<QString> regionNames;
    QHash<QString, QString> urls;
    for (qsizetype r = 0; r < regions.size(); ++r) {
        const Region &region = regions.at(r);
        const QString path = QStringLiteral("regions[%1]").arg(r);
        // The name goes into a C# string literal of the generated policy.
        if (region.name.trimmed().isEmpty() || region.name.contains(u'"')
            || region.name.contains(u'\\')) {
            result.append(
                    problem(path + QLatin1String(".name"),
                            QStringLiteral("needs a region name without quotes or backslashes")));
        }
        if (regionNames.contains(region.name.toLower()))
            result.append(
                    problem(path + QLatin1String(".name"),
                            QStringLiteral("region \"%1\" is listed twice").arg(region.name)));
        regionNames.insert(region.name.toLower());
        if (region.backends.isEmpty() || region.backends.size() > maxBackendsPerRegion) {
            result.append(
                    problem(path + QLatin1String(".backends"),
                            QStringLiteral("needs 1 to %1 backends").arg(maxBackendsPerRegion)));
        }
        QSet<QString> inRegion;
        for (qsizetype b = 0; b < region.backends.size(); ++b) {
            const Backend &backend = region.backends.at(b);
            const QString backendPath = QStringLiteral("%1.backends[%2]").arg(path).arg(b);
            if (!isBackendName(backend.name))
                result.append(problem(backendPath + QLatin1String(".name"),
                                      QStringLiteral("must be letters, digits, '.', '_' or '-'")));
            if (backend.baseUrl.trimmed().isEmpty())
                result.append(problem(backendPath + QLatin1String(".baseUrl"),
                                      QStringLiteral("is required")));
            if (inRegion.contains(backend.name))
                result.append(problem(
                        backendPath,
                        QStringLiteral("backend \"%1\" is listed twice").arg(backend.name)));
            inRegion.insert(backend.name);
            if (!backend.baseUrl.isEmpty() && urls.contains(backend.name)
                && urls.value(backend.name) != backend.baseUrl) {
                result.append(problem(backendPath + QLatin1String(".baseUrl"),
                                      QStringLiteral("backend \"%1\" has another URL in an earlier "
                                                     "region")
                                              .arg(backend.name)));
            }
            if (!backend.baseUrl.isEmpty() && !urls.contains(backend.name))
                urls.insert(backend.name, backend.baseUrl);
        }
    }
    if (outageSeconds < 1)
        result.append(
                problem(QStringLiteral("outageSeconds"), QStringLiteral("must be at least 1")));
    if (failureStatuses.isEmpty())
        result.append(problem(QStringLiteral("failureStatuses"),
                              QStringLiteral("needs at least one status range")));
    for (qsizetype i = 0; i < failureStatuses.size(); ++i) {
        const StatusRange &range = failureStatuses.at(i);
        if (range.from < 100 || range.to > 599 || range.from > range.to)
            result.append(problem(QStringLiteral("failureStatuses[%1]").arg(i),
                                  QStringLiteral("must be a range within 100 to 599")));
    }
    return result;
}

QJsonObject RoutingTable::toJson() const
{
    QJsonArray regionArray;
    for (const Region &region : regions) {
        QJsonArray backendArray;
        for (const Backend &backend : region.backends) {
            backendArray.append(QJsonObject{{QLatin1String("name"), backend.name},
                                            {QLatin1String("baseUrl"), backend.baseUrl}});
        }
        regionArray.append(QJsonObject{{QLatin1String("name"), region.name},
                                       {QLatin1String("backends"), backendArray}});
    }
    QJsonArray statusArray;
    for (const StatusRange &range : failureStatuses)
        statusArray.append(
                QJsonObject{{QLatin1String("from"), range.from}, {QLatin1String("to"), range.to}});
    return QJsonObject{{QLatin1String("regions"), regionArray},
                       {QLatin1String("outageSeconds"), outageSeconds},
                       {QLatin1String("failureStatuses"), statusArray}};
}

RoutingTable RoutingTable::fromJson(const QJsonObject &json, QList<Diagnostic> *diagnostics)
{
    QList<Diagnostic> problems;
    auto arrayAt = [&](const QJsonObject &o, const char *key, const QString &path) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (!value.isArray())
            problems.append(problem(path + QLatin1String(key), QStringLiteral("must be an array")));
        return value.toArray();
    };
    RoutingTable table;
    table.regions.clear();
    const QJsonArray regionArray = arrayAt(json, "regions", {});
    for (qsizetype r = 0; r < regionArray.size(); ++r) {
        const QJsonObject o = regionArray.at(r).toObject();
        const QString path = QStringLiteral("regions[%1].").arg(r);
        Region region{o.value(QLatin1String("name")).toString(), {}};
        const QJsonArray backendArray = arrayAt(o, "backends", path);
        for (const QJsonValue &b : backendArray) {
            region.backends.append({b.toObject().value(QLatin1String("name")).toString(),
                                    b.toObject().value(QLatin1String("baseUrl")).toString()});
        }
        table.regions.append(region);
    }
    table.outageSeconds = json.value(QLatin1String("outageSeconds")).toInt(table.outageSeconds);
    if (json.contains(QLatin1String("failureStatuses"))) {
        table.failureStatuses.clear();
        for (const QJsonValue &s : arrayAt(json, "failureStatuses", {})) {
            table.failureStatuses.append({s.toObject().value(QLatin1String("from")).toInt(),
                                          s.toObject().value(QLatin1String("to")).toInt()});
        }
    }
    if (diagnostics)
        *diagnostics = problems + table.validate();
    return table;
}
