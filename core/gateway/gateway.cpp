// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway.h"

#include "programset.h"

#include "engine/backendregistry.h"
#include "engine/concurrencylimiter.h"
#include "engine/policyexecution.h"
#include "engine/ratelimiter.h"
#include "engine/requestcontextcache.h"
#include "engine/systemclock.h"
#include "engine/timerscheduler.h"
#include "engine/tracebuffer.h"
#include "engine/urlparsecache.h"
#include "engine/valuecache.h"
#include "http/httpclient.h"
#include "http/httpserver.h"
#include "http/mockbackend.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

namespace {

constexpr qsizetype maxRecordedEvents = 1000;

MockBackend::Behaviour behaviourOf(const Workspace::MockBackend &mock)
{
    MockBackend::Behaviour behaviour;
    behaviour.status = mock.status;
    behaviour.latency = std::chrono::milliseconds(mock.latencyMs);
    switch (mock.mode) {
    case Workspace::MockBackend::Mode::Healthy:
    case Workspace::MockBackend::Mode::Latency:
        behaviour.mode = MockBackend::Mode::Healthy;
        break;
    case Workspace::MockBackend::Mode::Status:
        behaviour.mode = MockBackend::Mode::FixedStatus;
        break;
    case Workspace::MockBackend::Mode::Hang:
        behaviour.mode = MockBackend::Mode::Hang;
        break;
    case Workspace::MockBackend::Mode::Refuse:
        behaviour.mode = MockBackend::Mode::RefuseConnections;
        break;
    case Workspace::MockBackend::Mode::Flap:
        behaviour.mode = mock.flapEvery > 0 ? MockBackend::Mode::FlapEveryNth
                                            : MockBackend::Mode::FlapForDuration;
        behaviour.everyNth = qMax(1, mock.flapEvery);
        behaviour.failFor = std::chrono::milliseconds(mock.flapForMs);
        break;
    }
    return behaviour;
}

} // namespace

// Per worker thread: the backend client and timers live (and die) on that thread.
struct Gateway::Worker
{
    HttpClient client;
    TimerScheduler scheduler;
    UrlParseCache urls;
    RequestContextCache contexts;
    // What every execution on this worker's thread uses, set up once.
    ExecutionServices services;
};

Gateway::Gateway(const Workspace &workspace, QObject *parent)
    : Gateway(workspace, Options(), parent)
{}

Gateway::Gateway(const Workspace &workspace, const Options &options, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_options(options)
{
    if (!options.clock)
        m_ownClock = std::make_unique<SystemClock>();
    m_clock = options.clock ? options.clock : m_ownClock.get();
    m_cache = new ValueCache(m_clock,
                             workspace.cacheMode == Workspace::CacheMode::Shared
                                     ? ValueCache::Mode::Shared
                                     : ValueCache::Mode::PerRegion,
                             this);
    m_traces = new TraceBuffer(10000, 100, this);
    m_backends = new BackendRegistry(workspace.backends, m_clock, this);
    connect(m_backends, &BackendRegistry::breakerStateChanged, this, &Gateway::breakerStateChanged);
    m_rateLimiter = std::make_unique<RateLimiter>(m_clock);
    m_concurrency = std::make_unique<ConcurrencyLimiter>();
    m_programs = ProgramSet::build(workspace);
}

Gateway::~Gateway()
{
    stop();
}

bool Gateway::start()
{
    if (isRunning())
        return true;
    HttpAddressMap addressMap;
    for (const Workspace::MockBackend &config : m_workspace.mocks) {
        auto *mock = new MockBackend(config.name, config.region, this);
        mock->setBehaviour(behaviourOf(config));
        if (!mock->start(quint16(config.port), m_options.bindAddress)) {
            m_errorString = QStringLiteral("Mock backend '%1' cannot listen on port %2: %3")
                                    .arg(config.name)
                                    .arg(config.port)
                                    .arg(mock->errorString());
            delete mock;
            stop();
            return false;
        }
        const QString name = config.name;
        connect(mock, &MockBackend::hitsChanged, this, [this, name] {
            Q_EMIT mockHitsChanged(name);
        });
        m_mocks.push_back(mock);
    }
    for (const Workspace::BackendMapping &mapping : m_workspace.backendMap) {
        QUrl target(mapping.target);
        if (mapping.target.startsWith(QLatin1String("mock:"))) {
            MockBackend *mock = this->mock(mapping.target.mid(5));
            if (!mock) {
                m_errorString = QStringLiteral("Backend map entry %1 names unknown mock '%2'.")
                                        .arg(mapping.origin, mapping.target.mid(5));
                stop();
                return false;
            }
            target = mock->url();
        }
        addressMap.insert(QUrl(mapping.origin), target);
    }
    QList<Workspace::Region> regions = m_workspace.regions;
    if (regions.isEmpty())
        regions.append({QStringLiteral("West US"), 0});
    QList<QUrl> urls;
    for (const Workspace::Region &region : regions) {
        auto *server = new HttpServer(this);
        HttpServer::Options options;
        options.address = m_options.bindAddress;
        options.port = quint16(region.port);
        options.workerCount = m_options.workerCount;
        options.maxConnections = m_options.maxConnections;
        server->setOptions(options);
        const QString name = region.name;
        server->setHandlerFactory([this, name, server, addressMap](int) -> HttpServer::Handler {
            auto worker = std::make_shared<Worker>();
            worker->client.setAddressMap(addressMap);
            worker->client.setLimits(m_options.backendLimits);
            setUpServices(*worker);
            // The port is bound after the handlers are built: read it per request.
            return [this, worker, name, server](HttpRequest request, HttpResponder responder) {
                handle(*worker, name, server->url(), std::move(request), responder);
            };
        });
        m_servers.push_back(server);
        if (!server->listen()) {
            m_errorString = QStringLiteral("Region '%1' cannot listen on port %2: %3")
                                    .arg(region.name)
                                    .arg(region.port)
                                    .arg(server->errorString());
            stop();
            return false;
        }
        m_endpoints.append({region.name, server->url()});
        urls.append(server->url());
    }
    Q_EMIT started(urls);
    return true;
}

void Gateway::stop()
{
    const bool wasRunning = isRunning();
    for (HttpServer *server : m_servers) {
        server->close();
        delete server;
    }
    m_servers.clear();
    m_endpoints.clear();
    for (MockBackend *mock : m_mocks) {
        mock->stop();
        delete mock;
    }
    m_mocks.clear();
    m_traces->flush();
    if (wasRunning)
        Q_EMIT stopped();
}

QList<Gateway::Endpoint> Gateway::endpoints() const
{
    return m_endpoints;
}

QUrl Gateway::url(const QString &region) const
{
    for (const Endpoint &endpoint : m_endpoints) {
        if (endpoint.region == region)
            return endpoint.url;
    }
    return {};
}

MockBackend *Gateway::mock(const QString &name) const
{
    for (MockBackend *mock : m_mocks) {
        if (mock->name() == name)
            return mock;
    }
    return nullptr;
}

QList<MockBackend *> Gateway::mocks() const
{
    return QList<MockBackend *>(m_mocks.begin(), m_mocks.end());
}

std::shared_ptr<const ProgramSet> Gateway::programs() const
{
    QMutexLocker lock(&m_mutex);
    return m_programs;
}

void Gateway::updatePolicies(const Workspace &workspace)
{
    std::shared_ptr<const ProgramSet> programs = ProgramSet::build(workspace);
    const QList<Diagnostic> diagnostics = programs->diagnostics();
    {
        QMutexLocker lock(&m_mutex);
        m_programs = std::move(programs);
    }
    Q_EMIT policiesUpdated(diagnostics);
}

QList<Diagnostic> Gateway::diagnostics() const
{
    return programs()->diagnostics();
}

QStringList Gateway::events() const
{
    QMutexLocker lock(&m_mutex);
    return m_events;
}

void Gateway::recordEvent(const QString &sink, const QString &message)
{
    QMutexLocker lock(&m_mutex);
    m_events.append(sink + QStringLiteral(": ") + message);
    if (m_events.size() > maxRecordedEvents)
        m_events.removeFirst();
}

void Gateway::answerWithoutPolicy(const HttpResponder &responder,
                                  RequestTrace trace,
                                  int status,
                                  const QString &reason,
                                  const QString &message)
{
    QJsonObject body{{QStringLiteral("statusCode"), status}, {QStringLiteral("message"), message}};
    if (status >= 500)
        body.insert(QStringLiteral("activityId"), trace.requestId);
    responder.respond(HttpResponse(
            status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"));
    trace.status = status;
    trace.errorReason = reason;
    TraceEvent e;
    e.kind = TraceEvent::Kind::Error;
    e.key = reason;
    e.message = message;
    e.status = status;
    trace.events.append(e);
    if (m_options.recordTraces)
        m_traces->append(std::move(trace));
}

void Gateway::setUpServices(Worker &worker)
{
    ExecutionServices &services = worker.services;
    services.clock = m_clock;
    services.scheduler = &worker.scheduler;
    services.httpClient = &worker.client;
    services.cache = m_cache;
    services.backends = m_backends;
    services.rateLimiter = m_rateLimiter.get();
    services.concurrency = m_concurrency.get();
    services.urls = &worker.urls;
    services.contexts = &worker.contexts;
    services.recordTraceEvents = m_options.recordTraces;
    services.random01 = [] {
        return QRandomGenerator::global()->generateDouble();
    };
    services.eventSink = [this](const QString &sink, const QString &message) {
        recordEvent(sink, message);
    };
}

void Gateway::handle(Worker &worker,
                     const QString &region,
                     const QUrl &frontEnd,
                     HttpRequest request,
                     const HttpResponder &responder)
{
    const std::shared_ptr<const ProgramSet> set = programs();
    const QByteArray encodedPath = request.path();
    // Decoding copies the bytes first: most paths have nothing to decode.
    const QString path = encodedPath.contains('%') ? QUrl::fromPercentEncoding(encodedPath)
                                                   : QString::fromUtf8(encodedPath);
    const QString query = QString::fromUtf8(request.query());
    const QString method = request.methodName();
    const std::optional<OperationMatcher::Match> match = set->matcher().match(method, path, query);
    if (!match) {
        RequestTrace trace;
        trace.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        trace.region = region;
        trace.method = method;
        trace.url = frontEnd.toString() + QString::fromLatin1(request.target);
        trace.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        answerWithoutPolicy(responder,
                            std::move(trace),
                            404,
                            QStringLiteral("OperationNotFound"),
                            QStringLiteral("Resource not found"));
        return;
    }
    const Workspace::Api &api = set->workspace().apis.at(match->apiIndex);
    const Workspace::Operation &operation = api.operations.at(match->operationIndex);
    std::shared_ptr<const PolicyProgram> program
            = set->program(match->apiIndex, match->operationIndex);
    if (!program) {
        RequestTrace trace;
        trace.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        trace.region = region;
        trace.method = method;
        trace.url = frontEnd.toString() + QString::fromLatin1(request.target);
        answerWithoutPolicy(responder,
                            std::move(trace),
                            500,
                            QStringLiteral("PolicyConfigurationError"),
                            QStringLiteral("The effective policy of operation '%1' has errors.")
                                    .arg(operation.id));
        return;
    }
    ExecutionInput input;
    input.request = std::move(request);
    input.route.region = region;
    input.frontEndUrl = frontEnd;
    input.route.apiId = api.id;
    input.route.apiName = api.name;
    input.route.apiPath = api.path;
    input.route.serviceUrl = api.serviceUrl;
    input.route.operationId = operation.id;
    input.route.operationName = operation.name;
    input.route.operationMethod = operation.method;
    input.route.operationTemplate = operation.urlTemplate;
    input.operationPath = match->operationPath;
    input.matchedParameters = match->parameters;
    input.templateQueryNames = match->templateQueryNames;

    TraceBuffer *traces = m_options.recordTraces ? m_traces : nullptr;
    PolicyExecution::create(program,
                            worker.services,
                            std::move(input),
                            [responder, traces](HttpResponse response, RequestTrace trace) {
                                // Recorded before answering, so a client that
                                // reads the traces after its reply finds its own.
                                if (traces)
                                    traces->append(std::move(trace));
                                responder.respond(std::move(response));
                            })
            ->start();
}
