// SPDX-License-Identifier: GPL-3.0-or-later
// The article's step 2 in the panel, on the real gateway: the primary mock answers 404, requests
// sent from the composer fail over to weu, the outage is remembered in the cache for 10 s (no new
// eus hit meanwhile) and forgotten when the gateway's clock passes it.
#include "cacheview.h"
#include "engine/manualclock.h"
#include "gatewaypanel.h"
#include "live/cachemodel.h"
#include "live/requesthistorymodel.h"
#include "live/traceeventmodel.h"
#include "live/tracemodel.h"
#include "live/workspacegateway.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"
#include "traceview.h"
#include "workspace/workspaceserializer.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {

int rowWithDetail(const TraceEventModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, TraceEventModel::DetailColumn)).toString().contains(text))
            return row;
    }
    return -1;
}

// The forward that got status, whatever the engine names the backend.
int forwardWithStatus(const TraceEventModel *model, int status)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const TraceEvent &event = model->eventAt(row);
        if (event.kind == TraceEvent::Kind::Forward && event.status == status)
            return row;
    }
    return -1;
}

MockBackendWidget *mockWidget(const GatewayPanel &panel, const QString &name)
{
    for (MockBackendWidget *w : panel.mockWidgets()) {
        if (w->backend()->name() == name)
            return w;
    }
    return nullptr;
}

} // namespace

class tst_ArticleGateway : public QObject
{
    Q_OBJECT

private:
    static RequestHistoryModel::Entry sendHello(GatewayPanel &panel)
    {
        QSignalSpy finished(panel.composer(), &RequestComposer::requestFinished);
        panel.composer()->setRegion(QStringLiteral("East US"));
        panel.composer()->setPath(QStringLiteral("/hello"));
        if (!panel.composer()->send() || !finished.wait(10000))
            return {};
        return finished.at(0).at(0).value<RequestHistoryModel::Entry>();
    }

private Q_SLOTS:
    void failoverCacheAndHitCounters()
    {
        WorkspaceLoadResult loaded = WorkspaceSerializer::load(
                QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"));
        QVERIFY(loaded.ok());
        for (Workspace::Region &region : loaded.workspace.regions)
            region.port = 0;
        for (Workspace::MockBackend &mock : loaded.workspace.mocks)
            mock.port = 0;
        ManualClock clock(1'000'000);
        Gateway::Options options;
        options.clock = &clock;
        options.workerCount = 1;
        WorkspaceGateway gateway(loaded.workspace, options);
        GatewayPanel panel;
        panel.resize(1400, 900);
        panel.show();
        panel.setGateway(&gateway);
        QVERIFY(panel.setRunning(true));
        QCOMPARE(gateway.frontends().size(), 2);

        MockBackendWidget *eus = mockWidget(panel, QStringLiteral("eus"));
        MockBackendWidget *weu = mockWidget(panel, QStringLiteral("weu"));
        QVERIFY(eus && weu);
        eus->setChoice(MockBackendWidget::Choice::Status);
        eus->setStatus(404);

        // First call: eus 404, the retry's second attempt reaches weu; the outage is cached.
        RequestHistoryModel::Entry first = sendHello(panel);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.servedBy, QStringLiteral("weu"));
        QTRY_COMPARE(eus->backend()->hits().total, quint64(1));
        QCOMPARE(weu->backend()->hits().total, quint64(1));
        QTRY_VERIFY(eus->hitsText().contains(u"1 hit"));
        QTRY_COMPARE(panel.traceView()->traceModel()->rowCount(), 1);
        const TraceEventModel *steps = panel.traceView()->eventModel();
        QTRY_VERIFY(steps->rowCount() > 0);
        QVERIFY(rowWithDetail(steps, QStringLiteral("attempt 2")) >= 0);
        const int failed = forwardWithStatus(steps, 404);
        const int served = forwardWithStatus(steps, 200);
        QVERIFY(failed >= 0 && served > failed);
        QVERIFY(steps->eventAt(failed).url.contains(u"hello-eus"));
        QVERIFY(steps->eventAt(served).url.contains(u"hello-weu"));
        QVERIFY(rowWithDetail(steps, QStringLiteral("is-eus-down-cache-key = ")) >= 0);
        const QAbstractItemModel *cache = panel.cacheView()->tableView()->model();
        QTRY_COMPARE(cache->rowCount(), 1);
        QCOMPARE(cache->data(cache->index(0, CacheModel::KeyColumn)).toString(),
                 QStringLiteral("is-eus-down-cache-key"));
        QCOMPARE(cache->data(cache->index(0, CacheModel::RegionColumn)).toString(),
                 QStringLiteral("East US"));

        // Within the 10 s the cached outage keeps eus out of it: no new eus hit.
        RequestHistoryModel::Entry second = sendHello(panel);
        QTRY_COMPARE(panel.traceView()->traceModel()->rowCount(), 2);
        QTRY_VERIFY(rowWithDetail(steps, QStringLiteral("is-eus-down-cache-key = ")) >= 0);
        QCOMPARE(forwardWithStatus(steps, 404), -1);
        QCOMPARE(eus->backend()->hits().total, quint64(1));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.servedBy, QStringLiteral("weu"));

        // The gateway's clock passes the 10 s: the key leaves the cache view; eus is tried again.
        clock.advance(10'001);
        QTRY_COMPARE_WITH_TIMEOUT(cache->rowCount(), 0, 10000);
        sendHello(panel);
        QTRY_COMPARE(eus->backend()->hits().total, quint64(2));
        QCOMPARE(panel.composer()->history()->rowCount(), 3);

        panel.setRunning(false);
        QVERIFY(!gateway.isRunning());
        QVERIFY(panel.mockWidgets().isEmpty());
    }
};

QTEST_MAIN(tst_ArticleGateway)
#include "tst_articlegateway.moc"
