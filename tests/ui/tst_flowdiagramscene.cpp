// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "policy/policyparser.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

class tst_FlowDiagramScene final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sectionsHoldTheirPoliciesInOrder_data();
    void sectionsHoldTheirPoliciesInOrder();
    void retryNestsChooseWhenAndPolicies();
    void nodeAtFindsTheInnermostElement();
    void selectingANodeReportsItsRange();
    void selectNodeAtDoesNotReportBack();
    void fragmentIsDrawnAsOneContainer();
    void exportsPngAndSvg();
    void zoomsWithActionsAndCtrlWheel();
    void corpusDiagramsAreConsistent_data();
    void corpusDiagramsAreConsistent();

private:
    static QStringList titles(const QList<FlowNodeItem *> &nodes);

    QString m_text;
    PolicyDocument m_document;
};

QStringList tst_FlowDiagramScene::titles(const QList<FlowNodeItem *> &nodes)
{
    QStringList result;
    for (const FlowNodeItem *node : nodes)
        result.append(node->elementName());
    return result;
}

void tst_FlowDiagramScene::initTestCase()
{
    QFile file(QStringLiteral(APIM_SHARED_DIR "/seed/01-retry-failover-api.xml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_text = QString::fromUtf8(file.readAll());
    const PolicyParseResult result = PolicyParser::parse(m_text);
    QVERIFY(result.ok());
    m_document = result.document;
}

void tst_FlowDiagramScene::sectionsHoldTheirPoliciesInOrder_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("policies");
    QTest::newRow("inbound") << "inbound" << QStringList{"base", "set-backend-service"};
    QTest::newRow("backend") << "backend" << QStringList{"retry"};
    QTest::newRow("outbound") << "outbound" << QStringList{"base"};
    QTest::newRow("on-error") << "on-error" << QStringList{"base"};
}

void tst_FlowDiagramScene::sectionsHoldTheirPoliciesInOrder()
{
    QFETCH(QString, section);
    QFETCH(QStringList, policies);
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    const FlowNodeItem *item = scene.section(section);
    QVERIFY(item);
    QCOMPARE(item->kind(), FlowNodeItem::Kind::Section);
    QCOMPARE(titles(item->childNodes()), policies);
    QCOMPARE(item->range(), m_document.section(section)->range);
}

void tst_FlowDiagramScene::retryNestsChooseWhenAndPolicies()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    const FlowNodeItem *retry = scene.section(QStringLiteral("backend"))->childNodes().value(0);
    QVERIFY(retry);
    QCOMPARE(retry->kind(), FlowNodeItem::Kind::Retry);
    QVERIFY(retry->details().contains(QStringLiteral("count: 1")));
    QVERIFY(retry->details().join(u'\n').contains(u"context.Response.StatusCode == 404"));
    QCOMPARE(titles(retry->childNodes()), (QStringList{"choose", "forward-request"}));

    const FlowNodeItem *choose = retry->childNodes().at(0);
    QCOMPARE(choose->kind(), FlowNodeItem::Kind::Choose);
    QCOMPARE(titles(choose->childNodes()), QStringList{"when"});
    const FlowNodeItem *when = choose->childNodes().at(0);
    QCOMPARE(when->kind(), FlowNodeItem::Kind::Branch);
    QVERIFY(when->details().value(0).contains(u"context.Response != null"));
    QCOMPARE(titles(when->childNodes()), QStringList{"set-backend-service"});
    QVERIFY(when->childNodes().at(0)->details().contains(
            QStringLiteral("base-url: {{weu-backend-url}}")));

    // Nested items are drawn inside their containers.
    const QList<const FlowNodeItem *> nested = {choose, when, when->childNodes().at(0)};
    for (const FlowNodeItem *inner : nested) {
        const FlowNodeItem *outer = static_cast<const FlowNodeItem *>(inner->parentItem());
        QVERIFY(outer->sceneBoundingRect().contains(inner->sceneBoundingRect()));
    }
    const FlowNodeItem *forward = retry->childNodes().at(1);
    QVERIFY(forward->sceneBoundingRect().top() > choose->sceneBoundingRect().bottom());
}

void tst_FlowDiagramScene::nodeAtFindsTheInnermostElement()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    const qsizetype weu = m_text.indexOf(u"{{weu-backend-url}}");
    const FlowNodeItem *node = scene.nodeAt(weu);
    QVERIFY(node);
    QCOMPARE(node->elementName(), QStringLiteral("set-backend-service"));
    QCOMPARE(static_cast<const FlowNodeItem *>(node->parentItem())->elementName(),
             QStringLiteral("when"));
    QCOMPARE(scene.nodeAt(m_text.indexOf(u"count=\""))->elementName(), QStringLiteral("retry"));
    QCOMPARE(scene.nodeAt(0), nullptr); // the leading comment is no policy
}

void tst_FlowDiagramScene::selectingANodeReportsItsRange()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    QList<SourceRange> reported;
    connect(&scene, &FlowDiagramScene::nodeActivated, this, [&reported](const SourceRange &r) {
        reported.append(r);
    });
    FlowNodeItem *forward = scene.nodeAt(m_text.indexOf(u"<forward-request"));
    forward->setSelected(true);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(m_text.mid(reported.at(0).begin.offset, reported.at(0).length()),
             QStringLiteral("<forward-request buffer-request-body=\"true\" />"));
}

void tst_FlowDiagramScene::selectNodeAtDoesNotReportBack()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    int reports = 0;
    connect(&scene, &FlowDiagramScene::nodeActivated, this, [&reports] { ++reports; });
    scene.selectNodeAt(m_text.indexOf(u"<forward-request"));
    QVERIFY(scene.selectedNode());
    QCOMPARE(scene.selectedNode()->elementName(), QStringLiteral("forward-request"));
    scene.selectNodeAt(0);
    QCOMPARE(scene.selectedNode(), nullptr);
    QCOMPARE(reports, 0);
}

void tst_FlowDiagramScene::fragmentIsDrawnAsOneContainer()
{
    const PolicyParseResult result = PolicyParser::parse(
            QStringLiteral("<fragment>\n  <set-variable name=\"a\" value=\"1\" />\n"
                           "  <retry count=\"2\" interval=\"1\" condition=\"@(true)\">"
                           "<forward-request /></retry>\n</fragment>"));
    QVERIFY(result.ok());
    FlowDiagramScene scene;
    scene.setPolicyDocument(result.document);
    const FlowNodeItem *fragment = scene.section(QStringLiteral("fragment"));
    QVERIFY(fragment);
    QCOMPARE(titles(fragment->childNodes()), (QStringList{"set-variable", "retry"}));
    QVERIFY(fragment->childNodes().at(1)->details().contains(QStringLiteral("count: 2")));
}

void tst_FlowDiagramScene::exportsPngAndSvg()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    FlowDiagramView view(&scene);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("flow.png"));
    QVERIFY(view.exportPng(png));
    const QImage image(png);
    QVERIFY(image.width() > scene.itemsBoundingRect().width());
    const QString svg = dir.filePath(QStringLiteral("flow.svg"));
    QVERIFY(view.exportSvg(svg));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray content = svgFile.readAll();
    QVERIFY(content.contains("<svg"));
    QVERIFY(content.contains("forward-request"));
    QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/dir/flow.png"))));
}

void tst_FlowDiagramScene::zoomsWithActionsAndCtrlWheel()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    FlowDiagramView view(&scene);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.resetZoom();
    QCOMPARE(view.zoom(), 1.0);
    view.zoomIn();
    QVERIFY(view.zoom() > 1.0);
    view.zoomOut();
    QVERIFY(qFuzzyCompare(view.zoom(), 1.0));

    const QPointF at(100, 100);
    QWheelEvent wheel(at,
                      view.viewport()->mapToGlobal(at),
                      {},
                      QPoint(0, -240),
                      Qt::NoButton,
                      Qt::ControlModifier,
                      Qt::NoScrollPhase,
                      false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoom() < 0.8);

    // Fitting makes the whole width visible in a narrow view, with a floor for legibility.
    view.fitToWindow();
    const qreal fitted = view.zoom();
    QVERIFY(fitted >= 0.5 && fitted < 1.0);
    view.resize(4000, 3000);
    QTRY_COMPARE(view.zoom(), 1.0); // keeps fitting on resize, never above actual size
}

void tst_FlowDiagramScene::corpusDiagramsAreConsistent_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir corpus(QStringLiteral(APIM_SHARED_DIR "/policies"));
    for (const QString &file : corpus.entryList({QStringLiteral("*.xml")}, QDir::Files))
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

// Every node is found again from its own start offset (the editor-to-diagram direction) and is
// drawn inside its container.
void tst_FlowDiagramScene::corpusDiagramsAreConsistent()
{
    QFETCH(QString, fileName);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const PolicyParseResult result = PolicyParser::parse(file.readAll(), fileName);
    QVERIFY(result.ok());
    FlowDiagramScene scene;
    scene.setPolicyDocument(result.document);
    QVERIFY(!scene.nodes().isEmpty());
    for (FlowNodeItem *node : scene.nodes()) {
        if (node->range().isValid())
            QCOMPARE(scene.nodeAt(node->range().begin.offset), node);
        if (const QGraphicsItem *parent = node->parentItem())
            QVERIFY(parent->sceneBoundingRect().contains(node->sceneBoundingRect()));
        QVERIFY(node->boundingRect().width() > 0 && node->boundingRect().height() > 0);
    }
}

QTEST_MAIN(tst_FlowDiagramScene)
#include "tst_flowdiagramscene.moc"
