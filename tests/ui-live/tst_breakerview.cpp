// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakerview.h"
#include "engine/circuitbreaker.h"
#include "engine/manualclock.h"
#include "engine/tracebuffer.h"
#include "live/breakerhistory.h"

#include <QDateTime>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

class tst_BreakerView : public QObject
{
    Q_OBJECT

private:
    static Workspace::CircuitBreaker rule()
    {
        Workspace::CircuitBreaker r;
        r.failureCount = 2;
        r.intervalSeconds = 10;
        r.tripDurationSeconds = 5;
        return r;
    }

private Q_SLOTS:
    void followsTransitions()
    {
        ManualClock clock(100'000);
        CircuitBreaker eus(QStringLiteral("eus"), rule(), &clock);
        CircuitBreaker weu(QStringLiteral("weu"), rule(), &clock);
        BreakerHistory history(&clock);
        history.setBreakers({&eus, &weu});
        QSignalSpy added(&history, &BreakerHistory::transitionAdded);
        BreakerView view;
        view.setHistory(&history);
        view.resize(1000, 360);
        view.show();
        QVERIFY(view.stateText(QStringLiteral("eus")).startsWith(u"eus: Closed"));

        QVERIFY(eus.tryAcquire());
        eus.recordResult(500);
        QCOMPARE(view.stateText(QStringLiteral("eus")),
                 QStringLiteral("eus: Closed, 1 of 1 calls failed in the window"));
        QVERIFY(eus.tryAcquire());
        eus.recordResult(503);
        QCOMPARE(added.size(), 1);
        QCOMPARE(view.transitionsShown(QStringLiteral("eus")), 1);
        QCOMPARE(view.stateText(QStringLiteral("eus")),
                 QStringLiteral(
                         "eus: Open, 2 of 2 calls failed in the window, open for 5.0 s more"));
        QVERIFY(view.stateText(QStringLiteral("weu")).startsWith(u"weu: Closed"));

        clock.advance(2'000);
        QVERIFY(view.stateText(QStringLiteral("eus")).endsWith(u"open for 3.0 s more"));
        clock.advance(3'000);
        QVERIFY(view.stateText(QStringLiteral("eus")).startsWith(u"eus: Half-open"));
        QVERIFY(eus.tryAcquire()); // the trial request
        eus.recordResult(200);
        QCOMPARE(view.transitionsShown(QStringLiteral("eus")), 3);
        QVERIFY(view.stateText(QStringLiteral("eus")).startsWith(u"eus: Closed"));
        const auto &transitions = history.transitions();
        QCOMPARE(transitions.at(0).to, CircuitBreaker::State::Open);
        QCOMPARE(transitions.at(1).to, CircuitBreaker::State::HalfOpen);
        QCOMPARE(transitions.at(2).to, CircuitBreaker::State::Closed);
        QCOMPARE(transitions.at(0).atMs, 100'000);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(qAbs(transitions.at(2).wallMs - now) < 60'000);
        QCOMPARE(view.transitionsShown(QStringLiteral("weu")), 0);
    }

    void drawsStatesAndRequests()
    {
        ManualClock clock;
        CircuitBreaker eus(QStringLiteral("eus"), rule(), &clock);
        BreakerHistory history(&clock);
        history.setBreakers({&eus});
        TraceBuffer buffer(100, 3'600'000);
        BreakerView view;
        view.setHistory(&history);
        view.setTraceBuffer(&buffer);
        view.resize(1000, 200);
        RequestTrace served;
        served.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        served.servedBy = QStringLiteral("eus");
        served.status = 500;
        buffer.append(served);
        buffer.flush();
        const QImage closed = view.grab().toImage();
        eus.tryAcquire();
        eus.recordResult(500);
        eus.tryAcquire();
        eus.recordResult(500);
        const QImage open = view.grab().toImage();
        QVERIFY(!closed.isNull());
        QVERIFY(closed != open); // the lit state and the band changed colour
    }

    void emptyWithoutBreakers()
    {
        BreakerView view;
        QCOMPARE(view.stateText(QStringLiteral("eus")), QString());
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(tst_BreakerView)
#include "tst_breakerview.moc"
