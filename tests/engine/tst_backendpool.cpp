// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/backendpool.h"
#include "engine/circuitbreaker.h"
#include "engine/manualclock.h"

#include <QTest>

class tst_BackendPool : public QObject
{
    Q_OBJECT

private:
    static QStringList picks(BackendPool &pool, int n)
    {
        QStringList result;
        for (int i = 0; i < n; ++i)
            result.append(pool.choose().value_or(QStringLiteral("-")));
        return result;
    }

private Q_SLOTS:
    void weightedRoundRobin_data()
    {
        QTest::addColumn<int>("weightA");
        QTest::addColumn<int>("weightB");
        QTest::addColumn<QString>("sequence");
        QTest::newRow("equal") << 1 << 1 << "a b a b";
        QTest::newRow("3:1 interleaved") << 3 << 1 << "a a b a a a b a";
        QTest::newRow("zero weight counts as 1") << 0 << 1 << "a b a b";
    }
    void weightedRoundRobin()
    {
        QFETCH(int, weightA);
        QFETCH(int, weightB);
        QFETCH(QString, sequence);
        BackendPool pool(QStringLiteral("p"),
                         {{QStringLiteral("a"), 1, weightA, nullptr},
                          {QStringLiteral("b"), 1, weightB, nullptr}});
        const QStringList expected = sequence.split(u' ');
        QCOMPARE(picks(pool, int(expected.size())), expected);
    }

    void priorityGroupsFailOverThroughBreakers()
    {
        ManualClock clock;
        Workspace::CircuitBreaker rule;
        rule.failureCount = 1;
        rule.tripDurationSeconds = 10;
        CircuitBreaker a(QStringLiteral("a"), rule, &clock);
        CircuitBreaker b(QStringLiteral("b"), rule, &clock);
        CircuitBreaker backup(QStringLiteral("backup"), rule, &clock);
        BackendPool pool(QStringLiteral("p"),
                         {{QStringLiteral("a"), 1, 1, &a},
                          {QStringLiteral("b"), 1, 1, &b},
                          {QStringLiteral("backup"), 2, 1, &backup}});
        QCOMPARE(pool.choose(), QStringLiteral("a"));
        a.recordResult(500); // a trips
        QCOMPARE(pool.choose(), QStringLiteral("b"));
        b.recordResult(200);
        QCOMPARE(pool.choose(), QStringLiteral("b"));
        b.recordResult(503); // b trips too: the backup group serves
        QCOMPARE(pool.choose(), QStringLiteral("backup"));
        backup.recordResult(500);
        QCOMPARE(pool.choose(), std::nullopt); // nothing left: the caller answers 503
        clock.advance(10'000);
        // Half-open: one trial each, in priority order.
        QCOMPARE(pool.choose(), QStringLiteral("a"));
        a.recordResult(200);
        QCOMPARE(pool.choose(), QStringLiteral("a"));
    }
};

QTEST_GUILESS_MAIN(tst_BackendPool)
#include "tst_backendpool.moc"
