// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/mockbackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

MockBackend::MockBackend(const QString &name, const QString &region, QObject *parent)
    : MockBackend(
            name, region, [] { return std::chrono::steady_clock::now(); }, parent)
{}

MockBackend::MockBackend(const QString &name, const QString &region, Clock clock, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_region(region)
    , m_nameUtf8(name.toUtf8())
    , m_clock(std::move(clock))
{
    HttpServer::Options options;
    options.workerCount = 1;
    m_server.setOptions(options);
    m_server.setHandler([this](HttpRequest request, HttpResponder responder) {
        handle(std::move(request), responder);
    });
    m_behaviourSince = m_clock();
}

MockBackend::~MockBackend()
{
    m_server.close(); // joins the worker before the members the handler uses go away
}

bool MockBackend::start(quint16 port, const QHostAddress &address)
{
    HttpServer::Options options = m_server.options();
    options.address = address;
    options.port = port;
    m_server.setOptions(options);
    if (!m_server.listen())
        return false;
    if (behaviour().mode == Mode::RefuseConnections)
        m_server.pauseAccepting();
    return true;
}

void MockBackend::stop()
{
    m_server.close();
}

void MockBackend::setBehaviour(const Behaviour &behaviour)
{
    {
        QMutexLocker locker(&m_mutex);
        m_behaviour = behaviour;
        m_behaviourSince = m_clock();
        m_calls = 0;
    }
    const bool refuse = behaviour.mode == Mode::RefuseConnections;
    if (QThread::currentThread() == thread())
        applyListening(refuse);
    else
        QMetaObject::invokeMethod(
                this, [this, refuse] { applyListening(refuse); }, Qt::QueuedConnection);
}

void MockBackend::applyListening(bool refuse)
{
    if (m_server.workerCount() == 0)
        return; // not started: start() applies it
    if (refuse)
        m_server.pauseAccepting();
    else
        m_server.resumeAccepting();
}

MockBackend::Behaviour MockBackend::behaviour() const
{
    QMutexLocker locker(&m_mutex);
    return m_behaviour;
}

MockBackend::Hits MockBackend::hits() const
{
    QMutexLocker locker(&m_mutex);
    return m_hits;
}

void MockBackend::resetHits()
{
    {
        QMutexLocker locker(&m_mutex);
        m_hits = Hits();
    }
    Q_EMIT hitsChanged();
}

MockBackend::Decision MockBackend::decide()
{
    QMutexLocker locker(&m_mutex);
    const quint64 call = ++m_calls;
    Decision decision;
    decision.latency = m_behaviour.latency;
    switch (m_behaviour.mode) {
    case Mode::Healthy:
        break;
    case Mode::FixedStatus:
        decision.status = m_behaviour.status;
        break;
    case Mode::Hang:
        decision.action = Action::Hang;
        break;
    case Mode::RefuseConnections: // a connection made before the switch
    case Mode::ResetConnections:
        decision.action = Action::Reset;
        break;
    case Mode::FlapEveryNth:
        if (m_behaviour.everyNth > 0 && call % quint64(m_behaviour.everyNth) == 0)
            decision.status = m_behaviour.status;
        break;
    case Mode::FlapForDuration:
        if (m_clock() - m_behaviourSince < m_behaviour.failFor)
            decision.status = m_behaviour.status;
        break;
    }
    return decision;
}

void MockBackend::record(int status)
{
    {
        QMutexLocker locker(&m_mutex);
        ++m_hits.total;
        ++m_hits.byStatus[status];
    }
    // One queued notification for any number of hits until it is delivered: no cross-thread
    // event per request.
    if (!m_notifyPending.exchange(true)) {
        QMetaObject::invokeMethod(
                this,
                [this] {
                    m_notifyPending = false;
                    Q_EMIT hitsChanged();
                },
                Qt::QueuedConnection);
    }
}

void MockBackend::handle(HttpRequest &&request, const HttpResponder &responder)
{
    const Decision decision = decide();
    switch (decision.action) {
    case Action::Hang:
        record(0);
        return;
    case Action::Reset:
        record(0);
        responder.closeConnection();
        return;
    case Action::Answer:
        break;
    }
    record(decision.status);
    HttpResponse response = makeResponse(request, decision.status);
    if (decision.latency.count() <= 0) {
        responder.respond(std::move(response));
        return;
    }
    QTimer::singleShot(decision.latency, responder.context(), [responder, response] {
        responder.respond(response);
    });
}

HttpResponse MockBackend::makeResponse(const HttpRequest &request, int status) const
{
    QJsonObject headers;
    for (const HttpHeaders::Field &field : request.headers) {
        const QString name = QString::fromLatin1(field.name);
        const QString value = QString::fromUtf8(field.value);
        const auto existing = headers.constFind(name);
        headers.insert(name,
                       existing == headers.constEnd() ? value
                                                      : existing->toString() + u", " + value);
    }
    QJsonObject query;
    const QString queryString = QString::fromUtf8(request.query());
    const QUrlQuery parsedQuery(queryString);
    for (const auto &[key, value] : parsedQuery.queryItems(QUrl::FullyDecoded))
        query.insert(key, value);
    QJsonObject echo{
            {QStringLiteral("backend"), m_name},
            {QStringLiteral("region"), m_region},
            {QStringLiteral("status"), status},
            {QStringLiteral("method"), QString::fromLatin1(request.method)},
            {QStringLiteral("path"), QString::fromUtf8(request.path())},
            {QStringLiteral("queryString"), queryString},
            {QStringLiteral("query"), query},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("body"), QString::fromUtf8(request.body)},
    };
    HttpResponse response(status,
                          QJsonDocument(echo).toJson(QJsonDocument::Compact),
                          "application/json; charset=utf-8");
    response.headers.append("X-Backend", m_nameUtf8);
    return response;
}
