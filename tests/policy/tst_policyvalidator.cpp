// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/effectivepolicybuilder.h"
#include "policy/expressionchecker.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"

#include <QDir>
#include <QTest>

#include <algorithm>

namespace {

// "line:col: code" of each diagnostic, in source order, joined by "; ".
QString summary(QList<Diagnostic> diagnostics)
{
    std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.range.begin.line, a.range.begin.column, a.code)
               < std::tie(b.range.begin.line, b.range.begin.column, b.code);
    });
    QStringList parts;
    for (const Diagnostic &diagnostic : diagnostics) {
        parts.append(QStringLiteral("%1:%2: %3")
                             .arg(diagnostic.range.begin.line)
                             .arg(diagnostic.range.begin.column)
                             .arg(diagnostic.code));
    }
    return parts.join(QLatin1String("; "));
}

QString messages(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(QLatin1Char('\n'));
}

// Records every expression the validator hands over and reports one diagnostic per expression
// holding "boom", as a compiler would.
class RecordingChecker final : public ExpressionChecker
{
public:
    QList<Diagnostic> check(const ExpressionSite &site) const override
    {
        sites.append(site);
        if (!site.expression.contains(QLatin1String("boom")))
            return {};
        return {Diagnostic::error(QStringLiteral("expr.test"), QStringLiteral("boom"), site.range)};
    }
    mutable QList<ExpressionSite> sites;
};

QStringList corpusFiles()
{
    QStringList files;
    for (const char *folder : {"policies", "seed"}) {
        const QDir dir(QStringLiteral(APIM_SHARED_DIR "/") + QLatin1String(folder));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
    }
    return files;
}

} // namespace

class tst_PolicyValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("expected");

        QTest::newRow("valid document")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <base />\n"
                                  "    <set-header name=\"a\" "
                                  "exists-action=\"append\"><value>b</value></set-header>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("unknown policy")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <foo />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.unknown-element");
        QTest::newRow("unknown section")
                << QStringLiteral("<policies>\n"
                                  "  <inbund />\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("2:3: schema.unknown-section");
        QTest::newRow("duplicate section")
                << QStringLiteral("<policies>\n"
                                  "  <inbound />\n"
                                  "  <inbound />\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:3: schema.duplicate-section");
        QTest::newRow("policy outside section")
                << QStringLiteral("<policies>\n"
                                  "  <set-header name=\"a\" />\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("2:3: schema.policy-outside-section");
        QTest::newRow("text in section")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    hello\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.unexpected-text");
        QTest::newRow("forward-request in inbound")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <forward-request />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.misplaced-policy");
        QTest::newRow("forward-request in on-error")
                << QStringLiteral("<policies>\n"
                                  "  <on-error>\n"
                                  "    <forward-request />\n"
                                  "  </on-error>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.misplaced-policy");
        QTest::newRow("rewrite-uri in outbound")
                << QStringLiteral("<policies>\n"
                                  "  <outbound>\n"
                                  "    <rewrite-uri template=\"/a\" />\n"
                                  "  </outbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.misplaced-policy");
        QTest::newRow("nested policy in wrong section")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <when condition=\"true\">\n"
                                  "        <forward-request />\n"
                                  "      </when>\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("5:9: schema.misplaced-policy");
        QTest::newRow("forward-request in retry in backend")
                << QStringLiteral("<policies>\n"
                                  "  <backend>\n"
                                  "    <retry condition=\"true\" count=\"2\" interval=\"1\">\n"
                                  "      <forward-request buffer-request-body=\"true\" />\n"
                                  "    </retry>\n"
                                  "  </backend>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("missing required attribute")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <rewrite-uri />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-attribute");
        QTest::newRow("missing one of attributes")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-backend-service />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-attribute");
        QTest::newRow("exclusive attributes") << QStringLiteral(
                "<policies>\n"
                "  <inbound>\n"
                "    <set-backend-service base-url=\"http://a.example\" backend-id=\"b\" />\n"
                "  </inbound>\n"
                "</policies>") << QStringLiteral("")
                                              << QStringLiteral(
                                                         "3:54: schema.exclusive-attributes");
        QTest::newRow("bad enum value")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header name=\"a\" exists-action=\"replace\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:41: schema.invalid-value");
        QTest::newRow("enum in other case")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header name=\"a\" exists-action=\"Override\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:41: schema.enum-case");
        QTest::newRow("bad integer")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <retry condition=\"true\" count=\"abc\" interval=\"1\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:36: schema.invalid-value");
        QTest::newRow("retry count above 50")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <retry condition=\"true\" count=\"51\" interval=\"1\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:36: schema.out-of-range");
        QTest::newRow("retry count zero")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <retry condition=\"true\" count=\"0\" interval=\"1\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:36: schema.out-of-range");
        QTest::newRow("retry count expression")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <retry condition=\"true\" count=\"@(2)\" interval=\"1\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("timeout above what APIM honours")
                << QStringLiteral("<policies>\n"
                                  "  <backend>\n"
                                  "    <forward-request timeout=\"300\" />\n"
                                  "  </backend>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:31: schema.not-honoured");
        QTest::newRow("bad boolean")
                << QStringLiteral("<policies>\n"
                                  "  <backend>\n"
                                  "    <forward-request follow-redirects=\"yes\" />\n"
                                  "  </backend>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:40: schema.invalid-value");
        QTest::newRow("expression not allowed")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-variable name=\"@(&quot;n&quot;)\" value=\"1\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:25: schema.expression-not-allowed");
        QTest::newRow("named value in integer") << QStringLiteral(
                "<policies>\n"
                "  <inbound>\n"
                "    <cache-store-value key=\"k\" value=\"v\" duration=\"{{ttl}}\" />\n"
                "  </inbound>\n"
                "</policies>") << QStringLiteral("")
                                                << QStringLiteral("");
        QTest::newRow("unterminated named value")
                << QStringLiteral(
                           "<policies>\n"
                           "  <inbound>\n"
                           "    <cache-store-value key=\"k\" value=\"v\" duration=\"{{ttl}]\" />\n"
                           "  </inbound>\n"
                           "</policies>")
                << QStringLiteral("") << QStringLiteral("3:52: named-value.unterminated");
        QTest::newRow("named value with a space")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header name=\"{{my header}}\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:23: named-value.invalid-name");
        QTest::newRow("unknown attribute")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header name=\"a\" foo=\"b\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:26: schema.unknown-attribute");
        QTest::newRow("id on any policy")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header id=\"step-1\" name=\"a\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("base twice")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <base />\n"
                                  "    <base />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:5: schema.duplicate-base");
        QTest::newRow("base inside choose")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <when condition=\"true\">\n"
                                  "        <base />\n"
                                  "      </when>\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("5:9: schema.misplaced-base");
        QTest::newRow("choose without when")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <otherwise />\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-element");
        QTest::newRow("otherwise not last")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <otherwise />\n"
                                  "      <when condition=\"true\" />\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:7: schema.must-be-last");
        QTest::newRow("otherwise twice")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <when condition=\"true\" />\n"
                                  "      <otherwise />\n"
                                  "      <otherwise />\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("")
                << QStringLiteral("5:7: schema.must-be-last; 6:7: schema.too-many-elements");
        QTest::newRow("when without condition")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <when />\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:7: schema.missing-attribute");
        QTest::newRow("unknown child element")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-header name=\"a\">\n"
                                  "      <valu>b</valu>\n"
                                  "    </set-header>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:7: schema.unknown-element");
        QTest::newRow("text in empty policy")
                << QStringLiteral("<policies>\n"
                                  "  <backend>\n"
                                  "    <forward-request>oops</forward-request>\n"
                                  "  </backend>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:22: schema.unexpected-text");
        QTest::newRow("missing text")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-method></set-method>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-text");
        QTest::newRow("invalid method")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-method>GE T</set-method>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:17: schema.invalid-value");
        QTest::newRow("send-request without set-url")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <send-request response-variable-name=\"r\">\n"
                                  "      <set-method>GET</set-method>\n"
                                  "    </send-request>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-element");
        QTest::newRow("send-request copy without set-url") << QStringLiteral(
                "<policies>\n"
                "  <inbound>\n"
                "    <send-request mode=\"copy\" response-variable-name=\"r\" />\n"
                "  </inbound>\n"
                "</policies>") << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("send-request children in outbound") << QStringLiteral(
                "<policies>\n"
                "  <outbound>\n"
                "    <send-request response-variable-name=\"r\">\n"
                "      <set-url>https://a.example/x</set-url>\n"
                "      <set-method>POST</set-method>\n"
                "      <authentication-managed-identity resource=\"https://b.example\" />\n"
                "    </send-request>\n"
                "  </outbound>\n"
                "</policies>") << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("send-request set-url twice")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <send-request response-variable-name=\"r\">\n"
                                  "      <set-url>https://a.example</set-url>\n"
                                  "      <set-url>https://b.example</set-url>\n"
                                  "    </send-request>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("5:7: schema.too-many-elements");
        QTest::newRow("cache-lookup twice in a section")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <cache-lookup vary-by-developer=\"false\" "
                                  "vary-by-developer-groups=\"false\" />\n"
                                  "    <cache-lookup vary-by-developer=\"false\" "
                                  "vary-by-developer-groups=\"false\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:5: schema.once-per-section");
        QTest::newRow("cache-lookup once per branch")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <choose>\n"
                                  "      <when condition=\"true\">\n"
                                  "        <cache-lookup vary-by-developer=\"false\" "
                                  "vary-by-developer-groups=\"false\" />\n"
                                  "      </when>\n"
                                  "      <otherwise>\n"
                                  "        <cache-lookup vary-by-developer=\"false\" "
                                  "vary-by-developer-groups=\"false\" />\n"
                                  "      </otherwise>\n"
                                  "    </choose>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("forward-request twice")
                << QStringLiteral("<policies>\n"
                                  "  <backend>\n"
                                  "    <forward-request />\n"
                                  "    <forward-request />\n"
                                  "  </backend>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:5: schema.once-per-document");
        QTest::newRow("rate-limit at global scope")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <rate-limit calls=\"10\" renewal-period=\"60\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("global") << QStringLiteral("3:5: schema.misplaced-scope");
        QTest::newRow("rate-limit at api scope")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <rate-limit calls=\"10\" renewal-period=\"60\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("api") << QStringLiteral("");
        QTest::newRow("quota at api scope")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <quota calls=\"10\" renewal-period=\"60\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("api") << QStringLiteral("3:5: schema.misplaced-scope");
        QTest::newRow("quota at product scope")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <quota calls=\"10\" renewal-period=\"60\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("product") << QStringLiteral("");
        QTest::newRow("rate-limit renewal above 300")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <rate-limit calls=\"10\" renewal-period=\"301\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:44: schema.out-of-range");
        QTest::newRow("base in fragment")
                << QStringLiteral("<fragment>\n"
                                  "  <base />\n"
                                  "</fragment>")
                << QStringLiteral("") << QStringLiteral("2:3: schema.base-in-fragment");
        QTest::newRow("section in fragment")
                << QStringLiteral("<fragment>\n"
                                  "  <inbound />\n"
                                  "</fragment>")
                << QStringLiteral("") << QStringLiteral("2:3: schema.section-in-fragment");
        QTest::newRow("fragment including fragment")
                << QStringLiteral("<fragment>\n"
                                  "  <include-fragment fragment-id=\"x\" />\n"
                                  "</fragment>")
                << QStringLiteral("") << QStringLiteral("2:3: schema.fragment-in-fragment");
        QTest::newRow("valid fragment")
                << QStringLiteral("<fragment>\n"
                                  "  <set-variable name=\"a\" value=\"b\" />\n"
                                  "</fragment>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("snippet with bad enum")
                << QStringLiteral("<set-header name=\"a\" exists-action=\"bad\" />")
                << QStringLiteral("") << QStringLiteral("1:37: schema.invalid-value");
        QTest::newRow("snippet without section") << QStringLiteral("<forward-request />")
                                                 << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("cors without origins")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <cors>\n"
                                  "      <allowed-headers>\n"
                                  "        <header>*</header>\n"
                                  "      </allowed-headers>\n"
                                  "    </cors>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-element");
        QTest::newRow("relative base-url")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-backend-service base-url=\"not a url\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:36: schema.invalid-url");
        QTest::newRow("empty base-url")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-backend-service base-url=\"\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:36: schema.empty-value");
        QTest::newRow("emit-metric without dimension")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <emit-metric name=\"m\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-element");
        QTest::newRow("validate-jwt without token source")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <validate-jwt failed-validation-httpcode=\"401\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:5: schema.missing-attribute");
        QTest::newRow("trace with text message")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <trace source=\"a\">message</trace>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("set-status code out of range")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <return-response>\n"
                                  "      <set-status code=\"999\" />\n"
                                  "    </return-response>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("4:25: schema.out-of-range");
        QTest::newRow("literal XML in set-body")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <set-body><order id=\"1\"><line /></order></set-body>\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("unknown attribute on open policy")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <validate-content future-attribute=\"x\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("");
        QTest::newRow("invalid date")
                << QStringLiteral("<policies>\n"
                                  "  <inbound>\n"
                                  "    <quota-by-key calls=\"1\" renewal-period=\"60\" "
                                  "counter-key=\"k\" first-period-start=\"yesterday\" />\n"
                                  "  </inbound>\n"
                                  "</policies>")
                << QStringLiteral("") << QStringLiteral("3:85: schema.invalid-value");
    }
    void rules()
    {
        QFETCH(QString, xml);
        QFETCH(QString, scope);
        QFETCH(QString, expected);
        const PolicyParseResult parsed = PolicyParser::parse(xml, QStringLiteral("rule.xml"));
        QVERIFY2(parsed.ok(), qPrintable(messages(parsed.diagnostics)));
        const QList<Diagnostic> diagnostics = PolicyValidator().validate(
                parsed.document, policyScopeFromName(scope), QStringLiteral("rule.xml"));
        QCOMPARE(summary(diagnostics), expected);
        for (const Diagnostic &diagnostic : diagnostics) {
            QCOMPARE(diagnostic.file, QStringLiteral("rule.xml"));
            QVERIFY(!diagnostic.message.isEmpty());
        }
    }

    // Every real policy in the corpus and every seed policy validates without errors.
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = corpusFiles();
        QVERIFY(files.size() > 80);
        for (const QString &path : files)
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
    void corpus()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const PolicyParseResult parsed = PolicyParser::parse(file.readAll(), path);
        QVERIFY2(parsed.ok(), qPrintable(messages(parsed.diagnostics)));
        const QList<Diagnostic> diagnostics = PolicyValidator().validate(parsed.document);
        QList<Diagnostic> errors;
        std::copy_if(diagnostics.cbegin(),
                     diagnostics.cend(),
                     std::back_inserter(errors),
                     [](const Diagnostic &d) { return d.isError(); });
        QVERIFY2(errors.isEmpty(), qPrintable(messages(errors)));
    }

    void expressionsGoToTheChecker()
    {
        const QString xml
                = QStringLiteral("<policies>\n"
                                 "  <inbound>\n"
                                 "    <choose>\n"
                                 "      <when condition=\"@(1 == 1)\">\n"
                                 "        <set-body>  @{ return \"boom\"; }</set-body>\n"
                                 "      </when>\n"
                                 "    </choose>\n"
                                 "    <set-variable name=\"n\" value=\"@(&quot;a&quot;)\" />\n"
                                 "  </inbound>\n"
                                 "</policies>");
        const PolicyParseResult parsed = PolicyParser::parse(xml);
        QVERIFY(parsed.ok());
        RecordingChecker checker;
        const QList<Diagnostic> diagnostics
                = PolicyValidator(PolicySchema::builtin(), &checker).validate(parsed.document);
        QCOMPARE(checker.sites.size(), 3);

        const ExpressionSite &condition = checker.sites.at(0);
        QCOMPARE(condition.policyName, QStringLiteral("when"));
        QCOMPARE(condition.attributeName, QStringLiteral("condition"));
        QCOMPARE(condition.expression, QStringLiteral("@(1 == 1)"));
        QCOMPARE(condition.expectedType, PolicyValueSpec::Type::Boolean);
        QCOMPARE(condition.section, PolicySection::Inbound);
        QCOMPARE(condition.range.begin.line, 4);
        QCOMPARE(condition.range.begin.column, 24);

        const ExpressionSite &body = checker.sites.at(1);
        QCOMPARE(body.policyName, QStringLiteral("set-body"));
        QVERIFY(body.attributeName.isEmpty());
        QCOMPARE(body.expression, QStringLiteral("@{ return \"boom\"; }"));
        QCOMPARE(body.range.begin.line, 5);
        QCOMPARE(body.range.begin.column, 21);
        QCOMPARE(body.range.length(), body.rawText.size());

        const ExpressionSite &value = checker.sites.at(2);
        QCOMPARE(value.expression, QStringLiteral("@(\"a\")"));
        QCOMPARE(value.rawText, QStringLiteral("@(&quot;a&quot;)"));

        QCOMPARE(summary(diagnostics), QStringLiteral("5:21: expr.test"));
    }

    // In an effective document each node's origin decides its scope: a rate-limit inherited
    // from the global policy is reported although the operation scope would allow it.
    void scopeFromOrigins()
    {
        const PolicyParseResult global = PolicyParser::parse(QStringLiteral(
                "<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /></inbound>"
                "</policies>"));
        const PolicyParseResult operation = PolicyParser::parse(QStringLiteral(
                "<policies><inbound><base /><rate-limit calls=\"9\" renewal-period=\"60\" />"
                "</inbound></policies>"));
        QVERIFY(global.ok() && operation.ok());
        EffectivePolicyBuilder builder;
        builder.setScopeDocument(PolicyScope::Global, global.document, QStringLiteral("g.xml"));
        builder.setScopeDocument(
                PolicyScope::Operation, operation.document, QStringLiteral("o.xml"));
        const PolicyDocument effective = builder.build().document;
        const QList<Diagnostic> diagnostics
                = PolicyValidator().validate(effective, PolicyScope::Operation);
        // The global one at its own source position, and the second use in the merged document.
        QCOMPARE(summary(diagnostics),
                 QStringLiteral("1:20: schema.misplaced-scope; 1:28: schema.once-per-document"));
        QCOMPARE(diagnostics.at(0).file, QStringLiteral("g.xml"));
        QCOMPARE(diagnostics.at(1).file, QStringLiteral("o.xml"));
    }

    void noCheckerWhereExpressionsAreRefused()
    {
        const PolicyParseResult parsed = PolicyParser::parse(
                QStringLiteral("<policies><inbound><set-variable name=\"@(boom)\" value=\"1\" "
                               "/></inbound></policies>"));
        QVERIFY(parsed.ok());
        RecordingChecker checker;
        const QList<Diagnostic> diagnostics
                = PolicyValidator(PolicySchema::builtin(), &checker).validate(parsed.document);
        QVERIFY(checker.sites.isEmpty());
        QCOMPARE(summary(diagnostics), QStringLiteral("1:40: schema.expression-not-allowed"));
    }
};

QTEST_GUILESS_MAIN(tst_PolicyValidator)
#include "tst_policyvalidator.moc"
