// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/runstatistics.h"

#include <QTest>

class tst_RunStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data()
    {
        QTest::addColumn<double>("percentile");
        QTest::addColumn<double>("expectedMs");
        // 1..100 ms, one each: the Nth percentile is N ms, within the 2 % bucket width.
        QTest::newRow("p50") << 50.0 << 50.0;
        QTest::newRow("p95") << 95.0 << 95.0;
        QTest::newRow("p99") << 99.0 << 99.0;
        QTest::newRow("p100") << 100.0 << 100.0;
    }
    void percentiles()
    {
        QFETCH(double, percentile);
        QFETCH(double, expectedMs);
        RunStatistics stats;
        for (int ms = 100; ms >= 1; --ms)
            stats.record(5'000, ms * 1000, 200, QStringLiteral("eus"));
        const double got = stats.percentileMs(percentile);
        QVERIFY2(qAbs(got - expectedMs) <= expectedMs * 0.02, qPrintable(QString::number(got)));
        QCOMPARE(stats.seconds().size(), 1);
        QVERIFY(qAbs(stats.seconds().at(0).p50Ms - 50.0) <= 1.0);
    }

    void perSecondAndPerBackend()
    {
        RunStatistics stats;
        stats.record(1'000, 1'000, 200, QStringLiteral("eus"));
        stats.record(1'999, 1'000, 404, QStringLiteral("eus"));
        stats.record(3'500, 1'000, 200, QStringLiteral("weu"));
        stats.record(3'600, 1'000, 0, QString());
        stats.record(2'100, 1'000, 502, QStringLiteral("weu")); // late arrival, between the others
        const QList<RunStatistics::Second> seconds = stats.seconds();
        QCOMPARE(seconds.size(), 3);
        QCOMPARE(seconds.at(0).startMs, 1'000);
        QCOMPARE(seconds.at(0).requests, 2);
        QCOMPARE(seconds.at(0).failures, 0);
        QCOMPARE(seconds.at(0).byBackend.value(QStringLiteral("eus")), 2);
        QCOMPARE(seconds.at(1).startMs, 2'000);
        QCOMPARE(seconds.at(1).failures, 1);
        QCOMPARE(seconds.at(2).byBackend.value(QStringLiteral("weu")), 1);
        QCOMPARE(seconds.at(2).byBackend.value(QString()), 1);
        QCOMPARE(seconds.at(2).failures, 1);
        QCOMPARE(stats.total(), 5);
        QCOMPARE(stats.failures(), 2);
    }

    void keepsOnlyTheNewestSeconds()
    {
        RunStatistics stats(3);
        for (int s = 0; s < 10; ++s)
            stats.record(s * 1000, 500, 200, QStringLiteral("eus"));
        stats.record(1'000, 500, 200, QStringLiteral("eus")); // older than what is kept
        const QList<RunStatistics::Second> seconds = stats.seconds();
        QCOMPARE(seconds.size(), 3);
        QCOMPARE(seconds.first().startMs, 7'000);
        QCOMPARE(seconds.last().startMs, 9'000);
        QCOMPARE(stats.total(), 11);
        stats.clear();
        QCOMPARE(stats.total(), 0);
        QCOMPARE(stats.percentileMs(50), 0.0);
        QVERIFY(stats.seconds().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_RunStatistics)
#include "tst_runstatistics.moc"
