// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the gateway panel through the article's demo and saves a screenshot of it, so the panel
// can be looked at without clicking:
//   livepanelharness OUT.png [RIGHT-TAB [LEFT-TAB]]
// It runs a steady load on the East US front-end, knocks eus out with a 404 half-way and grabs the
// panel while the failover shows.
#include "engine/circuitbreaker.h"
#include "engine/valuecache.h"
#include "fakegateway.h"
#include "gatewaypanel.h"
#include "loadrunnerwidget.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: livepanelharness OUT.png [RIGHT-TAB [LEFT-TAB]]");
        return 2;
    }
    FakeGateway gateway;
    GatewayPanel panel;
    panel.resize(1500, 950);
    panel.setGateway(&gateway);
    panel.show();
    if (!panel.setRunning(true))
        return 1;
    panel.rightTabs()->setCurrentIndex(args.size() > 2 ? args.at(2).toInt() : 0);
    panel.leftTabs()->setCurrentIndex(args.size() > 3 ? args.at(3).toInt() : 0);
    panel.composer()->setRegion(QStringLiteral("East US"));
    panel.composer()->send();
    panel.loadRunner()->setDurationSeconds(8);
    panel.loadRunner()->setRatePerSecond(40);
    panel.loadRunner()->setConcurrency(4);
    panel.loadRunner()->start();
    QTest::qWait(4000);
    panel.mockWidgets().at(0)->setChoice(MockBackendWidget::Choice::Status);
    panel.mockWidgets().at(0)->setStatus(404);
    gateway.setAnswer(200, QStringLiteral("weu"));
    gateway.valueCache()->store(QStringLiteral("East US"),
                                QStringLiteral("is-eus-down-cache-key"),
                                true,
                                QStringLiteral("True"),
                                10'000);
    CircuitBreaker *breaker = gateway.circuitBreakers().at(0);
    for (int i = 0; i < 2; ++i) {
        breaker->tryAcquire();
        breaker->recordResult(503);
    }
    panel.composer()->send();
    QTest::qWait(3500);
    panel.grab().save(args.at(1));
    return 0;
}
