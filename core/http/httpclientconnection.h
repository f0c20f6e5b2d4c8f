// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpclientexchange.h"
#include "http/httpresponseparser.h"

#include <QObject>

#include <chrono>
#include <optional>

class HttpClient;
class QTcpSocket;
class QTimer;

// One keep-alive connection of an HttpClient to one endpoint, carrying one exchange at a time.
class HttpClientConnection final : public QObject
{
    Q_OBJECT

public:
    HttpClientConnection(HttpClient *client, const QString &host, quint16 port);
    ~HttpClientConnection() override;
    Q_DISABLE_COPY_MOVE(HttpClientConnection)

    const QString &endpointKey() const { return m_key; }
    // Connected (or connecting) and not closed by the peer: fit to carry a request.
    bool isUsable() const;
    bool isBusy() const { return m_exchange.has_value(); }
    void start(HttpClientExchange &&exchange, bool reused);
    // Drops the exchange without calling back and closes.
    void cancel();
    // Pooled: closes after the client's idle timeout.
    void startIdleTimer();

private:
    void onConnected();
    void onReadyRead();
    bool readAvailable();
    void onSocketGone(const QString &reason);
    void onTimer();
    void feed(QByteArrayView data);
    void complete(HttpClientResult &&result, bool keepAlive);
    void fail(HttpClientResult::Error error, const QString &message);
    void close();
    using Clock = std::chrono::steady_clock;
    // When the exchange (headers, then body inactivity) or the idle pooling times out.
    void setDeadline(Clock::time_point deadline);
    void armTimer(Clock::time_point now);

    HttpClient *m_client;
    QString m_key;
    QTcpSocket *m_socket;
    QTimer *m_timer;
    HttpResponseParser m_parser;
    std::optional<HttpClientExchange> m_exchange;
    QByteArray m_in;
    Clock::time_point m_deadline;
    Clock::time_point m_timerDue; // when m_timer, if active, fires
    bool m_reused = false;
    bool m_bytesReceived = false;
    bool m_connected = false;
    bool m_closed = false;
};
