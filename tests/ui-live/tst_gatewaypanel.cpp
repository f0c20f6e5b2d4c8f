// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakerview.h"
#include "cacheview.h"
#include "fakegateway.h"
#include "gatewaypanel.h"
#include "live/cachemodel.h"
#include "live/requesthistorymodel.h"
#include "live/tracemodel.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"
#include "traceview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class tst_GatewayPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startSendWatchStop()
    {
        FakeGateway gateway;
        GatewayPanel panel;
        panel.resize(1400, 900);
        panel.show();
        panel.setGateway(&gateway);
        QVERIFY(panel.mockWidgets().isEmpty());
        QVERIFY(!panel.composer()->send());

        auto *startStop = panel.findChild<QPushButton *>();
        QCOMPARE(startStop->text(), QStringLiteral("Start gateway"));
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(gateway.isRunning());
        QCOMPARE(startStop->text(), QStringLiteral("Stop gateway"));
        QCOMPARE(panel.mockWidgets().size(), 2);
        QVERIFY(panel.cacheView()->model());

        QAbstractItemModelTester tester(panel.composer()->history());
        panel.composer()->setRegion(QStringLiteral("West Europe"));
        panel.composer()->setPath(QStringLiteral("/hello"));
        panel.composer()->setHeaders(QStringLiteral("Ocp-Apim-Trace: true"));
        QSignalSpy finished(panel.composer(), &RequestComposer::requestFinished);
        QVERIFY(panel.composer()->send());
        QVERIFY(finished.wait(10000));
        const RequestHistoryModel *history = panel.composer()->history();
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->entryAt(0).status, 200);
        QCOMPARE(history->entryAt(0).servedBy, QStringLiteral("weu"));
        QCOMPARE(history->entryAt(0).region, QStringLiteral("West Europe"));
        QTRY_COMPARE(panel.traceView()->traceModel()->rowCount(), 1);
        QCOMPARE(panel.traceView()->traceModel()->traceAt(0).region, QStringLiteral("West Europe"));

        // An edit waits for the next request, then shows as applied.
        Q_EMIT gateway.policiesChanged();
        QVERIFY(panel.applyStateText().contains(u"applies on the next request"));
        QVERIFY(panel.composer()->send());
        QVERIFY(finished.wait(10000));
        QTRY_VERIFY(panel.applyStateText().contains(u"edits applied"));

        // Knocking out a mock in one click reaches the backend.
        MockBackendWidget *eus = panel.mockWidgets().at(0);
        eus->setChoice(MockBackendWidget::Choice::Status);
        eus->setStatus(404);
        QCOMPARE(eus->backend()->behaviour().mode, MockBackend::Mode::FixedStatus);
        QCOMPARE(eus->backend()->behaviour().status, 404);

        panel.setRunning(false);
        QVERIFY(!gateway.isRunning());
        QVERIFY(panel.mockWidgets().isEmpty());
        QVERIFY(!panel.cacheView()->model());
        QCOMPARE(panel.traceView()->traceModel()->rowCount(), 0);
    }

    void reportsAFailedStart()
    {
        GatewayPanel panel;
        QVERIFY(!panel.setRunning(true)); // no gateway
    }
};

QTEST_MAIN(tst_GatewayPanel)
#include "tst_gatewaypanel.moc"
