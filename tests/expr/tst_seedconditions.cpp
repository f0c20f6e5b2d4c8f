// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressiontesthelpers.h"

#include "expr/httpmessage.h"
#include "expr/namedvaluesubstitution.h"
#include "policy/policyescaping.h"
#include "policy/policyparser.h"

#include <QFile>
#include <QTest>

// The article's policies (seed/01..04): each expression evaluated against the contexts the
// scenario goes through (before the first forward, after a 404 or a 200, cache flags set or not,
// the two regions).
class tst_SeedConditions : public QObject
{
    Q_OBJECT

private:
    // Expressions of a seed file by line, in document order, with named values substituted.
    static QList<QPair<int, QString>> expressions(const QString &file)
    {
        QFile f(QStringLiteral(APIM_SHARED_DIR "/seed/") + file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const PolicyParseResult parsed = PolicyParser::parse(f.readAll(), file);
        QList<QPair<int, QString>> out;
        const QHash<QString, QString> named
                = {{QStringLiteral("eus-backend-url"),
                    QStringLiteral("https://hello-eus.azurewebsites.net")},
                   {QStringLiteral("weu-backend-url"),
                    QStringLiteral("https://hello-weu.azurewebsites.net")}};
        std::function<void(const PolicyNode &)> walk = [&](const PolicyNode &n) {
            for (const PolicyAttribute &a : n.attributes) {
                if (a.isExpression())
                    out.append({a.valueRange.begin.line,
                                NamedValueSubstitution::substitute(a.value, named).text});
            }
            for (const PolicyNode &c : n.children)
                walk(c);
        };
        for (const PolicyNode &n : parsed.document.nodes)
            walk(n);
        return out;
    }

    // setup: "response=404;backend=eus;is-eus-down=true;region=East US" (response=none: null).
    static void apply(ExpressionContext &c, const QString &setup)
    {
        for (const QString &item : setup.split(u';', Qt::SkipEmptyParts)) {
            const QString key = item.section(u'=', 0, 0);
            const QString value = item.section(u'=', 1);
            if (key == u"response") {
                if (value == u"none") {
                    c.response.reset();
                } else {
                    c.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
                    c.response->statusCode = value.toInt();
                }
            } else if (key == u"region") {
                c.deployment->set(QStringLiteral("Region"), Value::fromString(value));
            } else if (value == u"true" || value == u"false") {
                c.setVariable(key, Value::fromBool(value == u"true"));
            } else {
                c.setVariable(key, Value::fromString(value));
            }
        }
    }

private Q_SLOTS:
    void seedExpressions_data();
    void seedExpressions();
    void everySeedExpressionIsCovered();
};

void tst_SeedConditions::seedExpressions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *file, int line, const char *setup, const char *expected) {
        QTest::addRow("%s:%d %s", file, line, setup)
                << QString::fromLatin1(file) << line << QString::fromLatin1(setup)
                << QString::fromLatin1(expected);
    };
    const char *nre = "error:System.NullReferenceException: Object reference not set to an "
                      "instance of an object.";
    // 01: retry condition and the failover when.
    row("01-retry-failover-api.xml", 8, "response=404", "Boolean:True");
    row("01-retry-failover-api.xml", 8, "response=200", "Boolean:False");
    row("01-retry-failover-api.xml", 8, "response=none", nre);
    row("01-retry-failover-api.xml", 10, "response=none", "Boolean:False");
    row("01-retry-failover-api.xml", 10, "response=404", "Boolean:True");
    row("01-retry-failover-api.xml", 10, "response=500", "Boolean:False");
    // 02: cache flags, backend variable, outbound cleanup.
    row("02-cached-failover-api.xml", 9, "", "Boolean:False");
    row("02-cached-failover-api.xml", 9, "is-eus-down=true", "Boolean:True");
    row("02-cached-failover-api.xml",
        9,
        "is-eus-down=somestring",
        "error:System.InvalidCastException: Unable to cast object of type 'System.String' to type "
        "'System.Boolean'.");
    row("02-cached-failover-api.xml", 16, "is-weu-down=false", "Boolean:False");
    row("02-cached-failover-api.xml", 16, "is-weu-down=true", "Boolean:True");
    row("02-cached-failover-api.xml", 23, "response=404", "Boolean:True");
    row("02-cached-failover-api.xml", 25, "response=none;backend=eus", "Boolean:False");
    row("02-cached-failover-api.xml", 25, "response=404;backend=eus", "Boolean:True");
    row("02-cached-failover-api.xml", 25, "response=404;backend=weu", "Boolean:False");
    row("02-cached-failover-api.xml",
        25,
        "response=404",
        "error:System.Collections.Generic.KeyNotFoundException: The given key 'backend' was not "
        "present in the dictionary.");
    row("02-cached-failover-api.xml", 30, "response=404;backend=weu", "Boolean:True");
    row("02-cached-failover-api.xml", 30, "response=200;backend=weu", "Boolean:False");
    row("02-cached-failover-api.xml", 42, "response=200;backend=eus", "Boolean:True");
    row("02-cached-failover-api.xml", 42, "response=200;backend=weu", "Boolean:False");
    row("02-cached-failover-api.xml", 45, "response=200;backend=weu", "Boolean:True");
    row("02-cached-failover-api.xml", 45, "response=404;backend=weu", "Boolean:False");
    // 03: regions.
    row("03-multi-region-api.xml", 8, "region=West Europe", "Boolean:True");
    row("03-multi-region-api.xml", 8, "region=West Europe;is-weu-down=true", "Boolean:False");
    row("03-multi-region-api.xml", 8, "region=East US", "Boolean:False");
    row("03-multi-region-api.xml", 8, "region=west europe", "Boolean:False");
    row("03-multi-region-api.xml", 12, "region=West Europe", "Boolean:True");
    row("03-multi-region-api.xml", 12, "region=East US", "Boolean:False");
    row("03-multi-region-api.xml", 16, "region=East US", "Boolean:True");
    row("03-multi-region-api.xml", 16, "region=East US;is-eus-down=true", "Boolean:False");
    row("03-multi-region-api.xml", 27, "response=404", "Boolean:True");
    row("03-multi-region-api.xml", 29, "response=404", "Boolean:True");
    row("03-multi-region-api.xml", 29, "response=none", "Boolean:False");
    row("03-multi-region-api.xml", 30, "backend=eus", "String:is-eus-down-cache-key");
    row("03-multi-region-api.xml", 31, "backend=eus", "String:weu");
    row("03-multi-region-api.xml", 31, "backend=weu", "String:eus");
    row("03-multi-region-api.xml", 32, "backend=eus", "String:https://hello-eus.azurewebsites.net");
    row("03-multi-region-api.xml", 32, "backend=weu", "String:https://hello-weu.azurewebsites.net");
    row("03-multi-region-api.xml", 41, "response=200", "Boolean:True");
    row("03-multi-region-api.xml", 42, "backend=weu", "String:is-weu-down-cache-key");
    // 04: the published article's policy.
    row("04-article-published-api.xml", 17, "region=East US", "Boolean:True");
    row("04-article-published-api.xml", 17, "region=EAST US", "Boolean:True");
    row("04-article-published-api.xml", 17, "region=West Europe", "Boolean:False");
    row("04-article-published-api.xml", 19, "", "String:eus-down");
    row("04-article-published-api.xml", 21, "", "Boolean:False");
    row("04-article-published-api.xml", 21, "is-eus-down=true", "Boolean:True");
    row("04-article-published-api.xml", 26, "region=West Europe", "Boolean:True");
    row("04-article-published-api.xml", 28, "", "String:weu-down");
    row("04-article-published-api.xml", 30, "is-weu-down=true", "Boolean:True");
    row("04-article-published-api.xml", 38, "response=404", "Boolean:True");
    row("04-article-published-api.xml", 40, "response=404", "Boolean:True");
    row("04-article-published-api.xml", 40, "response=none", "Boolean:False");
    row("04-article-published-api.xml", 42, "", "Boolean:True");
    row("04-article-published-api.xml", 44, "", "String:eus-down");
    row("04-article-published-api.xml", 48, "", "String:weu-down");
}

void tst_SeedConditions::seedExpressions()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, setup);
    QFETCH(QString, expected);
    const auto all = expressions(file);
    const auto it
            = std::find_if(all.begin(), all.end(), [&](const auto &e) { return e.first == line; });
    QVERIFY2(it != all.end(), qPrintable(QStringLiteral("no expression at line %1").arg(line)));
    ExpressionContext context;
    context.response.reset();
    context.request->url = HttpUrl::fromUrl(
            QUrl(QStringLiteral("https://hello-eus.azurewebsites.net/api/Hello")));
    apply(context, setup);
    QCOMPARE(ExpressionTestHelpers::evaluate(it->second, context), expected);
}

void tst_SeedConditions::everySeedExpressionIsCovered()
{
    // Lines of the seed files that hold expressions; the data table above covers each one.
    const QHash<QString, QList<int>> lines = {
            {QStringLiteral("01-retry-failover-api.xml"), {8, 10}},
            {QStringLiteral("02-cached-failover-api.xml"), {9, 16, 23, 25, 30, 42, 45}},
            {QStringLiteral("03-multi-region-api.xml"), {8, 12, 16, 27, 29, 30, 31, 32, 41, 42}},
            {QStringLiteral("04-article-published-api.xml"),
             {17, 19, 21, 26, 28, 30, 38, 40, 42, 44, 44, 48, 48}},
    };
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        QList<int> found;
        for (const auto &e : expressions(it.key()))
            found.append(e.first);
        QCOMPARE(found, it.value());
    }
}

QTEST_GUILESS_MAIN(tst_SeedConditions)
#include "tst_seedconditions.moc"
