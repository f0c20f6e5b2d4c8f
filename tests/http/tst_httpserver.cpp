// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserver.h"

#include "rawhttpconnection.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

#include <sys/socket.h>

using namespace std::chrono_literals;

namespace {
// Answers "METHOD TARGET" at once.
void echoHandler(HttpRequest request, HttpResponder responder)
{
    responder.respond(HttpResponse(200, request.method + ' ' + request.target, "text/plain"));
}

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra + "\r\n";
}
} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> makeServer(HttpServer::Handler handler,
                                           HttpServer::Options options = {})
    {
        if (options.workerCount == 0)
            options.workerCount = 2;
        auto server = std::make_unique<HttpServer>();
        server->setOptions(options);
        server->setHandler(std::move(handler));
        if (!server->listen())
            qWarning() << "listen failed:" << server->errorString();
        return server;
    }

private Q_SLOTS:
    void listensOnLoopbackWithBoundPort()
    {
        auto server = makeServer(echoHandler);
        QVERIFY(server->isListening());
        QVERIFY(server->port() != 0);
        QCOMPARE(server->url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(server->workerCount(), 2);
    }

    void busyPortIsReported()
    {
        auto first = makeServer(echoHandler);
        HttpServer second;
        HttpServer::Options options;
        options.workerCount = 1;
        options.port = first->port();
        second.setOptions(options);
        QVERIFY(!second.listen());
        QVERIFY(!second.errorString().isEmpty());
        QVERIFY(!second.isListening());
        QCOMPARE(second.workerCount(), 0);
    }

    void requestFieldsReachHandler()
    {
        QMutex mutex;
        HttpRequest seen;
        auto server = makeServer([&](HttpRequest request, HttpResponder responder) {
            {
                QMutexLocker locker(&mutex);
                seen = request;
            }
            responder.respond(HttpResponse(201, "made", "text/plain"));
        });
        RawHttpConnection client(server->port());
        client.send("POST /items?x=1 HTTP/1.1\r\nHost: test\r\nX-Case: A\r\nx-case: B\r\n"
                    "Content-Length: 4\r\n\r\nbody");
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 201);
        QCOMPARE(responses[0].reason, QByteArray("Created"));
        QCOMPARE(responses[0].body, QByteArray("made"));
        QCOMPARE(responses[0].headers.value("content-length"), QByteArray("4"));
        QMutexLocker locker(&mutex);
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.path(), QByteArray("/items"));
        QCOMPARE(seen.query(), QByteArray("x=1"));
        QCOMPARE(seen.headers.values("X-CASE"), QList<QByteArray>({"A", "B"}));
        QCOMPARE(seen.body, QByteArray("body"));
        QCOMPARE(seen.peerAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(seen.localPort, server->port());
        QVERIFY(seen.peerPort != 0);
    }

    void keepAliveReusesConnection()
    {
        auto server = makeServer(echoHandler);
        RawHttpConnection client(server->port());
        for (int i = 0; i < 3; ++i) {
            client.send(get("/n" + QByteArray::number(i)));
            const auto responses = client.read(1);
            QCOMPARE(responses.size(), 1);
            QCOMPARE(responses[0].body, "GET /n" + QByteArray::number(i));
            QVERIFY(client.isConnected());
        }
        QCOMPARE(server->connectionCount(), 1);
    }

    void connectionCloseIsHonoured()
    {
        auto server = makeServer(echoHandler);
        RawHttpConnection client(server->port());
        client.send(get("/bye", "Connection: close\r\n"));
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].headers.value("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void pipelinedAnswersStayInOrder()
    {
        // Answers come back in reverse order of arrival; the wire order must still be request
        // order.
        auto server = makeServer([](HttpRequest request, HttpResponder responder) {
            const int delay = 60 - 20 * request.target.mid(2).toInt();
            QTimer::singleShot(delay, responder.context(), [responder, request] {
                responder.respond(HttpResponse(200, request.target));
            });
        });
        RawHttpConnection client(server->port());
        client.send(get("/p0") + get("/p1") + get("/p2"));
        const auto responses = client.read(3);
        QCOMPARE(responses.size(), 3);
        QCOMPARE(responses[0].body, QByteArray("/p0"));
        QCOMPARE(responses[1].body, QByteArray("/p1"));
        QCOMPARE(responses[2].body, QByteArray("/p2"));
    }

    void headRequestHasNoBody()
    {
        auto server = makeServer(echoHandler);
        RawHttpConnection client(server->port());
        client.send("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n" + get("/after"));
        // The helper's parser does not know the first answer is to HEAD: look at the raw bytes.
        QTRY_VERIFY((client.read(0), client.rawReceived().endsWith("GET /after")));
        const QByteArray raw = client.rawReceived();
        QVERIFY2(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw.constData());
        QVERIFY(!raw.contains("HEAD /h"));
        QVERIFY(raw.contains("Content-Length: 7\r\n"));
        QVERIFY(raw.endsWith("GET /after"));
    }

    void expectContinueGetsInterimResponse()
    {
        auto server = makeServer([](HttpRequest request, HttpResponder responder) {
            responder.respond(HttpResponse(200, request.body));
        });
        RawHttpConnection client(server->port());
        client.send(
                "PUT /up HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        QTRY_VERIFY((client.read(0, 50), client.rawReceived().contains("100 Continue")));
        QCOMPARE(client.rawReceived(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send("hello");
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].body, QByteArray("hello"));
    }

    void badInputAnswered_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");

        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello garbage\r\n\r\n") << 400;
        QTest::newRow("oversized headers")
                << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'x') + "\r\n\r\n")
                << 431;
        QTest::newRow("body too large")
                << QByteArray("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n")
                << 413;
        QTest::newRow("expect too large")
                << QByteArray("POST / HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                              "Content-Length: 100000\r\n\r\n")
                << 413;
    }

    void badInputAnswered()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpServer::Options options;
        options.limits.maxHeaderBytes = 1024;
        options.limits.maxBodyBytes = 1000;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection client(server->port());
        client.send(wire);
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, status);
        QCOMPARE(responses[0].headers.value("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void oversizedInputInPiecesIsRefused_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("piece");
        QTest::addColumn<int>("pieces");
        QTest::addColumn<int>("status");

        // Pieces up to the one that crosses the limit (1024 header bytes, 1000 body bytes).
        QTest::newRow("header section")
                << QByteArray("GET / HTTP/1.1\r\nX-Long: ") << QByteArray(100, 'h') << 10 << 431;
        QTest::newRow("chunked body")
                << QByteArray("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                << QByteArray("5a\r\n" + QByteArray(90, 'b') + "\r\n") << 12 << 413;
    }

    // Input that never completes a request arrives in pieces: the server refuses it once it
    // passes the limit, closes that connection and goes on serving others.
    void oversizedInputInPiecesIsRefused()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, piece);
        QFETCH(int, pieces);
        QFETCH(int, status);
        HttpServer::Options options;
        options.workerCount = 1;
        options.limits.maxHeaderBytes = 1024;
        options.limits.maxBodyBytes = 1000;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection client(server->port());
        client.send(head);
        // Nothing after the piece that crosses the limit: input left unread when the server
        // closes would turn the close into a reset that can swallow the answer.
        for (int i = 0; i < pieces; ++i)
            client.send(piece);
        const auto responses = client.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, status);
        QCOMPARE(responses[0].headers.value("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
        RawHttpConnection next(server->port());
        next.send(get("/next"));
        QCOMPARE(next.read(1).value(0).body, QByteArray("GET /next"));
    }

    // More pipelined requests than the server takes at once, and more bytes than one read: it
    // stops reading while the pipeline is full and must resume once answers went out.
    void longPipelineIsReadOnceAnswersGoOut()
    {
        HttpServer::Options options;
        options.workerCount = 1;
        options.maxPipelinedRequests = 2;
        auto server = makeServer(
                [](HttpRequest request, HttpResponder responder) {
                    QTimer::singleShot(0, responder.context(), [responder, request] {
                        responder.respond(HttpResponse(200, request.target));
                    });
                },
                options);
        constexpr int Count = 2000; // about 70 KiB of requests
        QByteArray burst;
        for (int i = 0; i < Count; ++i)
            burst += get("/pipelined/" + QByteArray::number(i));
        RawHttpConnection client(server->port());
        client.send(burst);
        const auto responses = client.read(Count, 20000);
        QCOMPARE(responses.size(), Count);
        for (int i = 0; i < Count; ++i)
            QCOMPARE(responses[i].body, "/pipelined/" + QByteArray::number(i));
    }

    void goodRequestAnsweredBeforeErrorInPipeline()
    {
        auto server = makeServer(echoHandler);
        RawHttpConnection client(server->port());
        client.send(get("/fine") + "NONSENSE\r\n\r\n");
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(responses[1].status, 400);
        QVERIFY(client.waitClosed());
    }

    void slowRequestTimesOutWith408()
    {
        HttpServer::Options options;
        options.headerReadTimeout = 150ms;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection slow(server->port());
        slow.send("GET /slow HTTP/1.1\r\nHo");
        const auto responses = slow.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 408);
        QVERIFY(slow.waitClosed());
    }

    void slowBodyTimesOutWith408()
    {
        HttpServer::Options options;
        options.requestReadTimeout = 200ms;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection slow(server->port());
        slow.send("POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
        const auto responses = slow.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].status, 408);
        QVERIFY(responses[0].body.contains("body"));
        QVERIFY(slow.waitClosed());
    }

    void idleConnectionIsClosed()
    {
        HttpServer::Options options;
        options.idleTimeout = 100ms;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection client(server->port());
        client.send(get("/once"));
        QCOMPARE(client.read(1).size(), 1);
        QVERIFY(client.waitClosed(3000));
        QTRY_COMPARE(server->connectionCount(), 0);
    }

    void misbehavingConnectionDoesNotDisturbOthers()
    {
        HttpServer::Options options;
        options.workerCount = 1; // same thread for all: the worst case for interference
        options.headerReadTimeout = 300ms;
        options.limits.maxHeaderBytes = 1024;
        auto server = makeServer(echoHandler, options);

        RawHttpConnection trickle(server->port());
        RawHttpConnection garbage(server->port());
        RawHttpConnection oversized(server->port());
        RawHttpConnection good(server->port());
        garbage.send("\x01\x02\x03 not http\r\n\r\n");
        oversized.send("GET / HTTP/1.1\r\nX: " + QByteArray(4096, 'o'));
        int served = 0;
        const QByteArray slowRequest = get("/never-finished");
        for (int i = 0; i < 10; ++i) {
            trickle.send(slowRequest.mid(i, 1)); // one byte at a time: slowloris
            good.send(get("/g" + QByteArray::number(i)));
            const auto responses = good.read(1);
            if (responses.size() == 1 && responses[0].body == "GET /g" + QByteArray::number(i))
                ++served;
        }
        QCOMPARE(served, 10);
        const auto garbageAnswer = garbage.read(1);
        QCOMPARE(garbageAnswer.size(), 1);
        QCOMPARE(garbageAnswer[0].status, 400);
        const auto oversizedAnswer = oversized.read(1);
        QCOMPARE(oversizedAnswer.size(), 1);
        QCOMPARE(oversizedAnswer[0].status, 431);
        const auto trickleAnswer = trickle.read(1);
        QCOMPARE(trickleAnswer.size(), 1);
        QCOMPARE(trickleAnswer[0].status, 408);
        good.send(get("/still"));
        QCOMPARE(good.read(1).value(0).body, QByteArray("GET /still"));
    }

    void connectionLimitAnswers503()
    {
        HttpServer::Options options;
        options.workerCount = 1;
        options.maxConnections = 1;
        auto server = makeServer(echoHandler, options);
        RawHttpConnection first(server->port());
        first.send(get("/a"));
        QCOMPARE(first.read(1).size(), 1);
        RawHttpConnection second(server->port());
        const auto rejected = second.read(1);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected[0].status, 503);
        QVERIFY(second.waitClosed());
        first.send(get("/b"));
        QCOMPARE(first.read(1).value(0).body, QByteArray("GET /b"));
    }

    // A client that sends its requests and shuts its sending side (printf ... | nc) gets the
    // answers that were ready, then the server closes too.
    void halfClosedClientGetsReadyAnswers()
    {
        auto server = makeServer(echoHandler);
        RawHttpConnection client(server->port());
        client.send(get("/one") + get("/two"));
        QCOMPARE(::shutdown(int(client.socket().socketDescriptor()), SHUT_WR), 0);
        const auto responses = client.read(2);
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses[0].body, QByteArray("GET /one"));
        QCOMPARE(responses[1].body, QByteArray("GET /two"));
        QVERIFY(client.waitClosed());
        QTRY_COMPARE(server->connectionCount(), 0);
    }

    void lateAnswerAfterClientLeftIsSafe()
    {
        auto responders = std::make_shared<QList<HttpResponder>>();
        QMutex mutex;
        auto server = makeServer([&](HttpRequest, HttpResponder responder) {
            QMutexLocker locker(&mutex);
            responders->append(responder);
        });
        {
            RawHttpConnection client(server->port());
            client.send(get("/gone"));
            QTRY_COMPARE((QMutexLocker(&mutex), responders->size()), 1);
        }
        QTRY_COMPARE(server->connectionCount(), 0);
        // The responder belongs to a worker thread: answer there, as a backend callback would.
        HttpResponder responder = (QMutexLocker(&mutex), responders->value(0));
        QObject *context = responder.context();
        QVERIFY(!context);
        responder.respond(HttpResponse(200, "late")); // no-op on a dead connection
        QVERIFY(!responder.isPending());
    }

    void gracefulStopAnswersRequestsInFlight()
    {
        QMutex mutex;
        QList<HttpResponder> held;
        HttpServer::Options options;
        options.workerCount = 1;
        auto server = makeServer(
                [&](HttpRequest request, HttpResponder responder) {
                    if (request.target != "/busy") {
                        responder.respond(HttpResponse(200, request.target));
                        return;
                    }
                    QMutexLocker locker(&mutex);
                    held.append(responder);
                },
                options);
        RawHttpConnection busy(server->port());
        RawHttpConnection idle(server->port());
        idle.send(get("/idle"));
        QCOMPARE(idle.read(1).size(), 1);
        busy.send(get("/busy"));
        QTRY_COMPARE((QMutexLocker(&mutex), held.size()), 1);
        QSignalSpy stopped(server.get(), &HttpServer::stopped);
        server->stop(5s);
        QVERIFY(idle.waitClosed()); // the worker is draining now
        const HttpResponder responder = (QMutexLocker(&mutex), held.value(0));
        QMetaObject::invokeMethod(responder.context(),
                                  [responder] { responder.respond(HttpResponse(200, "/busy")); });
        const auto responses = busy.read(1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0].body, QByteArray("/busy"));
        QCOMPARE(responses[0].headers.value("Connection"), QByteArray("close"));
        QVERIFY(stopped.wait(3000));
        QVERIFY(!server->isListening());
        RawHttpConnection refused(server->port());
        QVERIFY(!refused.isConnected());
    }

    void severalServersInOneProcess()
    {
        auto east = makeServer(
                [](HttpRequest, HttpResponder r) { r.respond(HttpResponse(200, "east")); });
        auto west = makeServer(
                [](HttpRequest, HttpResponder r) { r.respond(HttpResponse(200, "west")); });
        QVERIFY(east->port() != west->port());
        RawHttpConnection a(east->port());
        RawHttpConnection b(west->port());
        a.send(get("/"));
        b.send(get("/"));
        QCOMPARE(a.read(1).value(0).body, QByteArray("east"));
        QCOMPARE(b.read(1).value(0).body, QByteArray("west"));
    }

    void handlerFactoryRunsPerWorker()
    {
        QMutex mutex;
        QList<int> indexes;
        HttpServer server;
        HttpServer::Options options;
        options.workerCount = 2;
        server.setOptions(options);
        server.setHandlerFactory([&](int index) -> HttpServer::Handler {
            QMutexLocker locker(&mutex);
            indexes.append(index);
            return [index](HttpRequest, HttpResponder responder) {
                responder.respond(HttpResponse(200, QByteArray::number(index)));
            };
        });
        QVERIFY(server.listen());
        QCOMPARE(indexes.size(), 2);
        QSet<QByteArray> seen;
        for (int i = 0; i < 4; ++i) {
            RawHttpConnection client(server.port());
            client.send(get("/"));
            seen.insert(client.read(1).value(0).body);
        }
        QCOMPARE(seen, QSet<QByteArray>({"0", "1"}));
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
