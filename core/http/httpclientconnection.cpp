// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpclientconnection.h"

#include "http/httpclient.h"

#include <QTcpSocket>
#include <QTimer>

using Clock = std::chrono::steady_clock;

namespace {
HttpResponseParser::Limits parserLimits(const HttpClient::Limits &limits)
{
    HttpResponseParser::Limits result;
    result.maxHeaderBytes = limits.maxResponseHeaderBytes;
    result.maxBodyBytes = limits.maxResponseBodyBytes;
    return result;
}
} // namespace

HttpClientConnection::HttpClientConnection(HttpClient *client, const QString &host, quint16 port)
    : QObject(client)
    , m_client(client)
    , m_key(host + u':' + QString::number(port))
    , m_socket(new QTcpSocket(this))
    , m_timer(new QTimer(this))
    , m_parser(parserLimits(client->limits()))
{
    m_timer->setSingleShot(true);
    // A coarse timer may fire up to 5% early: a timeout must never be reported before it elapsed.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &HttpClientConnection::onTimer);
    connect(m_socket, &QTcpSocket::connected, this, &HttpClientConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        onSocketGone(QStringLiteral("connection closed by %1").arg(m_key));
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        onSocketGone(QStringLiteral("%1 (%2)").arg(m_socket->errorString(), m_key));
    });
    // Unbuffered for the reason given in HttpServerConnection. Connecting from the event loop: a
    // refused loopback connect can fail synchronously, and the client promises never to call back
    // from inside send().
    QMetaObject::invokeMethod(
            this,
            [this, host, port] {
                if (!m_closed)
                    m_socket->connectToHost(
                            host, port, QIODevice::ReadWrite | QIODevice::Unbuffered);
            },
            Qt::QueuedConnection);
}

HttpClientConnection::~HttpClientConnection()
{
    m_closed = true;
    QObject::disconnect(m_socket, nullptr, this, nullptr);
}

bool HttpClientConnection::isUsable() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpClientConnection::start(HttpClientExchange &&exchange, bool reused)
{
    m_exchange = std::move(exchange);
    m_reused = reused;
    m_bytesReceived = false;
    m_parser.setRequestMethod(m_exchange->headRequest ? "HEAD" : "GET");
    setDeadline(m_exchange->headersDeadline);
    if (m_connected) {
        m_socket->write(m_exchange->bytes);
        m_socket->flush();
    }
}

void HttpClientConnection::onConnected()
{
    m_connected = true;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_exchange) {
        m_socket->write(m_exchange->bytes);
        m_socket->flush();
    }
}

void HttpClientConnection::onReadyRead()
{
    if (!readAvailable())
        onSocketGone(QStringLiteral("connection closed by %1").arg(m_key));
}

bool HttpClientConnection::readAvailable()
{
    constexpr qint64 ReadChunk = 16 * 1024;
    qint64 got = 0;
    do {
        m_in.resize(ReadChunk); // capacity kept between reads
        got = m_socket->read(m_in.data(), ReadChunk);
        if (got > 0)
            feed(QByteArrayView(m_in.constData(), got));
    } while (got == ReadChunk && !m_closed);
    // An unbuffered socket reports the peer's close only here, as a failed read.
    return got >= 0;
}

void HttpClientConnection::feed(QByteArrayView data)
{
    if (!m_exchange) {
        close(); // bytes nobody asked for: the connection cannot be trusted for reuse
        return;
    }
    m_bytesReceived = true;
    HttpResponseParser::Result result = m_parser.feed(data);
    switch (result.status) {
    case HttpResponseParser::Status::NeedMore:
        if (m_parser.headersComplete())
            setDeadline(Clock::now() + m_client->limits().bodyInactivityTimeout);
        return;
    case HttpResponseParser::Status::Complete: {
        HttpClientResult done;
        done.response = std::move(result.response);
        // Extra bytes after the response mean a confused peer: do not pool the connection.
        complete(std::move(done), result.keepAlive && result.consumed == data.size());
        return;
    }
    case HttpResponseParser::Status::Error:
        fail(result.tooLarge ? HttpClientResult::Error::ResponseTooLarge
                             : HttpClientResult::Error::InvalidResponse,
             QStringLiteral("%1 from %2").arg(result.errorMessage, m_key));
        return;
    }
}

void HttpClientConnection::onSocketGone(const QString &reason)
{
    if (m_closed)
        return;
    if (m_exchange)
        readAvailable();
    if (!m_exchange || m_closed) {
        close();
        return;
    }
    if (m_reused && !m_bytesReceived) {
        HttpClientExchange exchange = std::move(*m_exchange);
        m_exchange.reset();
        close();
        m_client->retry(std::move(exchange));
        return;
    }
    HttpResponseParser::Result result = m_parser.finish();
    if (result.status == HttpResponseParser::Status::Complete) {
        HttpClientResult done;
        done.response = std::move(result.response);
        complete(std::move(done), false);
        return;
    }
    fail(HttpClientResult::Error::ConnectionFailure,
         m_bytesReceived ? QStringLiteral("%1: %2").arg(reason, result.errorMessage) : reason);
}

void HttpClientConnection::onTimer()
{
    const Clock::time_point now = Clock::now();
    if (now < m_deadline) {
        armTimer(now); // kept from an earlier, sooner deadline
        return;
    }
    if (!m_exchange) {
        close(); // pooled and unused for the idle timeout
        return;
    }
    if (!m_parser.headersComplete()) {
        fail(HttpClientResult::Error::Timeout,
             QStringLiteral("no response headers from %1 within %2 ms")
                     .arg(m_key)
                     .arg(m_exchange->timeout.count()));
    } else {
        fail(HttpClientResult::Error::Timeout,
             QStringLiteral("response body from %1 stalled for %2 ms")
                     .arg(m_key)
                     .arg(m_client->limits().bodyInactivityTimeout.count()));
    }
}

void HttpClientConnection::complete(HttpClientResult &&result, bool keepAlive)
{
    // The timer is left running: the idle deadline set next, or close(), takes it over.
    HttpClientExchange exchange = std::move(*m_exchange);
    m_exchange.reset();
    result.reusedConnection = m_reused;
    result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now()
                                                                           - exchange.startedAt);
    m_client->exchangeDone(exchange.id);
    if (keepAlive)
        m_client->connectionIdle(this);
    else
        close();
    exchange.callback(std::move(result));
}

void HttpClientConnection::fail(HttpClientResult::Error error, const QString &message)
{
    HttpClientResult result;
    result.error = error;
    result.errorMessage = message;
    complete(std::move(result), false);
}

void HttpClientConnection::cancel()
{
    m_exchange.reset();
    close();
}

void HttpClientConnection::startIdleTimer()
{
    setDeadline(Clock::now() + m_client->limits().idleTimeout);
}

void HttpClientConnection::setDeadline(Clock::time_point deadline)
{
    // Restarting a QTimer costs more than the rest of an exchange's bookkeeping, and every
    // exchange moves the deadline (headers, body, idle): a timer due no later than the new
    // deadline is kept, and onTimer arms it again for what remains.
    m_deadline = deadline;
    if (!m_timer->isActive() || m_timerDue > deadline)
        armTimer(Clock::now());
}

void HttpClientConnection::armTimer(Clock::time_point now)
{
    const auto remaining = std::max(std::chrono::ceil<std::chrono::milliseconds>(m_deadline - now),
                                    std::chrono::milliseconds(0));
    m_timerDue = now + remaining;
    m_timer->start(remaining);
}

void HttpClientConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_timer->stop();
    m_socket->abort();
    m_client->connectionFinished(this);
}
