// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/operationmatcher.h"

#include <QTest>

class tst_OperationMatcher : public QObject
{
    Q_OBJECT

private:
    static Workspace workspace()
    {
        Workspace w;
        Workspace::Api root{QStringLiteral("root"), {}, QString(), {}, {}, {}, {}};
        root.operations = {
                {QStringLiteral("any"), {}, QStringLiteral("*"), QStringLiteral("/*"), {}},
                {QStringLiteral("hello"), {}, QStringLiteral("GET"), QStringLiteral("/hello"), {}}};
        Workspace::Api users{
                QStringLiteral("users"), {}, QStringLiteral("/v1/users/"), {}, {}, {}, {}};
        users.operations = {
                {QStringLiteral("get-user"),
                 {},
                 QStringLiteral("GET"),
                 QStringLiteral("/{id}"),
                 {}},
                {QStringLiteral("get-me"), {}, QStringLiteral("GET"), QStringLiteral("/me"), {}},
                {QStringLiteral("orders"),
                 {},
                 QStringLiteral("GET"),
                 QStringLiteral("/{id}/orders?status={status}"),
                 {}},
                {QStringLiteral("files"),
                 {},
                 QStringLiteral("GET"),
                 QStringLiteral("/{id}/files/{*path}"),
                 {}},
                {QStringLiteral("post-user"), {}, QStringLiteral("POST"), QStringLiteral("/"), {}},
        };
        w.apis = {root, users};
        return w;
    }

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("operation"); // "" when no match
        QTest::addColumn<QString>("operationPath");
        QTest::addColumn<QString>("parameters");

        QTest::newRow("literal beats wildcard") << "GET"
                                                << "/hello"
                                                << ""
                                                << "hello"
                                                << "/hello"
                                                << "";
        QTest::newRow("wildcard any method") << "DELETE"
                                             << "/x/y"
                                             << ""
                                             << "any"
                                             << "/x/y"
                                             << "";
        QTest::newRow("longest suffix") << "GET"
                                        << "/v1/users/42"
                                        << ""
                                        << "get-user"
                                        << "/42"
                                        << "id=42";
        QTest::newRow("literal beats parameter") << "GET"
                                                 << "/v1/users/me"
                                                 << ""
                                                 << "get-me"
                                                 << "/me"
                                                 << "";
        QTest::newRow("case-insensitive literal") << "get"
                                                  << "/V1/Users/ME"
                                                  << ""
                                                  << "get-me"
                                                  << "/ME"
                                                  << "";
        QTest::newRow("query template") << "GET"
                                        << "/v1/users/7/orders"
                                        << "status=open&x=1"
                                        << "orders"
                                        << "/7/orders"
                                        << "id=7,status=open";
        QTest::newRow("missing query param falls to wildcard") << "GET"
                                                               << "/v1/users/7/orders"
                                                               << ""
                                                               << "any"
                                                               << "/v1/users/7/orders"
                                                               << "";
        QTest::newRow("rest parameter") << "GET"
                                        << "/v1/users/7/files/a/b%20c.txt"
                                        << ""
                                        << "files"
                                        << "/7/files/a/b%20c.txt"
                                        << "id=7,path=a/b c.txt";
        QTest::newRow("decoded parameter") << "GET"
                                           << "/v1/users/a%2Fb"
                                           << ""
                                           << "get-user"
                                           << "/a%2Fb"
                                           << "id=a/b";
        QTest::newRow("escaped literal") << "GET"
                                         << "/v1/users/M%45"
                                         << ""
                                         << "get-me"
                                         << "/M%45"
                                         << "";
        QTest::newRow("api root") << "POST"
                                  << "/v1/users"
                                  << ""
                                  << "post-user"
                                  << "/"
                                  << "";
        QTest::newRow("extra segment falls to wildcard") << "GET"
                                                         << "/v1/users/me/x/y"
                                                         << ""
                                                         << "any"
                                                         << "/v1/users/me/x/y"
                                                         << "";
        QTest::newRow("empty segments skipped") << "GET"
                                                << "/v1/users//me/"
                                                << ""
                                                << "get-me"
                                                << "//me/"
                                                << "";
        QTest::newRow("suffix needs a segment boundary") << "GET"
                                                         << "/v1/usersX/1"
                                                         << ""
                                                         << "any"
                                                         << "/v1/usersX/1"
                                                         << "";
    }
    void match()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QString, operation);
        QFETCH(QString, operationPath);
        QFETCH(QString, parameters);
        const Workspace w = workspace();
        const OperationMatcher matcher(w);
        QVERIFY(matcher.errors().isEmpty());
        const auto m = matcher.match(method, path, query);
        QVERIFY(m.has_value());
        QCOMPARE(w.apis.at(m->apiIndex).operations.at(m->operationIndex).id, operation);
        QCOMPARE(m->operationPath, operationPath);
        QStringList pairs;
        for (auto it = m->parameters.cbegin(); it != m->parameters.cend(); ++it)
            pairs.append(it.key() + u'=' + it.value());
        pairs.sort();
        QCOMPARE(pairs.join(u','), parameters);
    }

    void noMatch()
    {
        Workspace w;
        w.apis = {Workspace::Api{QStringLiteral("a"), {}, QStringLiteral("api"), {}, {}, {}, {}}};
        w.apis[0].operations
                = {{QStringLiteral("o"), {}, QStringLiteral("GET"), QStringLiteral("/x"), {}}};
        const OperationMatcher matcher(w);
        QVERIFY(!matcher.match(QStringLiteral("GET"), QStringLiteral("/api/y"), u"").has_value());
        QVERIFY(!matcher.match(QStringLiteral("POST"), QStringLiteral("/api/x"), u"").has_value());
        QVERIFY(matcher.match(QStringLiteral("GET"), QStringLiteral("/api/x"), u"").has_value());
    }

    void badTemplates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("relative") << "users";
        QTest::newRow("wildcard in the middle") << "/*/x";
        QTest::newRow("partial parameter") << "/user{id}";
    }
    void badTemplates()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!UrlTemplate::parse(text, &error).has_value());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_OperationMatcher)
#include "tst_operationmatcher.moc"
