// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway under load and bad input: every request answered, hit counts add up.
#include "httptestclient.h"

#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QTest>

#include <memory>

class tst_GatewayLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_gateway.reset(); }
    void unknownOperationIs404();
    void badHttpWhileOthersAreServed();
    void flappingBackendUnderLoad();
    void livePolicyUpdate();

private:
    Workspace m_workspace;
    std::unique_ptr<Gateway> m_gateway;
};

void tst_GatewayLoad::init()
{
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(
            QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step1.apimws"));
    QVERIFY(loaded.ok());
    m_workspace = loaded.workspace;
    for (Workspace::Region &region : m_workspace.regions)
        region.port = 0;
    for (Workspace::MockBackend &mock : m_workspace.mocks)
        mock.port = 0;
    m_gateway = std::make_unique<Gateway>(m_workspace);
    QVERIFY(m_gateway->start());
}

void tst_GatewayLoad::unknownOperationIs404()
{
    HttpTestClient client(m_gateway->endpoints().first().url);
    const HttpTestClient::Reply reply = client.get("/nothing-here");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json().value("message").toString(), QStringLiteral("Resource not found"));
    QCOMPARE(m_gateway->mock(QStringLiteral("eus"))->hits().total, 0u);
}

void tst_GatewayLoad::badHttpWhileOthersAreServed()
{
    const QUrl url = m_gateway->endpoints().first().url;
    HttpTestClient good(url);
    QCOMPARE(good.get("/hello").status, 200);
    HttpTestClient bad(url);
    const HttpTestClient::Reply rejected = bad.raw("THIS IS NOT HTTP\r\n\x01\x02\r\n\r\n");
    QVERIFY(rejected.status == 400 || rejected.status == 0);
    QCOMPARE(good.get("/hello").status, 200);
    HttpTestClient another(url);
    QCOMPARE(another.get("/hello").status, 200);
}

void tst_GatewayLoad::flappingBackendUnderLoad()
{
    MockBackend::Behaviour flap;
    flap.mode = MockBackend::Mode::FlapEveryNth;
    flap.everyNth = 3;
    flap.status = 404;
    m_gateway->mock(QStringLiteral("eus"))->setBehaviour(flap);
    constexpr int connections = 24;
    constexpr int rounds = 100;
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    for (int i = 0; i < connections; ++i)
        clients.push_back(std::make_unique<HttpTestClient>(m_gateway->endpoints().at(i % 2).url));
    int answered = 0;
    for (int round = 0; round < rounds; ++round) {
        for (auto &client : clients)
            QVERIFY(client->write("GET /hello HTTP/1.1\r\nHost: gw\r\n\r\n"));
        for (auto &client : clients) {
            const HttpTestClient::Reply reply = client->read();
            QCOMPARE(reply.status, 200);
            ++answered;
        }
    }
    QCOMPARE(answered, connections * rounds);
    const MockBackend::Hits eus = m_gateway->mock(QStringLiteral("eus"))->hits();
    const MockBackend::Hits weu = m_gateway->mock(QStringLiteral("weu"))->hits();
    QCOMPARE(eus.total, quint64(answered));
    QCOMPARE(weu.total, eus.byStatus.value(404));
    QVERIFY(eus.byStatus.value(404) > 0);
}

void tst_GatewayLoad::livePolicyUpdate()
{
    HttpTestClient client(m_gateway->endpoints().first().url);
    QCOMPARE(client.get("/hello").status, 200);
    Workspace changed = m_workspace;
    changed.apis[0].policy.xml = QStringLiteral(
            "<policies><inbound><return-response><set-status code=\"202\" reason=\"Accepted\" />"
            "</return-response></inbound><backend /><outbound /><on-error /></policies>");
    m_gateway->updatePolicies(changed);
    QCOMPARE(client.get("/hello").status, 202);
}

QTEST_GUILESS_MAIN(tst_GatewayLoad)
#include "tst_gatewayload.moc"
