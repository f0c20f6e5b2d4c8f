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

    void jsonLineIsQtsCompactJson_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("GET https://hello-eus.azurewebsites.net/hello");
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" C:\\dir\\");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::newRow("control characters") << controls + QChar(0x7f);
        QTest::newRow("non-ASCII") << QStringLiteral("Zürich → 東京 \U0001F600 end");
        QTest::newRow("lone high surrogate")
                << QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b");
        QTest::newRow("lone low surrogate at the end") << QStringLiteral("a") + QChar(0xDE00);
    }

    // appendJsonLine() writes what toJson() holds without building it: the bytes must be the ones
    // QJsonDocument writes, for every field and every kind of string.
    void jsonLineIsQtsCompactJson()
    {
        QFETCH(QString, text);
        RequestTrace t = trace(9);
        t.errorReason = text;
        t.startedAtMs = 1764201600123;
        t.durationUs = 1234567;
        TraceEvent full;
        full.kind = TraceEvent::Kind::CacheRemove;
        full.startUs = 17;
        full.durationUs = 4;
        full.section = QStringLiteral("inbound");
        full.path = QStringLiteral("cache-remove-value[1]");
        full.policy = QStringLiteral("cache-remove-value");
        full.scope = PolicyScope::Operation;
        full.document = text;
        full.range = {{1, 2, 3}, {4, 5, 600}};
        full.attempt = 3;
        full.delayMs = 250;
        full.status = 404;
        full.url = text;
        full.backend = QStringLiteral("eus");
        full.hit = true;
        full.key = text;
        full.value = text;
        full.ttlMs = 60000;
        full.message = text;
        t.events.append(full);
        t.events.append(TraceEvent());
        QByteArray line;
        t.appendJsonLine(line);
        QCOMPARE(line, QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact) + '\n');
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
