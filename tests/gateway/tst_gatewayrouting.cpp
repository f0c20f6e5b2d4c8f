// SPDX-License-Identifier: GPL-3.0-or-later
// The policy RoutingPolicyGenerator writes for a workspace's routing table, run by the real
// gateway against mock backends over sockets on 127.0.0.1: with backends knocked out one after
// another in every order, each request is served by the first healthy backend of its region's
// priority list, and outages are remembered in the region's cache for the table's time.
#include "httptestclient.h"

#include "deploy/routingpolicygenerator.h"
#include "engine/manualclock.h"
#include "engine/valuecache.h"
#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

class tst_GatewayRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstHealthyBackendServes_data();
    void firstHealthyBackendServes();
    void outageIsRememberedForItsTime();
    void outageMemoryIsPerRegion();
    void unreachableBackendsFailOver_data();
    void unreachableBackendsFailOver();

private:
    static constexpr int outageSeconds = 10;

    static QString regionName(int i) { return QStringLiteral("Region %1").arg(i); }
    static QString backendName(int i) { return QStringLiteral("be%1").arg(i); }
    // Nearest first: even regions go up from their own backend, odd ones down, so no two regions
    // share an order.
    static QList<int> priorities(int region, int count);
    bool start(int count);
    void knockOut(int backend, int status);
    void knockOut(int backend, MockBackend::Mode mode);
    void healAll();
    quint64 hits(int backend) const { return m_gateway->mock(backendName(backend))->hits().total; }
    QList<quint64> allHits(int count) const;
    bool remembered(int region, int backend) const;

    ManualClock m_clock{1000000};
    std::unique_ptr<Gateway> m_gateway;
};

QList<int> tst_GatewayRouting::priorities(int region, int count)
{
    QList<int> order;
    const int step = region % 2 == 0 ? 1 : count - 1;
    for (int i = 0; i < count; ++i)
        order.append((region + i * step) % count);
    return order;
}

bool tst_GatewayRouting::start(int count)
{
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(
            QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step3.apimws"));
    if (!loaded.ok())
        return false;
    Workspace w = loaded.workspace;
    w.regions.clear();
    w.mocks.clear();
    w.backendMap.clear();
    Workspace::Routing routing{w.apis.first().id, {}};
    routing.table.outageSeconds = outageSeconds;
    for (int i = 0; i < count; ++i) {
        w.regions.append({regionName(i), 0});
        Workspace::MockBackend mock;
        mock.name = backendName(i);
        mock.region = regionName(i);
        w.mocks.append(mock);
        const QString origin = QStringLiteral("https://%1.example.net").arg(backendName(i));
        w.backendMap.append({origin, QStringLiteral("mock:") + backendName(i)});
        RoutingTable::Region region{regionName(i), {}};
        for (int b : priorities(i, count))
            region.backends.append(
                    {backendName(b), QStringLiteral("https://%1.example.net").arg(backendName(b))});
        routing.table.regions.append(region);
    }
    w.routing = routing;
    const QList<Diagnostic> problems = w.generateRoutedPolicy();
    if (!problems.isEmpty()) {
        qWarning() << problems.first().toString();
        return false;
    }
    Gateway::Options options;
    options.workerCount = 1;
    options.clock = &m_clock;
    m_gateway = std::make_unique<Gateway>(w, options);
    if (!m_gateway->diagnostics().isEmpty()) {
        qWarning() << m_gateway->diagnostics().first().toString();
        return false;
    }
    return m_gateway->start();
}

void tst_GatewayRouting::knockOut(int backend, int status)
{
    MockBackend::Behaviour behaviour;
    behaviour.mode = MockBackend::Mode::FixedStatus;
    behaviour.status = status;
    m_gateway->mock(backendName(backend))->setBehaviour(behaviour);
}

void tst_GatewayRouting::knockOut(int backend, MockBackend::Mode mode)
{
    MockBackend::Behaviour behaviour;
    behaviour.mode = mode;
    m_gateway->mock(backendName(backend))->setBehaviour(behaviour);
}

void tst_GatewayRouting::healAll()
{
    for (MockBackend *mock : m_gateway->mocks())
        mock->setBehaviour({});
}

QList<quint64> tst_GatewayRouting::allHits(int count) const
{
    QList<quint64> result;
    for (int i = 0; i < count; ++i)
        result.append(hits(i));
    return result;
}

bool tst_GatewayRouting::remembered(int region, int backend) const
{
    const QString key = RoutingPolicyGenerator::outageKey(backendName(backend));
    const QList<CacheEntry> entries = m_gateway->cache()->entries();
    return std::any_of(entries.cbegin(), entries.cend(), [&](const CacheEntry &entry) {
        return entry.partition == regionName(region) && entry.key == key
               && !entry.isExpired(m_clock.nowMs());
    });
}

void tst_GatewayRouting::firstHealthyBackendServes_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("status");
    QTest::newRow("2 regions, 503") << 2 << 503;
    QTest::newRow("2 regions, 500") << 2 << 500;
    QTest::newRow("3 regions, 503") << 3 << 503;
    QTest::newRow("3 regions, 502") << 3 << 502;
    QTest::newRow("5 regions, 503") << 5 << 503;
}

// Every order of knocking out all backends, one at a time; after each knock-out every region is
// asked twice: the first request may try the backends just knocked out, the second goes straight
// to the one that served (the outage is remembered), and no request ever reaches a backend
// behind the first healthy one.
void tst_GatewayRouting::firstHealthyBackendServes()
{
    QFETCH(int, count);
    QFETCH(int, status);
    QVERIFY(start(count));
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    for (int r = 0; r < count; ++r)
        clients.push_back(std::make_unique<HttpTestClient>(m_gateway->url(regionName(r))));
    QList<int> order;
    for (int i = 0; i < count; ++i)
        order.append(i);
    int orders = 0;
    do {
        healAll();
        // Outages remembered in the previous order are forgotten.
        m_clock.advance(outageSeconds * 1000 + 1);
        QList<int> down;
        for (int knocked : order) {
            knockOut(knocked, status);
            down.append(knocked);
            for (int r = 0; r < count; ++r) {
                const QList<int> list = priorities(r, count);
                const auto healthy = std::find_if(
                        list.cbegin(), list.cend(), [&](int b) { return !down.contains(b); });
                const QString context = QStringLiteral("order %1, down %2, region %3")
                                                .arg(orders)
                                                .arg(down.size())
                                                .arg(r);
                for (int request = 0; request < 2; ++request) {
                    QList<bool> rememberedBefore;
                    for (int b = 0; b < count; ++b)
                        rememberedBefore.append(remembered(r, b));
                    const bool allRemembered = !rememberedBefore.contains(false);
                    // Which backends this request must reach, each once: the ones before the
                    // first healthy not remembered as down, then that one. With every backend
                    // down the policy tries those not remembered, or all once it remembers all.
                    QList<quint64> expected = allHits(count);
                    for (auto b = list.cbegin(); b != healthy; ++b) {
                        if (!rememberedBefore.at(*b) || (healthy == list.cend() && allRemembered))
                            ++expected[*b];
                    }
                    if (healthy != list.cend())
                        ++expected[*healthy];
                    const HttpTestClient::Reply reply = clients.at(r)->get("/hello");
                    const QString where
                            = QStringLiteral("%1, request %2: ").arg(context).arg(request);
                    QVERIFY2(allHits(count) == expected, qPrintable(where + QLatin1String("hits")));
                    for (auto b = list.cbegin(); b != healthy; ++b)
                        QVERIFY2(remembered(r, *b), qPrintable(where + QLatin1String("memory")));
                    if (healthy == list.cend()) {
                        QVERIFY2(reply.status == status, qPrintable(where));
                        continue;
                    }
                    QVERIFY2(reply.status == 200, qPrintable(where));
                    QVERIFY2(reply.json().value("backend").toString() == backendName(*healthy),
                             qPrintable(where + QLatin1String("served by ")
                                        + reply.json().value("backend").toString()));
                }
            }
        }
        ++orders;
    } while (std::next_permutation(order.begin(), order.end()));
    int factorial = 1;
    for (int i = 2; i <= count; ++i)
        factorial *= i;
    QCOMPARE(orders, factorial);
}

void tst_GatewayRouting::outageIsRememberedForItsTime()
{
    QVERIFY(start(3));
    HttpTestClient client(m_gateway->url(regionName(0)));
    knockOut(0, 503);
    QCOMPARE(client.get("/hello").json().value("backend").toString(), backendName(1));
    QCOMPARE(hits(0), 1u);
    QVERIFY(remembered(0, 0));
    // Back up, but remembered as down: not asked until the memory expires.
    healAll();
    m_clock.advance(outageSeconds * 1000 - 1);
    QCOMPARE(client.get("/hello").json().value("backend").toString(), backendName(1));
    QCOMPARE(hits(0), 1u);
    m_clock.advance(1);
    QVERIFY(!remembered(0, 0));
    QCOMPARE(client.get("/hello").json().value("backend").toString(), backendName(0));
    QCOMPARE(hits(0), 2u);
    QCOMPARE(hits(1), 2u);
}

void tst_GatewayRouting::outageMemoryIsPerRegion()
{
    QVERIFY(start(3));
    HttpTestClient region0(m_gateway->url(regionName(0)));
    HttpTestClient region2(m_gateway->url(regionName(2)));
    knockOut(0, 503);
    QCOMPARE(region0.get("/hello").json().value("backend").toString(), backendName(1));
    QVERIFY(remembered(0, 0));
    healAll();
    // Region 2 (order be2, be0, be1) never saw be0 fail: with be2 down it goes to be0.
    knockOut(2, 503);
    QCOMPARE(priorities(2, 3), (QList<int>{2, 0, 1}));
    QCOMPARE(region2.get("/hello").json().value("backend").toString(), backendName(0));
    QVERIFY(!remembered(2, 0));
    QVERIFY(remembered(2, 2));
    QCOMPARE(region0.get("/hello").json().value("backend").toString(), backendName(1));
}

void tst_GatewayRouting::unreachableBackendsFailOver_data()
{
    QTest::addColumn<MockBackend::Mode>("mode");
    QTest::newRow("connection reset") << MockBackend::Mode::ResetConnections;
    QTest::newRow("connection refused") << MockBackend::Mode::RefuseConnections;
}

// A backend that leaves no response (forward-request fails) is failed over like one answering a
// failure status; with none reachable the caller gets 502. Hits are not counted here: the HTTP
// client resends once on a fresh connection when a reused one is reset, as clients do.
void tst_GatewayRouting::unreachableBackendsFailOver()
{
    QFETCH(MockBackend::Mode, mode);
    constexpr int count = 3;
    QVERIFY(start(count));
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    for (int r = 0; r < count; ++r)
        clients.push_back(std::make_unique<HttpTestClient>(m_gateway->url(regionName(r))));
    QList<int> order{0, 1, 2};
    do {
        healAll();
        m_clock.advance(outageSeconds * 1000 + 1);
        QList<int> down;
        for (int knocked : order) {
            knockOut(knocked, mode);
            down.append(knocked);
            for (int r = 0; r < count; ++r) {
                const QList<int> list = priorities(r, count);
                const auto healthy = std::find_if(
                        list.cbegin(), list.cend(), [&](int b) { return !down.contains(b); });
                for (int request = 0; request < 2; ++request) {
                    const HttpTestClient::Reply reply = clients.at(r)->get("/hello");
                    const QString where = QStringLiteral("down %1, region %2, request %3")
                                                  .arg(down.size())
                                                  .arg(r)
                                                  .arg(request);
                    if (healthy == list.cend()) {
                        QVERIFY2(reply.status == 502, qPrintable(where));
                        continue;
                    }
                    QVERIFY2(reply.status == 200, qPrintable(where));
                    QCOMPARE(reply.json().value("backend").toString(), backendName(*healthy));
                    for (auto b = list.cbegin(); b != healthy; ++b)
                        QVERIFY2(remembered(r, *b), qPrintable(where));
                }
            }
        }
    } while (std::next_permutation(order.begin(), order.end()));
}

QTEST_GUILESS_MAIN(tst_GatewayRouting)
#include "tst_gatewayrouting.moc"
