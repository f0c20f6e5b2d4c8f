// SPDX-License-Identifier: GPL-3.0-or-later
// The article's scenario (shared/seed/SCENARIO.md) through the real gateway: regional front-ends,
// mock backends and the value cache, over sockets on 127.0.0.1.
#include "httptestclient.h"

#include "engine/manualclock.h"
#include "engine/tracebuffer.h"
#include "engine/valuecache.h"
#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QTest>

#include <memory>

class tst_GatewayArticle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void step0ReachesPrimaryWithFunctionKey();
    void step0MatchesDecodedPathAndMethod_data();
    void step0MatchesDecodedPathAndMethod();
    void step1RetriesOnSecondary();
    void step2RemembersOutageForTenSeconds();
    void step2SuccessRemovesItsKey();
    void step3RoutesToNearestRegion();
    void step3FailsOverAndCachesPerRegion();
    void step4PublishedPolicy();
    void step2WithoutTracesRunsTheSame();

private:
    std::unique_ptr<Gateway> startStep(int step, bool recordTraces = true);
    quint64 hits(const QString &mock) const { return m_gateway->mock(mock)->hits().total; }
    void setStatus(const QString &mock, int status);
    std::optional<CacheEntry> cacheEntry(const QString &partition, const QString &key) const;
    RequestTrace lastTrace() const;

    ManualClock m_clock{1000000};
    Gateway *m_gateway = nullptr;
};

std::unique_ptr<Gateway> tst_GatewayArticle::startStep(int step, bool recordTraces)
{
    const QString path
            = QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step%1.apimws")
                      .arg(step);
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(path);
    if (!loaded.ok())
        return nullptr;
    for (Workspace::Region &region : loaded.workspace.regions)
        region.port = 0;
    for (Workspace::MockBackend &mock : loaded.workspace.mocks)
        mock.port = 0;
    Gateway::Options options;
    options.workerCount = 2;
    options.clock = &m_clock;
    options.recordTraces = recordTraces;
    auto gateway = std::make_unique<Gateway>(loaded.workspace, options);
    if (!gateway->diagnostics().isEmpty() || !gateway->start())
        return nullptr;
    m_gateway = gateway.get();
    return gateway;
}

void tst_GatewayArticle::setStatus(const QString &mock, int status)
{
    MockBackend::Behaviour behaviour;
    behaviour.mode = status == 200 ? MockBackend::Mode::Healthy : MockBackend::Mode::FixedStatus;
    behaviour.status = status;
    m_gateway->mock(mock)->setBehaviour(behaviour);
}

std::optional<CacheEntry> tst_GatewayArticle::cacheEntry(const QString &partition,
                                                         const QString &key) const
{
    for (const CacheEntry &entry : m_gateway->cache()->entries()) {
        if (entry.partition == partition && entry.key == key && !entry.isExpired(m_clock.nowMs()))
            return entry;
    }
    return std::nullopt;
}

RequestTrace tst_GatewayArticle::lastTrace() const
{
    m_gateway->traces()->flush();
    const QList<RequestTrace> traces = m_gateway->traces()->traces();
    return traces.isEmpty() ? RequestTrace() : traces.last();
}

void tst_GatewayArticle::step0ReachesPrimaryWithFunctionKey()
{
    const auto gateway = startStep(0);
    QVERIFY(gateway);
    HttpTestClient client(gateway->url(QStringLiteral("East US")));
    const HttpTestClient::Reply reply = client.get("/hello");
    QCOMPARE(reply.status, 200);
    const QJsonObject echo = reply.json();
    QCOMPARE(echo.value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(echo.value("method").toString(), QStringLiteral("GET"));
    QCOMPARE(echo.value("path").toString(), QStringLiteral("/api/Hello"));
    QCOMPARE(echo.value("queryString").toString(), QStringLiteral("code=demo-function-key"));
    QCOMPARE(echo.value("headers").toObject().value("Host").toString(),
             QStringLiteral("hello-eus.azurewebsites.net"));
    QCOMPARE(hits("eus"), 1u);
    QCOMPARE(hits("weu"), 0u);
    QCOMPARE(lastTrace().status, 200);
    QCOMPARE(lastTrace().region, QStringLiteral("East US"));
}

// Operations match the percent-decoded path and the method, whichever way the gateway spells
// them out.
void tst_GatewayArticle::step0MatchesDecodedPathAndMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::newRow("plain") << QByteArray("GET") << QByteArray("/hello") << 200;
    QTest::newRow("encoded letter") << QByteArray("GET") << QByteArray("/hell%6F") << 200;
    QTest::newRow("not origin-form") << QByteArray("GET") << QByteArray("%2Fhello") << 400;
    QTest::newRow("encoded space") << QByteArray("GET") << QByteArray("/hello%20") << 404;
    QTest::newRow("other method") << QByteArray("DELETE") << QByteArray("/hello") << 404;
    QTest::newRow("extension method") << QByteArray("PROPFIND") << QByteArray("/hello") << 404;
}

void tst_GatewayArticle::step0MatchesDecodedPathAndMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    const auto gateway = startStep(0);
    QVERIFY(gateway);
    HttpTestClient client(gateway->url(QStringLiteral("East US")));
    const HttpTestClient::Reply reply = client.send(method, target, {}, {});
    QCOMPARE(reply.status, status);
    QCOMPARE(hits("eus"), status == 200 ? 1u : 0u);
    if (status == 400)
        return; // refused while parsing: no request to trace
    // The worker hands a request without an operation to the trace buffer after answering it.
    QTRY_COMPARE(lastTrace().method, QString::fromLatin1(method));
}

void tst_GatewayArticle::step1RetriesOnSecondary()
{
    const auto gateway = startStep(1);
    QVERIFY(gateway);
    setStatus(QStringLiteral("eus"), 404);
    HttpTestClient client(gateway->url(QStringLiteral("East US")));
    for (quint64 call = 1; call <= 3; ++call) {
        const HttpTestClient::Reply reply = client.get("/hello");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("backend").toString(), QStringLiteral("weu"));
        QCOMPARE(hits("eus"), call);
        QCOMPARE(hits("weu"), call);
    }
    const RequestTrace trace = lastTrace();
    QCOMPARE(trace.attempts, 2);
    QCOMPARE(trace.servedBy, QStringLiteral("hello-weu.azurewebsites.net"));
    // Healthy primary: one attempt, the condition stops the retry.
    setStatus(QStringLiteral("eus"), 200);
    QCOMPARE(client.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("weu"), 3u);
}

void tst_GatewayArticle::step2RemembersOutageForTenSeconds()
{
    const auto gateway = startStep(2);
    QVERIFY(gateway);
    setStatus(QStringLiteral("eus"), 404);
    const QString region = QStringLiteral("East US");
    HttpTestClient client(gateway->url(region));

    QCOMPARE(client.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(hits("eus"), 1u);
    QCOMPARE(hits("weu"), 1u);
    std::optional<CacheEntry> entry = cacheEntry(region, QStringLiteral("is-eus-down-cache-key"));
    QVERIFY(entry);
    QCOMPARE(entry->remainingMs(m_clock.nowMs()), 10000);
    QCOMPARE(entry->value, QVariant(true));

    m_clock.advance(5000);
    QCOMPARE(client.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(hits("eus"), 1u); // straight to the secondary
    QCOMPARE(hits("weu"), 2u);
    QCOMPARE(lastTrace().attempts, 1);

    m_clock.advance(5001);
    QVERIFY(!cacheEntry(region, QStringLiteral("is-eus-down-cache-key")));
    QCOMPARE(client.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(hits("eus"), 2u); // expired: the primary is tried again
    QCOMPARE(hits("weu"), 3u);
    QVERIFY(cacheEntry(region, QStringLiteral("is-eus-down-cache-key")));
}

void tst_GatewayArticle::step2SuccessRemovesItsKey()
{
    const auto gateway = startStep(2);
    QVERIFY(gateway);
    const QString region = QStringLiteral("East US");
    HttpTestClient client(gateway->url(region));
    setStatus(QStringLiteral("eus"), 404);
    QCOMPARE(client.get("/hello").status, 200);
    QVERIFY(cacheEntry(region, QStringLiteral("is-eus-down-cache-key")));
    // Now the secondary fails and the primary is back: the call fails over to eus, whose 200
    // removes its outage key while the secondary's is stored.
    setStatus(QStringLiteral("eus"), 200);
    setStatus(QStringLiteral("weu"), 404);
    const HttpTestClient::Reply reply = client.get("/hello");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value("backend").toString(), QStringLiteral("eus"));
    QVERIFY(!cacheEntry(region, QStringLiteral("is-eus-down-cache-key")));
    QVERIFY(cacheEntry(region, QStringLiteral("is-weu-down-cache-key")));
}

void tst_GatewayArticle::step3RoutesToNearestRegion()
{
    const auto gateway = startStep(3);
    QVERIFY(gateway);
    HttpTestClient west(gateway->url(QStringLiteral("West Europe")));
    HttpTestClient east(gateway->url(QStringLiteral("East US")));
    QCOMPARE(west.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(east.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("eus"), 1u);
    QCOMPARE(hits("weu"), 1u);
    QCOMPARE(lastTrace().region, QStringLiteral("East US"));
}

void tst_GatewayArticle::step3FailsOverAndCachesPerRegion()
{
    const auto gateway = startStep(3);
    QVERIFY(gateway);
    const QString westRegion = QStringLiteral("West Europe");
    HttpTestClient west(gateway->url(westRegion));
    HttpTestClient east(gateway->url(QStringLiteral("East US")));
    setStatus(QStringLiteral("weu"), 404);
    QCOMPARE(west.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("weu"), 1u);
    QCOMPARE(hits("eus"), 1u);
    QVERIFY(cacheEntry(westRegion, QStringLiteral("is-weu-down-cache-key")));
    // The internal cache is per region: East US knows nothing of it.
    QVERIFY(!cacheEntry(QStringLiteral("East US"), QStringLiteral("is-weu-down-cache-key")));
    m_clock.advance(3000);
    QCOMPARE(west.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("weu"), 1u);
    QCOMPARE(hits("eus"), 2u);
    QCOMPARE(east.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("eus"), 3u);
}

void tst_GatewayArticle::step4PublishedPolicy()
{
    const auto gateway = startStep(4);
    QVERIFY(gateway);
    const QString eastRegion = QStringLiteral("East US");
    HttpTestClient east(gateway->url(eastRegion));
    HttpTestClient west(gateway->url(QStringLiteral("West Europe")));
    QCOMPARE(east.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(west.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));

    setStatus(QStringLiteral("eus"), 404);
    const HttpTestClient::Reply reply = east.get("/hello");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(reply.json().value("headers").toObject().value("Host").toString(),
             QStringLiteral("hello-weu.azurewebsites.net"));
    QCOMPARE(hits("eus"), 2u);
    QCOMPARE(hits("weu"), 2u);
    const RequestTrace failover = lastTrace();
    QCOMPARE(failover.attempts, 2);
    bool fastRetry = false;
    for (const TraceEvent &event : failover.events)
        fastRetry = fastRetry
                    || (event.kind == TraceEvent::Kind::RetryAttempt && event.attempt == 2
                        && event.delayMs == 0);
    QVERIFY(fastRetry);
    const std::optional<CacheEntry> down = cacheEntry(eastRegion, QStringLiteral("eus-down"));
    QVERIFY(down);
    QCOMPARE(down->value, QVariant(true));
    QCOMPARE(down->remainingMs(m_clock.nowMs()), 10000);

    m_clock.advance(9000);
    QCOMPARE(east.get("/hello").json().value("backend").toString(), QStringLiteral("weu"));
    QCOMPARE(hits("eus"), 2u);
    m_clock.advance(1000);
    setStatus(QStringLiteral("eus"), 200);
    QCOMPARE(east.get("/hello").json().value("backend").toString(), QStringLiteral("eus"));
    QCOMPARE(hits("eus"), 3u);
}

// A gateway that records no traces (serve without --trace) still runs the whole policy: the
// outage is remembered in the cache as with traces.
void tst_GatewayArticle::step2WithoutTracesRunsTheSame()
{
    const auto gateway = startStep(2, false);
    QVERIFY(gateway);
    setStatus(QStringLiteral("eus"), 404);
    HttpTestClient client(gateway->url(QStringLiteral("East US")));
    for (quint64 call = 1; call <= 3; ++call) {
        const HttpTestClient::Reply reply = client.get("/hello");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("backend").toString(), QStringLiteral("weu"));
        QCOMPARE(hits("eus"), 1u);
        QCOMPARE(hits("weu"), call);
    }
    QVERIFY(cacheEntry(QStringLiteral("East US"), QStringLiteral("is-eus-down-cache-key")));
    gateway->traces()->flush();
    QCOMPARE(gateway->traces()->totalAppended(), 0u);
    QVERIFY(gateway->traces()->traces().isEmpty());
}

QTEST_GUILESS_MAIN(tst_GatewayArticle)
#include "tst_gatewayarticle.moc"
