// SPDX-License-Identifier: GPL-3.0-or-later
// The path of a request on the flow diagram, in the designer window on the article's step-2
// workspace and its real gateway: the primary backend answers 404, the retry makes a second
// attempt through the branch that switches to weu; the diagram outlines what ran, badges the
// retry "2 attempts", dims the untaken branches, and selecting a step of the operation's policy
// switches the editor and the diagram to that scope.
#include "workspace/workspaceserializer.h"

#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "flownodeitem.h"
#include "gatewaypanel.h"
#include "live/traceeventmodel.h"
#include "live/tracemodel.h"
#include "mainwindow.h"
#include "mockbackendwidget.h"
#include "policyeditor.h"
#include "requestcomposer.h"
#include "traceview.h"
#include "workspacenavigator.h"

#include <KSyntaxHighlighting/Repository>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>

using namespace std::chrono_literals;
using State = FlowNodeItem::TraceState;

namespace {

// The nodes named elementName, in diagram order, inside section.
QList<FlowNodeItem *> nodesIn(const FlowDiagramScene *scene,
                              const QString &section,
                              const QString &elementName)
{
    QList<FlowNodeItem *> found;
    const std::function<void(FlowNodeItem *)> walk = [&](FlowNodeItem *node) {
        if (node->elementName() == elementName)
            found.append(node);
        for (FlowNodeItem *child : node->childNodes())
            walk(child);
    };
    if (FlowNodeItem *sectionNode = scene->section(section))
        walk(sectionNode);
    return found;
}

} // namespace

class tst_RequestPath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_requestpath"));
    }

    void failoverPathOnTheDiagram()
    {
        // The bundled workspace listens on fixed ports: a copy on ephemeral ones.
        WorkspaceLoadResult loaded = WorkspaceSerializer::load(
                QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"));
        QVERIFY(loaded.ok());
        for (Workspace::Region &region : loaded.workspace.regions)
            region.port = 0;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("step2.apimws"));
        QCOMPARE(WorkspaceSerializer::save(loaded.workspace, path), QString());

        KSyntaxHighlighting::Repository repository;
        MainWindow window(repository);
        window.resize(1500, 950);
        window.analyzer()->setDelay(20ms);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        GatewayPanel *panel = window.gatewayPanel();
        QVERIFY(panel->setRunning(true));
        MockBackendWidget *eus = nullptr;
        for (MockBackendWidget *mock : panel->mockWidgets()) {
            if (mock->backend()->name() == u"eus")
                eus = mock;
        }
        QVERIFY(eus);
        eus->setChoice(MockBackendWidget::Choice::Status);
        eus->setStatus(404);

        QSignalSpy finished(panel->composer(), &RequestComposer::requestFinished);
        panel->composer()->setRegion(QStringLiteral("East US"));
        panel->composer()->setPath(QStringLiteral("/hello"));
        QVERIFY(panel->composer()->send());
        QVERIFY(finished.wait(10000));
        const TraceEventModel *steps = panel->traceView()->eventModel();
        QTRY_VERIFY(steps->rowCount() > 0);

        // The API's diagram: the retry ran twice, the first branch of its choose was taken.
        const FlowDiagramScene *scene = window.diagramScene();
        const QList<FlowNodeItem *> retries
                = nodesIn(scene, QStringLiteral("backend"), QStringLiteral("retry"));
        QCOMPARE(retries.size(), 1);
        QTRY_COMPARE(retries.first()->badge(), QStringLiteral("2 attempts"));
        QCOMPARE(retries.first()->traceState(), State::Taken);
        const QList<FlowNodeItem *> backendChoices
                = nodesIn(scene, QStringLiteral("backend"), QStringLiteral("choose"));
        QCOMPARE(backendChoices.size(), 1);
        const QList<FlowNodeItem *> branches = backendChoices.first()->childNodes();
        QCOMPARE(branches.size(), 2);
        QCOMPARE(branches.at(0)->traceState(), State::Taken);
        QCOMPARE(branches.at(1)->traceState(), State::Skipped);
        QVERIFY(branches.at(1)->opacity() < 1.0);
        QCOMPARE(nodesIn(scene, QStringLiteral("backend"), QStringLiteral("forward-request"))
                         .first()
                         ->traceState(),
                 State::Taken);
        // Inbound: eus was not known to be down, so neither choose took a branch.
        const QList<FlowNodeItem *> inboundChoices
                = nodesIn(scene, QStringLiteral("inbound"), QStringLiteral("choose"));
        QCOMPARE(inboundChoices.size(), 2);
        for (const FlowNodeItem *choose : inboundChoices) {
            QCOMPARE(choose->traceState(), State::Taken);
            QCOMPARE(choose->childNodes().first()->traceState(), State::Skipped);
        }
        // Outbound: weu answered, so the second branch removed its outage key.
        const QList<FlowNodeItem *> outboundBranches
                = nodesIn(scene, QStringLiteral("outbound"), QStringLiteral("choose"))
                          .first()
                          ->childNodes();
        QCOMPARE(outboundBranches.at(0)->traceState(), State::Skipped);
        QCOMPARE(outboundBranches.at(1)->traceState(), State::Taken);
        QCOMPARE(scene->section(QStringLiteral("on-error"))->traceState(), State::Skipped);

        // Selecting the operation's set-method step opens the operation's policy.
        int row = -1;
        for (int r = 0; r < steps->rowCount(); ++r) {
            if (steps->eventAt(r).policy == u"set-method")
                row = r;
        }
        QVERIFY(row >= 0);
        QCOMPARE(steps->eventAt(row).scope, PolicyScope::Operation);
        QTableView *stepTable = panel->traceView()->stepTable();
        const QModelIndex index = steps->index(row, 0);
        stepTable->scrollTo(index);
        QTest::mouseClick(
                stepTable->viewport(), Qt::LeftButton, {}, stepTable->visualRect(index).center());
        QTRY_COMPARE(
                window.navigator()->currentScope(),
                WorkspaceScope::operation(QStringLiteral("hello"), QStringLiteral("get-hello")));
        QCOMPARE(window.editor()->textCursor().selectedText(),
                 QStringLiteral("<set-method>GET</set-method>"));
        QVERIFY(scene->selectedNode());
        QCOMPARE(scene->selectedNode()->elementName(), QStringLiteral("set-method"));
        QCOMPARE(scene->selectedNode()->traceState(), State::Taken);
        // Its <base/> stands for the API's policies, which ran.
        FlowNodeItem *base
                = nodesIn(scene, QStringLiteral("inbound"), QStringLiteral("base")).first();
        QCOMPARE(base->traceState(), State::Taken);

        // Expanded, the API's policies inside it show the same path.
        const_cast<FlowDiagramScene *>(scene)->setExpandedAt(base->range().begin.offset, true);
        const QList<FlowNodeItem *> inherited
                = nodesIn(scene, QStringLiteral("inbound"), QStringLiteral("choose"));
        QCOMPARE(inherited.size(), 2);
        QCOMPARE(inherited.first()->origin().scope, PolicyScope::Api);
        QCOMPARE(inherited.first()->traceState(), State::Taken);
        QCOMPARE(inherited.first()->childNodes().first()->traceState(), State::Skipped);
        QCOMPARE(nodesIn(scene, QStringLiteral("inbound"), QStringLiteral("set-variable"))
                         .first()
                         ->traceState(),
                 State::Taken);

        panel->setRunning(false);
        window.editor()->document()->setModified(false);
    }
};

QTEST_MAIN(tst_RequestPath)
#include "tst_requestpath.moc"
