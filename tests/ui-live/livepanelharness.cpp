// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the gateway panel through the article's demo and saves a screenshot of it, so the panel
// can be looked at without clicking:
//   livepanelharness OUT.png [RIGHT-TAB [LEFT-TAB [WORKSPACE.apimws]]]
// It runs a steady load on the East US front-end, knocks eus out with a 404 half-way and grabs the
// panel while the failover shows. With a workspace it runs the real gateway on it (ports chosen
// freely); without, a stand-in that only answers.
#include "engine/circuitbreaker.h"
#include "engine/valuecache.h"
#include "fakegateway.h"
#include "gatewaypanel.h"
#include "live/workspacegateway.h"
#include "loadrunnerwidget.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"
#include "workspace/workspaceserializer.h"

#include <QApplication>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace {

std::unique_ptr<LiveGateway> makeGateway(const QString &workspacePath)
{
    if (workspacePath.isEmpty())
        return std::make_unique<FakeGateway>();
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(workspacePath);
    if (!loaded.ok())
        return nullptr;
    for (Workspace::Region &region : loaded.workspace.regions)
        region.port = 0;
    for (Workspace::MockBackend &mock : loaded.workspace.mocks)
        mock.port = 0;
    return std::make_unique<WorkspaceGateway>(loaded.workspace);
}

// The stand-in cannot run policies: make it look like the failover happened.
void fakeTheFailover(FakeGateway &gateway)
{
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
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: livepanelharness OUT.png [RIGHT-TAB [LEFT-TAB [WORKSPACE.apimws]]]");
        return 2;
    }
    std::unique_ptr<LiveGateway> gateway = makeGateway(args.value(4));
    if (!gateway) {
        qWarning("cannot load %s", qPrintable(args.value(4)));
        return 1;
    }
    GatewayPanel panel;
    panel.resize(1500, 950);
    panel.setGateway(gateway.get());
    panel.show();
    if (!panel.setRunning(true))
        return 1;
    panel.rightTabs()->setCurrentIndex(args.value(2).toInt());
    panel.leftTabs()->setCurrentIndex(args.value(3).toInt());
    panel.composer()->setRegion(QStringLiteral("East US"));
    panel.composer()->send();
    panel.loadRunner()->setDurationSeconds(8);
    panel.loadRunner()->setRatePerSecond(40);
    panel.loadRunner()->setConcurrency(4);
    panel.loadRunner()->start();
    QTest::qWait(4000);
    for (MockBackendWidget *mock : panel.mockWidgets()) {
        if (mock->backend()->name() == u"eus") {
            mock->setChoice(MockBackendWidget::Choice::Status);
            mock->setStatus(404);
        }
    }
    if (auto *fake = qobject_cast<FakeGateway *>(gateway.get()))
        fakeTheFailover(*fake);
    panel.composer()->send();
    QTest::qWait(3500);
    panel.grab().save(args.at(1));
    return 0;
}
