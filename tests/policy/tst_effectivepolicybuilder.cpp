// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/effectivepolicybuilder.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"
#include "policy/policywriter.h"

#include <QFile>
#include <QTest>

namespace {

PolicyDocument parse(const QString &xml, const QString &name = {})
{
    const PolicyParseResult parsed = PolicyParser::parse(xml, name);
    if (!parsed.ok())
        qWarning() << "cannot parse" << name << parsed.diagnostics.value(0).toString();
    return parsed.document;
}

PolicyDocument parseFile(const QString &name)
{
    QFile file(QStringLiteral(APIM_SHARED_DIR "/seed/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return PolicyParser::parse(file.readAll(), name).document;
}

// A <policies> document with the given inbound content.
QString inbound(const QString &content)
{
    return QStringLiteral("<policies>\n  <inbound>\n    %1\n  </inbound>\n</policies>")
            .arg(content);
}

QString variable(const QString &name)
{
    return QStringLiteral("<set-variable name=\"%1\" value=\"1\" />").arg(name);
}

// "name@scope" for each element of a section: the set-variable's name, otherwise the tag.
QString summary(const PolicyDocument &document, const QString &section)
{
    const PolicyNode *node = document.section(section);
    if (!node)
        return QStringLiteral("<no section>");
    QStringList parts;
    for (const PolicyNode *element : node->elements()) {
        const QString name
                = element->isElement(u"set-variable") ? element->attribute(u"name") : element->name;
        parts.append(name + QLatin1Char('@') + policyScopeName(element->origin.scope));
    }
    return parts.join(QLatin1Char(' '));
}

QString codes(const QList<Diagnostic> &diagnostics)
{
    QStringList parts;
    for (const Diagnostic &diagnostic : diagnostics) {
        parts.append(QStringLiteral("%1:%2:%3: %4")
                             .arg(diagnostic.file)
                             .arg(diagnostic.range.begin.line)
                             .arg(diagnostic.range.begin.column)
                             .arg(diagnostic.code));
    }
    return parts.join(QLatin1String("; "));
}

} // namespace

class tst_EffectivePolicyBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The article's step 0: API scope + operation scope.
    void articleStepZero()
    {
        EffectivePolicyBuilder builder;
        builder.setScopeDocument(PolicyScope::Api,
                                 parseFile(QStringLiteral("00-default-api.xml")),
                                 QStringLiteral("00-default-api.xml"));
        builder.setScopeDocument(PolicyScope::Operation,
                                 parseFile(QStringLiteral("00-default-operation.xml")),
                                 QStringLiteral("00-default-operation.xml"));
        const EffectivePolicyBuilder::Result result = builder.build();
        QVERIFY(result.diagnostics.isEmpty());
        const PolicyDocument &document = result.document;
        QCOMPARE(summary(document, QStringLiteral("inbound")),
                 QStringLiteral(
                         "set-backend-service@api set-method@operation rewrite-uri@operation"));
        QCOMPARE(summary(document, QStringLiteral("backend")),
                 QStringLiteral("forward-request@api"));
        QCOMPARE(summary(document, QStringLiteral("outbound")), QString());
        QCOMPARE(summary(document, QStringLiteral("on-error")), QString());

        const QList<const PolicyNode *> policies = document.section(u"inbound")->elements();
        QCOMPARE(policies.at(0)->origin.document, QStringLiteral("00-default-api.xml"));
        QCOMPARE(policies.at(0)->startTagRange.begin.line, 5);
        QCOMPARE(policies.at(0)->startTagRange.begin.column, 9);
        QCOMPARE(policies.at(2)->origin.document, QStringLiteral("00-default-operation.xml"));
        QCOMPARE(policies.at(2)->startTagRange.begin.line, 6);
        QCOMPARE(policies.at(2)->attribute(u"template"),
                 QStringLiteral("/api/Hello?code={{hello-key}}"));
        // Origins reach into every node, text included.
        QCOMPARE(policies.at(1)->children.value(0).origin.scope, PolicyScope::Operation);
    }

    void layering_data()
    {
        QTest::addColumn<QString>("global");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("expected");
        const QString g = inbound(variable("g"));
        const QString p = inbound("<base />" + variable("p"));
        const QString a = inbound("<base />" + variable("a"));
        const QString o = inbound("<base />" + variable("o"));
        QTest::newRow("all scopes, base first")
                << g << p << a << o << "g@global p@product a@api o@operation";
        QTest::newRow("base last") << g << p << a << inbound(variable("o") + "<base />")
                                   << "o@operation g@global p@product a@api";
        QTest::newRow("base between")
                << g << p << a << inbound(variable("o1") + "<base />" + variable("o2"))
                << "o1@operation g@global p@product a@api o2@operation";
        QTest::newRow("api drops parents")
                << g << p << inbound(variable("a")) << o << "a@api o@operation";
        QTest::newRow("operation drops all")
                << g << p << a << inbound(variable("o")) << "o@operation";
        QTest::newRow("missing api scope") << g << p << "" << o << "g@global p@product o@operation";
        QTest::newRow("only global") << g << ""
                                     << ""
                                     << ""
                                     << "g@global";
        QTest::newRow("no documents") << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "";
        QTest::newRow("missing section inherits") << g << p << "<policies><outbound /></policies>"
                                                  << o << "g@global p@product o@operation";
        QTest::newRow("empty section drops")
                << g << p << "<policies><inbound /></policies>" << o << "o@operation";
        QTest::newRow("base at global has no parent") << inbound("<base />" + variable("g")) << ""
                                                      << ""
                                                      << ""
                                                      << "g@global";
        QTest::newRow("base twice repeats the parent")
                << g << "" << inbound("<base />" + variable("a") + "<base />") << ""
                << "g@global a@api g@global";
    }
    void layering()
    {
        QFETCH(QString, global);
        QFETCH(QString, product);
        QFETCH(QString, api);
        QFETCH(QString, operation);
        QFETCH(QString, expected);
        EffectivePolicyBuilder builder;
        const QList<std::pair<PolicyScope, QString>> inputs = {{PolicyScope::Global, global},
                                                               {PolicyScope::Product, product},
                                                               {PolicyScope::Api, api},
                                                               {PolicyScope::Operation, operation}};
        for (const auto &[scope, xml] : inputs) {
            if (!xml.isEmpty())
                builder.setScopeDocument(scope, parse(xml), policyScopeName(scope) + ".xml");
        }
        const EffectivePolicyBuilder::Result result = builder.build();
        QVERIFY(result.diagnostics.isEmpty());
        QCOMPARE(summary(result.document, QStringLiteral("inbound")), expected);
        const PolicyNode *first
                = result.document.section(u"inbound")->firstElement(u"set-variable");
        if (first)
            QCOMPARE(first->origin.document, policyScopeName(first->origin.scope) + ".xml");
    }

    void fragments_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("diagnostics");
        QTest::newRow("expanded in place") << inbound(
                variable("a1") + "<include-fragment fragment-id=\"f\" />" + variable("a2"))
                                           << "a1@api f1@fragment f2@fragment a2@api"
                                           << "";
        QTest::newRow("expanded inside choose")
                << inbound("<choose><when condition=\"true\"><include-fragment fragment-id=\"f\" />"
                           "</when></choose>")
                << "choose@api"
                << "";
        QTest::newRow("unknown fragment kept")
                << inbound("<include-fragment fragment-id=\"nope\" />") << "include-fragment@api"
                << "api.xml:3:5: effective.unknown-fragment";
        QTest::newRow("fragment including a fragment")
                << inbound("<include-fragment fragment-id=\"nested\" />")
                << "n1@fragment include-fragment@fragment"
                << "nested.xml:1:47: effective.fragment-in-fragment";
    }
    void fragments()
    {
        QFETCH(QString, api);
        QFETCH(QString, expected);
        QFETCH(QString, diagnostics);
        EffectivePolicyBuilder builder;
        builder.setScopeDocument(PolicyScope::Api, parse(api), QStringLiteral("api.xml"));
        builder.addFragment(QStringLiteral("f"),
                            parse("<fragment>" + variable("f1") + variable("f2") + "</fragment>"),
                            QStringLiteral("f.xml"));
        builder.addFragment(QStringLiteral("nested"),
                            parse("<fragment>" + variable("n1")
                                  + "<include-fragment fragment-id=\"f\" /></fragment>"),
                            QStringLiteral("nested.xml"));
        const EffectivePolicyBuilder::Result result = builder.build();
        QCOMPARE(codes(result.diagnostics), diagnostics);
        QCOMPARE(summary(result.document, QStringLiteral("inbound")), expected);

        const PolicyNode *choose = result.document.section(u"inbound")->firstElement(u"choose");
        if (choose) {
            const PolicyNode *when = choose->firstElement(u"when");
            QCOMPARE(when->elements().size(), 2);
            const PolicyNode *f1 = when->elements().at(0);
            QCOMPARE(f1->attribute(u"name"), QStringLiteral("f1"));
            QCOMPARE(f1->origin,
                     (PolicyOrigin{
                             PolicyScope::Fragment, QStringLiteral("f.xml"), QStringLiteral("f")}));
            QCOMPARE(f1->startTagRange.begin.column, 11);
        }
    }

    void wrongDocumentKinds()
    {
        EffectivePolicyBuilder builder;
        builder.setScopeDocument(PolicyScope::Api,
                                 parse("<fragment>" + variable("x") + "</fragment>"),
                                 QStringLiteral("api.xml"));
        builder.addFragment(
                QStringLiteral("f"), parse(inbound(variable("y"))), QStringLiteral("f.xml"));
        const EffectivePolicyBuilder::Result result = builder.build();
        QCOMPARE(codes(result.diagnostics),
                 QStringLiteral(
                         "api.xml:1:1: effective.not-policies; f.xml:1:1: effective.not-fragment"));
        QCOMPARE(summary(result.document, QStringLiteral("inbound")), QString());
    }

    // The merged document is laid out again and written as a readable, valid policy.
    void writesReadableDocument()
    {
        EffectivePolicyBuilder builder;
        builder.setAnnotateOrigins(true);
        builder.setScopeDocument(PolicyScope::Global,
                                 parse("<policies><inbound><set-header name=\"g\"><value>1</value>"
                                       "</set-header></inbound><backend><forward-request />"
                                       "</backend></policies>"),
                                 QStringLiteral("global.xml"));
        builder.setScopeDocument(PolicyScope::Api,
                                 parseFile(QStringLiteral("00-default-operation.xml")),
                                 QStringLiteral("op.xml"));
        const EffectivePolicyBuilder::Result result = builder.build();
        QVERIFY(result.diagnostics.isEmpty());
        const QString written = PolicyWriter::write(result.document);
        const QString expected
                = QStringLiteral("<policies>\n"
                                 "    <inbound>\n"
                                 "        <!-- global: global.xml -->\n"
                                 "        <set-header name=\"g\">\n"
                                 "            <value>1</value>\n"
                                 "        </set-header>\n"
                                 "        <!-- api: op.xml -->\n"
                                 "        <set-method>GET</set-method>\n"
                                 "        <rewrite-uri template=\"/api/Hello?code={{hello-key}}\" "
                                 "copy-unmatched-params=\"true\" />\n"
                                 "    </inbound>\n"
                                 "    <backend>\n"
                                 "        <!-- global: global.xml -->\n"
                                 "        <forward-request />\n"
                                 "    </backend>\n"
                                 "    <outbound />\n"
                                 "    <on-error />\n"
                                 "</policies>\n");
        QCOMPARE(written, expected);
        const PolicyParseResult reparsed = PolicyParser::parse(written);
        QVERIFY(reparsed.ok());
        QVERIFY(!Diagnostic::hasErrors(PolicyValidator().validate(reparsed.document)));
    }
};

QTEST_GUILESS_MAIN(tst_EffectivePolicyBuilder)
#include "tst_effectivepolicybuilder.moc"
