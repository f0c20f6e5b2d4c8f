// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/contextmembertable.h"
#include "expr/expressionnames.h"
#include "policy/completionengine.h"
#include "policy/policyschema.h"

#include <QTest>

using Context = CompletionEngine::Context;

Q_DECLARE_METATYPE(CompletionEngine::Context)

namespace {

// Test texts mark the cursor with '|'.
struct Marked
{
    QString text;
    qsizetype cursor;
};

Marked marked(const QString &withCursor)
{
    const qsizetype cursor = withCursor.indexOf(u'|');
    Q_ASSERT(cursor >= 0);
    QString text = withCursor;
    text.remove(cursor, 1);
    return {text, cursor};
}

QStringList labels(const CompletionEngine::Result &result)
{
    QStringList names;
    for (const CompletionItem &item : result.items)
        names.append(item.label);
    return names;
}

CompletionEngine::Result completeAt(const QString &withCursor)
{
    CompletionEngine engine(PolicySchema::builtin());
    engine.setNamedValues({{QStringLiteral("backend-url"), QStringLiteral("https://b.example")},
                           {QStringLiteral("api-key"), QStringLiteral("s3cr3t"), true},
                           {QStringLiteral("tenant.id"), QStringLiteral("t1")}});
    const Marked m = marked(withCursor);
    return engine.complete(m.text, m.cursor);
}

const QString wrap = QStringLiteral("<policies>\n<inbound>\n%1\n</inbound>\n</policies>");

} // namespace

class tst_CompletionEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contexts_data();
    void contexts();
    void replaceRange();
    void elementSkeletons_data();
    void elementSkeletons();
    void attributeInsertion();
    void namedValueInsertion();
    void namedValueDetails_data();
    void namedValueDetails();
    void methodInsertion();
    void contextTableKnownToCompiler();
    void brokenInputNeverCrashes();
};

void tst_CompletionEngine::contexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Context>("context");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    const auto add = [](const char *name,
                        const QString &text,
                        Context context,
                        const QString &prefix,
                        const QStringList &present,
                        const QStringList &absent = {}) {
        QTest::newRow(name) << text << context << prefix << present << absent;
    };
    using L = QStringList;

    add("root", "|", Context::None, {}, {});
    add("root element", "<|", Context::ElementName, "", L{"policies", "fragment"});
    add("sections",
        "<policies>\n<|",
        Context::ElementName,
        "",
        L{"inbound", "backend", "outbound", "on-error"},
        L{"set-header"});
    add("sections not repeated",
        "<policies><inbound></inbound><backend/><|",
        Context::ElementName,
        "",
        L{"outbound", "on-error"},
        L{"inbound", "backend"});
    add("inbound policies",
        wrap.arg("<|"),
        Context::ElementName,
        "",
        L{"base", "set-header", "rate-limit", "validate-jwt", "choose", "retry"},
        L{"inbound", "when", "value"});
    add("inbound prefix",
        wrap.arg("<set-h|"),
        Context::ElementName,
        "set-h",
        L{"set-header"},
        L{"rate-limit"});
    add("prefix contained",
        wrap.arg("<header|"),
        Context::ElementName,
        "header",
        L{"set-header", "check-header"},
        L{"set-body"});
    add("prefix case-insensitive",
        wrap.arg("<SET-B|"),
        Context::ElementName,
        "SET-B",
        L{"set-body", "set-backend-service"});
    add("outbound excludes inbound-only",
        "<policies><outbound><|",
        Context::ElementName,
        "",
        L{"set-header", "set-body"},
        L{"rate-limit", "validate-jwt", "set-backend-service"});
    add("backend has forward-request",
        "<policies><backend><|",
        Context::ElementName,
        "",
        L{"forward-request"});
    add("after closed sibling",
        wrap.arg("<set-header name=\"a\"/>\n<|"),
        Context::ElementName,
        "",
        L{"set-header", "base"});
    add("base only once",
        wrap.arg("<base />\n<|"),
        Context::ElementName,
        "",
        L{"set-header"},
        L{"base"});
    add("choose children",
        wrap.arg("<choose>\n<|"),
        Context::ElementName,
        "",
        L{"when", "otherwise"},
        L{"set-header"});
    add("when takes section policies",
        wrap.arg("<choose><when condition=\"@(true)\">\n<|"),
        Context::ElementName,
        "",
        L{"set-header", "rate-limit"},
        L{"when", "forward-request"});
    add("retry in backend",
        "<policies><backend><retry count=\"3\" interval=\"1\"><|",
        Context::ElementName,
        "",
        L{"forward-request"},
        L{"rate-limit"});
    add("set-header children",
        wrap.arg("<set-header name=\"a\"><|"),
        Context::ElementName,
        "",
        L{"value"},
        L{"set-header"});
    add("fragment root",
        "<fragment>\n<|",
        Context::ElementName,
        "",
        L{"set-header", "forward-request", "rate-limit"},
        L{"base"});
    add("comment skipped",
        wrap.arg("<!-- <choose> -->\n<|"),
        Context::ElementName,
        "",
        L{"set-header"},
        L{"when"});
    add("inside comment", wrap.arg("<!-- <|"), Context::None, "", {});
    add("inside cdata", wrap.arg("<set-body><![CDATA[<|"), Context::None, "", {});
    add("element text", wrap.arg("<set-method>GE|"), Context::None, "", {});
    add("expression with < skipped",
        wrap.arg("<set-body>@{ return 1 < 2 ? \"<a>\" : \"\"; }</set-body>\n<|"),
        Context::ElementName,
        "",
        L{"set-header"});
    add("closing tag", wrap.arg("<choose>\n</|"), Context::ClosingTag, "", L{"choose"});
    add("closing tag prefix", wrap.arg("<choose>\n</ch|"), Context::ClosingTag, "ch", L{"choose"});
    add("end tags pop",
        wrap.arg("<choose><when condition=\"@(true)\"></when>\n</|"),
        Context::ClosingTag,
        "",
        L{"choose"},
        L{"when"});

    add("attributes",
        wrap.arg("<set-header |"),
        Context::AttributeName,
        "",
        L{"name", "exists-action", "id"});
    add("attribute prefix",
        wrap.arg("<set-header ex|"),
        Context::AttributeName,
        "ex",
        L{"exists-action"},
        L{"name"});
    add("attribute present before",
        wrap.arg("<set-header name=\"x\" |"),
        Context::AttributeName,
        "",
        L{"exists-action"},
        L{"name"});
    add("attribute present after",
        wrap.arg("<set-header | name=\"x\">"),
        Context::AttributeName,
        "",
        L{"exists-action"},
        L{"name"});
    add("attribute after expression value",
        wrap.arg("<set-header name=\"@(\"a\" + \"b\")\" |"),
        Context::AttributeName,
        "",
        L{"exists-action"},
        L{"name"});
    add("attribute after expression with quotes",
        wrap.arg("<set-variable value=\"@(context.Request.Headers"
                 ".GetValueOrDefault(\"A\",\"\") != \"\")\" |"),
        Context::AttributeName,
        "",
        L{"name", "id"},
        L{"value"});
    add("after name no space", wrap.arg("<set-header name=\"x\"|"), Context::None, "", {});
    add("retry attributes",
        wrap.arg("<retry |"),
        Context::AttributeName,
        "",
        L{"condition", "count", "interval", "max-interval", "delta", "first-fast-retry"});
    add("section has no attributes",
        "<policies><inbound |",
        Context::AttributeName,
        "",
        {},
        L{"id"});

    add("enum values",
        wrap.arg("<set-header name=\"x\" exists-action=\"|"),
        Context::AttributeValue,
        "",
        L{"override", "skip", "append", "delete"});
    add("enum prefix",
        wrap.arg("<set-header name=\"x\" exists-action=\"ov|\">"),
        Context::AttributeValue,
        "ov",
        L{"override"},
        L{"skip"});
    add("boolean values",
        wrap.arg("<rewrite-uri template=\"/\" copy-unmatched-params=\"|"),
        Context::AttributeValue,
        "",
        L{"true", "false"});
    add("free string value", wrap.arg("<set-header name=\"|"), Context::AttributeValue, "", {});
    add("single quotes",
        wrap.arg("<set-header exists-action='|"),
        Context::AttributeValue,
        "",
        L{"override"});

    add("context root",
        wrap.arg("<set-variable name=\"a\" value=\"@(con|"),
        Context::ContextMember,
        "con",
        L{"context"});
    add("context members",
        wrap.arg("<set-variable name=\"a\" value=\"@(context.|"),
        Context::ContextMember,
        "",
        L{"Request", "Response", "Variables", "Api", "User", "Trace", "Elapsed"});
    add("request members",
        wrap.arg("<set-variable name=\"a\" value=\"@(context.Request.|"),
        Context::ContextMember,
        "",
        L{"Body", "Headers", "Url", "Method", "IpAddress"},
        L{"StatusCode"});
    add("response members",
        wrap.arg("<choose><when condition=\"@(context.Response.St|"),
        Context::ContextMember,
        "St",
        L{"StatusCode", "StatusReason"},
        L{"Body"});
    add("url members",
        wrap.arg("<set-variable name=\"a\" value=\"@(context.Request.Url.|)\" />"),
        Context::ContextMember,
        "",
        L{"Host", "Path", "Query", "Port", "Scheme"});
    add("null-conditional",
        wrap.arg("<set-variable name=\"a\" value=\"@(context.User?.|"),
        Context::ContextMember,
        "",
        L{"Email", "Id"});
    add("headers methods",
        wrap.arg("<set-variable name=\"a\" value=\"@(context.Request.Headers.Get|"),
        Context::ContextMember,
        "Get",
        L{"GetValueOrDefault"});
    add("variables methods",
        wrap.arg("<set-body>@{ var x = context.Variables.|"),
        Context::ContextMember,
        "",
        L{"ContainsKey", "GetValueOrDefault"});
    add("body methods",
        wrap.arg("<set-body>@{ return context.Request.Body.|"),
        Context::ContextMember,
        "",
        L{"As"});
    add("multi-line expression",
        wrap.arg("<set-body>@{\n  var a = 1;\n  return context.LastError.|"),
        Context::ContextMember,
        "",
        L{"Message", "Reason", "Source"});
    add("after a call",
        wrap.arg("<set-body>@{ return context.Request.Body.As<JObject>().|"),
        Context::None,
        "",
        {});
    add("not context",
        wrap.arg("<set-body>@{ return DateTime.|"),
        Context::ContextMember,
        "",
        {},
        L{"Request"});
    add("unknown chain",
        wrap.arg("<set-body>@{ return context.Nope.|"),
        Context::ContextMember,
        "",
        {},
        L{"Request"});
    add("in string literal", wrap.arg("<set-body>@{ return \"context.|"), Context::None, "", {});
    add("expression closed",
        wrap.arg("<set-body>@(context.Request.Method)|"),
        Context::None,
        "",
        {});

    add("named value in value",
        wrap.arg("<set-backend-service base-url=\"{{|"),
        Context::NamedValue,
        "",
        L{"backend-url", "api-key", "tenant.id"});
    add("named value prefix",
        wrap.arg("<set-header name=\"x\"><value>{{ap|"),
        Context::NamedValue,
        "ap",
        L{"api-key"},
        L{"backend-url"});
    add("named value with dot",
        wrap.arg("<set-header name=\"{{tenant.|"),
        Context::NamedValue,
        "tenant.",
        L{"tenant.id"},
        L{"api-key"});
    add("named value in string literal",
        wrap.arg("<set-variable name=\"a\" value=\"@(&quot;{{|"),
        Context::NamedValue,
        "",
        L{"api-key"});
    add("named value in code",
        wrap.arg("<set-body>@{ var k = {{|"),
        Context::NamedValue,
        "",
        L{"api-key"});
    add("no named value in tag", wrap.arg("<set-header {{|"), Context::None, "", {});
    add("single brace", wrap.arg("<set-header name=\"{|"), Context::AttributeValue, "{", {});
}

void tst_CompletionEngine::contexts()
{
    QFETCH(QString, text);
    QFETCH(Context, context);
    QFETCH(QString, prefix);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    const CompletionEngine::Result result = completeAt(text);
    QCOMPARE(result.context, context);
    if (context == Context::None) {
        QVERIFY(result.items.isEmpty());
        return;
    }
    QCOMPARE(result.prefix, prefix);
    const QStringList names = labels(result);
    for (const QString &name : present)
        QVERIFY2(names.contains(name), qPrintable(name + u" missing from " + names.join(u',')));
    for (const QString &name : absent)
        QVERIFY2(!names.contains(name), qPrintable(name + u" offered: " + names.join(u',')));
    if (present.isEmpty() && absent.isEmpty())
        QVERIFY2(names.isEmpty(), qPrintable(names.join(u',')));
}

void tst_CompletionEngine::replaceRange()
{
    // The word around the cursor is replaced as a whole, also its part after the cursor.
    const Marked m = marked(wrap.arg("<set-he|ader name=\"x\"/>"));
    const CompletionEngine::Result result
            = CompletionEngine(PolicySchema::builtin()).complete(m.text, m.cursor);
    QCOMPARE(result.context, Context::ElementName);
    QCOMPARE(result.prefix, QStringLiteral("set-he"));
    QCOMPARE(m.text.mid(result.replaceBegin, result.replaceEnd - result.replaceBegin),
             QStringLiteral("set-header"));
    // Attributes follow on the line: the name alone, no skeleton.
    QCOMPARE(result.items.constFirst().insertText, QStringLiteral("set-header"));

    const Marked value = marked(wrap.arg("<set-header exists-action=\"ov|erride\" />"));
    const CompletionEngine::Result valueResult
            = CompletionEngine(PolicySchema::builtin()).complete(value.text, value.cursor);
    QCOMPARE(value.text.mid(valueResult.replaceBegin,
                            valueResult.replaceEnd - valueResult.replaceBegin),
             QStringLiteral("override"));
}

void tst_CompletionEngine::elementSkeletons_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("insertText");
    QTest::addColumn<int>("cursorOffset");

    QTest::newRow("required attribute") << wrap.arg("<set-h|") << "set-header"
                                        << "set-header name=\"\"></set-header>" << 17;
    QTest::newRow("no attributes, no content") << wrap.arg("<bas|") << "base"
                                               << "base />" << -1;
    QTest::newRow("content only") << wrap.arg("<cho|") << "choose"
                                  << "choose></choose>" << 7;
    QTest::newRow("one of a group") << "<policies><inbound><set-backend|"
                                    << "set-backend-service"
                                    << "set-backend-service base-url=\"\" />" << 30;
    QTest::newRow("section") << "<policies><inb|"
                             << "inbound"
                             << "inbound></inbound>" << 8;
    QTest::newRow("closing tag") << wrap.arg("<choose></|") << "choose"
                                 << "choose>" << -1;
    QTest::newRow("closing tag with >") << wrap.arg("<choose></|>") << "choose"
                                        << "choose" << -1;
}

void tst_CompletionEngine::elementSkeletons()
{
    QFETCH(QString, text);
    QFETCH(QString, label);
    QFETCH(QString, insertText);
    QFETCH(int, cursorOffset);

    const CompletionEngine::Result result = completeAt(text);
    const auto it = std::find_if(result.items.cbegin(),
                                 result.items.cend(),
                                 [&](const CompletionItem &item) { return item.label == label; });
    QVERIFY2(it != result.items.cend(), qPrintable(labels(result).join(u',')));
    QCOMPARE(it->insertText, insertText);
    QCOMPARE(it->cursorOffset, cursorOffset);
}

void tst_CompletionEngine::attributeInsertion()
{
    const CompletionEngine::Result result = completeAt(wrap.arg("<set-header na|"));
    QCOMPARE(result.items.size(), 1);
    QCOMPARE(result.items.constFirst().insertText, QStringLiteral("name=\"\""));
    QCOMPARE(result.items.constFirst().cursorOffset, 6);
    QVERIFY(result.items.constFirst().detail.startsWith(QLatin1String("required")));

    // Renaming an attribute keeps its value.
    const CompletionEngine::Result rename = completeAt(wrap.arg("<set-header ex|=\"skip\""));
    QCOMPARE(rename.items.constFirst().insertText, QStringLiteral("exists-action"));
}

void tst_CompletionEngine::namedValueInsertion()
{
    const CompletionEngine::Result open = completeAt(wrap.arg("<set-header name=\"{{api|"));
    QCOMPARE(labels(open), QStringList{QStringLiteral("api-key")});
    QCOMPARE(open.items.constFirst().insertText, QStringLiteral("api-key}}"));
    const CompletionEngine::Result closed = completeAt(wrap.arg("<set-header name=\"{{api|}}\""));
    QCOMPARE(closed.items.constFirst().insertText, QStringLiteral("api-key"));
}

void tst_CompletionEngine::namedValueDetails_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QString>("detail");
    QTest::newRow("plain shows its value")
            << "backend-url" << false << "named value: https://b.example";
    QTest::newRow("secret hides it") << "api-key" << true << "secret named value (value hidden)";
}

void tst_CompletionEngine::namedValueDetails()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QFETCH(QString, detail);
    const CompletionEngine::Result result
            = completeAt(wrap.arg("<set-header name=\"{{" + name.left(3) + "|"));
    QCOMPARE(labels(result), QStringList{name});
    const CompletionItem &item = result.items.constFirst();
    QCOMPARE(item.secret, secret);
    QCOMPARE(item.detail, detail);
    QVERIFY(!item.detail.contains(QStringLiteral("s3cr3t")));
}

void tst_CompletionEngine::methodInsertion()
{
    const CompletionEngine::Result result
            = completeAt(wrap.arg("<set-body>@(context.Variables.GetV|"));
    QCOMPARE(labels(result), QStringList{QStringLiteral("GetValueOrDefault")});
    const CompletionItem &item = result.items.constFirst();
    QCOMPARE(item.kind, CompletionItem::Kind::Method);
    QCOMPARE(item.insertText, QStringLiteral("GetValueOrDefault()"));
    QCOMPARE(item.cursorOffset, item.insertText.size() - 1);
}

void tst_CompletionEngine::contextTableKnownToCompiler()
{
    // Completion never offers a member the expression compiler would reject.
    for (const QString &type : ContextMemberTable::types()) {
        for (const ContextMemberTable::Member &member : ContextMemberTable::members(type)) {
            const bool known = member.isMethod ? ExpressionNames::isMethod(member.name)
                                               : ExpressionNames::isProperty(member.name);
            QVERIFY2(known, qPrintable(type + u'.' + member.name));
        }
    }
    QCOMPARE(ContextMemberTable::typeOf({QStringLiteral("Request"), QStringLiteral("Url")}),
             QStringLiteral("IUrl"));
    QVERIFY(ContextMemberTable::typeOf({QStringLiteral("Trace")}).isEmpty());
}

void tst_CompletionEngine::brokenInputNeverCrashes()
{
    // Every offset of a text full of unfinished constructs gives an answer.
    const QString text = QStringLiteral(
            "<policies><inbound><set-header name=\"@(context.Request.Headers[\"a\"]\" "
            "exists-action='ov'><value>{{x}}</value><!-- c --><![CDATA[<]]></set-header "
            "<choose><when condition=\"@{ return \"}\"; }\"><<//<a b=c d></inbound><@( @{ {{");
    CompletionEngine engine(PolicySchema::builtin());
    for (qsizetype offset = -1; offset <= text.size() + 1; ++offset) {
        const CompletionEngine::Result result = engine.complete(text, offset);
        if (result.context != Context::None) {
            QVERIFY(result.replaceBegin >= 0 && result.replaceBegin <= offset);
            QVERIFY(result.replaceEnd >= offset && result.replaceEnd <= text.size());
        }
    }
}

QTEST_GUILESS_MAIN(tst_CompletionEngine)
#include "tst_completionengine.moc"
