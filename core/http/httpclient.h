// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpaddressmap.h"
#include "http/httpclientexchange.h"
#include "http/httpclientrequest.h"
#include "http/httpclientresult.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

class HttpClientConnection;

// Backend client of the gateway: HTTP/1.1 on QTcpSocket with llhttp response parsing and a
// keep-alive pool per endpoint. Hand-written rather than QNetworkAccessManager because a gateway
// must forward the request as sent (QNAM adds headers and follows redirects), report a
// response-headers timeout as a timeout (QNAM's is an inactivity timeout reported as
// OperationCanceledError) and open more than QNAM's 6 connections per host on Qt 6.4.
// Thread-affine: create one per worker thread (HttpServer::HandlerFactory) and use it there.
class HttpClient final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qsizetype maxResponseHeaderBytes = 64 * 1024;
        qsizetype maxResponseBodyBytes = 64 * 1024 * 1024; // hard cap: ResponseTooLarge
        int maxIdleConnectionsPerEndpoint = 64;
        // A pooled connection unused this long is closed.
        std::chrono::milliseconds idleTimeout{30000};
        // After the headers, the body may stall this long between reads: Timeout.
        std::chrono::milliseconds bodyInactivityTimeout{60000};
    };

    using Callback = std::function<void(HttpClientResult result)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override; // exchanges in flight are dropped, their callbacks never run
    Q_DISABLE_COPY_MOVE(HttpClient)

    void setAddressMap(const HttpAddressMap &map);
    const HttpAddressMap &addressMap() const { return m_addressMap; }
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    // Starts the exchange; callback runs exactly once, always later from the event loop (never
    // inside send), unless cancel() is called first. Returns an id for cancel().
    quint64 send(const HttpClientRequest &request, Callback callback);
    // Drops the exchange (its connection is closed, the callback never runs).
    void cancel(quint64 id);

    int activeCount() const { return int(m_active.size()); }
    int idleConnectionCount() const;
    // Connections opened so far: tests and benchmarks use it to see keep-alive reuse.
    quint64 connectionsOpened() const { return m_connectionsOpened; }

private:
    friend class HttpClientConnection;
    void exchangeDone(quint64 id) { m_active.remove(id); }
    void connectionIdle(HttpClientConnection *connection);
    void connectionFinished(HttpClientConnection *connection);
    // The pooled connection was closed by the server before any byte of the answer: the request
    // cannot have been processed, so it is sent again on a fresh connection.
    void retry(HttpClientExchange &&exchange);

    // The last origin resolved: a gateway mostly forwards to the same backend, and resolving
    // builds several strings.
    struct ResolvedOrigin
    {
        QString scheme;
        QString host;
        int port = -1;
        std::optional<HttpAddressMap::Endpoint> endpoint;
        QString endpointKey;
        QByteArray hostHeader; // the Host field's value for this origin
    };

    const ResolvedOrigin &resolve(const QUrl &url);
    void dispatch(HttpClientExchange &&exchange, bool allowReuse);
    HttpClientConnection *takeIdle(const QString &key);
    void failLater(Callback callback, HttpClientResult::Error error, const QString &message);
    // request.target, or the one encoded from request.url.
    QByteArray requestTarget(const HttpClientRequest &request);
    static QByteArray serialize(const HttpClientRequest &request,
                                const QByteArray &target,
                                const QByteArray &hostHeader,
                                QString *error);

    HttpAddressMap m_addressMap;
    ResolvedOrigin m_lastOrigin;
    QUrl m_lastTargetUrl;
    QByteArray m_lastTarget;
    Limits m_limits;
    QHash<QString, QList<HttpClientConnection *>> m_idle;
    QHash<quint64, HttpClientConnection *> m_active;
    quint64 m_nextId = 1;
    quint64 m_connectionsOpened = 0;
};
