// SPDX-License-Identifier: GPL-3.0-or-later
// What a scope inherits, from a workspace's texts: the chain of scopes, what a <base/> stands for,
// a fragment's content, and the effective policy with each line's origin. Origins name documents
// exactly as the gateway's compiled programs do, so trace steps find their scope.
#include "gateway/programset.h"
#include "workspace/scopeinheritance.h"
#include "workspace/workspaceserializer.h"

#include <QTest>

namespace {

Workspace::PolicySource inlinePolicy(const char *xml)
{
    return {QString(), QString::fromUtf8(xml)};
}

// Global, a product, an API in that product with one operation (from a file name), a fragment.
Workspace layered()
{
    Workspace w;
    w.global = inlinePolicy("<policies><inbound><set-header name=\"x-global\" exists-action="
                            "\"override\"><value>1</value></set-header></inbound><backend>"
                            "<forward-request /></backend><outbound /><on-error /></policies>");
    Workspace::Product product;
    product.id = QStringLiteral("starter");
    product.policy = inlinePolicy("<policies><inbound><base /><rate-limit calls=\"5\" "
                                  "renewal-period=\"60\" /></inbound><backend><base /></backend>"
                                  "<outbound><base /></outbound><on-error><base /></on-error>"
                                  "</policies>");
    w.products.append(product);
    Workspace::Api api;
    api.id = QStringLiteral("orders");
    api.products = {QStringLiteral("starter")};
    api.policy = inlinePolicy("<policies><inbound><base /><include-fragment fragment-id=\"cors\" "
                              "/><set-variable name=\"a\" value=\"1\" /></inbound><backend>"
                              "<base /></backend><outbound><base /></outbound><on-error>"
                              "<base /></on-error></policies>");
    Workspace::Operation operation;
    operation.id = QStringLiteral("get");
    operation.policy = {QStringLiteral("policies/get.xml"),
                        QStringLiteral("<policies>\n<inbound>\n<base />\n<set-method>GET"
                                       "</set-method>\n</inbound>\n</policies>\n")};
    api.operations.append(operation);
    w.apis.append(api);
    Workspace::Fragment fragment;
    fragment.id = QStringLiteral("cors");
    fragment.policy = inlinePolicy("<fragment><set-header name=\"x-cors\" exists-action="
                                   "\"override\"><value>*</value></set-header></fragment>");
    w.fragments.append(fragment);
    return w;
}

QStringList namesOf(const QList<PolicyNode> &nodes)
{
    QStringList names;
    for (const PolicyNode &node : nodes)
        names.append(node.name);
    return names;
}

} // namespace

Q_DECLARE_METATYPE(WorkspaceScope)

class tst_ScopeInheritance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chainRunsFromGlobalToTheScope_data()
    {
        QTest::addColumn<WorkspaceScope>("scope");
        QTest::addColumn<QList<WorkspaceScope>>("chain");
        const WorkspaceScope global = WorkspaceScope::global();
        const WorkspaceScope product = WorkspaceScope::product(QStringLiteral("starter"));
        const WorkspaceScope api = WorkspaceScope::api(QStringLiteral("orders"));
        const WorkspaceScope operation
                = WorkspaceScope::operation(QStringLiteral("orders"), QStringLiteral("get"));
        const WorkspaceScope fragment = WorkspaceScope::fragment(QStringLiteral("cors"));
        QTest::newRow("global") << global << QList<WorkspaceScope>{global};
        QTest::newRow("product") << product << QList<WorkspaceScope>{global, product};
        QTest::newRow("api") << api << QList<WorkspaceScope>{global, product, api};
        QTest::newRow("operation")
                << operation << QList<WorkspaceScope>{global, product, api, operation};
        QTest::newRow("fragment") << fragment << QList<WorkspaceScope>{fragment};
    }

    void chainRunsFromGlobalToTheScope()
    {
        QFETCH(WorkspaceScope, scope);
        QFETCH(QList<WorkspaceScope>, chain);
        const Workspace w = layered();
        QCOMPARE(ScopeInheritance(w).chain(scope), chain);
    }

    void baseStandsForTheParentsEffectiveSection()
    {
        const Workspace w = layered();
        const ScopeInheritance inheritance(w);
        const QList<PolicyNode> inherited = inheritance.inherited(
                WorkspaceScope::operation(QStringLiteral("orders"), QStringLiteral("get")),
                QStringLiteral("inbound"));
        QCOMPARE(namesOf(inherited),
                 QStringList({"set-header", "rate-limit", "set-header", "set-variable"}));
        QCOMPARE(inherited.at(0).origin.scope, PolicyScope::Global);
        QCOMPARE(inherited.at(1).origin.scope, PolicyScope::Product);
        QCOMPARE(inherited.at(2).origin.scope, PolicyScope::Fragment);
        QCOMPARE(inherited.at(2).origin.fragmentId, QStringLiteral("cors"));
        QCOMPARE(inherited.at(3).origin.scope, PolicyScope::Api);
        QCOMPARE(inherited.at(3).origin.document, QStringLiteral("orders"));
        // The global scope has nothing above it.
        QVERIFY(inheritance.inherited(WorkspaceScope::global(), QStringLiteral("inbound"))
                        .isEmpty());
        QCOMPARE(namesOf(inheritance.inherited(WorkspaceScope::api(QStringLiteral("orders")),
                                               QStringLiteral("backend"))),
                 QStringList{"forward-request"});
    }

    void fragmentContentCarriesItsOrigin()
    {
        const Workspace w = layered();
        const QList<PolicyNode> content
                = ScopeInheritance(w).fragmentContent(QStringLiteral("cors"));
        QCOMPARE(namesOf(content), QStringList{"set-header"});
        QCOMPARE(content.first().origin,
                 (PolicyOrigin{
                         PolicyScope::Fragment, QStringLiteral("cors"), QStringLiteral("cors")}));
        QVERIFY(ScopeInheritance(w).fragmentContent(QStringLiteral("missing")).isEmpty());
    }

    void effectiveTextColoursEachLineByOrigin()
    {
        const Workspace w = layered();
        const ScopeInheritance::Text effective = ScopeInheritance(w).effectiveText(
                WorkspaceScope::operation(QStringLiteral("orders"), QStringLiteral("get")));
        QVERIFY(effective.diagnostics.isEmpty());
        const QStringList lines = effective.text.split(u'\n');
        QCOMPARE(effective.lineOrigins.size(), lines.size());
        auto originOf = [&](const QString &text) {
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (lines.at(i).contains(text))
                    return effective.lineOrigins.at(i);
            }
            return PolicyOrigin{};
        };
        QCOMPARE(originOf(QStringLiteral("x-global")).scope, PolicyScope::Global);
        QCOMPARE(originOf(QStringLiteral("<value>1</value>")).scope, PolicyScope::Global);
        QCOMPARE(originOf(QStringLiteral("rate-limit")).scope, PolicyScope::Product);
        QCOMPARE(originOf(QStringLiteral("x-cors")).scope, PolicyScope::Fragment);
        QCOMPARE(originOf(QStringLiteral("set-variable")).scope, PolicyScope::Api);
        QCOMPARE(originOf(QStringLiteral("set-method")),
                 (PolicyOrigin{PolicyScope::Operation, QStringLiteral("policies/get.xml"), {}}));
        QCOMPARE(originOf(QStringLiteral("forward-request")).scope, PolicyScope::Global);
        QCOMPARE(originOf(QStringLiteral("<inbound>")).scope, PolicyScope::None);
    }

    void brokenScopeIsReportedNotMerged()
    {
        Workspace w = layered();
        w.apis.first().policy.xml = QStringLiteral("<policies><inbound>");
        const ScopeInheritance::Text effective = ScopeInheritance(w).effectiveText(
                WorkspaceScope::operation(QStringLiteral("orders"), QStringLiteral("get")));
        QVERIFY(!effective.diagnostics.isEmpty());
        QCOMPARE(effective.diagnostics.first().file, QStringLiteral("orders"));
        QVERIFY(!effective.text.contains(u"set-variable"));
    }

    // Origins in compiled programs (and so in trace steps) name the scope fromOrigin finds.
    void originsNameTheScopesAsTheGatewayDoes()
    {
        const WorkspaceLoadResult loaded = WorkspaceSerializer::load(
                QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"));
        QVERIFY(loaded.ok());
        const auto set = ProgramSet::build(loaded.workspace);
        const auto program = set->program(0, 0);
        QVERIFY(program);
        QSet<QString> seen;
        for (const auto &section : program->sections) {
            for (const ProgramNode &node : section) {
                const WorkspaceScope scope = WorkspaceScope::fromOrigin(
                        loaded.workspace, node.origin.scope, node.origin.document);
                QVERIFY2(scope.isValid(), qPrintable(node.origin.document));
                QCOMPARE(scope.kind, node.origin.scope);
                seen.insert(node.origin.document);
            }
        }
        QCOMPARE(seen,
                 QSet<QString>({QStringLiteral("article/02-cached-failover-api.xml"),
                                QStringLiteral("article/00-default-operation.xml")}));
        QCOMPARE(WorkspaceScope::fromOrigin(loaded.workspace,
                                            PolicyScope::Operation,
                                            QStringLiteral("article/00-default-operation.xml")),
                 WorkspaceScope::operation(QStringLiteral("hello"), QStringLiteral("get-hello")));
        QVERIFY(!WorkspaceScope::fromOrigin(loaded.workspace, PolicyScope::Api, QStringLiteral("x"))
                         .isValid());
    }
};

QTEST_GUILESS_MAIN(tst_ScopeInheritance)
#include "tst_scopeinheritance.moc"
