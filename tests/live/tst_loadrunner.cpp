// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/mockbackend.h"
#include "live/loadrunner.h"

#include <QSignalSpy>
#include <QTest>

class tst_LoadRunner : public QObject
{
    Q_OBJECT

private:
    static LoadRunner::Settings settingsFor(const MockBackend &backend, int total, int concurrency)
    {
        LoadRunner::Settings settings;
        LoadRunner::Request request;
        request.url = backend.url().resolved(QUrl(QStringLiteral("/api/Hello?code=k")));
        settings.requests = {request};
        settings.total = total;
        settings.concurrency = concurrency;
        return settings;
    }

private Q_SLOTS:
    void completesAllRequests_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("concurrency");
        QTest::newRow("one at a time") << 20 << 1;
        QTest::newRow("more than one manager's connections") << 150 << 16;
    }
    void completesAllRequests()
    {
        QFETCH(int, total);
        QFETCH(int, concurrency);
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY2(backend.start(), qPrintable(backend.errorString()));
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        qsizetype results = 0;
        QStringList servedBy;
        connect(&runner, &LoadRunner::resultsReady, this, [&](const QList<LoadRunner::Result> &b) {
            results += b.size();
            for (const LoadRunner::Result &r : b) {
                if (!servedBy.contains(r.servedBy))
                    servedBy.append(r.servedBy);
            }
        });
        QVERIFY(runner.start(settingsFor(backend, total, concurrency)));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(runner.sent(), total);
        QCOMPARE(runner.completed(), total);
        QCOMPARE(runner.failed(), 0);
        QCOMPARE(results, total);
        QCOMPARE(servedBy, QStringList{QStringLiteral("eus")});
        QCOMPARE(runner.statistics().total(), total);
        QCOMPARE(backend.hits().total, quint64(total));
        QVERIFY(runner.statistics().percentileMs(50) > 0);
    }

    void countsFailures()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        MockBackend::Behaviour flap;
        flap.mode = MockBackend::Mode::FlapEveryNth;
        flap.everyNth = 2;
        flap.status = 503;
        backend.setBehaviour(flap);
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        QVERIFY(runner.start(settingsFor(backend, 10, 1)));
        QVERIFY(finished.wait(20000));
        QCOMPARE(runner.completed(), 10);
        QCOMPARE(runner.failed(), 5);
        QCOMPARE(runner.statistics().failures(), 5);
    }

    void cancelStopsAtOnce()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        MockBackend::Behaviour hang;
        hang.mode = MockBackend::Mode::Hang;
        backend.setBehaviour(hang);
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        QVERIFY(runner.start(settingsFor(backend, 100, 3)));
        QTRY_COMPARE_WITH_TIMEOUT(backend.hits().total, quint64(3), 10000);
        QCOMPARE(runner.sent(), 3);
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.completed(), 0);
        QCOMPARE(runner.sent(), 3);
    }

    void runsForADuration()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        LoadRunner::Settings settings = settingsFor(backend, 0, 2);
        settings.durationMs = 300;
        settings.ratePerSecond = 100;
        QVERIFY(runner.start(settings));
        QVERIFY(finished.wait(20000));
        QVERIFY(runner.completed() > 0);
        QCOMPARE(runner.completed(), runner.sent());
        // A rate of 100/s cannot send more than the time allows (plus the first one at once).
        QVERIFY2(runner.sent() <= int(runner.elapsedSeconds() * 100) + 1,
                 qPrintable(QString::number(runner.sent())));
        QCOMPARE(runner.expectedTotal(), runner.sent());
    }

    void refusesUnusableSettings_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("concurrency");
        QTest::newRow("no count") << "http://127.0.0.1:1/" << 0 << 1;
        QTest::newRow("no concurrency") << "http://127.0.0.1:1/" << 1 << 0;
        QTest::newRow("not http") << "ftp://127.0.0.1/" << 1 << 1;
    }
    void refusesUnusableSettings()
    {
        QFETCH(QString, url);
        QFETCH(int, total);
        QFETCH(int, concurrency);
        LoadRunner runner;
        LoadRunner::Settings settings;
        LoadRunner::Request request;
        request.url = QUrl(url);
        settings.requests = {request};
        settings.total = total;
        settings.concurrency = concurrency;
        QVERIFY(!runner.start(settings));
        QVERIFY(!runner.errorString().isEmpty());
        QVERIFY(!runner.isRunning());
    }

    void noAnswerIsAFailure()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        MockBackend::Behaviour refuse;
        refuse.mode = MockBackend::Mode::RefuseConnections;
        backend.setBehaviour(refuse);
        LoadRunner runner;
        QSignalSpy finished(&runner, &LoadRunner::finished);
        QList<LoadRunner::Result> results;
        connect(&runner, &LoadRunner::resultsReady, this, [&](const QList<LoadRunner::Result> &b) {
            results.append(b);
        });
        QVERIFY(runner.start(settingsFor(backend, 3, 1)));
        QVERIFY(finished.wait(20000));
        QCOMPARE(runner.failed(), 3);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).status, 0);
        QVERIFY(!results.at(0).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_LoadRunner)
#include "tst_loadrunner.moc"
