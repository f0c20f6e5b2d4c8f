// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiopsbackendjson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

QString duration(int seconds)
{
    return QStringLiteral("PT%1S").arg(seconds);
}

QJsonObject circuitBreaker(const Workspace::CircuitBreaker &c)
{
    QJsonObject condition{{QLatin1String("interval"), duration(c.intervalSeconds)}};
    if (c.failureCount > 0)
        condition.insert(QLatin1String("count"), c.failureCount);
    if (c.failurePercentage > 0)
        condition.insert(QLatin1String("percentage"), c.failurePercentage);
    QJsonArray ranges;
    for (const auto &[min, max] : c.statusRanges)
        ranges.append(QJsonObject{{QLatin1String("min"), min}, {QLatin1String("max"), max}});
    condition.insert(QLatin1String("statusCodeRanges"), ranges);
    const QJsonObject rule{{QLatin1String("name"), QStringLiteral("breaker")},
                           {QLatin1String("failureCondition"), condition},
                           {QLatin1String("tripDuration"), duration(c.tripDurationSeconds)},
                           {QLatin1String("acceptRetryAfter"), c.acceptRetryAfter}};
    return QJsonObject{{QLatin1String("rules"), QJsonArray{rule}}};
}

Workspace::CircuitBreaker circuitBreaker(const QJsonObject &json)
{
    const QJsonObject rule = json.value(QLatin1String("rules")).toArray().first().toObject();
    const QJsonObject condition = rule.value(QLatin1String("failureCondition")).toObject();
    Workspace::CircuitBreaker c;
    c.failureCount = condition.value(QLatin1String("count")).toInt();
    c.failurePercentage = condition.value(QLatin1String("percentage")).toInt();
    c.intervalSeconds
            = ApiOpsBackendJson::seconds(condition.value(QLatin1String("interval")).toString());
    c.tripDurationSeconds
            = ApiOpsBackendJson::seconds(rule.value(QLatin1String("tripDuration")).toString());
    c.acceptRetryAfter = rule.value(QLatin1String("acceptRetryAfter")).toBool();
    c.statusRanges.clear();
    for (const QJsonValue &range : condition.value(QLatin1String("statusCodeRanges")).toArray()) {
        c.statusRanges.append({range.toObject().value(QLatin1String("min")).toInt(),
                               range.toObject().value(QLatin1String("max")).toInt()});
    }
    return c;
}

} // namespace

QJsonObject ApiOpsBackendJson::toJson(const Workspace::Backend &backend)
{
    QJsonObject properties;
    if (backend.type == Workspace::Backend::Type::Pool) {
        QJsonArray services;
        for (const Workspace::PoolMember &m : backend.members) {
            services.append(QJsonObject{{QLatin1String("id"), QString(u"/backends/" + m.backendId)},
                                        {QLatin1String("priority"), m.priority},
                                        {QLatin1String("weight"), m.weight}});
        }
        properties.insert(QLatin1String("type"), QStringLiteral("Pool"));
        properties.insert(QLatin1String("pool"),
                          QJsonObject{{QLatin1String("services"), services}});
    } else {
        properties.insert(QLatin1String("type"), QStringLiteral("Single"));
        properties.insert(QLatin1String("url"), backend.url);
        properties.insert(QLatin1String("protocol"), QStringLiteral("http"));
    }
    if (backend.hasCircuitBreaker)
        properties.insert(QLatin1String("circuitBreaker"), circuitBreaker(backend.circuitBreaker));
    return QJsonObject{{QLatin1String("name"), backend.id},
                       {QLatin1String("properties"), properties}};
}

Workspace::Backend ApiOpsBackendJson::fromJson(const QJsonObject &json, const QString &fallbackId)
{
    const QJsonObject properties = json.value(QLatin1String("properties")).toObject();
    Workspace::Backend backend;
    backend.id = json.value(QLatin1String("name")).toString(fallbackId);
    backend.url = properties.value(QLatin1String("url")).toString();
    if (properties.value(QLatin1String("type"))
                .toString()
                .compare(QLatin1String("pool"), Qt::CaseInsensitive)
        == 0) {
        backend.type = Workspace::Backend::Type::Pool;
        const QJsonArray services = properties.value(QLatin1String("pool"))
                                            .toObject()
                                            .value(QLatin1String("services"))
                                            .toArray();
        for (const QJsonValue &service : services) {
            const QJsonObject o = service.toObject();
            // ARM ids end in /backends/<id>, whatever the prefix.
            backend.members.append({o.value(QLatin1String("id")).toString().section(u'/', -1),
                                    o.value(QLatin1String("priority")).toInt(1),
                                    o.value(QLatin1String("weight")).toInt(1)});
        }
    }
    const QJsonValue breaker = properties.value(QLatin1String("circuitBreaker"));
    if (breaker.isObject()) {
        backend.hasCircuitBreaker = true;
        backend.circuitBreaker = circuitBreaker(breaker.toObject());
    }
    return backend;
}

int ApiOpsBackendJson::seconds(const QString &duration)
{
    static const QRegularExpression pattern(
            QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"));
    const QRegularExpressionMatch match = pattern.match(duration);
    if (!match.hasMatch() || duration == QLatin1String("P") || duration.endsWith(u'T'))
        return -1;
    return match.captured(1).toInt() * 86400 + match.captured(2).toInt() * 3600
           + match.captured(3).toInt() * 60 + match.captured(4).toInt();
}
