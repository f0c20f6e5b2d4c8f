// SPDX-License-Identifier: GPL-3.0-or-later
// Response caching (cache-lookup / cache-store) against an echo backend, time moved by hand.
#include "executionharness.h"

#include "http/mockbackend.h"

#include <QTest>

class tst_ResponseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hitMissAndExpiry();
    void varyBy_data();
    void varyBy();
    void notCached_data();
    void notCached();
    void statusCaching_data();
    void statusCaching();
    void downstreamCacheControl_data();
    void downstreamCacheControl();
    void hitContinuesAfterCacheStore();

private:
    // lookupAttributes and children go into <cache-lookup>; storeAttributes into <cache-store>.
    static QString policy(const QString &backend,
                          const QString &lookupAttributes = {},
                          const QString &children = {},
                          const QString &storeAttributes = {})
    {
        return QStringLiteral("<policies><inbound><cache-lookup vary-by-developer=\"false\" "
                              "vary-by-developer-groups=\"false\" %2>%3</cache-lookup>"
                              "<set-backend-service base-url=\"%1\" /></inbound>"
                              "<backend><forward-request /></backend>"
                              "<outbound><cache-store duration=\"10\" %4 /></outbound></policies>")
                .arg(backend, lookupAttributes, children, storeAttributes);
    }
    static std::shared_ptr<ExecutionHarness::Outcome> finished(
            std::shared_ptr<ExecutionHarness::Outcome> outcome)
    {
        if (outcome && !QTest::qWaitFor([&outcome] { return outcome->done; }, 5000))
            return nullptr;
        return outcome;
    }
    static bool looksUp(const ExecutionHarness::Outcome &outcome, bool hit)
    {
        const QList<TraceEvent> lookups = outcome.events(TraceEvent::Kind::CacheLookup);
        return lookups.size() == 1 && lookups.first().hit == hit;
    }
};

void tst_ResponseCache::hitMissAndExpiry()
{
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    ExecutionHarness harness;
    const QString xml = policy(mock.url().toString());
    auto outcome = finished(harness.run(xml));
    QVERIFY(outcome);
    QVERIFY(looksUp(*outcome, false));
    const QList<TraceEvent> stores = outcome->events(TraceEvent::Kind::CacheStore);
    QCOMPARE(stores.size(), 1);
    QCOMPARE(stores.first().ttlMs, 10000);
    QCOMPARE(stores.first().key, outcome->events(TraceEvent::Kind::CacheLookup).first().key);
    const QByteArray firstBody = outcome->response.body;
    QCOMPARE(mock.hits().total, 1u);
    QCOMPARE(harness.cache.entries().size(), 1);
    QCOMPARE(harness.cache.entries().first().expiresAtMs, harness.clock.nowMs() + 10000);

    harness.clock.advance(9999);
    outcome = finished(harness.run(xml));
    QVERIFY(outcome);
    QVERIFY(looksUp(*outcome, true));
    QCOMPARE(outcome->response.status, 200);
    QCOMPARE(outcome->response.body, firstBody);
    QCOMPARE(outcome->trace.servedBy, QStringLiteral("cache"));
    QVERIFY(outcome->events(TraceEvent::Kind::Forward).isEmpty());
    QVERIFY(outcome->events(TraceEvent::Kind::CacheStore).isEmpty());
    QCOMPARE(mock.hits().total, 1u);

    harness.clock.advance(1);
    outcome = finished(harness.run(xml));
    QVERIFY(outcome);
    QVERIFY(looksUp(*outcome, false));
    QCOMPARE(mock.hits().total, 2u);
}

void tst_ResponseCache::varyBy_data()
{
    QTest::addColumn<QString>("children");
    QTest::addColumn<QByteArray>("firstTarget");
    QTest::addColumn<QByteArray>("firstAccept");
    QTest::addColumn<QByteArray>("secondTarget");
    QTest::addColumn<QByteArray>("secondAccept");
    QTest::addColumn<bool>("hit");
    const QString header = QStringLiteral("<vary-by-header>Accept</vary-by-header>");
    const QString query = QStringLiteral("<vary-by-query-parameter>a;b</vary-by-query-parameter>");
    QTest::newRow("same request") << QString() << QByteArray("/r?a=1") << QByteArray("x")
                                  << QByteArray("/r?a=1") << QByteArray("x") << true;
    QTest::newRow("other path") << QString() << QByteArray("/r") << QByteArray() << QByteArray("/s")
                                << QByteArray() << false;
    QTest::newRow("query not declared") << QString() << QByteArray("/r?a=1") << QByteArray()
                                        << QByteArray("/r?a=2") << QByteArray() << true;
    QTest::newRow("header not declared") << QString() << QByteArray("/r") << QByteArray("x")
                                         << QByteArray("/r") << QByteArray("y") << true;
    QTest::newRow("header differs") << header << QByteArray("/r") << QByteArray("x")
                                    << QByteArray("/r") << QByteArray("y") << false;
    QTest::newRow("header same") << header << QByteArray("/r?a=1") << QByteArray("x")
                                 << QByteArray("/r?a=2") << QByteArray("x") << true;
    QTest::newRow("declared query differs") << query << QByteArray("/r?a=1&b=2") << QByteArray()
                                            << QByteArray("/r?a=1&b=3") << QByteArray() << false;
    QTest::newRow("undeclared query differs") << query << QByteArray("/r?a=1&c=2") << QByteArray()
                                              << QByteArray("/r?a=1&c=3") << QByteArray() << true;
    QTest::newRow("declared query order") << query << QByteArray("/r?b=2&a=1") << QByteArray()
                                          << QByteArray("/r?a=1&b=2") << QByteArray() << true;
}

void tst_ResponseCache::varyBy()
{
    QFETCH(QString, children);
    QFETCH(QByteArray, firstTarget);
    QFETCH(QByteArray, firstAccept);
    QFETCH(QByteArray, secondTarget);
    QFETCH(QByteArray, secondAccept);
    QFETCH(bool, hit);
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    ExecutionHarness harness;
    const QString xml = policy(mock.url().toString(), {}, children);
    auto headers = [](const QByteArray &accept) {
        HttpHeaders result;
        if (!accept.isEmpty())
            result.set("Accept", accept);
        return result;
    };
    QVERIFY(finished(harness.run(xml, "GET", firstTarget, headers(firstAccept))));
    const auto second = finished(harness.run(xml, "GET", secondTarget, headers(secondAccept)));
    QVERIFY(second);
    QVERIFY(looksUp(*second, hit));
    QCOMPARE(mock.hits().total, hit ? 1u : 2u);
}

void tst_ResponseCache::notCached_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("lookupAttributes");
    QTest::addColumn<bool>("cached");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << QString() << true;
    QTest::newRow("POST") << QByteArray("POST") << QByteArray() << QString() << false;
    QTest::newRow("Authorization")
            << QByteArray("GET") << QByteArray("Bearer t") << QString() << false;
    QTest::newRow("private allowed")
            << QByteArray("GET") << QByteArray("Bearer t")
            << QStringLiteral("allow-private-response-caching=\"true\"") << true;
}

void tst_ResponseCache::notCached()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, authorization);
    QFETCH(QString, lookupAttributes);
    QFETCH(bool, cached);
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    ExecutionHarness harness;
    const QString xml = policy(mock.url().toString(), lookupAttributes);
    HttpHeaders headers;
    if (!authorization.isEmpty())
        headers.set("Authorization", authorization);
    for (int i = 0; i < 2; ++i)
        QVERIFY(finished(harness.run(xml, method, "/r", headers)));
    QCOMPARE(mock.hits().total, cached ? 1u : 2u);
    QCOMPARE(harness.cache.entries().size(), cached ? 1 : 0);
}

void tst_ResponseCache::statusCaching_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("storeAttributes");
    QTest::addColumn<bool>("cached");
    QTest::newRow("200") << 200 << QString() << true;
    QTest::newRow("500") << 500 << QString() << false;
    QTest::newRow("404") << 404 << QStringLiteral("cache-response=\"false\"") << false;
    QTest::newRow("500 cache-response") << 500 << QStringLiteral("cache-response=\"true\"") << true;
    QTest::newRow("cache-response expression")
            << 404 << QStringLiteral("cache-response=\"@(context.Response.StatusCode == 404)\"")
            << true;
}

void tst_ResponseCache::statusCaching()
{
    QFETCH(int, status);
    QFETCH(QString, storeAttributes);
    QFETCH(bool, cached);
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    if (status != 200) {
        MockBackend::Behaviour fixed;
        fixed.mode = MockBackend::Mode::FixedStatus;
        fixed.status = status;
        mock.setBehaviour(fixed);
    }
    ExecutionHarness harness;
    const QString xml = policy(mock.url().toString(), {}, {}, storeAttributes);
    QVERIFY(finished(harness.run(xml)));
    const auto second = finished(harness.run(xml));
    QVERIFY(second);
    QCOMPARE(second->response.status, status);
    QVERIFY(looksUp(*second, cached));
    QCOMPARE(mock.hits().total, cached ? 1u : 2u);
}

void tst_ResponseCache::downstreamCacheControl_data()
{
    QTest::addColumn<QString>("lookupAttributes");
    QTest::addColumn<QByteArray>("cacheControl");
    QTest::newRow("default") << QString() << QByteArray();
    QTest::newRow("none") << QStringLiteral("downstream-caching-type=\"none\"") << QByteArray();
    QTest::newRow("private") << QStringLiteral("downstream-caching-type=\"private\"")
                             << QByteArray("private, max-age=10, must-revalidate");
    QTest::newRow("public no revalidate")
            << QStringLiteral("downstream-caching-type=\"public\" must-revalidate=\"false\"")
            << QByteArray("public, max-age=10");
}

void tst_ResponseCache::downstreamCacheControl()
{
    QFETCH(QString, lookupAttributes);
    QFETCH(QByteArray, cacheControl);
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    ExecutionHarness harness;
    const QString xml = policy(mock.url().toString(), lookupAttributes);
    const auto miss = finished(harness.run(xml));
    const auto hit = finished(harness.run(xml));
    QVERIFY(miss && hit);
    QVERIFY(looksUp(*hit, true));
    QCOMPARE(miss->response.headers.value("Cache-Control"), cacheControl);
    QCOMPARE(hit->response.headers.value("Cache-Control"), cacheControl);
}

void tst_ResponseCache::hitContinuesAfterCacheStore()
{
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    ExecutionHarness harness;
    const QString xml
            = QStringLiteral(
                      "<policies><inbound><cache-lookup vary-by-developer=\"false\" "
                      "vary-by-developer-groups=\"false\" />"
                      "<set-backend-service base-url=\"%1\" /></inbound>"
                      "<backend><forward-request /></backend>"
                      "<outbound><set-header name=\"X-Before\"><value>@(context.RequestId)</value>"
                      "</set-header><cache-store duration=\"10\" />"
                      "<set-header "
                      "name=\"X-After\"><value>@(context.RequestId)</value></set-header>"
                      "</outbound></policies>")
                      .arg(mock.url().toString());
    const auto miss = finished(harness.run(xml));
    QVERIFY(miss);
    QCOMPARE(miss->response.headers.value("X-Before"), miss->trace.requestId.toLatin1());
    QCOMPARE(miss->response.headers.value("X-After"), miss->trace.requestId.toLatin1());
    const auto hit = finished(harness.run(xml));
    QVERIFY(hit);
    QVERIFY(looksUp(*hit, true));
    // X-Before comes from the cached response, X-After is set again after cache-store.
    QCOMPARE(hit->response.headers.value("X-Before"), miss->trace.requestId.toLatin1());
    QCOMPARE(hit->response.headers.value("X-After"), hit->trace.requestId.toLatin1());
    QVERIFY(miss->trace.requestId != hit->trace.requestId);
    QCOMPARE(mock.hits().total, 1u);
}

QTEST_GUILESS_MAIN(tst_ResponseCache)
#include "tst_responsecache.moc"
