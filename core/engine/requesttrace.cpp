// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesttrace.h"

#include "jsonlinewriter.h"

#include <QJsonArray>

QJsonObject RequestTrace::toJson() const
{
    QJsonArray eventArray;
    for (const TraceEvent &event : events)
        eventArray.append(event.toJson());
    return QJsonObject{{QLatin1String("sequence"), qint64(sequence)},
                       {QLatin1String("requestId"), requestId},
                       {QLatin1String("region"), region},
                       {QLatin1String("method"), method},
                       {QLatin1String("url"), url},
                       {QLatin1String("startedAtMs"), startedAtMs},
                       {QLatin1String("durationUs"), durationUs},
                       {QLatin1String("status"), status},
                       {QLatin1String("servedBy"), servedBy},
                       {QLatin1String("attempts"), attempts},
                       {QLatin1String("errorReason"), errorReason},
                       {QLatin1String("events"), eventArray}};
}

void RequestTrace::appendJsonLine(QByteArray &out) const
{
    JsonLineWriter w(out);
    // The members of toJson(), in the (sorted) order QJsonObject writes them.
    w.beginObject();
    w.number(QLatin1String("attempts"), attempts);
    w.number(QLatin1String("durationUs"), durationUs);
    w.string(QLatin1String("errorReason"), errorReason);
    w.beginArray(QLatin1String("events"));
    for (const TraceEvent &event : events)
        event.writeJson(w);
    w.endArray();
    w.string(QLatin1String("method"), method);
    w.string(QLatin1String("region"), region);
    w.string(QLatin1String("requestId"), requestId);
    w.number(QLatin1String("sequence"), qint64(sequence));
    w.string(QLatin1String("servedBy"), servedBy);
    w.number(QLatin1String("startedAtMs"), startedAtMs);
    w.number(QLatin1String("status"), status);
    w.string(QLatin1String("url"), url);
    w.endObject();
    out.append('\n');
}

RequestTrace RequestTrace::fromJson(const QJsonObject &o)
{
    RequestTrace t;
    t.sequence = quint64(o.value(QLatin1String("sequence")).toInteger());
    t.requestId = o.value(QLatin1String("requestId")).toString();
    t.region = o.value(QLatin1String("region")).toString();
    t.method = o.value(QLatin1String("method")).toString();
    t.url = o.value(QLatin1String("url")).toString();
    t.startedAtMs = o.value(QLatin1String("startedAtMs")).toInteger();
    t.durationUs = o.value(QLatin1String("durationUs")).toInteger();
    t.status = o.value(QLatin1String("status")).toInt();
    t.servedBy = o.value(QLatin1String("servedBy")).toString();
    t.attempts = o.value(QLatin1String("attempts")).toInt();
    t.errorReason = o.value(QLatin1String("errorReason")).toString();
    for (const QJsonValue &event : o.value(QLatin1String("events")).toArray())
        t.events.append(TraceEvent::fromJson(event.toObject()));
    return t;
}
