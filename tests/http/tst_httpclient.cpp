// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpclient.h"
#include "http/mockbackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace std::chrono_literals;
using Error = HttpClientResult::Error;

namespace {
// A backend that answers each request with scripted raw bytes (or does something rude), to test
// response framings the mock backend does not produce.
class ScriptedBackend : public QObject
{
public:
    // Called once per complete request head; requestIndex counts over all connections.
    using Script = std::function<void(QTcpSocket *socket, int requestIndex)>;

    explicit ScriptedBackend(Script script)
        : m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    qsizetype end;
                    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                        buffer.remove(0, end + 4);
                        m_script(socket, requests++);
                    }
                });
            }
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int requests = 0;
    int connections = 0;

private:
    QTcpServer m_server;
    Script m_script;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QJsonObject json(const HttpClientResult &result)
{
    return QJsonDocument::fromJson(result.response.body).object();
}
} // namespace

class tst_HttpClient : public QObject
{
    Q_OBJECT

private:
    // Sends and waits (bounded) for the callback.
    std::optional<HttpClientResult> fetch(HttpClient &client, const HttpClientRequest &request)
    {
        std::optional<HttpClientResult> result;
        client.send(request, [&result](HttpClientResult r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            return std::nullopt;
        return result;
    }

    static HttpClientRequest get(const QUrl &url, std::chrono::milliseconds timeout = 5s)
    {
        HttpClientRequest request;
        request.url = url;
        request.timeout = timeout;
        return request;
    }

private Q_SLOTS:
    void forwardsRequestAsGiven()
    {
        MockBackend backend(QStringLiteral("hello-eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        HttpClient client;
        HttpClientRequest request;
        request.method = "POST";
        request.url = QUrl(backend.url().toString() + QStringLiteral("/api/echo?name=a%20b&x=1"));
        request.headers = {{"X-Mixed-Case", "1"}, {"x-repeat", "a"}, {"X-Repeat", "b"}};
        request.body = "{\"k\":1}";
        const auto result = fetch(client, request);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorMessage));
        QCOMPARE(result->response.status, 200);
        const QJsonObject echo = json(*result);
        QCOMPARE(echo.value("backend").toString(), QStringLiteral("hello-eus"));
        QCOMPARE(echo.value("region").toString(), QStringLiteral("East US"));
        QCOMPARE(echo.value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/api/echo"));
        QCOMPARE(echo.value("query").toObject().value("name").toString(), QStringLiteral("a b"));
        QCOMPARE(echo.value("body").toString(), QStringLiteral("{\"k\":1}"));
        const QJsonObject headers = echo.value("headers").toObject();
        QCOMPARE(headers.value("X-Mixed-Case").toString(), QStringLiteral("1"));
        QCOMPARE(headers.value("x-repeat").toString(), QStringLiteral("a"));
        QCOMPARE(headers.value("X-Repeat").toString(), QStringLiteral("b"));
        QCOMPARE(headers.value("Content-Length").toString(), QStringLiteral("7"));
        QCOMPARE(headers.value("Host").toString(),
                 QStringLiteral("127.0.0.1:%1").arg(backend.port()));
        // Nothing added behind the caller's back.
        QCOMPARE(headers.keys().size(), 5);
    }

    void reusesKeepAliveConnection()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        HttpClient client;
        for (int i = 0; i < 3; ++i) {
            const auto result = fetch(client, get(backend.url()));
            QVERIFY(result && result->ok());
            QCOMPARE(result->reusedConnection, i > 0);
        }
        QCOMPARE(client.connectionsOpened(), quint64(1));
        QCOMPARE(client.idleConnectionCount(), 1);
    }

    void opensMoreThanSixConnectionsPerHost()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({MockBackend::Mode::Healthy, 200, 50ms});
        QVERIFY(backend.start());
        HttpClient client;
        int done = 0;
        for (int i = 0; i < 10; ++i)
            client.send(get(backend.url()), [&done](HttpClientResult r) { done += r.ok(); });
        QTRY_COMPARE(done, 10);
        QCOMPARE(client.connectionsOpened(), quint64(10));
    }

    void refusedIsConnectionFailure()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        backend.setBehaviour({MockBackend::Mode::RefuseConnections});
        HttpClient client;
        const auto result = fetch(client, get(backend.url()));
        QVERIFY(result);
        QCOMPARE(result->error, Error::ConnectionFailure);
        QVERIFY2(result->errorMessage.contains(QString::number(backend.port())),
                 qPrintable(result->errorMessage));
    }

    void hangingBackendTimesOut()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({MockBackend::Mode::Hang});
        QVERIFY(backend.start());
        HttpClient client;
        const auto result = fetch(client, get(backend.url(), 100ms));
        QVERIFY(result);
        QCOMPARE(result->error, Error::Timeout);
        QVERIFY(result->elapsed >= 100ms);
        QVERIFY2(result->errorMessage.contains(QLatin1String("100 ms")),
                 qPrintable(result->errorMessage));
    }

    void addressMapKeepsOriginalHost()
    {
        MockBackend backend(QStringLiteral("hello-eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        HttpAddressMap map;
        map.insert(QUrl(QStringLiteral("https://hello-eus.azurewebsites.net")), backend.url());
        HttpClient client;
        client.setAddressMap(map);
        const auto result = fetch(
                client, get(QUrl(QStringLiteral("https://hello-eus.azurewebsites.net/api/x"))));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorMessage));
        const QJsonObject echo = json(*result);
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/api/x"));
        QCOMPARE(echo.value("headers").toObject().value("Host").toString(),
                 QStringLiteral("hello-eus.azurewebsites.net"));

        const auto unmapped
                = fetch(client, get(QUrl(QStringLiteral("https://hello-weu.azurewebsites.net/"))));
        QVERIFY(unmapped);
        QCOMPARE(unmapped->error, Error::InvalidRequest);
        QVERIFY(unmapped->errorMessage.contains(QLatin1String("hello-weu.azurewebsites.net")));
    }

    void responseFramings_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("content-length")
                << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false << 200
                << QByteArray("hello");
        QTest::newRow("chunked") << QByteArray(
                "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                "4\r\nchun\r\n3\r\nked\r\n0\r\n\r\n")
                                 << false << 201 << QByteArray("chunked");
        QTest::newRow("connection close body")
                << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end") << true
                << 200 << QByteArray("until the end");
        QTest::newRow("interim 100 skipped")
                << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"
                              "Content-Length: 2\r\n\r\nno")
                << false << 404 << QByteArray("no");
    }

    void responseFramings()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, closeAfter);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        ScriptedBackend backend([&](QTcpSocket *socket, int) {
            socket->write(wire);
            if (closeAfter)
                socket->disconnectFromHost();
        });
        HttpClient client;
        const auto result = fetch(client, get(backend.url()));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorMessage));
        QCOMPARE(result->response.status, status);
        QCOMPARE(result->response.body, body);
        QCOMPARE(client.idleConnectionCount(), closeAfter ? 0 : 1);
    }

    void badResponses_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("error");

        QTest::newRow("too large") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n")
                                   << int(Error::ResponseTooLarge);
        QTest::newRow("chunked too large")
                << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n"
                              + QByteArray(1024, 'x') + "\r\n")
                << int(Error::ResponseTooLarge);
        QTest::newRow("garbage") << QByteArray("SMTP ready\r\n\r\n") << int(Error::InvalidResponse);
        QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab")
                                   << int(Error::ConnectionFailure);
    }

    void badResponses()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, error);
        ScriptedBackend backend([&](QTcpSocket *socket, int) {
            socket->write(wire);
            socket->disconnectFromHost();
        });
        HttpClient client;
        HttpClient::Limits limits;
        limits.maxResponseBodyBytes = 1000;
        client.setLimits(limits);
        const auto result = fetch(client, get(backend.url()));
        QVERIFY(result);
        QCOMPARE(int(result->error), error);
        QVERIFY(!result->errorMessage.isEmpty());
    }

    void headResponseHasNoBody()
    {
        ScriptedBackend backend([](QTcpSocket *socket, int index) {
            if (index == 0)
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n");
            else
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });
        HttpClient client;
        HttpClientRequest head = get(backend.url());
        head.method = "HEAD";
        const auto first = fetch(client, head);
        QVERIFY(first && first->ok());
        QCOMPARE(first->response.headers.value("Content-Length"), QByteArray("50"));
        QVERIFY(first->response.body.isEmpty());
        const auto second = fetch(client, get(backend.url()));
        QVERIFY(second && second->ok());
        QCOMPARE(second->response.body, QByteArray("ok"));
        QVERIFY(second->reusedConnection);
    }

    void stalePooledConnectionIsRetried()
    {
        // The backend drops its keep-alive connection just as the second request arrives: nothing
        // was answered, so the client must try again on a fresh connection.
        ScriptedBackend backend([](QTcpSocket *socket, int index) {
            if (index == 1) {
                socket->abort();
                return;
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n"
                          + QByteArray::number(index));
        });
        HttpClient client;
        QVERIFY(fetch(client, get(backend.url()))->ok());
        const auto second = fetch(client, get(backend.url()));
        QVERIFY(second);
        QVERIFY2(second->ok(), qPrintable(second->errorMessage));
        QCOMPARE(second->response.body, QByteArray("2"));
        QCOMPARE(client.connectionsOpened(), quint64(2));
    }

    // One timer serves the headers, body and idle deadlines of a pooled connection and is kept
    // when it is due sooner than a new deadline: whichever deadline is sooner must still hold.
    void pooledConnectionTimesOutAtEachDeadline_data()
    {
        QTest::addColumn<int>("idleMs");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("idle deadline sooner") << 250 << 500;
        QTest::newRow("headers deadline sooner") << 30000 << 100;
    }

    void pooledConnectionTimesOutAtEachDeadline()
    {
        QFETCH(int, idleMs);
        QFETCH(int, timeoutMs);
        ScriptedBackend backend([](QTcpSocket *socket, int index) {
            if (index == 0)
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        });
        HttpClient client;
        HttpClient::Limits limits;
        limits.idleTimeout = std::chrono::milliseconds(idleMs);
        client.setLimits(limits);
        QVERIFY(fetch(client, get(backend.url(), 60s))->ok());
        const auto second = fetch(client, get(backend.url(), std::chrono::milliseconds(timeoutMs)));
        QVERIFY(second);
        QVERIFY(second->reusedConnection);
        QCOMPARE(second->error, Error::Timeout);
        QVERIFY(second->elapsed >= std::chrono::milliseconds(timeoutMs));
    }

    void pooledConnectionClosesAfterIdleTimeout()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        HttpClient client;
        HttpClient::Limits limits;
        limits.idleTimeout = 50ms;
        client.setLimits(limits);
        // The exchange's own deadline (60 s) is later than the idle one that follows it.
        QVERIFY(fetch(client, get(backend.url(), 60s))->ok());
        QCOMPARE(client.idleConnectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client.idleConnectionCount(), 0, 3000);
    }

    void cancelledExchangeNeverCallsBack()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({MockBackend::Mode::Healthy, 200, 50ms});
        QVERIFY(backend.start());
        HttpClient client;
        bool called = false;
        const quint64 id
                = client.send(get(backend.url()), [&called](HttpClientResult) { called = true; });
        client.cancel(id);
        QCOMPARE(client.activeCount(), 0);
        const auto later = fetch(client, get(backend.url())); // the loop runs past the 50 ms
        QVERIFY(later && later->ok());
        QVERIFY(!called);
    }

    void invalidRequestsAreErrors()
    {
        HttpClient client;
        HttpClientRequest request = get(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        request.method = "BAD METHOD";
        bool calledInside = false;
        bool inside = true;
        std::optional<HttpClientResult> result;
        client.send(request, [&](HttpClientResult r) {
            calledInside = inside;
            result = std::move(r);
        });
        inside = false;
        QTRY_VERIFY(result.has_value());
        QVERIFY(!calledInside);
        QCOMPARE(result->error, Error::InvalidRequest);
        request.method = "GET";
        request.headers = {{"X-Evil", "a\r\nInjected: 1"}};
        QCOMPARE(fetch(client, request)->error, Error::InvalidRequest);
    }
};

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
