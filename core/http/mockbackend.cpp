// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/mockbackend.h"

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
    , m_regionUtf8(region.toUtf8())
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
    // Written by hand rather than through QJsonDocument: the echo is built for every call and is
    // the mock's main cost in the gateway benchmark (QJsonObject goes through QCborValue).
    QList<std::pair<QByteArray, QByteArray>> query;
    const QByteArray queryString = request.query();
    if (!queryString.isEmpty()) {
        const QUrlQuery parsed(QString::fromUtf8(queryString));
        for (const auto &[key, value] : parsed.queryItems(QUrl::FullyDecoded))
            query.append({key.toUtf8(), value.toUtf8()});
    }
    QList<std::pair<QByteArray, QByteArray>> headers;
    headers.reserve(request.headers.size());
    for (const HttpHeaders::Field &field : request.headers)
        headers.append({field.name, field.value});

    QByteArray json;
    json.reserve(256 + request.target.size() + request.body.size() + request.headers.size() * 64);
    json.append("{\"backend\":");
    appendJsonString(json, m_nameUtf8);
    json.append(",\"region\":");
    appendJsonString(json, m_regionUtf8);
    json.append(",\"status\":").append(QByteArray::number(status));
    json.append(",\"method\":");
    appendJsonString(json, request.method);
    json.append(",\"path\":");
    appendJsonString(json, request.path());
    json.append(",\"queryString\":");
    appendJsonString(json, queryString);
    json.append(",\"query\":");
    appendJsonObject(json, query);
    json.append(",\"headers\":");
    appendJsonObject(json, headers);
    json.append(",\"body\":");
    appendJsonString(json, request.body);
    json.append('}');

    HttpResponse response(status, std::move(json), "application/json; charset=utf-8");
    response.headers.append("X-Backend", m_nameUtf8);
    return response;
}

void MockBackend::appendJsonString(QByteArray &out, QByteArrayView text)
{
    // Bytes that are not UTF-8 would make the document invalid: replace them, as QString does.
    if (!text.isValidUtf8()) {
        appendJsonString(out, QString::fromUtf8(text).toUtf8());
        return;
    }
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (byte < 0x20) {
            out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void MockBackend::appendJsonObject(QByteArray &out,
                                   const QList<std::pair<QByteArray, QByteArray>> &fields)
{
    // Repeated names (exact case) become one member, values joined with ", " (RFC 9110 5.3).
    out.append('{');
    bool first = true;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        bool seen = false;
        for (qsizetype j = 0; j < i && !seen; ++j)
            seen = fields[j].first == fields[i].first;
        if (seen)
            continue;
        QByteArray value = fields[i].second;
        for (qsizetype j = i + 1; j < fields.size(); ++j) {
            if (fields[j].first == fields[i].first)
                value.append(", ").append(fields[j].second);
        }
        if (!first)
            out.append(',');
        first = false;
        appendJsonString(out, fields[i].first);
        out.append(':');
        appendJsonString(out, value);
    }
    out.append('}');
}
