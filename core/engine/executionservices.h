// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class BackendRegistry;
class Clock;
class ConcurrencyLimiter;
class HttpClient;
class RateLimiter;
class RequestContextCache;
class Scheduler;
class UrlParseCache;
class ValueCache;

// What a policy execution needs from its surroundings, injected so tests can run it with a
// manual clock and scheduler. httpClient and scheduler belong to the thread running the
// execution; the rest is shared and thread-safe. None is owned.
struct ExecutionServices
{
    const Clock *clock = nullptr;
    Scheduler *scheduler = nullptr;
    HttpClient *httpClient = nullptr;
    ValueCache *cache = nullptr;
    BackendRegistry *backends = nullptr;
    RateLimiter *rateLimiter = nullptr;
    ConcurrencyLimiter *concurrency = nullptr;
    // The thread's memos of parsed URLs, and of context records and request URLs.
    UrlParseCache *urls = nullptr;
    RequestContextCache *contexts = nullptr;
    // false: the completion gets a RequestTrace without events and URL (nobody reads them), which
    // saves building about 20 events and their strings per request.
    bool recordTraceEvents = true;
    // [0, 1) for the exponential retry jitter.
    std::function<double()> random01;
    // log-to-eventhub (sink = logger id) and emit-metric (sink = "metric:NAME") records.
    std::function<void(const QString &sink, const QString &message)> eventSink;
};
