// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/tracebuffer.h"
#include "live/traceeventmodel.h"
#include "live/tracemodel.h"
#include "live/tracerecording.h"
#include "traceview.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {

SourceRange rangeAt(int line)
{
    return {{line, 9, line * 40}, {line, 30, line * 40 + 21}};
}

TraceEvent step(TraceEvent::Kind kind, const QString &path, qint64 startUs, qint64 durationUs)
{
    TraceEvent e;
    e.kind = kind;
    e.path = path;
    e.startUs = startUs;
    e.durationUs = durationUs;
    e.scope = PolicyScope::Api;
    return e;
}

// A recorded step-2 call: eus answers 404, the outage is stored in the cache and the retry's
// second attempt, after its delay, reaches weu.
QByteArray recordedRun()
{
    RequestTrace t;
    t.sequence = 7;
    t.region = QStringLiteral("East US");
    t.method = QStringLiteral("GET");
    t.url = QStringLiteral("http://127.0.0.1:8081/hello");
    t.status = 200;
    t.servedBy = QStringLiteral("weu");
    t.attempts = 2;
    t.durationUs = 10'000;
    TraceEvent section = step(TraceEvent::Kind::Section, {}, 0, 10'000);
    section.section = QStringLiteral("backend");
    TraceEvent lookup
            = step(TraceEvent::Kind::CacheLookup, QStringLiteral("cache-lookup-value[1]"), 100, 50);
    lookup.key = QStringLiteral("is-eus-down-cache-key");
    lookup.range = rangeAt(3);
    TraceEvent retry = step(TraceEvent::Kind::Policy, QStringLiteral("retry[1]"), 200, 9'500);
    retry.policy = QStringLiteral("retry");
    retry.range = rangeAt(5);
    TraceEvent first = step(TraceEvent::Kind::RetryAttempt, QStringLiteral("retry[1]"), 200, 0);
    first.attempt = 1;
    TraceEvent eus = step(
            TraceEvent::Kind::Forward, QStringLiteral("retry[1]/forward-request[1]"), 300, 2'000);
    eus.attempt = 1;
    eus.backend = QStringLiteral("eus");
    eus.url = QStringLiteral("https://hello-eus.azurewebsites.net/api/Hello");
    eus.status = 404;
    eus.range = rangeAt(12);
    TraceEvent store = step(TraceEvent::Kind::CacheStore,
                            QStringLiteral("retry[1]/choose[1]/when[1]/cache-store-value[1]"),
                            2'400,
                            30);
    store.key = QStringLiteral("is-eus-down-cache-key");
    store.value = QStringLiteral("True");
    store.ttlMs = 10'000;
    TraceEvent second = step(TraceEvent::Kind::RetryAttempt, QStringLiteral("retry[1]"), 3'000, 0);
    second.attempt = 2;
    second.delayMs = 1;
    TraceEvent weu = eus;
    weu.startUs = 4'000;
    weu.attempt = 2;
    weu.backend = QStringLiteral("weu");
    weu.url = QStringLiteral("https://hello-weu.azurewebsites.net/api/Hello");
    weu.status = 200;
    t.events = {section, lookup, retry, first, eus, store, second, weu};
    return TraceRecording::toJsonLines({t});
}

int rowWithDetail(const TraceEventModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, TraceEventModel::DetailColumn)).toString().contains(text))
            return row;
    }
    return -1;
}

} // namespace

class tst_TraceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsRetryAttemptsOfARecordedTrace()
    {
        const TraceRecording::ReadResult read
                = TraceRecording::fromJsonLines(recordedRun(), QStringLiteral("run.jsonl"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        TraceBuffer buffer(100, 3'600'000);
        TraceView view;
        QAbstractItemModelTester tester(view.eventModel());
        view.resize(900, 600);
        view.show();
        view.setTraceBuffer(&buffer);
        buffer.append(read.traces.first());
        buffer.flush();
        QCOMPARE(view.traceModel()->rowCount(), 1);
        // Following the newest request selects it and shows its steps.
        const TraceEventModel *steps = view.eventModel();
        QCOMPARE(steps->rowCount(), 8);
        QVERIFY(rowWithDetail(steps, QStringLiteral("attempt 1 after 0 ms")) >= 0);
        QVERIFY(rowWithDetail(steps, QStringLiteral("attempt 2 after 1 ms")) >= 0);
        const int eus = rowWithDetail(steps, QStringLiteral("404 from eus · "));
        const int weu = rowWithDetail(steps, QStringLiteral("200 from weu · "));
        QVERIFY(eus >= 0 && weu > eus);
        QVERIFY(rowWithDetail(steps, QStringLiteral("is-eus-down-cache-key not found")) >= 0);
        QVERIFY(rowWithDetail(steps, QStringLiteral("is-eus-down-cache-key = True for 10 s")) >= 0);
        QVERIFY(steps->data(steps->index(eus, 0), TraceEventModel::FailedRole).toBool());
        // The forward took a fifth of the request: its bar covers that part of the timeline.
        QCOMPARE(steps->data(steps->index(eus, TraceEventModel::DurationColumn),
                             TraceEventModel::StartFractionRole)
                         .toDouble(),
                 0.03);
        QCOMPARE(steps->data(steps->index(eus, TraceEventModel::DurationColumn),
                             TraceEventModel::EndFractionRole)
                         .toDouble(),
                 0.23);
        QVERIFY(!view.grab().isNull());
    }

    void selectingAStepEmitsItsRange()
    {
        const TraceRecording::ReadResult read
                = TraceRecording::fromJsonLines(recordedRun(), QStringLiteral("run.jsonl"));
        TraceView view;
        view.show();
        view.showTrace(read.traces.first());
        QSignalSpy ranges(&view, &TraceView::sourceRangeSelected);
        QSignalSpy steps(&view, &TraceView::stepSelected);
        const int eus = rowWithDetail(view.eventModel(), QStringLiteral("404 from eus · "));
        QTableView *table = view.stepTable();
        const QRect cell = table->visualRect(table->model()->index(eus, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(steps.size(), 1);
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.at(0).at(0).value<PolicyScope>(), PolicyScope::Api);
        QCOMPARE(ranges.at(0).at(1).value<SourceRange>(), rangeAt(12));
        // A step without a place in the policy (a retry attempt marker) emits no range.
        const int attempt = rowWithDetail(view.eventModel(), QStringLiteral("attempt 2"));
        table->selectRow(attempt);
        QCOMPARE(steps.size(), 2);
        QCOMPARE(ranges.size(), 1);
    }
};

QTEST_MAIN(tst_TraceView)
#include "tst_traceview.moc"
