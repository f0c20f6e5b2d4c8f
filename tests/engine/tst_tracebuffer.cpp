// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/tracebuffer.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class tst_TraceBuffer : public QObject
{
    Q_OBJECT

private:
    static RequestTrace trace(quint64 sequence)
    {
        RequestTrace t;
        t.sequence = sequence;
        t.requestId = QStringLiteral("id-%1").arg(sequence);
        t.region = QStringLiteral("East US");
        t.method = QStringLiteral("GET");
        t.url = QStringLiteral("/hello");
        t.status = 200;
        t.servedBy = QStringLiteral("weu");
        t.attempts = 2;
        TraceEvent retry;
        retry.kind = TraceEvent::Kind::RetryAttempt;
        retry.attempt = 2;
        retry.delayMs = 1000;
        retry.path = QStringLiteral("retry[1]");
        retry.range = {{3, 9, 100}, {3, 40, 131}};
        retry.scope = PolicyScope::Api;
        retry.document = QStringLiteral("article/02-cached-failover-api.xml");
        TraceEvent lookup;
        lookup.kind = TraceEvent::Kind::CacheLookup;
        lookup.key = QStringLiteral("is-eus-down");
        lookup.hit = false;
        t.events = {retry, lookup};
        return t;
    }

private Q_SLOTS:
    void jsonRoundTrip()
    {
        const RequestTrace original = trace(7);
        QCOMPARE(RequestTrace::fromJson(original.toJson()), original);
    }

    void publishesInBatches()
    {
        TraceBuffer buffer(100, 3600'000);
        QSignalSpy added(&buffer, &TraceBuffer::tracesAdded);
        for (quint64 i = 1; i <= 50; ++i)
            buffer.append(trace(i));
        QCOMPARE(added.count(), 0);
        buffer.flush();
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().value<QList<RequestTrace>>().size(), 50);
        buffer.flush();
        QCOMPARE(added.count(), 1); // nothing new, no signal
    }

    void timerPublishes()
    {
        TraceBuffer buffer(100, 10);
        QSignalSpy added(&buffer, &TraceBuffer::tracesAdded);
        buffer.append(trace(1));
        QVERIFY(added.wait(2000));
    }

    void ringKeepsNewest()
    {
        TraceBuffer buffer(10, 3600'000);
        for (quint64 i = 1; i <= 25; ++i) {
            buffer.append(trace(i));
            if (i % 7 == 0)
                buffer.flush();
        }
        buffer.flush();
        const QList<RequestTrace> kept = buffer.traces();
        QCOMPARE(kept.size(), 10);
        QCOMPARE(kept.first().sequence, 16u);
        QCOMPARE(kept.last().sequence, 25u);
        QCOMPARE(buffer.totalAppended(), 25u);
    }

    void numbersUnnumberedTraces()
    {
        TraceBuffer buffer(10, 3600'000);
        buffer.append(RequestTrace());
        buffer.append(trace(42));
        buffer.append(RequestTrace());
        buffer.flush();
        const QList<RequestTrace> kept = buffer.traces();
        QCOMPARE(kept.at(0).sequence, 1u);
        QCOMPARE(kept.at(1).sequence, 42u);
        QCOMPARE(kept.at(2).sequence, 3u);
    }

    void writesJsonLines()
    {
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        TraceBuffer buffer(10, 3600'000);
        buffer.setJsonLinesOutput(&out);
        buffer.append(trace(1));
        buffer.append(trace(2));
        buffer.flush();
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
        QCOMPARE(RequestTrace::fromJson(QJsonDocument::fromJson(lines.at(1)).object()), trace(2));
    }

    void appendsFromManyThreads()
    {
        TraceBuffer buffer(100000, 3600'000);
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&buffer, t] {
                for (int i = 0; i < 1000; ++i)
                    buffer.append(trace(quint64(t * 1000 + i)));
            }));
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(10000));
            delete thread;
        }
        buffer.flush();
        QCOMPARE(buffer.traces().size(), 4000);
    }
};

QTEST_GUILESS_MAIN(tst_TraceBuffer)
#include "tst_tracebuffer.moc"
