// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyscope.h"
#include "policy/sourcerange.h"

#include <QJsonObject>
#include <QString>

class JsonLineWriter;

// One step of a request's run through the policies, as the trace views and --trace show it. Which
// fields are meaningful depends on kind; the rest keep their defaults and are not serialised.
struct TraceEvent
{
    enum class Kind {
        Section,      // a section started (section)
        Policy,       // a policy ran (policy, path, duration; choose: value = branch path)
        RetryAttempt, // a retry attempt starts (attempt, delayMs waited before it)
        Forward,      // a backend call (url, backend, status or message, duration, attempt)
        CacheLookup,  // key, hit, value
        CacheStore,   // key, value, ttlMs
        CacheRemove,  // key, hit (whether the key existed)
        Variable,     // key = variable name, value
        Breaker,      // backend circuit breaker transition (backend, message)
        Info,
        Warning, // e.g. a policy that cannot be emulated locally
        Error,   // message, with key = the LastError reason
    };

    Kind kind = Kind::Info;
    qint64 startUs = 0; // since the request arrived
    qint64 durationUs = 0;
    QString section;
    QString path; // e.g. "retry[1]/choose[1]/when[2]/set-backend-service[1]"
    QString policy;
    PolicyScope scope = PolicyScope::None;
    // The policy's document as the effective policy names it (PolicyOrigin::document), so views
    // can tell which product, API, operation or fragment of that scope it came from.
    QString document;
    SourceRange range;
    int attempt = 0;
    qint64 delayMs = 0;
    int status = 0;
    QString url;
    QString backend;
    bool hit = false;
    QString key;
    QString value;
    qint64 ttlMs = 0;
    QString message;

    QJsonObject toJson() const;
    // The same object, written straight into a JSON line.
    void writeJson(JsonLineWriter &writer) const;
    static TraceEvent fromJson(const QJsonObject &json);
    static QString kindName(Kind kind);

    friend bool operator==(const TraceEvent &, const TraceEvent &) = default;
};
