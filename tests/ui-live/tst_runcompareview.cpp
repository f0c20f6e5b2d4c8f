// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegateway.h"
#include "live/tracecomparisonmodel.h"
#include "runcompareview.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_RunCompareView : public QObject
{
    Q_OBJECT

private:
    static void get(QNetworkAccessManager &network, const QUrl &url)
    {
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        reply->deleteLater();
    }

private Q_SLOTS:
    void recordSaveOpenReplayCompare()
    {
        FakeGateway gateway;
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));
        RunCompareView recorder;
        recorder.setTraceBuffer(gateway.traceBuffer());
        recorder.setFrontends(gateway.frontends());
        recorder.startRecording();
        QNetworkAccessManager network;
        const QUrl eus = gateway.frontends().at(0).url;
        const QUrl weu = gateway.frontends().at(1).url;
        get(network, eus.resolved(QUrl(QStringLiteral("/hello?x=1"))));
        get(network, weu.resolved(QUrl(QStringLiteral("/hello"))));
        get(network, eus.resolved(QUrl(QStringLiteral("/other"))));
        QTRY_COMPARE(recorder.recorded().size(), 3);
        recorder.stopRecording();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.jsonl"));
        QVERIFY2(recorder.save(path, &error), qPrintable(error));

        // Later: open the recording and replay it against a gateway that now fails over.
        RunCompareView view;
        QAbstractItemModelTester tester(view.comparisonModel());
        view.setTraceBuffer(gateway.traceBuffer());
        view.setFrontends(gateway.frontends());
        QVERIFY2(view.open(path, &error), qPrintable(error));
        QCOMPARE(view.recorded(), recorder.recorded());
        const QList<LoadRunner::Request> requests = view.replayRequests(&error);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).url, eus.resolved(QUrl(QStringLiteral("/hello?x=1"))));
        QCOMPARE(requests.at(1).url, weu.resolved(QUrl(QStringLiteral("/hello"))));

        gateway.setAnswer(200, QStringLiteral("weu"));
        QSignalSpy replayed(&view, &RunCompareView::replayFinished);
        QVERIFY2(view.replay(&error), qPrintable(error));
        QVERIFY(replayed.wait(10000));
        QTRY_COMPARE(view.replayed().size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(view.replayed().at(i).url, view.recorded().at(i).url);

        view.selectPair(0);
        const TraceComparison &c = view.comparisonModel()->comparison();
        QCOMPARE(c.summary, QStringList{QStringLiteral("served by eus → weu")});
        QCOMPARE(c.steps.size(), 1);
        QCOMPARE(c.steps.at(0).change, TraceComparison::Change::Changed);
        view.selectPair(1); // weu answered both times
        QVERIFY(view.comparisonModel()->comparison().identical());
        QVERIFY(view.summaryText().contains(u"3 replayed, 2 differ"));
    }

    void replayNeedsTheRecordedRegions()
    {
        RunCompareView view;
        RequestTrace trace;
        trace.region = QStringLiteral("Japan East");
        trace.method = QStringLiteral("GET");
        trace.url = QStringLiteral("/hello");
        view.setRecorded({trace});
        view.setFrontends(
                {{QStringLiteral("East US"), QUrl(QStringLiteral("http://127.0.0.1:1"))}});
        QString error;
        QVERIFY(!view.replay(&error));
        QVERIFY2(error.contains(u"Japan East"), qPrintable(error));
    }

    void openReportsTheBadLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}\nnot json\n");
        file.close();
        RunCompareView view;
        QString error;
        QVERIFY(!view.open(path, &error));
        QVERIFY2(error.startsWith(path + u":2: "), qPrintable(error));
        QVERIFY(view.recorded().isEmpty());
    }
};

QTEST_MAIN(tst_RunCompareView)
#include "tst_runcompareview.moc"
