// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/circuitbreaker.h"
#include "engine/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using State = CircuitBreaker::State;

class tst_CircuitBreaker : public QObject
{
    Q_OBJECT

private:
    static Workspace::CircuitBreaker rule(int count, int percentage = 0)
    {
        Workspace::CircuitBreaker r;
        r.failureCount = count;
        r.failurePercentage = percentage;
        r.intervalSeconds = 10;
        r.statusRanges = {{500, 599}};
        r.tripDurationSeconds = 30;
        return r;
    }

private Q_SLOTS:
    void tripsAfterCountWithinInterval()
    {
        ManualClock clock;
        CircuitBreaker breaker(QStringLiteral("eus"), rule(3), &clock);
        QSignalSpy changes(&breaker, &CircuitBreaker::stateChanged);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(breaker.tryAcquire());
            breaker.recordResult(503);
        }
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(200);
        QCOMPARE(breaker.state(), State::Closed);
        QCOMPARE(breaker.failuresInWindow(), 2);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(0); // no response counts as a failure
        QCOMPARE(breaker.state(), State::Open);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(2).value<State>(), State::Open);
        QVERIFY(!breaker.tryAcquire());
        QCOMPARE(breaker.remainingTripMs(), 30000);
    }

    void failuresOutsideIntervalDoNotCount()
    {
        ManualClock clock;
        CircuitBreaker breaker(QStringLiteral("eus"), rule(2), &clock);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(500);
        clock.advance(10'001);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(500);
        QCOMPARE(breaker.state(), State::Closed);
        QCOMPARE(breaker.failuresInWindow(), 1);
    }

    void statusOutsideRangesIsSuccess()
    {
        ManualClock clock;
        CircuitBreaker breaker(QStringLiteral("eus"), rule(1), &clock);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(404);
        QCOMPARE(breaker.state(), State::Closed);
    }

    void halfOpenTrial_data()
    {
        QTest::addColumn<int>("trialStatus");
        QTest::addColumn<State>("after");
        QTest::newRow("success closes") << 200 << State::Closed;
        QTest::newRow("failure reopens") << 500 << State::Open;
    }
    void halfOpenTrial()
    {
        QFETCH(int, trialStatus);
        QFETCH(State, after);
        ManualClock clock;
        CircuitBreaker breaker(QStringLiteral("eus"), rule(1), &clock);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(500);
        clock.advance(30'000);
        QCOMPARE(breaker.state(), State::HalfOpen);
        QVERIFY(breaker.tryAcquire());
        QVERIFY(!breaker.tryAcquire()); // only one trial at a time
        breaker.recordResult(trialStatus);
        QCOMPARE(breaker.state(), after);
    }

    void percentage()
    {
        ManualClock clock;
        CircuitBreaker breaker(QStringLiteral("eus"), rule(0, 50), &clock);
        for (int status : {200, 200, 200, 500, 500}) {
            QVERIFY(breaker.tryAcquire());
            breaker.recordResult(status);
        }
        QCOMPARE(breaker.state(), State::Closed); // 2 of 5
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(502); // 3 of 6
        QCOMPARE(breaker.state(), State::Open);
    }

    void retryAfterSetsTripWhenAccepted_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::addColumn<qint64>("trip");
        QTest::newRow("accepted") << true << qint64(5000);
        QTest::newRow("ignored") << false << qint64(30000);
    }
    void retryAfterSetsTripWhenAccepted()
    {
        QFETCH(bool, accept);
        QFETCH(qint64, trip);
        ManualClock clock;
        Workspace::CircuitBreaker r = rule(1);
        r.acceptRetryAfter = accept;
        CircuitBreaker breaker(QStringLiteral("eus"), r, &clock);
        QVERIFY(breaker.tryAcquire());
        breaker.recordResult(503, 5000);
        QCOMPARE(breaker.remainingTripMs(), trip);
    }
};

QTEST_GUILESS_MAIN(tst_CircuitBreaker)
#include "tst_circuitbreaker.moc"
