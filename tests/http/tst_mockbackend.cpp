// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpclient.h"
#include "http/mockbackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace std::chrono_literals;
using Mode = MockBackend::Mode;
using Error = HttpClientResult::Error;

class tst_MockBackend : public QObject
{
    Q_OBJECT

private:
    std::optional<HttpClientResult> call(const MockBackend &backend,
                                         const QByteArray &path = "/",
                                         std::chrono::milliseconds timeout = 5s)
    {
        HttpClientRequest request;
        request.url = QUrl(backend.url().toString() + QString::fromLatin1(path));
        request.timeout = timeout;
        std::optional<HttpClientResult> result;
        m_client.send(request, [&result](HttpClientResult r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            return std::nullopt;
        return result;
    }

    QList<int> statuses(const MockBackend &backend, int count)
    {
        QList<int> result;
        for (int i = 0; i < count; ++i) {
            const auto r = call(backend);
            result.append(r && r->ok() ? r->response.status : -1);
        }
        return result;
    }

    HttpClient m_client;

private Q_SLOTS:
    void healthyEchoesRequest()
    {
        MockBackend backend(QStringLiteral("hello-weu"), QStringLiteral("West Europe"));
        QVERIFY(backend.start());
        QVERIFY(backend.port() != 0);
        const auto result = call(backend, "/orders/7?expand=items");
        QVERIFY(result && result->ok());
        QCOMPARE(result->response.status, 200);
        QCOMPARE(result->response.headers.value("Content-Type"),
                 QByteArray("application/json; charset=utf-8"));
        QCOMPARE(result->response.headers.value("X-Backend"), QByteArray("hello-weu"));
        const QJsonObject echo = QJsonDocument::fromJson(result->response.body).object();
        QCOMPARE(echo.value("backend").toString(), QStringLiteral("hello-weu"));
        QCOMPARE(echo.value("region").toString(), QStringLiteral("West Europe"));
        QCOMPARE(echo.value("method").toString(), QStringLiteral("GET"));
        QCOMPARE(echo.value("path").toString(), QStringLiteral("/orders/7"));
        QCOMPARE(echo.value("queryString").toString(), QStringLiteral("expand=items"));
        QCOMPARE(echo.value("query").toObject().value("expand").toString(),
                 QStringLiteral("items"));
        QVERIFY(echo.value("headers").toObject().contains("Host"));
    }

    void echoIsValidJsonForAwkwardInput()
    {
        MockBackend backend(QStringLiteral("quote\"name"), QStringLiteral("r\\egion"));
        QVERIFY(backend.start());
        HttpClientRequest request;
        request.method = "PUT";
        request.url = QUrl(backend.url().toString() + QStringLiteral("/p?k=%22v%22&k=w"));
        request.headers = {{"X-Q", "a\"b\\c"}, {"X-Q", "second"}, {"x-q", "other case"}};
        request.body = QByteArray("tab\there \x01 bad\xff");
        std::optional<HttpClientResult> result;
        m_client.send(request, [&result](HttpClientResult r) { result = std::move(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QJsonParseError error;
        const QJsonObject echo = QJsonDocument::fromJson(result->response.body, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(echo.value("backend").toString(), QStringLiteral("quote\"name"));
        QCOMPARE(echo.value("region").toString(), QStringLiteral("r\\egion"));
        const QJsonObject headers = echo.value("headers").toObject();
        QCOMPARE(headers.value("X-Q").toString(), QStringLiteral("a\"b\\c, second"));
        QCOMPARE(headers.value("x-q").toString(), QStringLiteral("other case"));
        QCOMPARE(echo.value("query").toObject().value("k").toString(), QStringLiteral("\"v\", w"));
        QCOMPARE(echo.value("body").toString(), QString::fromUtf8("tab\there \x01 bad\xff"));
    }

    void fixedStatusAndCounters()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        QSignalSpy changed(&backend, &MockBackend::hitsChanged);
        QCOMPARE(statuses(backend, 2), QList<int>({200, 200}));
        backend.setBehaviour({Mode::FixedStatus, 404});
        QCOMPARE(statuses(backend, 3), QList<int>({404, 404, 404}));
        const MockBackend::Hits hits = backend.hits();
        QCOMPARE(hits.total, quint64(5));
        QCOMPARE(hits.byStatus.value(200), quint64(2));
        QCOMPARE(hits.byStatus.value(404), quint64(3));
        QTRY_VERIFY(changed.count() >= 1);
        backend.resetHits();
        QCOMPARE(backend.hits().total, quint64(0));
    }

    void addedLatency()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({Mode::Healthy, 200, 80ms});
        QVERIFY(backend.start());
        const auto result = call(backend);
        QVERIFY(result && result->ok());
        QVERIFY(result->elapsed >= 80ms);
    }

    void hangNeverAnswers()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({Mode::Hang});
        QVERIFY(backend.start());
        const auto result = call(backend, "/", 100ms);
        QVERIFY(result);
        QCOMPARE(result->error, Error::Timeout);
        QCOMPARE(backend.hits().byStatus.value(0), quint64(1));
    }

    void refuseAndRecoverOnSamePort()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        const quint16 port = backend.port();
        backend.setBehaviour({Mode::RefuseConnections});
        // The client's pooled connection is reset too, a fresh connect is refused.
        QCOMPARE(call(backend)->error, Error::ConnectionFailure);
        QCOMPARE(call(backend)->error, Error::ConnectionFailure);
        backend.setBehaviour({Mode::Healthy});
        QCOMPARE(backend.port(), port);
        const auto result = call(backend);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorMessage));
    }

    void resetClosesWithoutAnswer()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        backend.setBehaviour({Mode::ResetConnections});
        QVERIFY(backend.start());
        QCOMPARE(call(backend)->error, Error::ConnectionFailure);
        QCOMPARE(backend.hits().byStatus.value(0), quint64(1));
    }

    void flapEveryNth()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        MockBackend::Behaviour flap;
        flap.mode = Mode::FlapEveryNth;
        flap.status = 500;
        flap.everyNth = 3;
        backend.setBehaviour(flap);
        QVERIFY(backend.start());
        QCOMPARE(statuses(backend, 6), QList<int>({200, 200, 500, 200, 200, 500}));
    }

    void flapForDurationFollowsInjectedClock()
    {
        // Read on the backend's worker thread, advanced here.
        std::atomic<std::chrono::steady_clock::rep> ticks{0};
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"), [&ticks] {
            return std::chrono::steady_clock::time_point(
                    std::chrono::steady_clock::duration(ticks));
        });
        const auto advance = [&ticks](std::chrono::seconds by) {
            ticks += std::chrono::duration_cast<std::chrono::steady_clock::duration>(by).count();
        };
        MockBackend::Behaviour flap;
        flap.mode = Mode::FlapForDuration;
        flap.status = 503;
        flap.failFor = 30s;
        backend.setBehaviour(flap);
        QVERIFY(backend.start());
        QCOMPARE(statuses(backend, 2), QList<int>({503, 503}));
        advance(29s);
        QCOMPARE(statuses(backend, 1), QList<int>({503}));
        advance(2s);
        QCOMPARE(statuses(backend, 2), QList<int>({200, 200}));
    }

    void behaviourSwitchFromAnotherThread()
    {
        MockBackend backend(QStringLiteral("b"), QStringLiteral("r"));
        QVERIFY(backend.start());
        std::unique_ptr<QThread> thread(QThread::create([&backend] {
            backend.setBehaviour({Mode::FixedStatus, 418});
        }));
        thread->start();
        QVERIFY(thread->wait(5000));
        QCOMPARE(backend.behaviour().mode, Mode::FixedStatus);
        QCOMPARE(statuses(backend, 1), QList<int>({418}));
    }
};

QTEST_GUILESS_MAIN(tst_MockBackend)
#include "tst_mockbackend.moc"
