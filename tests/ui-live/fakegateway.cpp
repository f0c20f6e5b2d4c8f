// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegateway.h"

#include <QDateTime>

FakeGateway::FakeGateway(QObject *parent)
    : LiveGateway(parent)
{}

FakeGateway::~FakeGateway()
{
    stop();
}

bool FakeGateway::start(QString *errorMessage)
{
    m_cache = std::make_unique<ValueCache>(&m_clock);
    m_buffer = std::make_unique<TraceBuffer>(1000, 50);
    Workspace::CircuitBreaker rule;
    rule.failureCount = 2;
    m_breaker = std::make_unique<CircuitBreaker>(QStringLiteral("eus"), rule, &m_clock);
    for (const auto &[name, mock] :
         {std::pair{QStringLiteral("East US"), QStringLiteral("eus")},
          std::pair{QStringLiteral("West Europe"), QStringLiteral("weu")}}) {
        Region region;
        region.name = name;
        region.mock = std::make_unique<MockBackend>(mock, name);
        region.server = std::make_unique<HttpServer>();
        HttpServer::Options options;
        options.workerCount = 1;
        region.server->setOptions(options);
        region.server->setHandler([this, name, mock](HttpRequest request, HttpResponder responder) {
            handle(name, mock, std::move(request), responder);
        });
        if (!region.mock->start() || !region.server->listen()) {
            *errorMessage = region.server->errorString();
            m_regions.clear();
            return false;
        }
        m_regions.push_back(std::move(region));
    }
    m_running = true;
    Q_EMIT runningChanged(true);
    return true;
}

void FakeGateway::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_regions.clear();
    Q_EMIT runningChanged(false);
}

QList<LiveGateway::Frontend> FakeGateway::frontends() const
{
    QList<Frontend> result;
    for (const Region &r : m_regions)
        result.append({r.name, r.server->url()});
    return result;
}

QList<MockBackend *> FakeGateway::mockBackends() const
{
    QList<MockBackend *> result;
    for (const Region &r : m_regions)
        result.append(r.mock.get());
    return result;
}

QList<CircuitBreaker *> FakeGateway::circuitBreakers() const
{
    return {m_breaker.get()};
}

void FakeGateway::setAnswer(int status, const QString &servedBy)
{
    QMutexLocker lock(&m_mutex);
    m_status = status;
    m_servedBy = servedBy;
}

void FakeGateway::handle(const QString &region,
                         const QString &mock,
                         HttpRequest request,
                         HttpResponder responder)
{
    RequestTrace trace;
    trace.sequence = ++m_sequence;
    trace.region = region;
    trace.method = QString::fromLatin1(request.method);
    trace.url = QString::fromUtf8(request.target);
    trace.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    trace.durationUs = 100;
    trace.attempts = 1;
    {
        QMutexLocker lock(&m_mutex);
        trace.status = m_status;
        trace.servedBy = m_servedBy.isEmpty() ? mock : m_servedBy;
    }
    TraceEvent forward;
    forward.kind = TraceEvent::Kind::Forward;
    forward.backend = trace.servedBy;
    forward.status = trace.status;
    forward.attempt = 1;
    trace.events.append(forward);
    HttpResponse response(trace.status, "{}", "application/json");
    response.headers.append("X-Backend", trace.servedBy.toUtf8());
    m_buffer->append(trace);
    responder.respond(std::move(response));
}
