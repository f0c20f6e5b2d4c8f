// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagrameditcontroller.h"
#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "mainwindow.h"
#include "policyeditor.h"
#include "policypalette.h"
#include "policypropertypanel.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QComboBox>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;

// Editing on the diagram, through the real window: palette drops, node drags, the Delete key and
// the property panel each change only their element's text and are one Ctrl+Z away from undone.
class tst_DiagramEditing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dropFromPaletteInsertsIntoInbound();
    void dropWhereTheSchemaForbidsIsRefused();
    void draggingANodeReordersItsSection();
    void draggingANodeIntoABranch();
    void deleteKeyRemovesTheSelectedPolicy();
    void propertyPanelEditsAnAttribute();
    void propertyPanelComboSetsAnEnumValue();
    void propertyPanelShowsTheValidatorsMessage();
    void draggingAWhenReordersItsChoose();
    void branchesKeepOtherwiseLast();
    void dropAWhenFromThePalette();
    void dropIntoAMissingSection();
    void draggingBaseWithinItsSection();
    void dragANodeIntoAMissingSection();
    void propertyPanelEditsTheBody();
    void propertyPanelEditsTheMethod();
    void propertyPanelEditsHeaderValues();
    void propertyPanelOpensChildElements();

private:
    FlowNodeItem *node(const QString &section, int index) const;
    // Hover then drop mimeData at scenePos through the view, as a drag from the palette or the
    // diagram does; returns whether the hover was accepted.
    bool dragAndDrop(QMimeData *mimeData, const QPointF &scenePos);
    void select(FlowNodeItem *item);
    QString text() const { return m_window->editor()->toPlainText(); }
    void undoRestoresTheOriginal();
    void waitForAnalysis();
    // Opens a policy with a choose of three branches, a body and a header, and no outbound.
    void openBranchSample();
    FlowNodeItem *branch(int index) const;
    QPointF beside(const FlowNodeItem *item, qreal dx) const;

    QString m_seed = QStringLiteral(APIM_SHARED_DIR "/seed/01-retry-failover-api.xml");
    QString m_original;
    KSyntaxHighlighting::Repository m_repository;
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;
};

namespace {

const char *const branchSample = R"xml(<policies>
    <inbound>
        <base />
        <choose>
            <when condition="@(true)">
                <set-method>GET</set-method>
            </when>
            <when condition="@(false)" />
            <otherwise>
                <set-body>x</set-body>
            </otherwise>
        </choose>
        <set-header name="a" exists-action="override">
            <value>1</value>
        </set-header>
    </inbound>
    <backend>
        <forward-request />
    </backend>
    <on-error>
        <base />
    </on-error>
</policies>
)xml";

const char *const returnSample = R"xml(<policies>
    <inbound>
        <base />
        <return-response>
            <set-status code="503" reason="Down" />
            <set-header name="Retry-After" exists-action="override">
                <value>10</value>
            </set-header>
            <set-body>down</set-body>
        </return-response>
    </inbound>
    <backend>
        <base />
    </backend>
    <outbound>
        <base />
    </outbound>
    <on-error>
        <base />
    </on-error>
</policies>
)xml";

const char *const firstWhen = "            <when condition=\"@(true)\">\n"
                              "                <set-method>GET</set-method>\n"
                              "            </when>\n";
const char *const secondWhen = "            <when condition=\"@(false)\" />\n";

} // namespace

void tst_DiagramEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_diagramediting"));
}

void tst_DiagramEditing::init()
{
    m_window = new MainWindow(m_repository);
    m_window->resize(1400, 900);
    m_window->analyzer()->setDelay(20ms);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openFile(m_seed));
    m_original = text();
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
}

void tst_DiagramEditing::cleanup()
{
    m_window->editor()->document()->setModified(false);
    delete m_window;
    m_window = nullptr;
}

FlowNodeItem *tst_DiagramEditing::node(const QString &section, int index) const
{
    const FlowNodeItem *item = m_window->diagramScene()->section(section);
    return item ? item->childNodes().value(index) : nullptr;
}

bool tst_DiagramEditing::dragAndDrop(QMimeData *mimeData, const QPointF &scenePos)
{
    const std::unique_ptr<QMimeData> data(mimeData);
    QWidget *viewport = m_window->diagramView()->viewport();
    const QPoint pos = m_window->diagramView()->mapFromScene(scenePos);
    const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
    QDragEnterEvent enter(pos, actions, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, actions, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    const bool accepted = move.isAccepted();
    if (accepted != m_window->diagramScene()->isDropIndicatorVisible())
        return !accepted;
    QDropEvent drop(pos, actions, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return accepted;
}

void tst_DiagramEditing::select(FlowNodeItem *item)
{
    m_window->diagramScene()->clearSelection();
    item->setSelected(true);
}

void tst_DiagramEditing::waitForAnalysis()
{
    QTRY_VERIFY(!m_window->analyzer()->isPending()
                && m_window->analyzer()->revision() == m_window->editor()->document()->revision());
}

void tst_DiagramEditing::openBranchSample()
{
    const QString path = m_dir.filePath(QStringLiteral("branches.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(branchSample);
    file.close();
    QVERIFY(m_window->openFile(path));
    m_original = text();
    QCOMPARE(m_original, QString::fromUtf8(branchSample));
    waitForAnalysis();
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
}

FlowNodeItem *tst_DiagramEditing::branch(int index) const
{
    const FlowNodeItem *choose = node(QStringLiteral("inbound"), 1);
    return choose ? choose->childNodes().value(index) : nullptr;
}

QPointF tst_DiagramEditing::beside(const FlowNodeItem *item, qreal dx) const
{
    const QRectF box = item->sceneBoundingRect();
    return QPointF(dx < 0 ? box.left() + dx : box.right() + dx, box.center().y());
}

void tst_DiagramEditing::undoRestoresTheOriginal()
{
    m_window->editor()->setFocus();
    QTest::keyClick(m_window->editor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(text(), m_original);
    // Exactly one step: nothing older is left to undo.
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
    waitForAnalysis();
}

void tst_DiagramEditing::dropFromPaletteInsertsIntoInbound()
{
    const FlowNodeItem *base = node(QStringLiteral("inbound"), 0);
    const FlowNodeItem *backend = node(QStringLiteral("inbound"), 1);
    QVERIFY(base && backend);
    const QPointF between((base->sceneBoundingRect().center().x()),
                          (base->sceneBoundingRect().bottom() + backend->sceneBoundingRect().top())
                                  / 2);
    PolicyPalette *palette = m_window->policyPalette();
    QTreeWidgetItem *entry = palette->findPolicy(QStringLiteral("set-header"));
    QVERIFY(entry);
    QVERIFY(dragAndDrop(palette->mimeData({entry}), between));

    QString expected = m_original;
    expected.replace(QStringLiteral("        <set-backend-service base-url=\"{{eus"),
                     QStringLiteral("        <set-header name=\"\" />\n"
                                    "        <set-backend-service base-url=\"{{eus"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    const FlowNodeItem *inserted = node(QStringLiteral("inbound"), 1);
    QVERIFY(inserted);
    QCOMPARE(inserted->elementName(), QStringLiteral("set-header"));
    // The new policy is selected, ready for its attributes.
    QTRY_COMPARE(m_window->propertyPanel()->elementName(), QStringLiteral("set-header"));
    QVERIFY(m_window->propertyPanel()->isRequired(QStringLiteral("name")));
    undoRestoresTheOriginal();
    QCOMPARE(m_window->diagramScene()->section(QStringLiteral("inbound"))->childNodes().size(), 2);
}

void tst_DiagramEditing::dropWhereTheSchemaForbidsIsRefused()
{
    // forward-request belongs in backend (and once per section), base directly in a section.
    PolicyPalette *palette = m_window->policyPalette();
    const FlowNodeItem *inbound = m_window->diagramScene()->section(QStringLiteral("inbound"));
    QVERIFY(!dragAndDrop(
            palette->mimeData({palette->findPolicy(QStringLiteral("forward-request"))}),
            inbound->sceneBoundingRect().center()));
    const FlowNodeItem *backend = m_window->diagramScene()->section(QStringLiteral("backend"));
    QVERIFY(!dragAndDrop(
            palette->mimeData({palette->findPolicy(QStringLiteral("forward-request"))}),
            QPointF(backend->sceneBoundingRect().center().x(),
                    backend->sceneBoundingRect().bottom() - 4)));
    QCOMPARE(text(), m_original);
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
}

void tst_DiagramEditing::draggingANodeReordersItsSection()
{
    FlowNodeItem *base = node(QStringLiteral("inbound"), 0);
    FlowNodeItem *backend = node(QStringLiteral("inbound"), 1);
    QVERIFY(base && backend);
    const QPointF above(base->sceneBoundingRect().center().x(),
                        base->sceneBoundingRect().top() + 2);
    QVERIFY(dragAndDrop(m_window->diagramScene()->createNodeDragData(backend), above));

    QString expected = m_original;
    expected.replace(QStringLiteral("        <base />\n        <set-backend-service "
                                    "base-url=\"{{eus-backend-url}}\" />\n"),
                     QStringLiteral("        <set-backend-service base-url=\"{{eus-backend-url}}\" "
                                    "/>\n        <base />\n"));
    QVERIFY(expected != m_original);
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QCOMPARE(node(QStringLiteral("inbound"), 0)->elementName(),
             QStringLiteral("set-backend-service"));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::draggingANodeIntoABranch()
{
    // inbound's set-backend-service into the <when> inside retry: two places change, one step.
    FlowNodeItem *moved = node(QStringLiteral("inbound"), 1);
    const FlowNodeItem *retry = node(QStringLiteral("backend"), 0);
    const FlowNodeItem *when = retry->childNodes().at(0)->childNodes().at(0);
    const FlowNodeItem *existing = when->childNodes().at(0);
    const QPointF below(existing->sceneBoundingRect().center().x(),
                        existing->sceneBoundingRect().bottom() + 2);
    QVERIFY(when->sceneBoundingRect().contains(below));
    QVERIFY(dragAndDrop(m_window->diagramScene()->createNodeDragData(moved), below));

    QString expected = m_original;
    expected.remove(
            QStringLiteral("        <set-backend-service base-url=\"{{eus-backend-url}}\" />\n"));
    expected.replace(QStringLiteral("{{weu-backend-url}}\" />\n"),
                     QStringLiteral("{{weu-backend-url}}\" />\n                    "
                                    "<set-backend-service base-url=\"{{eus-backend-url}}\" />\n"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::deleteKeyRemovesTheSelectedPolicy()
{
    FlowNodeItem *backend = node(QStringLiteral("inbound"), 1);
    select(backend);
    m_window->diagramView()->setFocus();
    QTest::keyClick(m_window->diagramView(), Qt::Key_Delete);
    QString expected = m_original;
    expected.remove(
            QStringLiteral("        <set-backend-service base-url=\"{{eus-backend-url}}\" />\n"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QCOMPARE(m_window->diagramScene()->section(QStringLiteral("inbound"))->childNodes().size(), 1);
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::propertyPanelEditsAnAttribute()
{
    select(node(QStringLiteral("backend"), 0));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("retry"));
    QVERIFY(panel->isRequired(QStringLiteral("count")));
    auto *count = qobject_cast<QLineEdit *>(panel->editor(QStringLiteral("count")));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("1"));
    count->setFocus();
    count->selectAll();
    QTest::keyClicks(count, QStringLiteral("3"));
    QTest::keyClick(count, Qt::Key_Return);

    QString expected = m_original;
    expected.replace(QStringLiteral("count=\"1\""), QStringLiteral("count=\"3\""));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QTRY_VERIFY(node(QStringLiteral("backend"), 0)->details().contains(QStringLiteral("count: 3")));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::propertyPanelComboSetsAnEnumValue()
{
    select(node(QStringLiteral("backend"), 0));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("retry"));
    auto *fastRetry = qobject_cast<QComboBox *>(panel->editor(QStringLiteral("first-fast-retry")));
    QVERIFY(fastRetry);
    QCOMPARE(fastRetry->currentText(), QStringLiteral("true"));
    QVERIFY(fastRetry->findText(QStringLiteral("false")) >= 0);
    fastRetry->setFocus();
    QTest::keyClick(fastRetry, Qt::Key_Down);
    QString expected = m_original;
    expected.replace(QStringLiteral("first-fast-retry=\"true\""),
                     QStringLiteral("first-fast-retry=\"false\""));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::propertyPanelShowsTheValidatorsMessage()
{
    select(node(QStringLiteral("backend"), 0));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("retry"));
    QVERIFY(panel->problem(QStringLiteral("count")).isEmpty());
    auto *count = qobject_cast<QLineEdit *>(panel->editor(QStringLiteral("count")));
    QVERIFY(count);
    count->setFocus();
    count->selectAll();
    QTest::keyClicks(count, QStringLiteral("many"));
    QTest::keyClick(count, Qt::Key_Return);
    waitForAnalysis();

    const qsizetype value = text().indexOf(QStringLiteral("count=\"many\"")) + 7;
    QString message;
    for (const Diagnostic &diagnostic : m_window->analyzer()->diagnostics()) {
        if (diagnostic.range.contains(value))
            message = diagnostic.message;
    }
    QVERIFY(!message.isEmpty());
    QTRY_COMPARE(panel->problem(QStringLiteral("count")), message);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("problem:count")));
    undoRestoresTheOriginal();
    QTRY_VERIFY(panel->problem(QStringLiteral("count")).isEmpty());
}

void tst_DiagramEditing::draggingAWhenReordersItsChoose()
{
    openBranchSample();
    FlowNodeItem *second = branch(1);
    const FlowNodeItem *first = branch(0);
    QVERIFY(first && second && second->elementName() == u"when");
    const QPointF left(first->sceneBoundingRect().left() + 2,
                       first->sceneBoundingRect().center().y());
    QVERIFY(dragAndDrop(m_window->diagramScene()->createNodeDragData(second), left));
    QString expected = m_original;
    expected.replace(QString::fromUtf8(firstWhen) + QString::fromUtf8(secondWhen),
                     QString::fromUtf8(secondWhen) + QString::fromUtf8(firstWhen));
    QVERIFY(expected != m_original);
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QTRY_COMPARE(branch(0)->details().value(0), QStringLiteral("@(false)"));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::branchesKeepOtherwiseLast()
{
    openBranchSample();
    const FlowNodeItem *otherwise = branch(2);
    QVERIFY(otherwise && otherwise->elementName() == u"otherwise");
    const QPointF right(otherwise->sceneBoundingRect().right() - 2,
                        otherwise->sceneBoundingRect().center().y());
    // A when after otherwise, otherwise before a when, a second otherwise: all refused.
    QVERIFY(!dragAndDrop(m_window->diagramScene()->createNodeDragData(branch(0)), right));
    const QPointF left(branch(0)->sceneBoundingRect().left() + 2,
                       branch(0)->sceneBoundingRect().center().y());
    QVERIFY(!dragAndDrop(m_window->diagramScene()->createNodeDragData(branch(2)), left));
    PolicyPalette *palette = m_window->policyPalette();
    QTreeWidgetItem *entry = palette->findPolicy(QStringLiteral("otherwise"));
    QVERIFY(entry);
    QVERIFY(!dragAndDrop(palette->mimeData({entry}), right));
    QCOMPARE(text(), m_original);
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
}

void tst_DiagramEditing::dropAWhenFromThePalette()
{
    openBranchSample();
    const QRectF second = branch(1)->sceneBoundingRect();
    const QRectF otherwise = branch(2)->sceneBoundingRect();
    const QPointF between((second.right() + otherwise.left()) / 2, otherwise.center().y());
    PolicyPalette *palette = m_window->policyPalette();
    QTreeWidgetItem *entry = palette->findPolicy(QStringLiteral("when"));
    QVERIFY(entry);
    // Not into a section: a when stands only in a choose.
    const QRectF backend
            = m_window->diagramScene()->section(QStringLiteral("backend"))->sceneBoundingRect();
    QVERIFY(!dragAndDrop(palette->mimeData({entry}), backend.center()));
    QVERIFY(dragAndDrop(palette->mimeData({entry}), between));
    QString expected = m_original;
    expected.replace(
            QStringLiteral("            <otherwise>"),
            QStringLiteral("            <when condition=\"\" />\n            <otherwise>"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QTRY_COMPARE(m_window->propertyPanel()->elementName(), QStringLiteral("when"));
    QVERIFY(m_window->propertyPanel()->isRequired(QStringLiteral("condition")));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::dropIntoAMissingSection()
{
    openBranchSample();
    const FlowNodeItem *outbound = m_window->diagramScene()->section(QStringLiteral("outbound"));
    QVERIFY(outbound && !outbound->range().isValid());
    PolicyPalette *palette = m_window->policyPalette();
    // rate-limit may not stand in outbound, set-header may.
    QVERIFY(!dragAndDrop(palette->mimeData({palette->findPolicy(QStringLiteral("rate-limit"))}),
                         outbound->sceneBoundingRect().center()));
    QVERIFY(dragAndDrop(palette->mimeData({palette->findPolicy(QStringLiteral("set-header"))}),
                        outbound->sceneBoundingRect().center()));
    QString expected = m_original;
    expected.replace(QStringLiteral("    </backend>\n"),
                     QStringLiteral("    </backend>\n    <outbound>\n        <base />\n"
                                    "        <set-header name=\"\" />\n    </outbound>\n"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QTRY_VERIFY(m_window->diagramScene()->section(QStringLiteral("outbound"))->range().isValid());
    QCOMPARE(node(QStringLiteral("outbound"), 1)->elementName(), QStringLiteral("set-header"));
    QTRY_COMPARE(m_window->propertyPanel()->elementName(), QStringLiteral("set-header"));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::draggingBaseWithinItsSection()
{
    openBranchSample();
    FlowNodeItem *base = node(QStringLiteral("inbound"), 0);
    const FlowNodeItem *header = node(QStringLiteral("inbound"), 2);
    QVERIFY(base && header && base->elementName() == u"base");
    const QPointF below(header->sceneBoundingRect().center().x(),
                        header->sceneBoundingRect().bottom() + 2);
    // Not into a branch: base stands directly in a section.
    QVERIFY(!dragAndDrop(m_window->diagramScene()->createNodeDragData(base),
                         branch(1)->sceneBoundingRect().center()));
    QVERIFY(dragAndDrop(m_window->diagramScene()->createNodeDragData(base), below));
    QString expected = m_original;
    expected.replace(QStringLiteral("        <base />\n        <choose>"),
                     QStringLiteral("        <choose>"));
    expected.replace(QStringLiteral("        </set-header>\n"),
                     QStringLiteral("        </set-header>\n        <base />\n"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QCOMPARE(node(QStringLiteral("inbound"), 2)->elementName(), QStringLiteral("base"));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::dragANodeIntoAMissingSection()
{
    openBranchSample();
    FlowNodeItem *header = node(QStringLiteral("inbound"), 2);
    QVERIFY(header && header->elementName() == u"set-header");
    const FlowNodeItem *outbound = m_window->diagramScene()->section(QStringLiteral("outbound"));
    QVERIFY(dragAndDrop(m_window->diagramScene()->createNodeDragData(header),
                        outbound->sceneBoundingRect().center()));
    const QString block
            = QStringLiteral("        <set-header name=\"a\" exists-action=\"override\">\n"
                             "            <value>1</value>\n"
                             "        </set-header>\n");
    QString expected = m_original;
    expected.remove(block);
    expected.replace(QStringLiteral("    </backend>\n"),
                     QStringLiteral("    </backend>\n    <outbound>\n        <base />\n") + block
                             + QStringLiteral("    </outbound>\n"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::propertyPanelEditsTheBody()
{
    openBranchSample();
    select(branch(2)->childNodes().value(0));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-body"));
    auto *body = qobject_cast<QPlainTextEdit *>(panel->textEditor());
    QVERIFY(body);
    QCOMPARE(body->toPlainText(), QStringLiteral("x"));
    QVERIFY(!panel->applyTextButton()->isEnabled());
    body->setFocus();
    body->selectAll();
    QTest::keyClicks(body, QStringLiteral("@{"));
    QTest::keyClick(body, Qt::Key_Return);
    QTest::keyClicks(body, QStringLiteral("return \"<ok/>\";"));
    QTest::keyClick(body, Qt::Key_Return);
    QTest::keyClicks(body, QStringLiteral("}"));
    // Typing alone changes nothing: half-written code stays in the panel.
    QCOMPARE(text(), m_original);
    QVERIFY(panel->applyTextButton()->isEnabled());
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
    QString expected = m_original;
    expected.replace(QStringLiteral("<set-body>x</set-body>"),
                     QStringLiteral("<set-body>@{\nreturn \"<ok/>\";\n}</set-body>"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-body"));
    undoRestoresTheOriginal();
}

void tst_DiagramEditing::propertyPanelEditsTheMethod()
{
    openBranchSample();
    select(branch(0)->childNodes().value(0));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-method"));
    auto *method = qobject_cast<QComboBox *>(panel->textEditor());
    QVERIFY(method);
    QCOMPARE(method->currentText(), QStringLiteral("GET"));
    QVERIFY(panel->textProblem().isEmpty());
    method->setFocus();
    method->lineEdit()->selectAll();
    QTest::keyClicks(method, QStringLiteral("GE T"));
    QTest::keyClick(method, Qt::Key_Return);
    QString expected = m_original;
    expected.replace(QStringLiteral(">GET<"), QStringLiteral(">GE T<"));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    // The validator's word on the new method, under the field.
    QTRY_VERIFY(!panel->textProblem().isEmpty());
    QVERIFY(panel->textProblem().contains(QStringLiteral("HTTP method")));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("problem:text")));
    undoRestoresTheOriginal();
    QTRY_VERIFY(panel->textProblem().isEmpty());
}

void tst_DiagramEditing::propertyPanelEditsHeaderValues()
{
    openBranchSample();
    select(node(QStringLiteral("inbound"), 2));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-header"));
    QListWidget *values = panel->childList(QStringLiteral("value"));
    QVERIFY(values);
    QCOMPARE(values->count(), 1);
    QCOMPARE(values->item(0)->text(), QStringLiteral("1"));
    auto *add = panel->findChild<QPushButton *>(QStringLiteral("add:value"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(values->count(), 2);
    QTRY_VERIFY(values->focusWidget() && values->focusWidget() != values);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("@(\"2\")"));
    QTest::keyClick(editor, Qt::Key_Return);
    QString expected = m_original;
    expected.replace(QStringLiteral("            <value>1</value>\n"),
                     QStringLiteral("            <value>1</value>\n"
                                    "            <value>@(\"2\")</value>\n"));
    QTRY_COMPARE(text(), expected);
    waitForAnalysis();
    undoRestoresTheOriginal();
}

QTEST_MAIN(tst_DiagramEditing)
void tst_DiagramEditing::propertyPanelOpensChildElements()
{
    const QString path = m_dir.filePath(QStringLiteral("return.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(returnSample);
    file.close();
    QVERIFY(m_window->openFile(path));
    m_original = text();
    waitForAnalysis();
    select(node(QStringLiteral("inbound"), 1));
    PolicyPropertyPanel *panel = m_window->propertyPanel();
    QTRY_COMPARE(panel->elementName(), QStringLiteral("return-response"));
    QVERIFY(!panel->backButton());
    QListWidget *elements = panel->childElementList();
    QVERIFY(elements);
    QCOMPARE(elements->count(), 3);
    QCOMPARE(elements->item(0)->text(),
             QStringLiteral("<set-status code=\"503\" reason=\"Down\">"));
    QCOMPARE(elements->item(1)->text(),
             QStringLiteral("<set-header name=\"Retry-After\" exists-action=\"override\">"));
    QCOMPARE(elements->item(2)->text(), QStringLiteral("<set-body>"));
    const auto open = [panel](int row) {
        QListWidget *list = panel->childElementList();
        QTest::mouseClick(list->viewport(),
                          Qt::LeftButton,
                          {},
                          list->visualItemRect(list->item(row)).center());
    };

    // <set-status> opens in the panel; its attributes are edited like a policy's.
    open(0);
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-status"));
    QVERIFY(panel->backButton());
    auto *code = qobject_cast<QLineEdit *>(panel->editor(QStringLiteral("code")));
    QVERIFY(code);
    QCOMPARE(code->text(), QStringLiteral("503"));
    code->setFocus();
    code->selectAll();
    QTest::keyClicks(code, QStringLiteral("429"));
    QTest::keyClick(code, Qt::Key_Return);
    QString expected = m_original;
    expected.replace(QStringLiteral("code=\"503\""), QStringLiteral("code=\"429\""));
    QCOMPARE(text(), expected);
    waitForAnalysis();
    // The edit leaves the panel where it was.
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-status"));

    QTest::mouseClick(panel->backButton(), Qt::LeftButton);
    QTRY_COMPARE(panel->elementName(), QStringLiteral("return-response"));
    open(1);
    QTRY_COMPARE(panel->elementName(), QStringLiteral("set-header"));
    QVERIFY(panel->childList(QStringLiteral("value")));
    QCOMPARE(panel->childList(QStringLiteral("value"))->item(0)->text(), QStringLiteral("10"));

    // Selecting another node in the diagram leaves the child element.
    select(node(QStringLiteral("inbound"), 0));
    QTRY_COMPARE(panel->elementName(), QStringLiteral("base"));
    select(node(QStringLiteral("inbound"), 1));
    QTRY_COMPARE(panel->elementName(), QStringLiteral("return-response"));
    undoRestoresTheOriginal();
}

#include "tst_diagramediting.moc"
