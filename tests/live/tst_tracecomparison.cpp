// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/tracecomparison.h"
#include "live/tracecomparisonmodel.h"
#include "live/traceeventmodel.h"
#include "live/tracerecording.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

namespace {

TraceEvent event(TraceEvent::Kind kind, const QString &path)
{
    TraceEvent e;
    e.kind = kind;
    e.path = path;
    return e;
}

TraceEvent forward(int attempt, const QString &backend, int status)
{
    TraceEvent e = event(TraceEvent::Kind::Forward, QStringLiteral("retry[1]/forward-request[1]"));
    e.attempt = attempt;
    e.backend = backend;
    e.url = QStringLiteral("https://hello-%1.azurewebsites.net/api/Hello").arg(backend);
    e.status = status;
    return e;
}

TraceEvent attempt(int n, qint64 delayMs)
{
    TraceEvent e = event(TraceEvent::Kind::RetryAttempt, QStringLiteral("retry[1]"));
    e.attempt = n;
    e.delayMs = delayMs;
    return e;
}

// Step 1 of the article: eus answers 404, the retry's second attempt goes to weu.
RequestTrace failover()
{
    RequestTrace t;
    t.sequence = 1;
    t.region = QStringLiteral("East US");
    t.method = QStringLiteral("GET");
    t.url = QStringLiteral("http://127.0.0.1:8081/hello");
    t.status = 200;
    t.servedBy = QStringLiteral("weu");
    t.attempts = 2;
    t.durationUs = 4'000;
    TraceEvent section = event(TraceEvent::Kind::Section, {});
    section.section = QStringLiteral("backend");
    t.events = {section,
                attempt(1, 0),
                forward(1, QStringLiteral("eus"), 404),
                attempt(2, 0),
                forward(2, QStringLiteral("weu"), 200)};
    return t;
}

// The same call while the outage is remembered: straight to weu.
RequestTrace direct()
{
    RequestTrace t = failover();
    t.sequence = 2;
    t.attempts = 1;
    t.events = {t.events.at(0), attempt(1, 0), forward(1, QStringLiteral("weu"), 200)};
    return t;
}

} // namespace

class tst_TraceComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalTraces()
    {
        const TraceComparison c = TraceComparison::compare(failover(), failover());
        QVERIFY(c.identical());
        QCOMPARE(c.steps.size(), failover().events.size());
    }

    void extraAttemptShowsAsAddedSteps()
    {
        const TraceComparison c = TraceComparison::compare(direct(), failover());
        QVERIFY(!c.identical());
        QCOMPARE(c.summary, QStringList{QStringLiteral("attempts 1 → 2")});
        QList<TraceComparison::Change> changes;
        for (const TraceComparison::Step &s : c.steps)
            changes.append(s.change);
        using C = TraceComparison::Change;
        // section and attempt 1 match; attempt 1's forward went to another backend; attempt 2 and
        // its forward are new.
        QCOMPARE(changes, (QList<C>{C::Same, C::Same, C::Changed, C::Added, C::Added}));
        QCOMPARE(c.steps.at(2).left, 2);
        QCOMPARE(c.steps.at(2).right, 2);
        QCOMPARE(c.steps.at(3).left, -1);
    }

    void responseDifferences()
    {
        RequestTrace other = failover();
        other.status = 404;
        other.servedBy = QStringLiteral("eus");
        const TraceComparison c = TraceComparison::compare(failover(), other);
        QCOMPARE(c.summary,
                 (QStringList{QStringLiteral("status 200 → 404"),
                              QStringLiteral("served by weu → eus")}));
    }

    void model()
    {
        TraceComparisonModel model;
        QAbstractItemModelTester tester(&model);
        model.setTraces(direct(), failover());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.data(model.index(2, TraceComparisonModel::ChangeColumn)).toString(),
                 QStringLiteral("changed"));
        QVERIFY(model.data(model.index(2, TraceComparisonModel::LeftDetailColumn))
                        .toString()
                        .startsWith(u"200 from weu · https://hello-weu"));
        QVERIFY(model.data(model.index(2, TraceComparisonModel::RightDetailColumn))
                        .toString()
                        .startsWith(u"404 from eus · https://hello-eus"));
        QCOMPARE(model.data(model.index(3, TraceComparisonModel::LeftStepColumn)).toString(),
                 QString());
        QCOMPARE(model.data(model.index(3, 0), TraceComparisonModel::ChangeRole).toInt(),
                 int(TraceComparison::Change::Added));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void recordingRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.jsonl"));
        const QList<RequestTrace> run = {failover(), direct()};
        QString error;
        QVERIFY2(TraceRecording::save(path, run, &error), qPrintable(error));
        const TraceRecording::ReadResult read = TraceRecording::load(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.traces, run);
    }

    void malformedRecording_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("error");
        const QByteArray good = TraceRecording::toJsonLines({failover()});
        QTest::newRow("broken json") << good + "{\"sequence\": \n"
                                     << "run.jsonl:2: ";
        QTest::newRow("not an object") << "\n[1,2]\n" + good << "run.jsonl:2: not a JSON object";
    }
    void malformedRecording()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, error);
        const TraceRecording::ReadResult read
                = TraceRecording::fromJsonLines(data, QStringLiteral("run.jsonl"));
        QVERIFY(!read.ok());
        QVERIFY2(read.error.startsWith(error), qPrintable(read.error));
        QVERIFY(read.traces.isEmpty());
    }

    void missingFileNamesIt()
    {
        const TraceRecording::ReadResult read
                = TraceRecording::load(QStringLiteral("/nonexistent/x.jsonl"));
        QVERIFY(read.error.startsWith(u"/nonexistent/x.jsonl: "));
    }

    void eventModel()
    {
        TraceEventModel model;
        QAbstractItemModelTester tester(&model);
        model.setTrace(failover());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.data(model.index(1, TraceEventModel::StepColumn)).toString(),
                 QStringLiteral("attempt 1"));
        // Indented by depth in the policy tree.
        QCOMPARE(model.data(model.index(2, TraceEventModel::StepColumn)).toString(),
                 QStringLiteral("  forward"));
        QCOMPARE(model.data(model.index(3, TraceEventModel::DetailColumn)).toString(),
                 QStringLiteral("attempt 2 after 0 ms"));
        QVERIFY(model.data(model.index(2, 0), TraceEventModel::FailedRole).toBool());
        QVERIFY(!model.data(model.index(4, 0), TraceEventModel::FailedRole).toBool());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TraceComparison)
#include "tst_tracecomparison.moc"
