// SPDX-License-Identifier: GPL-3.0-or-later
// The designer on the article's step-2 workspace, driven through its widgets offscreen: the scope
// tree switches the editor between documents and keeps unsaved edits of each, Save writes them
// all, the effective policy shows each line's origin, and <base/> expands in the diagram into the
// parent scope's policies.
#include "workspace/workspacescopemodel.h"
#include "workspace/workspaceserializer.h"

#include "articleworkspacecopy.h"
#include "diskchangewatcher.h"
#include "documentanalyzer.h"
#include "effectivepolicyview.h"
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "flownodeitem.h"
#include "mainwindow.h"
#include "modalanswerer.h"
#include "policyeditor.h"
#include "workspacenavigator.h"

#include <KSyntaxHighlighting/Repository>
#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QTreeView>

#include <chrono>

using namespace std::chrono_literals;

namespace {

const QString apiFile = ArticleWorkspaceCopy::apiFile();
const QString operationFile = ArticleWorkspaceCopy::operationFile();

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

FlowNodeItem *firstNode(const FlowDiagramScene *scene,
                        const QString &elementName,
                        const QString &section = {})
{
    for (FlowNodeItem *node : scene->nodes()) {
        if (node->elementName() != elementName)
            continue;
        if (section.isEmpty())
            return node;
        for (QGraphicsItem *up = node->parentItem(); up; up = up->parentItem()) {
            if (static_cast<FlowNodeItem *>(up)->kind() == FlowNodeItem::Kind::Section)
                if (static_cast<FlowNodeItem *>(up)->elementName() == section)
                    return node;
        }
    }
    return nullptr;
}

int lineContaining(const QPlainTextEdit *edit, const QString &text)
{
    const QStringList lines = edit->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(text))
            return int(i + 1);
    }
    return 0;
}

} // namespace

class tst_WorkspaceNavigator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeSelectsScopesIntoTheEditor();
    void editsAreKeptPerScopeAndSavedTogether();
    void effectivePolicyShowsOrigins();
    void baseExpandsIntoTheParentScope();
    void expansionSurvivesEditsBeforeIt();
    void traceStepOfAnotherScopeSwitchesTheEditor();
    void fragmentExpandsIntoItsPolicies();
    void externalChangeOfAPolicyFileReloads();
    void externalChangeOverLocalEditsAsks();

private:
    void clickScope(const WorkspaceScope &scope);
    void doubleClickNode(FlowNodeItem *node);
    void clickNode(FlowNodeItem *node);
    QString path(const QString &file) const { return m_copy->path(file); }
    static bool write(const QString &fileName, const QByteArray &bytes);

    KSyntaxHighlighting::Repository m_repository;
    std::unique_ptr<ArticleWorkspaceCopy> m_copy;
    MainWindow *m_window = nullptr;
    ModalAnswerer m_answerer;
    const WorkspaceScope m_api = WorkspaceScope::api(QStringLiteral("hello"));
    const WorkspaceScope m_operation
            = WorkspaceScope::operation(QStringLiteral("hello"), QStringLiteral("get-hello"));
};

void tst_WorkspaceNavigator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workspacenavigator"));
}

void tst_WorkspaceNavigator::init()
{
    m_copy = std::make_unique<ArticleWorkspaceCopy>();
    const QString error = m_copy->open(m_repository);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = m_copy->window();
}

void tst_WorkspaceNavigator::cleanup()
{
    m_window->editor()->document()->setModified(false);
    m_window = nullptr;
    m_copy.reset();
}

void tst_WorkspaceNavigator::clickScope(const WorkspaceScope &scope)
{
    QTreeView *tree = m_window->navigator()->treeView();
    const QModelIndex index = m_window->navigator()->model()->indexOf(scope);
    QVERIFY(index.isValid());
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(m_window->navigator()->currentScope(), scope);
}

void tst_WorkspaceNavigator::doubleClickNode(FlowNodeItem *node)
{
    FlowDiagramView *view = m_window->diagramView();
    view->ensureVisible(node, 10, 10);
    // Near the top: the header, not a child.
    const QPoint at = view->mapFromScene(node->sceneBoundingRect().center().x(),
                                         node->sceneBoundingRect().top() + 8);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
}

void tst_WorkspaceNavigator::clickNode(FlowNodeItem *node)
{
    FlowDiagramView *view = m_window->diagramView();
    view->ensureVisible(node, 10, 10);
    const QPoint at = view->mapFromScene(node->sceneBoundingRect().center().x(),
                                         node->sceneBoundingRect().top() + 8);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
}

void tst_WorkspaceNavigator::treeSelectsScopesIntoTheEditor()
{
    WorkspaceNavigator *navigator = m_window->navigator();
    QCOMPARE(navigator->currentScope(), m_api);
    QCOMPARE(m_window->editor()->toPlainText().toUtf8(), readFile(path(apiFile)));

    clickScope(m_operation);
    QCOMPARE(m_window->editor()->toPlainText().toUtf8(), readFile(path(operationFile)));
    QVERIFY(firstNode(m_window->diagramScene(), QStringLiteral("rewrite-uri")));
    QVERIFY(!firstNode(m_window->diagramScene(), QStringLiteral("retry")));

    clickScope(WorkspaceScope::global());
    QCOMPARE(m_window->editor()->toPlainText().toUtf8(),
             readFile(path(QStringLiteral("article/global.xml"))));
    QVERIFY(!m_window->isWindowModified());

    clickScope(m_api);
    QVERIFY(firstNode(m_window->diagramScene(), QStringLiteral("retry")));
}

void tst_WorkspaceNavigator::editsAreKeptPerScopeAndSavedTogether()
{
    const QByteArray apiBefore = readFile(path(apiFile));
    clickScope(m_operation);
    QTextCursor cursor = m_window->editor()->document()->find(QStringLiteral(">GET<"));
    QVERIFY(!cursor.isNull());
    m_window->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_window->editor(), QStringLiteral(">POST<"));
    QTRY_VERIFY(m_window->isWindowModified());

    clickScope(m_api);
    // The other scope's edit still waits to be saved.
    QVERIFY(m_window->isWindowModified());
    const QAbstractItemModel *model = m_window->navigator()->model();
    QTRY_VERIFY(
            m_window->navigator()->model()->indexOf(m_operation).data().toString().endsWith(u"*"));
    QVERIFY(!model->data(m_window->navigator()->model()->indexOf(m_api)).toString().endsWith(u"*"));
    clickScope(m_operation);
    QVERIFY(m_window->editor()->toPlainText().contains(u"<set-method>POST</set-method>"));

    QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->isWindowModified());
    QVERIFY(readFile(path(operationFile)).contains("<set-method>POST</set-method>"));
    QCOMPARE(readFile(path(apiFile)), apiBefore);
    QVERIFY(!m_window->navigator()->model()->indexOf(m_operation).data().toString().endsWith(u"*"));
}

void tst_WorkspaceNavigator::effectivePolicyShowsOrigins()
{
    clickScope(m_operation);
    EffectivePolicyView *view = m_window->navigator()->effectiveView();
    const QPlainTextEdit *text = view->textEdit();
    const int setMethod = lineContaining(text, QStringLiteral("<set-method>"));
    const int cacheLookup
            = lineContaining(text, QStringLiteral("is-eus-down-cache-key\" variable"));
    const int inbound = lineContaining(text, QStringLiteral("<inbound>"));
    QVERIFY(setMethod > 0 && cacheLookup > 0 && inbound > 0);
    // The API's policies come first (its <base/> is first in the operation's inbound).
    QVERIFY(cacheLookup < setMethod);
    QCOMPARE(view->lineOrigin(setMethod),
             (PolicyOrigin{PolicyScope::Operation, operationFile, {}}));
    QCOMPARE(view->lineOrigin(cacheLookup), (PolicyOrigin{PolicyScope::Api, apiFile, {}}));
    QCOMPARE(view->lineOrigin(inbound).scope, PolicyScope::None);
    QVERIFY(view->lineColor(setMethod).isValid());
    QVERIFY(view->lineColor(setMethod) != view->lineColor(cacheLookup));
    QVERIFY(!view->lineColor(inbound).isValid());
    QVERIFY(view->legendText().contains(QStringLiteral("Operation: ") + operationFile));
    QVERIFY(view->legendText().contains(QStringLiteral("API: ") + apiFile));
    // The view follows edits.
    QTextCursor cursor = m_window->editor()->document()->find(QStringLiteral(">GET<"));
    m_window->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_window->editor(), QStringLiteral(">PUT<"));
    QTRY_VERIFY(text->toPlainText().contains(u"<set-method>PUT</set-method>"));

    clickScope(WorkspaceScope::global());
    QVERIFY(text->toPlainText().isEmpty());
}

void tst_WorkspaceNavigator::baseExpandsIntoTheParentScope()
{
    clickScope(m_operation);
    const FlowDiagramScene *scene = m_window->diagramScene();
    FlowNodeItem *base = firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"));
    QVERIFY(base);
    QVERIFY(base->childNodes().isEmpty());
    QVERIFY(scene->isExpandable(base));
    doubleClickNode(base);
    QTRY_VERIFY(firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"))
                && !firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"))
                            ->childNodes()
                            .isEmpty());
    base = firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"));
    QStringList names;
    for (const FlowNodeItem *child : base->childNodes()) {
        names.append(child->elementName());
        QCOMPARE(child->origin(), (PolicyOrigin{PolicyScope::Api, apiFile, {}}));
        QVERIFY(child->details().first().startsWith(QStringLiteral("API: ")));
    }
    QCOMPARE(names,
             QStringList({"set-variable",
                          "set-backend-service",
                          "cache-lookup-value",
                          "choose",
                          "cache-lookup-value",
                          "choose"}));
    // The cursor in the editor does not land on nodes of another document.
    for (const FlowNodeItem *child : base->childNodes())
        QVERIFY(scene->nodeAt(child->range().begin.offset) != child);

    // Selecting an inherited node opens its own scope with the element selected.
    clickNode(base->childNodes().at(2));
    QTRY_COMPARE(m_window->navigator()->currentScope(), m_api);
    QVERIFY(m_window->editor()->textCursor().selectedText().startsWith(
            u"<cache-lookup-value key=\"is-eus-down-cache-key\""));

    // Back in the operation, the expansion is gone; double-clicking toggles it.
    clickScope(m_operation);
    base = firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"));
    QVERIFY(base->childNodes().isEmpty());
    doubleClickNode(base);
    QTRY_VERIFY(!firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"))
                         ->childNodes()
                         .isEmpty());
    doubleClickNode(firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound")));
    QTRY_VERIFY(firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"))
                        ->childNodes()
                        .isEmpty());
}

void tst_WorkspaceNavigator::expansionSurvivesEditsBeforeIt()
{
    clickScope(m_operation);
    const FlowDiagramScene *scene = m_window->diagramScene();
    const auto expandedBase = [scene] {
        const FlowNodeItem *base
                = firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound"));
        return base && !base->childNodes().isEmpty();
    };
    doubleClickNode(firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound")));
    QTRY_VERIFY(expandedBase());

    // Text typed before the document's first element, and a policy inserted before the <base />
    // in its section: the <base /> starts elsewhere but is the same element, still expanded.
    QPlainTextEdit *editor = m_window->editor();
    QTextCursor cursor(editor->document());
    cursor.insertText(QStringLiteral("<!-- edited -->\n"));
    const qsizetype base = editor->toPlainText().indexOf(u"<base />");
    cursor.setPosition(int(base));
    cursor.insertText(QStringLiteral("<set-header name=\"x-edited\" exists-action=\"override\">"
                                     "<value>1</value></set-header>\n        "));
    QTRY_VERIFY(firstNode(scene, QStringLiteral("set-header"), QStringLiteral("inbound")));
    QVERIFY(expandedBase());

    // Once the <base /> is gone, a new one is not expanded.
    const qsizetype moved = editor->toPlainText().indexOf(u"<base />");
    cursor.setPosition(int(moved));
    cursor.setPosition(int(moved + 8), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    QTRY_VERIFY(!firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound")));
    cursor.insertText(QStringLiteral("<base />"));
    QTRY_VERIFY(firstNode(scene, QStringLiteral("base"), QStringLiteral("inbound")));
    QVERIFY(!expandedBase());
}

void tst_WorkspaceNavigator::traceStepOfAnotherScopeSwitchesTheEditor()
{
    QCOMPARE(m_window->navigator()->currentScope(), m_api);
    const QString operationText = QString::fromUtf8(readFile(path(operationFile)));
    const qsizetype begin = operationText.indexOf(u"<set-method>");
    const qsizetype end = operationText.indexOf(u"</set-method>") + 13;
    TraceEvent step;
    step.kind = TraceEvent::Kind::Policy;
    step.policy = QStringLiteral("set-method");
    step.scope = PolicyScope::Operation;
    step.document = operationFile;
    step.range = {{4, 9, begin}, {4, 9 + int(end - begin), end}};
    m_window->navigator()->showTraceStep(step);
    QCOMPARE(m_window->navigator()->currentScope(), m_operation);
    QCOMPARE(m_window->editor()->textCursor().selectedText(),
             QStringLiteral("<set-method>GET</set-method>"));
    const FlowNodeItem *selected = m_window->diagramScene()->selectedNode();
    QVERIFY(selected);
    QCOMPARE(selected->elementName(), QStringLiteral("set-method"));
    QCOMPARE(m_window->navigator()->treeView()->currentIndex(),
             m_window->navigator()->model()->indexOf(m_operation));
}

void tst_WorkspaceNavigator::fragmentExpandsIntoItsPolicies()
{
    Workspace workspace;
    workspace.global.xml = QStringLiteral(
            "<policies><inbound /><backend><forward-request /></backend><outbound />"
            "<on-error /></policies>");
    Workspace::Api api;
    api.id = QStringLiteral("orders");
    api.policy.xml = QStringLiteral(
            "<policies>\n<inbound>\n<base />\n<include-fragment fragment-id=\"cors\" />\n"
            "</inbound>\n<backend><base /></backend><outbound><base /></outbound>"
            "<on-error><base /></on-error>\n</policies>\n");
    workspace.apis.append(api);
    Workspace::Fragment fragment;
    fragment.id = QStringLiteral("cors");
    fragment.policy.xml = QStringLiteral(
            "<fragment>\n<set-header name=\"x-cors\" exists-action=\"override\">"
            "<value>*</value></set-header>\n<set-variable name=\"v\" value=\"1\" />\n"
            "</fragment>\n");
    workspace.fragments.append(fragment);
    const QString file = path(QStringLiteral("fragments.apimws"));
    QCOMPARE(WorkspaceSerializer::save(workspace, file), QString());
    QVERIFY(m_window->openFile(file));
    QCOMPARE(m_window->navigator()->currentScope(), WorkspaceScope::api(QStringLiteral("orders")));

    const FlowDiagramScene *scene = m_window->diagramScene();
    FlowNodeItem *include = firstNode(scene, QStringLiteral("include-fragment"));
    QVERIFY(include);
    QCOMPARE(include->kind(), FlowNodeItem::Kind::Policy);
    QVERIFY(scene->isExpandable(include));
    doubleClickNode(include);
    QTRY_COMPARE(firstNode(scene, QStringLiteral("include-fragment"))->childNodes().size(), 2);
    include = firstNode(scene, QStringLiteral("include-fragment"));
    QCOMPARE(include->kind(), FlowNodeItem::Kind::Container);
    const FlowNodeItem *header = include->childNodes().first();
    QCOMPARE(header->elementName(), QStringLiteral("set-header"));
    QCOMPARE(header->origin(),
             (PolicyOrigin{PolicyScope::Fragment, QStringLiteral("cors"), QStringLiteral("cors")}));
    QCOMPARE(header->details().first(), QStringLiteral("Fragment: cors"));

    clickScope(WorkspaceScope::fragment(QStringLiteral("cors")));
    QVERIFY(m_window->editor()->toPlainText().startsWith(u"<fragment>"));
    QVERIFY(m_window->navigator()->effectiveView()->textEdit()->toPlainText().isEmpty());
}

bool tst_WorkspaceNavigator::write(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void tst_WorkspaceNavigator::externalChangeOfAPolicyFileReloads()
{
    m_window->diskWatcher()->setDelay(0ms);
    clickScope(m_operation);
    const QByteArray changed
            = "<policies>\n    <inbound>\n        <base />\n    </inbound>\n</policies>\n";
    QVERIFY(write(path(operationFile), changed));
    QTRY_COMPARE(m_window->editor()->toPlainText().toUtf8(), changed);
    // The workspace reloaded whole and went back to the scope that was edited.
    QCOMPARE(m_window->navigator()->currentScope(), m_operation);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("reloaded")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_window->editor()->document()->isUndoAvailable());
}

void tst_WorkspaceNavigator::externalChangeOverLocalEditsAsks()
{
    m_window->diskWatcher()->setDelay(0ms);
    QTextCursor cursor = m_window->editor()->document()->find(QStringLiteral("<inbound>"));
    m_window->editor()->setTextCursor(cursor);
    QTest::keyClicks(m_window->editor(), QStringLiteral("<!-- mine -->"));
    const QString mine = m_window->editor()->toPlainText();

    m_answerer.reset();
    m_answerer.answerNext(QMessageBox::No);
    QVERIFY(write(path(QStringLiteral("article/global.xml")), "<policies />"));
    QTRY_COMPARE(m_answerer.answered(), 1);
    QCOMPARE(m_window->editor()->toPlainText(), mine);
    QVERIFY(m_window->isWindowModified());

    m_answerer.answerNext(QMessageBox::Yes);
    QVERIFY(write(path(operationFile), "<policies><!-- theirs --></policies>"));
    QTRY_COMPARE(m_answerer.answered(), 2);
    QTRY_VERIFY(!m_window->editor()->toPlainText().contains(u"<!-- mine -->"));
    QCOMPARE(m_window->navigator()->currentScope(), m_api);
    QVERIFY(!m_window->isWindowModified());
}

QTEST_MAIN(tst_WorkspaceNavigator)
#include "tst_workspacenavigator.moc"
