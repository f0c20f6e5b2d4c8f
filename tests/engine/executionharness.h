// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs policy XML through the engine with a manual clock and scheduler and real loopback backend
// calls, for the engine tests that need more than one test class.
#include "engine/backendregistry.h"
#include "engine/concurrencylimiter.h"
#include "engine/manualclock.h"
#include "engine/manualscheduler.h"
#include "engine/policycompiler.h"
#include "engine/policyexecution.h"
#include "engine/ratelimiter.h"
#include "engine/requestcontextcache.h"
#include "engine/urlparsecache.h"
#include "engine/valuecache.h"
#include "http/httpclient.h"
#include "policy/policyparser.h"
#include "policy/policyschema.h"

#include <memory>

class ExecutionHarness
{
public:
    struct Outcome
    {
        HttpResponse response;
        RequestTrace trace;
        bool done = false;

        QList<TraceEvent> events(TraceEvent::Kind kind) const
        {
            QList<TraceEvent> found;
            for (const TraceEvent &event : trace.events) {
                if (event.kind == kind)
                    found.append(event);
            }
            return found;
        }
    };

    ManualClock clock{1000};
    ManualScheduler scheduler{&clock};
    ValueCache cache{&clock};
    RateLimiter rateLimiter{&clock};
    ConcurrencyLimiter concurrency;
    HttpClient client;
    BackendRegistry backends{QList<Workspace::Backend>(), &clock};
    UrlParseCache urls;
    RequestContextCache contexts;

    // nullptr when the XML does not parse or compile.
    std::shared_ptr<Outcome> run(const QString &xml,
                                 const QByteArray &method = "GET",
                                 const QByteArray &target = "/items/7?x=1",
                                 const HttpHeaders &headers = {},
                                 const QString &region = QStringLiteral("East US"))
    {
        const PolicyParseResult parsed = PolicyParser::parse(xml, QStringLiteral("test.xml"));
        if (!parsed.ok())
            return nullptr;
        const PolicyCompileResult compiled
                = PolicyCompiler(PolicySchema::builtin(), {})
                          .compile(parsed.document, QStringLiteral("test.xml"));
        if (!compiled.ok())
            return nullptr;
        ExecutionServices services;
        services.clock = &clock;
        services.scheduler = &scheduler;
        services.httpClient = &client;
        services.cache = &cache;
        services.backends = &backends;
        services.rateLimiter = &rateLimiter;
        services.concurrency = &concurrency;
        services.urls = &urls;
        services.contexts = &contexts;
        services.random01 = [] {
            return 0.5;
        };
        ExecutionInput input;
        input.request.method = method;
        input.request.target = target;
        input.request.headers = headers;
        input.request.peerAddress = QHostAddress::LocalHost;
        input.route.region = region;
        input.frontEndUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        input.route.apiId = QStringLiteral("api");
        input.route.serviceUrl = QStringLiteral("http://127.0.0.1:9");
        input.route.operationId = QStringLiteral("op");
        input.operationPath = QString::fromLatin1(input.request.path());
        auto outcome = std::make_shared<Outcome>();
        PolicyExecution::create(compiled.program,
                                services,
                                std::move(input),
                                [outcome](HttpResponse response, RequestTrace trace) {
                                    outcome->response = std::move(response);
                                    outcome->trace = std::move(trace);
                                    outcome->done = true;
                                })
                ->start();
        return outcome;
    }
};
