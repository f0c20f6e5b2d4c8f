// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace tree: scopes in APIM's order with their documents, named values with secrets
// masked, modified markers, and index lookup both ways.
#include "workspace/workspacescopemodel.h"
#include "workspace/workspaceserializer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

QStringList childTexts(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row)
        texts.append(model.index(row, 0, parent).data().toString());
    return texts;
}

Workspace withProductsAndFragments()
{
    Workspace w;
    w.products.append({QStringLiteral("starter"), QStringLiteral("Starter"), {}});
    Workspace::Api api;
    api.id = QStringLiteral("orders");
    api.operations.append({QStringLiteral("list"),
                           QString(),
                           QStringLiteral("GET"),
                           QStringLiteral("/orders"),
                           {}});
    w.apis.append(api);
    w.fragments.append({QStringLiteral("cors"), QString(), {}});
    w.namedValues.append({QStringLiteral("plain"), QStringLiteral("visible"), false});
    w.namedValues.append({QStringLiteral("key"), QStringLiteral("s3cr3t-value"), true});
    return w;
}

} // namespace

class tst_WorkspaceScopeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void articleWorkspaceTree()
    {
        const WorkspaceLoadResult loaded = WorkspaceSerializer::load(
                QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"));
        QVERIFY(loaded.ok());
        WorkspaceScopeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(loaded.workspace);
        QCOMPARE(childTexts(model, {}),
                 QStringList(
                         {"Global (all APIs)", "Products", "APIs", "Fragments", "Named values"}));
        const QModelIndex apis = model.index(2, 0);
        QCOMPARE(childTexts(model, apis), QStringList{"Hello"});
        const QModelIndex hello = model.index(0, 0, apis);
        QCOMPARE(childTexts(model, hello), QStringList{"GET /hello"});
        QCOMPARE(model.scope(hello), WorkspaceScope::api(QStringLiteral("hello")));
        QCOMPARE(hello.data(WorkspaceScopeModel::DocumentRole).toString(),
                 QStringLiteral("article/02-cached-failover-api.xml"));
        const QModelIndex operation = model.index(0, 0, hello);
        QCOMPARE(model.scope(operation),
                 WorkspaceScope::operation(QStringLiteral("hello"), QStringLiteral("get-hello")));
        QCOMPARE(model.parent(operation), hello);
        QCOMPARE(model.indexOf(model.scope(operation)), operation);
        QCOMPARE(model.scope(model.index(0, 0)), WorkspaceScope::global());
        QVERIFY(!model.scope(apis).isValid());

        const QStringList values = childTexts(model, model.index(4, 0));
        QCOMPARE(values.size(), 3);
        QVERIFY(values.contains(u"eus-backend-url = https://hello-eus.azurewebsites.net"));
        // The secret's value appears nowhere in the tree.
        for (const QString &text : values)
            QVERIFY2(!text.contains(u"demo-function-key"), qPrintable(text));
        QVERIFY(values.contains(u"hello-key = ••••••••"));
    }

    void productsFragmentsAndSecrets()
    {
        WorkspaceScopeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(withProductsAndFragments());
        QCOMPARE(childTexts(model, model.index(1, 0)), QStringList{"Starter"});
        QCOMPARE(model.scope(model.index(0, 0, model.index(1, 0))),
                 WorkspaceScope::product(QStringLiteral("starter")));
        // An operation without a name shows its id.
        QCOMPARE(childTexts(model, model.index(0, 0, model.index(2, 0))), QStringList{"list"});
        QCOMPARE(model.scope(model.index(0, 0, model.index(3, 0))),
                 WorkspaceScope::fragment(QStringLiteral("cors")));
        const QModelIndex secret = model.index(1, 0, model.index(4, 0));
        QVERIFY(!secret.data().toString().contains(u"s3cr3t"));
        QVERIFY(!secret.data(Qt::ToolTipRole).toString().contains(u"s3cr3t"));
        QCOMPARE(model.index(0, 0, model.index(4, 0)).data().toString(),
                 QStringLiteral("plain = visible"));
    }

    void modifiedScopesAreMarked()
    {
        WorkspaceScopeModel model;
        model.setWorkspace(withProductsAndFragments());
        const WorkspaceScope api = WorkspaceScope::api(QStringLiteral("orders"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setModified(api, true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.indexOf(api).data().toString(), QStringLiteral("orders *"));
        model.setModified(api, true);
        QCOMPARE(changed.size(), 1);
        model.setModified(api, false);
        QCOMPARE(model.indexOf(api).data().toString(), QStringLiteral("orders"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexOf(api).isValid());
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceScopeModel)
#include "tst_workspacescopemodel.moc"
