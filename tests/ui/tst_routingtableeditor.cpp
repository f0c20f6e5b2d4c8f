// SPDX-License-Identifier: GPL-3.0-or-later
// The routing table dock of the designer window: a table built with its buttons and cells
// generates the API policy into the editor as one undo step, and the policy validates.
#include "deploy/routingpolicygenerator.h"
#include "diagnosticmodel.h"
#include "documentanalyzer.h"
#include "mainwindow.h"
#include "policyeditor.h"
#include "routingtableeditor.h"
#include "workspace/workspaceserializer.h"

#include <KSyntaxHighlighting/Repository>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace std::chrono_literals;

class tst_RoutingTableEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void buildsATableWithItsWidgets();
    void generatesAValidPolicyAsOneUndoStep();
    void invalidTableShowsItsProblems();
    void tableIsSavedWithTheWorkspace();

private:
    void click(const char *button);
    // Clicks Add Region and types the name into the item editor it opens.
    void addRegion(const QString &name);
    // Types into a backend cell through its item editor, as a user does.
    void editCell(int row, int column, const QString &text);
    void buildThreeRegions();
    RoutingTableEditor *editor() const { return m_window->routingEditor(); }

    QTemporaryDir m_dir;
    KSyntaxHighlighting::Repository m_repository;
    MainWindow *m_window = nullptr;
};

void tst_RoutingTableEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_routingtableeditor"));
    const QString source = QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/");
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("article"))));
    for (const QString &file : {QStringLiteral("article-step2.apimws"),
                                QStringLiteral("article/global.xml"),
                                QStringLiteral("article/02-cached-failover-api.xml"),
                                QStringLiteral("article/00-default-operation.xml")})
        QVERIFY(QFile::copy(source + file, m_dir.filePath(file)));
}

void tst_RoutingTableEditor::init()
{
    m_window = new MainWindow(m_repository);
    m_window->resize(1400, 900);
    m_window->analyzer()->setDelay(20ms);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openFile(m_dir.filePath(QStringLiteral("article-step2.apimws"))));
    editor()->parentWidget()->show();
}

void tst_RoutingTableEditor::cleanup()
{
    m_window->editor()->document()->setModified(false);
    delete m_window;
    m_window = nullptr;
}

void tst_RoutingTableEditor::click(const char *button)
{
    auto *widget = editor()->findChild<QPushButton *>(QLatin1String(button));
    QVERIFY2(widget, button);
    QTest::mouseClick(widget, Qt::LeftButton);
}

// The item editor a view opened (closed ones linger until deleteLater, hidden).
static QLineEdit *openEditor(QWidget *view)
{
    for (QLineEdit *edit : view->findChildren<QLineEdit *>()) {
        if (edit->isVisible())
            return edit;
    }
    return nullptr;
}

static void typeInto(QLineEdit *lineEdit, const QString &text)
{
    // The view deletes its editor later once it commits.
    const QPointer<QLineEdit> edit(lineEdit);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!edit || !edit->isVisible());
}

void tst_RoutingTableEditor::addRegion(const QString &name)
{
    click("AddRegion");
    typeInto(openEditor(editor()->regionList()), name);
}

void tst_RoutingTableEditor::editCell(int row, int column, const QString &text)
{
    QTableWidget *table = editor()->backendTable();
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    typeInto(openEditor(table), text);
}

// Three regions; the backends are added to the first and every later region starts with them.
void tst_RoutingTableEditor::buildThreeRegions()
{
    addRegion(QStringLiteral("East US"));
    for (int i = 0; i < 3; ++i) {
        click("AddBackend");
        editCell(i, 0, QStringLiteral("be%1").arg(i));
        editCell(i, 1, QStringLiteral("https://be%1.example.net").arg(i));
    }
    addRegion(QStringLiteral("West Europe"));
    addRegion(QStringLiteral("Southeast Asia"));
    // West Europe: be1 first.
    editor()->selectRegion(1);
    editor()->selectBackend(1);
    click("BackendUp");
    // Southeast Asia: be2 first, then be0, be1.
    editor()->selectRegion(2);
    editor()->selectBackend(2);
    click("BackendUp");
    click("BackendUp");
    editor()->outageSpin()->setValue(25);
}

void tst_RoutingTableEditor::buildsATableWithItsWidgets()
{
    buildThreeRegions();
    const RoutingTable table = editor()->table();
    QCOMPARE(table.regions.size(), 3);
    auto order = [&](int region) {
        QStringList names;
        for (const RoutingTable::Backend &b : table.regions.at(region).backends)
            names.append(b.name);
        return names.join(u',');
    };
    QCOMPARE(order(0), QStringLiteral("be0,be1,be2"));
    QCOMPARE(order(1), QStringLiteral("be1,be0,be2"));
    QCOMPARE(order(2), QStringLiteral("be2,be0,be1"));
    QCOMPARE(table.regions.at(1).name, QStringLiteral("West Europe"));
    QCOMPARE(table.regions.at(2).backends.at(0).baseUrl, QStringLiteral("https://be2.example.net"));
    QCOMPARE(table.outageSeconds, 25);
    // The table shows the current region's order, priorities numbered from 1.
    QCOMPARE(editor()->backendTable()->item(0, 0)->text(), QStringLiteral("be2"));
    QCOMPARE(editor()->backendTable()->verticalHeaderItem(2)->text(), QStringLiteral("3"));
    QVERIFY(table.validate().isEmpty());

    editor()->selectBackend(0);
    click("RemoveBackend");
    QCOMPARE(editor()->table().regions.at(2).backends.size(), 2);
    click("RemoveRegion");
    QCOMPARE(editor()->table().regions.size(), 2);
}

void tst_RoutingTableEditor::generatesAValidPolicyAsOneUndoStep()
{
    const QString before = m_window->editor()->toPlainText();
    buildThreeRegions();
    QTRY_VERIFY(!m_window->analyzer()->isPending());
    click("GenerateRouting");
    const QString generated = RoutingPolicyGenerator::generate(editor()->table()).xml;
    QCOMPARE(m_window->editor()->toPlainText(), generated);
    QTRY_VERIFY(!m_window->analyzer()->isPending());
    QVERIFY(m_window->analyzer()->isValid());
    for (const Diagnostic &d : m_window->analyzer()->diagnostics())
        QVERIFY2(!d.isError(), qPrintable(d.toString()));
    QCOMPARE(m_window->diagnosticModel()->rowCount(), 0);
    QVERIFY(m_window->currentWorkspace().routing);
    QCOMPARE(m_window->currentWorkspace().routing->table, editor()->table());
    QCOMPARE(m_window->currentWorkspace().apis.first().policy.xml, generated);

    m_window->editor()->undo();
    QCOMPARE(m_window->editor()->toPlainText(), before);
    m_window->editor()->redo();
    QCOMPARE(m_window->editor()->toPlainText(), generated);
}

void tst_RoutingTableEditor::invalidTableShowsItsProblems()
{
    const QString before = m_window->editor()->toPlainText();
    addRegion(QStringLiteral("East US"));
    click("GenerateRouting");
    QVERIFY2(editor()->problemsLabel()->text().contains(QLatin1String("needs 1 to 51 backends")),
             qPrintable(editor()->problemsLabel()->text()));
    QCOMPARE(m_window->editor()->toPlainText(), before);
}

void tst_RoutingTableEditor::tableIsSavedWithTheWorkspace()
{
    buildThreeRegions();
    click("GenerateRouting");
    const RoutingTable table = editor()->table();
    const QString path = m_dir.filePath(QStringLiteral("routed.apimws"));
    QVERIFY(m_window->saveFile(path));
    const WorkspaceLoadResult saved = WorkspaceSerializer::load(path);
    QVERIFY(saved.ok());
    QVERIFY(saved.workspace.routing);
    QCOMPARE(saved.workspace.routing->table, table);
    QCOMPARE(saved.workspace.routing->apiId, QStringLiteral("hello"));

    // Opening it again fills the dock with the table.
    editor()->setTable(RoutingTable());
    QVERIFY(m_window->openFile(path));
    QCOMPARE(editor()->table(), table);
}

QTEST_MAIN(tst_RoutingTableEditor)
#include "tst_routingtableeditor.moc"
