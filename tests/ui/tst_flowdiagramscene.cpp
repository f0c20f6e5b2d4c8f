// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "policy/policyparser.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
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
    void updateDrawsWhatABuildDraws_data();
    void updateDrawsWhatABuildDraws();
    void keystrokeKeepsItemsAndSelection();
    void insertionAddsOneItem();

private:
    static QStringList titles(const QList<FlowNodeItem *> &nodes);
    // Everything a node shows and where, one line per node.
    static QStringList drawing(const FlowDiagramScene &scene);
    // m_text with replacement instead of the first occurrence of what.
    QString edited(const QString &what, const QString &replacement) const;

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

QStringList tst_FlowDiagramScene::drawing(const FlowDiagramScene &scene)
{
    QStringList lines;
    for (const FlowNodeItem *node : scene.nodes()) {
        const QRectF box = node->sceneBoundingRect();
        const SourceRange range = node->range();
        lines.append(QStringLiteral("%1 %2 %3 [%4] %5:%6-%7 %8 (%9,%10 %11x%12) %13 children")
                             .arg(int(node->kind()))
                             .arg(node->elementName(), node->title(), node->details().join(u'|'))
                             .arg(range.begin.line)
                             .arg(range.begin.column)
                             .arg(range.end.offset)
                             .arg(node->toolTip())
                             .arg(box.x())
                             .arg(box.y())
                             .arg(box.width())
                             .arg(box.height())
                             .arg(node->childNodes().size()));
    }
    const QRectF rect = scene.sceneRect();
    lines.append(QStringLiteral("scene %1,%2 %3x%4")
                         .arg(rect.x())
                         .arg(rect.y())
                         .arg(rect.width())
                         .arg(rect.height()));
    return lines;
}

QString tst_FlowDiagramScene::edited(const QString &what, const QString &replacement) const
{
    const qsizetype at = m_text.indexOf(what);
    return at < 0 ? QString() : QString(m_text).replace(at, what.size(), replacement);
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

void tst_FlowDiagramScene::updateDrawsWhatABuildDraws_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("replacement");
    QTest::newRow("keystroke in a value") << "weu-backend"
                                          << "weux-backend";
    QTest::newRow("keystroke in a condition") << "StatusCode == 404)\">"
                                              << "StatusCode == 4040)\">";
    QTest::newRow("longer condition")
            << "context.Response != null"
            << "context.Response != null && context.Request.Method == \"GET\"";
    QTest::newRow("policy inserted") << "<base />\n        <set-backend"
                                     << "<base />\n        <set-header name=\"a\" />\n        "
                                        "<set-backend";
    QTest::newRow("policy removed") << "<forward-request buffer-request-body=\"true\" />"
                                    << "";
    QTest::newRow("branch added") << "</when>\n"
                                  << "</when>\n<otherwise><forward-request /></otherwise>\n";
    QTest::newRow("policy becomes a container") << "<set-backend-service base-url=\"{{eus"
                                                << "<retry count=\"2\" interval=\"1\" "
                                                   "condition=\"@(true)\" /><x base-url=\"{{eus";
    QTest::newRow("section removed") << "<outbound>\n        <base />\n    </outbound>"
                                     << "";
    QTest::newRow("emptied")
            << "<base />\n        <set-backend-service base-url=\"{{eus-backend-url}}\" />"
            << "";
    QTest::newRow("fragment") << "<policies>"
                              << "<fragment><set-variable name=\"a\" value=\"1\" "
                                 "/></fragment><!--";
}

// The update of a scene that showed the seed policy draws what a scene built for the edited
// text draws.
void tst_FlowDiagramScene::updateDrawsWhatABuildDraws()
{
    QFETCH(QString, what);
    QFETCH(QString, replacement);
    QString text = edited(what, replacement);
    QVERIFY(!text.isEmpty());
    if (QTest::currentDataTag() == QLatin1String("fragment"))
        text.replace(QStringLiteral("</policies>"), QStringLiteral("-->"));
    const PolicyParseResult result = PolicyParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(text));
    FlowDiagramScene updated;
    updated.setPolicyDocument(m_document);
    updated.setPolicyDocument(result.document);
    FlowDiagramScene built;
    built.setPolicyDocument(result.document);
    QCOMPARE(drawing(updated), drawing(built));
    // And back.
    updated.setPolicyDocument(m_document);
    built.setPolicyDocument(m_document);
    FlowDiagramScene original;
    original.setPolicyDocument(m_document);
    QCOMPARE(drawing(updated), drawing(original));
}

void tst_FlowDiagramScene::keystrokeKeepsItemsAndSelection()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    const QList<FlowNodeItem *> before = scene.nodes();
    FlowNodeItem *forward = scene.nodeAt(m_text.indexOf(u"<forward-request"));
    QVERIFY(forward);
    forward->setSelected(true);
    int reports = 0;
    connect(&scene, &FlowDiagramScene::nodeActivated, this, [&reports] { ++reports; });
    QSignalSpy rebuilt(&scene, &FlowDiagramScene::rebuilt);

    const QString text = edited(QStringLiteral("weu-backend"), QStringLiteral("weux-backend"));
    const PolicyParseResult result = PolicyParser::parse(text);
    QVERIFY(result.ok());
    scene.setPolicyDocument(result.document);
    QCOMPARE(rebuilt.size(), 1);
    QCOMPARE(scene.nodes(), before);
    QCOMPARE(scene.selectedNode(), forward);
    QCOMPARE(reports, 0);
    // The nodes after the keystroke moved by one character.
    QCOMPARE(forward->range().begin.offset, text.indexOf(u"<forward-request"));
    const FlowNodeItem *changed = scene.nodeAt(text.indexOf(u"weux"));
    QVERIFY(changed->details().contains(QStringLiteral("base-url: {{weux-backend-url}}")));
    QVERIFY(changed->toolTip().contains(u"weux"));
}

void tst_FlowDiagramScene::insertionAddsOneItem()
{
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_document);
    const QList<FlowNodeItem *> before = scene.nodes();
    const PolicyParseResult result = PolicyParser::parse(
            edited(QStringLiteral("<forward-request"),
                   QStringLiteral("<set-header name=\"a\" />\n<forward-request")));
    QVERIFY(result.ok());
    scene.setPolicyDocument(result.document);
    QCOMPARE(scene.nodes().size(), before.size() + 1);
    for (FlowNodeItem *node : before)
        QVERIFY(scene.nodes().contains(node));
    QCOMPARE(titles(scene.section(QStringLiteral("backend"))->childNodes().first()->childNodes()),
             (QStringList{"choose", "set-header", "forward-request"}));
}

QTEST_MAIN(tst_FlowDiagramScene)
#include "tst_flowdiagramscene.moc"
