// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceevent.h"

#include "jsonlinewriter.h"

#include <QJsonArray>

namespace {

const QList<QPair<TraceEvent::Kind, QLatin1String>> &kindNames()
{
    using K = TraceEvent::Kind;
    static const QList<QPair<K, QLatin1String>> names = {
            {K::Section, QLatin1String("section")},
            {K::Policy, QLatin1String("policy")},
            {K::RetryAttempt, QLatin1String("retry-attempt")},
            {K::Forward, QLatin1String("forward")},
            {K::CacheLookup, QLatin1String("cache-lookup")},
            {K::CacheStore, QLatin1String("cache-store")},
            {K::CacheRemove, QLatin1String("cache-remove")},
            {K::Variable, QLatin1String("variable")},
            {K::Breaker, QLatin1String("breaker")},
            {K::Info, QLatin1String("info")},
            {K::Warning, QLatin1String("warning")},
            {K::Error, QLatin1String("error")},
    };
    return names;
}

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putNumber(QJsonObject &o, const char *key, qint64 value)
{
    if (value != 0)
        o.insert(QLatin1String(key), value);
}

void putString(JsonLineWriter &w, const char *key, const QString &value)
{
    if (!value.isEmpty())
        w.string(QLatin1String(key), value);
}

void putNumber(JsonLineWriter &w, const char *key, qint64 value)
{
    if (value != 0)
        w.number(QLatin1String(key), value);
}

QJsonArray rangeJson(const SourceRange &range)
{
    return {range.begin.line,
            range.begin.column,
            range.begin.offset,
            range.end.line,
            range.end.column,
            range.end.offset};
}

SourceRange rangeFromJson(const QJsonArray &a)
{
    if (a.size() != 6)
        return {};
    return {{a.at(0).toInt(), a.at(1).toInt(), qsizetype(a.at(2).toInteger())},
            {a.at(3).toInt(), a.at(4).toInt(), qsizetype(a.at(5).toInteger())}};
}

} // namespace

QString TraceEvent::kindName(Kind kind)
{
    for (const auto &[k, name] : kindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

QJsonObject TraceEvent::toJson() const
{
    QJsonObject o{{QLatin1String("kind"), kindName(kind)}, {QLatin1String("startUs"), startUs}};
    putNumber(o, "durationUs", durationUs);
    putString(o, "section", section);
    putString(o, "path", path);
    putString(o, "policy", policy);
    putString(o, "scope", policyScopeName(scope));
    putString(o, "document", document);
    if (range.isValid())
        o.insert(QLatin1String("range"), rangeJson(range));
    putNumber(o, "attempt", attempt);
    putNumber(o, "delayMs", delayMs);
    putNumber(o, "status", status);
    putString(o, "url", url);
    putString(o, "backend", backend);
    if (kind == Kind::CacheLookup || kind == Kind::CacheRemove)
        o.insert(QLatin1String("hit"), hit);
    putString(o, "key", key);
    putString(o, "value", value);
    putNumber(o, "ttlMs", ttlMs);
    putString(o, "message", message);
    return o;
}

void TraceEvent::writeJson(JsonLineWriter &w) const
{
    // The members of toJson(), in the (sorted) order QJsonObject writes them.
    w.beginObject();
    putNumber(w, "attempt", attempt);
    putString(w, "backend", backend);
    putNumber(w, "delayMs", delayMs);
    putString(w, "document", document);
    putNumber(w, "durationUs", durationUs);
    if (kind == Kind::CacheLookup || kind == Kind::CacheRemove)
        w.boolean(QLatin1String("hit"), hit);
    putString(w, "key", key);
    w.string(QLatin1String("kind"), kindName(kind));
    putString(w, "message", message);
    putString(w, "path", path);
    putString(w, "policy", policy);
    if (range.isValid()) {
        w.beginArray(QLatin1String("range"));
        for (qint64 n : {qint64(range.begin.line),
                         qint64(range.begin.column),
                         qint64(range.begin.offset),
                         qint64(range.end.line),
                         qint64(range.end.column),
                         qint64(range.end.offset)}) {
            w.number(n);
        }
        w.endArray();
    }
    putString(w, "scope", policyScopeName(scope));
    putString(w, "section", section);
    w.number(QLatin1String("startUs"), startUs);
    putNumber(w, "status", status);
    putNumber(w, "ttlMs", ttlMs);
    putString(w, "url", url);
    putString(w, "value", value);
    w.endObject();
}

TraceEvent TraceEvent::fromJson(const QJsonObject &o)
{
    TraceEvent e;
    const QString kind = o.value(QLatin1String("kind")).toString();
    for (const auto &[k, name] : kindNames()) {
        if (name == kind)
            e.kind = k;
    }
    e.startUs = o.value(QLatin1String("startUs")).toInteger();
    e.durationUs = o.value(QLatin1String("durationUs")).toInteger();
    e.section = o.value(QLatin1String("section")).toString();
    e.path = o.value(QLatin1String("path")).toString();
    e.policy = o.value(QLatin1String("policy")).toString();
    e.scope = policyScopeFromName(o.value(QLatin1String("scope")).toString());
    e.document = o.value(QLatin1String("document")).toString();
    e.range = rangeFromJson(o.value(QLatin1String("range")).toArray());
    e.attempt = o.value(QLatin1String("attempt")).toInt();
    e.delayMs = o.value(QLatin1String("delayMs")).toInteger();
    e.status = o.value(QLatin1String("status")).toInt();
    e.url = o.value(QLatin1String("url")).toString();
    e.backend = o.value(QLatin1String("backend")).toString();
    e.hit = o.value(QLatin1String("hit")).toBool();
    e.key = o.value(QLatin1String("key")).toString();
    e.value = o.value(QLatin1String("value")).toString();
    e.ttlMs = o.value(QLatin1String("ttlMs")).toInteger();
    e.message = o.value(QLatin1String("message")).toString();
    return e;
}
