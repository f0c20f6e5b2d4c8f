// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/apiopsbackendjson.h"
#include "deploytestdata.h"

#include <QJsonArray>
#include <QTest>

class tst_ApiOpsBackendJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seconds_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<int>("seconds");
        QTest::newRow("seconds") << QStringLiteral("PT60S") << 60;
        QTest::newRow("minutes") << QStringLiteral("PT1M") << 60;
        QTest::newRow("mixed") << QStringLiteral("PT1H2M3S") << 3723;
        QTest::newRow("days") << QStringLiteral("P1D") << 86400;
        QTest::newRow("empty") << QString() << -1;
        QTest::newRow("bare P") << QStringLiteral("P") << -1;
        QTest::newRow("bare T") << QStringLiteral("PT") << -1;
        QTest::newRow("not a duration") << QStringLiteral("60") << -1;
    }
    void seconds()
    {
        QFETCH(QString, duration);
        QFETCH(int, seconds);
        QCOMPARE(ApiOpsBackendJson::seconds(duration), seconds);
    }

    void roundTrip()
    {
        for (const Workspace::Backend &backend : DeployTestData::richWorkspace().backends)
            QCOMPARE(ApiOpsBackendJson::fromJson(ApiOpsBackendJson::toJson(backend), {}), backend);
    }

    void armShape()
    {
        const Workspace w = DeployTestData::richWorkspace();
        const QJsonObject pool = ApiOpsBackendJson::toJson(w.backends.at(2))
                                         .value(QLatin1String("properties"))
                                         .toObject();
        QCOMPARE(pool.value(QLatin1String("type")).toString(), QStringLiteral("Pool"));
        const QJsonObject first = pool.value(QLatin1String("pool"))
                                          .toObject()
                                          .value(QLatin1String("services"))
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(first.value(QLatin1String("id")).toString(), QStringLiteral("/backends/eus"));
        const QJsonObject rule = ApiOpsBackendJson::toJson(w.backends.first())
                                         .value(QLatin1String("properties"))
                                         .toObject()
                                         .value(QLatin1String("circuitBreaker"))
                                         .toObject()
                                         .value(QLatin1String("rules"))
                                         .toArray()
                                         .first()
                                         .toObject();
        QCOMPARE(rule.value(QLatin1String("failureCondition"))
                         .toObject()
                         .value(QLatin1String("interval"))
                         .toString(),
                 QStringLiteral("PT90S"));
        // A full ARM id from an extracted pool still names the member.
        QJsonObject extracted = ApiOpsBackendJson::toJson(w.backends.at(2));
        QJsonObject properties = extracted.value(QLatin1String("properties")).toObject();
        properties.insert(
                QLatin1String("pool"),
                QJsonObject{
                        {QLatin1String("services"),
                         QJsonArray{QJsonObject{
                                 {QLatin1String("id"),
                                  QStringLiteral(
                                          "/subscriptions/s/resourceGroups/g/providers/"
                                          "Microsoft.ApiManagement/service/a/backends/eus")}}}}});
        extracted.insert(QLatin1String("properties"), properties);
        QCOMPARE(ApiOpsBackendJson::fromJson(extracted, {}).members.first().backendId,
                 QStringLiteral("eus"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiOpsBackendJson)
#include "tst_apiopsbackendjson.moc"
