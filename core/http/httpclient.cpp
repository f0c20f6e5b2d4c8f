// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpclient.h"

#include "http/httpclientconnection.h"
#include "http/httpwirewriter.h"

#include <QTimer>

#include <algorithm>

using Clock = std::chrono::steady_clock;

namespace {
bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
           || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isFramingField(const HttpHeaders::Field &field)
{
    return HttpHeaders::namesEqual(field.name, "Content-Length")
           || HttpHeaders::namesEqual(field.name, "Transfer-Encoding");
}

bool hasLineBreak(QByteArrayView text)
{
    return text.contains('\r') || text.contains('\n');
}
} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
{}

HttpClient::~HttpClient() = default;

quint64 HttpClient::send(const HttpClientRequest &request, Callback callback)
{
    const quint64 id = m_nextId++;
    const ResolvedOrigin &origin = resolve(request.url);
    QString error;
    QByteArray bytes = serialize(request, requestTarget(request), origin.hostHeader, &error);
    if (!error.isEmpty()) {
        failLater(std::move(callback), HttpClientResult::Error::InvalidRequest, error);
        return id;
    }
    const std::optional<HttpAddressMap::Endpoint> &endpoint = origin.endpoint;
    if (!endpoint) {
        failLater(std::move(callback),
                  HttpClientResult::Error::InvalidRequest,
                  QStringLiteral("cannot reach %1: only plain http is spoken, and the address "
                                 "map has no entry for this origin")
                          .arg(HttpAddressMap::originKey(request.url)));
        return id;
    }
    HttpClientExchange exchange;
    exchange.id = id;
    exchange.bytes = std::move(bytes);
    exchange.headRequest = request.method == "HEAD";
    exchange.host = endpoint->host;
    exchange.port = endpoint->port;
    exchange.endpointKey = origin.endpointKey;
    exchange.startedAt = Clock::now();
    exchange.timeout = request.timeout;
    exchange.headersDeadline = exchange.startedAt + request.timeout;
    exchange.callback = std::move(callback);
    dispatch(std::move(exchange), true);
    return id;
}

void HttpClient::setAddressMap(const HttpAddressMap &map)
{
    m_addressMap = map;
    m_lastOrigin = ResolvedOrigin();
}

const HttpClient::ResolvedOrigin &HttpClient::resolve(const QUrl &url)
{
    const QString scheme = url.scheme();
    const QString host = url.host();
    const int port = url.port();
    if (m_lastOrigin.port == port && m_lastOrigin.host == host && m_lastOrigin.scheme == scheme
        && !host.isEmpty()) {
        return m_lastOrigin;
    }
    m_lastOrigin.scheme = scheme;
    m_lastOrigin.host = host;
    m_lastOrigin.port = port;
    m_lastOrigin.endpoint = m_addressMap.resolve(url);
    // Encoding the host (IDNA included) costs more than the rest of a request's serialisation.
    m_lastOrigin.hostHeader = url.host(QUrl::FullyEncoded).toLatin1();
    if (m_lastOrigin.hostHeader.contains(':'))
        m_lastOrigin.hostHeader = '[' + m_lastOrigin.hostHeader + ']';
    if (port != -1)
        m_lastOrigin.hostHeader += ':' + QByteArray::number(port);
    m_lastOrigin.endpointKey = m_lastOrigin.endpoint
                                       ? m_lastOrigin.endpoint->host + u':'
                                                 + QString::number(m_lastOrigin.endpoint->port)
                                       : QString();
    return m_lastOrigin;
}

void HttpClient::dispatch(HttpClientExchange &&exchange, bool allowReuse)
{
    HttpClientConnection *connection = allowReuse ? takeIdle(exchange.endpointKey) : nullptr;
    const bool reused = connection != nullptr;
    if (!connection) {
        connection = new HttpClientConnection(this, exchange.host, exchange.port);
        ++m_connectionsOpened;
    }
    m_active.insert(exchange.id, connection);
    connection->start(std::move(exchange), reused);
}

void HttpClient::retry(HttpClientExchange &&exchange)
{
    dispatch(std::move(exchange), false);
}

void HttpClient::cancel(quint64 id)
{
    HttpClientConnection *connection = m_active.take(id);
    if (connection)
        connection->cancel();
}

int HttpClient::idleConnectionCount() const
{
    int count = 0;
    for (const QList<HttpClientConnection *> &list : m_idle)
        count += int(list.size());
    return count;
}

HttpClientConnection *HttpClient::takeIdle(const QString &key)
{
    const auto it = m_idle.find(key);
    if (it == m_idle.end())
        return nullptr;
    while (!it->isEmpty()) {
        HttpClientConnection *connection = it->takeLast();
        if (connection->isUsable())
            return connection;
        connection->cancel();
    }
    return nullptr;
}

void HttpClient::connectionIdle(HttpClientConnection *connection)
{
    QList<HttpClientConnection *> &list = m_idle[connection->endpointKey()];
    if (list.size() >= m_limits.maxIdleConnectionsPerEndpoint) {
        connection->cancel();
        return;
    }
    list.append(connection);
    connection->startIdleTimer();
}

void HttpClient::connectionFinished(HttpClientConnection *connection)
{
    const auto idle = m_idle.find(connection->endpointKey());
    if (idle != m_idle.end())
        idle->removeOne(connection);
    m_active.removeIf([connection](const QHash<quint64, HttpClientConnection *>::iterator &it) {
        return it.value() == connection;
    });
    connection->deleteLater();
}

void HttpClient::failLater(Callback callback, HttpClientResult::Error error, const QString &message)
{
    HttpClientResult result;
    result.error = error;
    result.errorMessage = message;
    QTimer::singleShot(0, this, [callback = std::move(callback), result = std::move(result)] {
        callback(result);
    });
}

QByteArray HttpClient::requestTarget(const HttpClientRequest &request)
{
    if (!request.target.isEmpty())
        return request.target;
    // Encoding a URL costs more than the rest of the serialisation, and a gateway sends the same
    // few URLs over and over (equal URLs encode equally: QUrl compares its encoded components).
    if (request.url != m_lastTargetUrl || m_lastTarget.isEmpty()) {
        m_lastTargetUrl = request.url;
        m_lastTarget = request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                             | QUrl::RemoveFragment);
        if (m_lastTarget.isEmpty())
            m_lastTarget = "/";
    }
    return m_lastTarget;
}

QByteArray HttpClient::serialize(const HttpClientRequest &request,
                                 const QByteArray &target,
                                 const QByteArray &hostHeader,
                                 QString *error)
{
    if (!isToken(request.method)) {
        *error = QStringLiteral("invalid method \"%1\"").arg(QString::fromLatin1(request.method));
        return {};
    }
    if (hasLineBreak(target) || target.contains(' ')) {
        *error = QStringLiteral("invalid request target \"%1\"").arg(QString::fromLatin1(target));
        return {};
    }
    static constexpr QByteArrayView Version(" HTTP/1.1\r\n");
    static constexpr QByteArrayView HostName("Host: ");
    static constexpr QByteArrayView LengthName("Content-Length: ");
    static constexpr QByteArrayView LineEnd("\r\n");
    qsizetype size = request.method.size() + 1 + target.size() + Version.size();
    const bool addHost = !request.headers.contains("Host");
    if (addHost)
        size += HostName.size() + hostHeader.size() + LineEnd.size();
    for (const HttpHeaders::Field &field : request.headers) {
        if (isFramingField(field))
            continue; // the body is sent whole, framed by its own length
        if (!isToken(field.name) || hasLineBreak(field.value)) {
            *error = QStringLiteral("invalid header field \"%1\"")
                             .arg(QString::fromLatin1(field.name));
            return {};
        }
        size += HttpWireWriter::fieldSize(field);
    }
    const bool bodyMethod
            = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    const bool withLength = !request.body.isEmpty() || bodyMethod;
    const HttpWireWriter::Number length(request.body.size());
    if (withLength)
        size += LengthName.size() + length.view().size() + LineEnd.size();
    size += LineEnd.size() + request.body.size();

    QByteArray out;
    HttpWireWriter writer(out, size);
    writer << request.method << " " << target << Version;
    if (addHost)
        writer << HostName << hostHeader << LineEnd;
    for (const HttpHeaders::Field &field : request.headers) {
        if (!isFramingField(field))
            writer.field(field);
    }
    if (withLength)
        writer << LengthName << length.view() << LineEnd;
    writer << LineEnd << request.body;
    Q_ASSERT(writer.isFull());
    return out;
}
