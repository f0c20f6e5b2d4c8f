// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/retryschedule.h"

#include <QTest>

class tst_RetrySchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delays_data()
    {
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("maxInterval");
        QTest::addColumn<int>("delta");
        QTest::addColumn<bool>("firstFast");
        QTest::addColumn<double>("random");
        QTest::addColumn<QList<qint64>>("expected"); // delays of retries 1..n in ms

        QTest::newRow("fixed") << 2 << -1 << -1 << false << 0.5 << QList<qint64>{2000, 2000, 2000};
        QTest::newRow("fixed first fast")
                << 2 << -1 << -1 << true << 0.5 << QList<qint64>{0, 2000, 2000};
        QTest::newRow("zero interval") << 0 << -1 << -1 << true << 0.5 << QList<qint64>{0, 0};
        QTest::newRow("linear") << 1 << -1 << 2 << false << 0.5
                                << QList<qint64>{1000, 3000, 5000, 7000};
        // The reference's example: interval=10, delta=10, max=100 -> 10, 20, 40, 80, 100, 100
        // at the jitter's midpoint (random 0.5 -> factor 1.0).
        QTest::newRow("exponential doc example")
                << 10 << 100 << 10 << false << 0.5
                << QList<qint64>{10000, 20000, 40000, 80000, 100000, 100000};
        QTest::newRow("exponential low jitter")
                << 10 << 100 << 10 << false << 0.0
                << QList<qint64>{10000, 18000, 34000, 66000, 100000};
        QTest::newRow("exponential high jitter")
                << 10 << 100 << 10 << false << 1.0
                << QList<qint64>{10000, 22000, 46000, 94000, 100000};
        // The article's published policy: interval=1 max=10 delta=1 first-fast-retry.
        QTest::newRow("article step 4")
                << 1 << 10 << 1 << true << 0.5 << QList<qint64>{0, 2000, 4000, 8000, 10000};
        QTest::newRow("interval + max, no delta")
                << 20 << 5 << -1 << false << 0.5 << QList<qint64>{5000, 5000};
    }
    void delays()
    {
        QFETCH(int, interval);
        QFETCH(int, maxInterval);
        QFETCH(int, delta);
        QFETCH(bool, firstFast);
        QFETCH(double, random);
        QFETCH(QList<qint64>, expected);
        const RetrySchedule schedule{int(expected.size()), interval, maxInterval, delta, firstFast};
        for (int n = 1; n <= expected.size(); ++n)
            QCOMPARE(schedule.delayMs(n, [&] { return random; }), expected.at(n - 1));
    }

    void hugeRetryNumberStaysClamped()
    {
        const RetrySchedule schedule{50, 1, 30, 5, false};
        QCOMPARE(schedule.delayMs(50, [] { return 0.99; }), 30000);
    }
};

QTEST_GUILESS_MAIN(tst_RetrySchedule)
#include "tst_retryschedule.moc"
