// SPDX-License-Identifier: GPL-3.0-or-later
// A workspace's routing table: its place in the *.apimws file and the API policy generated from it.
#include "deploy/routingpolicygenerator.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"
#include "workspace/workspaceserializer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_WorkspaceRouting : public QObject
{
    Q_OBJECT

private:
    static QString bundled(const QString &name)
    {
        return QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/") + name;
    }

    static Workspace::Routing routing(int regionCount, int outageSeconds)
    {
        Workspace::Routing r;
        r.apiId = QStringLiteral("hello");
        r.table.outageSeconds = outageSeconds;
        for (int i = 0; i < regionCount; ++i) {
            RoutingTable::Region region{QStringLiteral("Region %1").arg(i), {}};
            for (int b = 0; b < regionCount; ++b) {
                const int index = (i + b) % regionCount;
                region.backends.append({QStringLiteral("be%1").arg(index),
                                        QStringLiteral("https://be%1.example.net").arg(index)});
            }
            r.table.regions.append(region);
        }
        return r;
    }

    static Workspace article()
    {
        return WorkspaceSerializer::load(bundled(QStringLiteral("article-step2.apimws"))).workspace;
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("regions");
        QTest::addColumn<int>("outageSeconds");
        QTest::addColumn<bool>("customStatuses");
        QTest::newRow("1 region") << 1 << 10 << false;
        QTest::newRow("2 regions") << 2 << 30 << false;
        QTest::newRow("3 regions, 404 and 5xx") << 3 << 5 << true;
        QTest::newRow("5 regions") << 5 << 120 << true;
    }
    void roundTrip()
    {
        QFETCH(int, regions);
        QFETCH(int, outageSeconds);
        QFETCH(bool, customStatuses);
        Workspace w = article();
        w.routing = routing(regions, outageSeconds);
        if (customStatuses)
            w.routing->table.failureStatuses = {{404, 404}, {500, 599}};

        const WorkspaceLoadResult again
                = WorkspaceSerializer::fromJson(WorkspaceSerializer::toJson(w), bundled({}));
        QVERIFY2(again.ok(), qPrintable(again.diagnostics.value(0).toString()));
        QCOMPARE(again.workspace.routing, w.routing);
        QCOMPARE(again.workspace, w);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("routed.apimws"));
        QCOMPARE(WorkspaceSerializer::save(w, path), QString());
        const WorkspaceLoadResult reloaded = WorkspaceSerializer::load(path);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded.workspace, w);
    }

    void fileWithoutRoutingStaysWithout()
    {
        const Workspace w = article();
        QVERIFY(!w.routing);
        // Written back without the key, so the file is what builds without routing tables read.
        const QJsonObject json = QJsonDocument::fromJson(WorkspaceSerializer::toJson(w)).object();
        QVERIFY(!json.contains(QLatin1String("routing")));
        QVERIFY(!WorkspaceSerializer::fromJson(WorkspaceSerializer::toJson(w), bundled({}))
                         .workspace.routing);
    }

    void routingInFile()
    {
        const QByteArray json = R"({"format": "apim-designer-workspace", "version": 1,
            "apis": [{"id": "hello"}],
            "routing": {"api": "hello", "outageSeconds": 15, "regions": [
                {"name": "East US", "backends": [{"name": "eus", "baseUrl": "{{eus-url}}"},
                                                 {"name": "weu", "baseUrl": "{{weu-url}}"}]}]}})";
        const WorkspaceLoadResult loaded = WorkspaceSerializer::fromJson(json, {});
        QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
        QVERIFY(loaded.workspace.routing);
        const Workspace::Routing &r = *loaded.workspace.routing;
        QCOMPARE(r.apiId, QStringLiteral("hello"));
        QCOMPARE(r.table.outageSeconds, 15);
        QCOMPARE(r.table.regions.size(), 1);
        QCOMPARE(r.table.regions.first().backends.size(), 2);
        QCOMPARE(r.table.regions.first().backends.at(1).baseUrl, QStringLiteral("{{weu-url}}"));
        // Absent: the table's default, 5xx.
        QCOMPARE(r.table.failureStatuses, (QList<RoutingTable::StatusRange>{{500, 599}}));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("routing");
        QTest::addColumn<QString>("expected");
        const QByteArray regions
                = R"("regions": [{"name": "a", "backends": [{"name": "x", "baseUrl": "http://x"}]}])";
        QTest::newRow("not an object") << QByteArray(R"([])") << "routing: must be an object";
        QTest::newRow("no api") << "{" + regions + "}"
                                << "routing.api: is required";
        QTest::newRow("unknown api") << R"({"api": "nope", )" + regions + "}"
                                     << "routing.api: no API \"nope\"";
        QTest::newRow("regions not an array") << QByteArray(R"({"api": "hello", "regions": 3})")
                                              << "routing: regions: must be an array";
        QTest::newRow("region without backends")
                << QByteArray(R"({"api": "hello", "regions": [{"name": "a", "backends": []}]})")
                << "routing: regions[0].backends: needs 1 to 51 backends";
        QTest::newRow("outage") << R"({"api": "hello", "outageSeconds": 0, )" + regions + "}"
                                << "routing: outageSeconds: must be at least 1";
    }
    void errors()
    {
        QFETCH(QByteArray, routing);
        QFETCH(QString, expected);
        const QByteArray json = R"({"format": "apim-designer-workspace", "version": 1,
            "apis": [{"id": "hello"}], "routing": )"
                                + routing + "}";
        const WorkspaceLoadResult result = WorkspaceSerializer::fromJson(json, {}, "w.apimws");
        QVERIFY(!result.ok());
        QVERIFY2(result.diagnostics.first().toString().contains(expected),
                 qPrintable(result.diagnostics.first().toString()));
        QVERIFY(result.diagnostics.first().toString().startsWith(QLatin1String("w.apimws:")));
    }

    void generatesTheRoutedApiPolicy_data()
    {
        QTest::addColumn<int>("regions");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
    }
    void generatesTheRoutedApiPolicy()
    {
        QFETCH(int, regions);
        Workspace w = article();
        w.routing = routing(regions, 10);
        QCOMPARE(w.generateRoutedPolicy(), QList<Diagnostic>());
        const QString xml = w.api(QStringLiteral("hello"))->policy.xml;
        QCOMPARE(xml, RoutingPolicyGenerator::generate(w.routing->table).xml);
        const PolicyParseResult parsed = PolicyParser::parse(xml);
        QVERIFY(parsed.ok());
        for (const Diagnostic &d : PolicyValidator().validate(parsed.document, PolicyScope::Api))
            QVERIFY2(!d.isError(), qPrintable(d.toString()));
        // The operation and global policies are not the table's business.
        QCOMPARE(w.global, article().global);
        QCOMPARE(w.apis.first().operations, article().apis.first().operations);
    }

    void invalidTableLeavesThePolicy()
    {
        Workspace w = article();
        const QString before = w.apis.first().policy.xml;
        QCOMPARE(w.generateRoutedPolicy().first().code, QStringLiteral("routing.missing"));
        w.routing = routing(2, 10);
        w.routing->table.regions[1].backends.clear();
        const QList<Diagnostic> problems = w.generateRoutedPolicy();
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.first().message.contains(QLatin1String("regions[1].backends")));
        w.routing = routing(2, 10);
        w.routing->apiId = QStringLiteral("other");
        QVERIFY(w.generateRoutedPolicy().first().message.contains(QLatin1String("\"other\"")));
        QCOMPARE(w.apis.first().policy.xml, before);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceRouting)
#include "tst_workspacerouting.moc"
