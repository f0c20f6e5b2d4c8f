// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/routingtable.h"

#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(RoutingTable)

class tst_RoutingTable : public QObject
{
    Q_OBJECT

private:
    static RoutingTable article()
    {
        RoutingTable t;
        const RoutingTable::Backend eus{QStringLiteral("eus"),
                                        QStringLiteral("https://hello-eus.azurewebsites.net/")};
        const RoutingTable::Backend weu{QStringLiteral("weu"),
                                        QStringLiteral("https://hello-weu.azurewebsites.net/")};
        t.regions = {{QStringLiteral("East US"), {eus, weu}},
                     {QStringLiteral("West Europe"), {weu, eus}}};
        t.failureStatuses = {{404, 404}};
        return t;
    }

private Q_SLOTS:
    void articleIsValid()
    {
        QVERIFY(article().validate().isEmpty());
        QCOMPARE(article().backends().size(), 2);
        QCOMPARE(article().maxBackendsInRegion(), 2);
    }

    void jsonRoundTrip()
    {
        const RoutingTable t = article();
        const QByteArray json = QJsonDocument(t.toJson()).toJson();
        QList<Diagnostic> diagnostics;
        const RoutingTable back
                = RoutingTable::fromJson(QJsonDocument::fromJson(json).object(), &diagnostics);
        QVERIFY(diagnostics.isEmpty());
        QCOMPARE(back, t);
    }

    void invalid_data()
    {
        QTest::addColumn<RoutingTable>("table");
        QTest::addColumn<QString>("path");
        RoutingTable t = article();
        t.regions.clear();
        QTest::newRow("no regions") << t << QStringLiteral("regions");
        t = article();
        t.regions[0].name = QStringLiteral("East \"US\"");
        QTest::newRow("quote in region") << t << QStringLiteral("regions[0].name");
        t = article();
        t.regions[1].name = QStringLiteral("east us");
        QTest::newRow("region twice") << t << QStringLiteral("regions[1].name");
        t = article();
        t.regions[0].backends.clear();
        QTest::newRow("no backends") << t << QStringLiteral("regions[0].backends");
        t = article();
        t.regions[0].backends[0].name = QStringLiteral("e us");
        QTest::newRow("backend name") << t << QStringLiteral("regions[0].backends[0].name");
        t = article();
        t.regions[0].backends[1].baseUrl.clear();
        QTest::newRow("no url") << t << QStringLiteral("regions[0].backends[1].baseUrl");
        t = article();
        t.regions[1].backends[1].baseUrl = QStringLiteral("https://other/");
        QTest::newRow("two urls for a backend")
                << t << QStringLiteral("regions[1].backends[1].baseUrl");
        t = article();
        t.regions[0].backends.append(t.regions[0].backends.first());
        QTest::newRow("backend twice") << t << QStringLiteral("regions[0].backends[2]");
        t = article();
        t.outageSeconds = 0;
        QTest::newRow("outage") << t << QStringLiteral("outageSeconds");
        t = article();
        t.failureStatuses = {{600, 700}};
        QTest::newRow("status range") << t << QStringLiteral("failureStatuses[0]");
    }
    void invalid()
    {
        QFETCH(RoutingTable, table);
        QFETCH(QString, path);
        const QList<Diagnostic> diagnostics = table.validate();
        QCOMPARE(diagnostics.size(), 1);
        QVERIFY2(diagnostics.first().message.startsWith(path + u':'),
                 qPrintable(diagnostics.first().message));
    }

    void fromJsonReportsShape()
    {
        QList<Diagnostic> diagnostics;
        RoutingTable::fromJson(QJsonDocument::fromJson("{\"regions\": 3}").object(), &diagnostics);
        QVERIFY(!diagnostics.isEmpty());
        QVERIFY(diagnostics.first().message.startsWith(QLatin1String("regions:")));
    }
};

QTEST_GUILESS_MAIN(tst_RoutingTable)
#include "tst_routingtable.moc"
