// SPDX-License-Identifier: GPL-3.0-or-later
// Puts the designer window into the state the README shows, so it can be looked at under Xvfb
// (import -window root) without clicking:
//   designerharness WORKSPACE.apimws SECONDS [operation]
// Runs the workspace's real gateway (ports chosen freely), knocks eus out with a 404, sends one
// request so the diagram shows its path, hides the bottom docks to give the diagram room, and with
// "operation" opens the operation's policy with its inbound <base/> expanded. Then stays open for
// SECONDS.
#include "workspace/workspaceserializer.h"

#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "gatewaypanel.h"
#include "mainwindow.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"
#include "workspacenavigator.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        qWarning("usage: designerharness WORKSPACE.apimws SECONDS [operation]");
        return 2;
    }
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(args.at(1));
    if (!loaded.ok() || loaded.workspace.apis.isEmpty())
        return 1;
    for (Workspace::Region &region : loaded.workspace.regions)
        region.port = 0;
    QTemporaryDir dir;
    const QString copy = dir.filePath(QFileInfo(args.at(1)).fileName());
    if (!WorkspaceSerializer::save(loaded.workspace, copy).isEmpty())
        return 1;

    KSyntaxHighlighting::Repository repository;
    MainWindow window(repository);
    window.resize(1600, 1000);
    window.show();
    if (!window.openFile(copy) || !window.gatewayPanel()->setRunning(true))
        return 1;
    for (MockBackendWidget *mock : window.gatewayPanel()->mockWidgets()) {
        if (mock->backend()->name() == u"eus") {
            mock->setChoice(MockBackendWidget::Choice::Status);
            mock->setStatus(404);
        }
    }
    window.gatewayPanel()->composer()->setRegion(QStringLiteral("East US"));
    window.gatewayPanel()->composer()->send();
    QTest::qWait(1500);
    if (args.value(3) == u"operation") {
        const Workspace::Api &api = loaded.workspace.apis.first();
        if (!api.operations.isEmpty())
            window.navigator()->selectScope(
                    WorkspaceScope::operation(api.id, api.operations.first().id));
        qsizetype base = -1;
        if (FlowNodeItem *inbound = window.diagramScene()->section(QStringLiteral("inbound"))) {
            for (const FlowNodeItem *node : inbound->childNodes()) {
                if (node->kind() == FlowNodeItem::Kind::Base)
                    base = node->range().begin.offset;
            }
        }
        // Expanding rebuilds the diagram: not while walking its nodes.
        if (base >= 0)
            window.diagramScene()->setExpandedAt(base, true);
    }
    // Room for the diagram: the trace it shows stays selected with the bottom docks hidden.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (window.dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
            dock->hide();
    }
    QTest::qWait(200);
    window.diagramView()->fitToWindow();
    // Otherwise show the backend's retry with its attempt count.
    for (FlowNodeItem *node : window.diagramScene()->nodes()) {
        if (args.value(3) != u"operation" && node->kind() == FlowNodeItem::Kind::Retry)
            window.diagramView()->centerOn(node);
    }
    QTest::qWait(args.at(2).toInt() * 1000);
    window.gatewayPanel()->setRunning(false);
    return 0;
}
