// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"

#include "policycorpus.h"

#include <QTest>

Q_DECLARE_METATYPE(PolicyDocument::Kind)

namespace {

// Positions computed independently of the parser: count line breaks up to the offset.
SourcePosition expectedPosition(const QString &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n';
        if ((c == u'\n' || c == u'\r') && !crlf) {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, int(offset - lineStart + 1), offset};
}

QString slice(const QString &text, const SourceRange &range)
{
    return text.mid(range.begin.offset, range.length());
}

// The first element on a path of tag names ("policies/inbound/set-header"), or null.
const PolicyNode *findPath(const PolicyDocument &document, const QString &path)
{
    const QStringList names = path.split(u'/');
    if (!document.isValid() || document.root().name != names.first())
        return nullptr;
    const PolicyNode *node = &document.root();
    for (qsizetype i = 1; node && i < names.size(); ++i)
        node = node->firstElement(names.at(i));
    return node;
}

void checkRange(const QString &text, const SourceRange &range)
{
    QVERIFY(range.isValid());
    QVERIFY(range.begin.offset <= range.end.offset);
    QVERIFY(range.end.offset <= text.size());
    QCOMPARE(range.begin, expectedPosition(text, range.begin.offset));
    QCOMPARE(range.end, expectedPosition(text, range.end.offset));
}

// Every node's ranges must point at exactly its source text.
void checkNode(const QString &text, const PolicyNode &node)
{
    checkRange(text, node.range);
    switch (node.kind) {
    case PolicyNode::Kind::Element: {
        checkRange(text, node.startTagRange);
        const QString startTag = slice(text, node.startTagRange);
        QVERIFY(startTag.startsWith(u'<' + node.name));
        QVERIFY(startTag.endsWith(node.selfClosing ? QStringLiteral("/>") : QStringLiteral(">")));
        QCOMPARE(node.range.begin, node.startTagRange.begin);
        if (node.selfClosing) {
            QVERIFY(!node.endTagRange.isValid());
            QCOMPARE(node.range.end, node.startTagRange.end);
        } else {
            checkRange(text, node.endTagRange);
            QCOMPARE(slice(text, node.endTagRange),
                     QLatin1String("</") + node.name + node.endTagTail + u'>');
            QCOMPARE(node.range.end, node.endTagRange.end);
        }
        for (const PolicyAttribute &attribute : node.attributes) {
            checkRange(text, attribute.range);
            checkRange(text, attribute.valueRange);
            QVERIFY(slice(text, attribute.range).startsWith(attribute.name));
            QCOMPARE(slice(text, attribute.valueRange), attribute.rawValue);
            QCOMPARE(text.at(attribute.valueRange.end.offset), attribute.quote);
            QCOMPARE(attribute.range.end.offset, attribute.valueRange.end.offset + 1);
        }
        for (const PolicyNode &child : node.children)
            checkNode(text, child);
        break;
    }
    case PolicyNode::Kind::Text:
        QCOMPARE(slice(text, node.range), node.rawText);
        break;
    case PolicyNode::Kind::Comment:
        QCOMPARE(slice(text, node.range), QLatin1String("<!--") + node.text + QLatin1String("-->"));
        break;
    case PolicyNode::Kind::CData:
        QCOMPARE(slice(text, node.range),
                 QLatin1String("<![CDATA[") + node.text + QLatin1String("]]>"));
        break;
    case PolicyNode::Kind::ProcessingInstruction:
        QCOMPARE(slice(text, node.range),
                 QLatin1String("<?") + node.name + node.text + QLatin1String("?>"));
        break;
    }
}

} // namespace

class tst_PolicyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data() { PolicyCorpus::addRows(); }
    void corpus();
    void documentKinds_data();
    void documentKinds();
    void positions();
    void positionsCountUtf16AndLineEnds_data();
    void positionsCountUtf16AndLineEnds();
    void byteOrderMark();
    void stringOverload();
    void tolerantValues_data();
    void tolerantValues();
    void trivia();
    void errors_data();
    void errors();
    void invalidUtf8_data();
    void invalidUtf8();
    void tooLarge();
};

void tst_PolicyParser::corpus()
{
    QFETCH(QString, path);
    const QByteArray bytes = PolicyCorpus::read(path);
    QVERIFY(!bytes.isEmpty());
    const PolicyParseResult result = PolicyParser::parse(bytes, path);
    for (const Diagnostic &diagnostic : result.diagnostics)
        qWarning().noquote() << diagnostic.toString();
    QVERIFY(result.ok());
    QVERIFY(result.diagnostics.isEmpty());
    QVERIFY(result.document.isValid());
    const QString rootName = result.document.root().name;
    const PolicyDocument::Kind kind
            = rootName == QLatin1String("policies")   ? PolicyDocument::Kind::Policies
              : rootName == QLatin1String("fragment") ? PolicyDocument::Kind::Fragment
                                                      : PolicyDocument::Kind::Snippet;
    QCOMPARE(result.document.kind, kind);
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    for (const PolicyNode &node : result.document.nodes)
        checkNode(text, node);
}

void tst_PolicyParser::documentKinds_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<PolicyDocument::Kind>("kind");
    QTest::addColumn<QString>("rootName");
    QTest::newRow("policies") << "<policies><inbound /></policies>"
                              << PolicyDocument::Kind::Policies << "policies";
    QTest::newRow("fragment") << "<fragment><set-variable name=\"a\" value=\"1\" /></fragment>"
                              << PolicyDocument::Kind::Fragment << "fragment";
    QTest::newRow("snippet") << "<set-header name=\"a\" exists-action=\"delete\" />"
                             << PolicyDocument::Kind::Snippet << "set-header";
    QTest::newRow("declaration and comments first")
            << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- a -->\n<policies/>\n<!-- b -->\n"
            << PolicyDocument::Kind::Policies << "policies";
}

void tst_PolicyParser::documentKinds()
{
    QFETCH(QString, xml);
    QFETCH(PolicyDocument::Kind, kind);
    QFETCH(QString, rootName);
    const PolicyParseResult result = PolicyParser::parse(xml.toUtf8());
    QVERIFY(result.ok());
    QCOMPARE(result.document.kind, kind);
    QCOMPARE(result.document.root().name, rootName);
}

void tst_PolicyParser::positions()
{
    const QString xml = QStringLiteral(
            "<policies>\n"
            "    <inbound>\n"
            "        <set-header name=\"X\" exists-action=\"override\">\n"
            "            <value>@(context.Request.Headers.GetValueOrDefault(\"A\", \"\"))</value>\n"
            "        </set-header>\n"
            "    </inbound>\n"
            "</policies>");
    const PolicyParseResult result = PolicyParser::parse(xml.toUtf8());
    QVERIFY(result.ok());
    const PolicyNode *header
            = findPath(result.document, QStringLiteral("policies/inbound/set-header"));
    QVERIFY(header);
    QCOMPARE(header->startTagRange, (SourceRange{{3, 9, 33}, {3, 55, 79}}));
    QCOMPARE(header->endTagRange, (SourceRange{{5, 9, 169}, {5, 22, 182}}));
    QCOMPARE(header->range, (SourceRange{{3, 9, 33}, {5, 22, 182}}));
    QCOMPARE(header->attributes.at(0).range, (SourceRange{{3, 21, 45}, {3, 29, 53}}));
    QCOMPARE(header->attributes.at(0).valueRange, (SourceRange{{3, 27, 51}, {3, 28, 52}}));
    QCOMPARE(header->attributes.at(1).range, (SourceRange{{3, 30, 54}, {3, 54, 78}}));
    QCOMPARE(header->attributes.at(1).valueRange, (SourceRange{{3, 45, 69}, {3, 53, 77}}));
    const PolicyNode *value = header->firstElement(u"value");
    QVERIFY(value);
    QCOMPARE(value->startTagRange, (SourceRange{{4, 13, 92}, {4, 20, 99}}));
    QCOMPARE(value->children.size(), 1);
    QCOMPARE(value->children.at(0).range, (SourceRange{{4, 20, 99}, {4, 73, 152}}));
    QCOMPARE(value->endTagRange, (SourceRange{{4, 73, 152}, {4, 81, 160}}));
    const PolicyNode *policies = &result.document.root();
    QCOMPARE(policies->range, (SourceRange{{1, 1, 0}, {7, 12, 209}}));
}

void tst_PolicyParser::positionsCountUtf16AndLineEnds_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("offset");
    // Where <b> starts.
    QTest::newRow("LF") << "<a>\n  <b/></a>" << 2 << 3 << 6;
    QTest::newRow("CRLF") << "<a>\r\n  <b/></a>" << 2 << 3 << 7;
    QTest::newRow("lone CR") << "<a>\r<b/></a>" << 2 << 1 << 4;
    QTest::newRow("blank CRLF lines") << "<a>\r\n\r\n<b/></a>" << 3 << 1 << 7;
    QTest::newRow("astral character counts two")
            << QString::fromUtf8("<a x=\"\xF0\x9F\x98\x80\"><b/></a>") << 1 << 11 << 10;
    QTest::newRow("latin-1 character counts one")
            << QString::fromUtf8("<a x=\"\xC3\xA9\"><b/></a>") << 1 << 10 << 9;
}

void tst_PolicyParser::positionsCountUtf16AndLineEnds()
{
    QFETCH(QString, xml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, offset);
    const PolicyParseResult result = PolicyParser::parse(xml.toUtf8());
    QVERIFY(result.ok());
    const PolicyNode *b = result.document.root().firstElement(u"b");
    QVERIFY(b);
    QCOMPARE(b->range.begin, (SourcePosition{line, column, offset}));
}

void tst_PolicyParser::byteOrderMark()
{
    const PolicyParseResult with = PolicyParser::parse(QByteArray("\xEF\xBB\xBF<a>\n<b/></a>"));
    QVERIFY(with.ok());
    QVERIFY(with.document.hasByteOrderMark);
    // Offsets index the text without the mark, as an editor holds it.
    QCOMPARE(with.document.root().range.begin, (SourcePosition{1, 1, 0}));
    QCOMPARE(with.document.root().firstElement(u"b")->range.begin, (SourcePosition{2, 1, 4}));

    const PolicyParseResult without = PolicyParser::parse(QByteArray("<a>\n<b/></a>"));
    QVERIFY(!without.document.hasByteOrderMark);
    QCOMPARE(without.document.nodes, with.document.nodes);

    const PolicyParseResult fromString = PolicyParser::parse(QStringLiteral("\uFEFF<a>\n<b/></a>"));
    QVERIFY(fromString.document.hasByteOrderMark);
    QCOMPARE(fromString.document.nodes, with.document.nodes);
}

void tst_PolicyParser::stringOverload()
{
    const QString path = QStringLiteral(APIM_SHARED_DIR "/seed/04-article-published-api.xml");
    const QByteArray bytes = PolicyCorpus::read(path);
    QVERIFY(!bytes.isEmpty());
    const PolicyParseResult fromBytes = PolicyParser::parse(bytes, path);
    const PolicyParseResult fromString = PolicyParser::parse(QString::fromUtf8(bytes), path);
    QVERIFY(fromBytes.ok());
    QCOMPARE(fromString.document, fromBytes.document);

    const PolicyParseResult broken = PolicyParser::parse(QStringLiteral("<a>"), path);
    QCOMPARE(broken.diagnostics.size(), 1);
    QCOMPARE(broken.diagnostics.at(0).file, path);
    QVERIFY(broken.diagnostics.at(0).toString().startsWith(path + QLatin1String(":1:1: error: ")));
}

void tst_PolicyParser::tolerantValues_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("path");
    // An attribute name, or empty for the element's text content.
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");

    QTest::newRow("raw quotes")
            << R"x(<when condition="@(context.Request.Headers.GetValueOrDefault("Authorization","") != "")" />)x"
            << "when"
            << "condition"
            << R"x(@(context.Request.Headers.GetValueOrDefault("Authorization","") != ""))x";
    QTest::newRow("generic type argument")
            << R"x(<when condition="@(context.Variables.GetValueOrDefault<bool>("ok"))" />)x"
            << "when"
            << "condition"
            << R"x(@(context.Variables.GetValueOrDefault<bool>("ok")))x";
    QTest::newRow("and and less than") << R"x(<when condition="@(a && b < c)" />)x"
                                       << "when"
                                       << "condition"
                                       << "@(a && b < c)";
    QTest::newRow("xml inside a string")
            << R"x(<set-body>@{ return "<root><a>" + x + "</a></root>"; }</set-body>)x"
            << "set-body"
            << ""
            << R"x(@{ return "<root><a>" + x + "</a></root>"; })x";
    QTest::newRow("verbatim string") << R"x(<set-body>@(@"a ("" ) } <b/>")</set-body>)x"
                                     << "set-body"
                                     << ""
                                     << R"x(@(@"a ("" ) } <b/>"))x";
    QTest::newRow("interpolated string holding an end tag")
            << R"x(<set-header name="x"><value>@($"{a}) </value> {{b}}")</value></set-header>)x"
            << "set-header/value"
            << ""
            << R"x(@($"{a}) </value> {{b}}"))x";
    QTest::newRow("char literal in single quotes")
            << R"x(<when condition='@(c == '\'' || c == '"')' />)x"
            << "when"
            << "condition"
            << R"x(@(c == '\'' || c == '"'))x";
    QTest::newRow("escaped attribute")
            << R"x(<when condition="@(a.Get(&quot;x&quot;) &amp;&amp; b &lt; 1)" />)x"
            << "when"
            << "condition"
            << R"x(@(a.Get("x") && b < 1))x";
    QTest::newRow("escaped parens in strings")
            << R"x(<when condition="@(a.Get(&quot;)&quot;) == &quot;(&quot;)" />)x"
            << "when"
            << "condition"
            << R"x(@(a.Get(")") == "("))x";
    QTest::newRow("escaped text") << "<set-body>@{ return &quot;&lt;a/&gt;&quot;; }</set-body>"
                                  << "set-body"
                                  << ""
                                  << R"x(@{ return "<a/>"; })x";
    QTest::newRow("whitespace around text expression")
            << "<set-url>\n    @(\"http://\" + x)\n</set-url>"
            << "set-url"
            << ""
            << "\n    @(\"http://\" + x)\n";
    QTest::newRow("comment and CDATA markers inside an expression")
            << R"x(<set-body>@{ var s = "--> <![CDATA["; return a[b[0]]>1 ? s : ""; }</set-body>)x"
            << "set-body"
            << ""
            << R"x(@{ var s = "--> <![CDATA["; return a[b[0]]>1 ? s : ""; })x";
    QTest::newRow("multi-line expression with comment")
            << "<set-variable name=\"v\" value=\"@{\n  // don't \")\n  return 1;\n}\" />"
            << "set-variable"
            << "value"
            << "@{\n  // don't \")\n  return 1;\n}";
    QTest::newRow("literal with entities") << R"x(<set-header name="a&amp;b&#65;&#x42;" />)x"
                                           << "set-header"
                                           << "name"
                                           << "a&bAB";
    QTest::newRow("named value") << R"x(<set-backend-service base-url="{{backend}}" />)x"
                                 << "set-backend-service"
                                 << "base-url"
                                 << "{{backend}}";
    QTest::newRow("literal that only contains an expression")
            << R"x(<set-header name="Bearer @(token)" />)x"
            << "set-header"
            << "name"
            << "Bearer @(token)";
    QTest::newRow("CDATA") << "<set-body><![CDATA[<a>&</a>]]></set-body>"
                           << "set-body"
                           << ""
                           << "<a>&</a>";
    QTest::newRow("corrupted literal from the corpus")
            << R"x(<when condition="@(!context.Variables.ContainsKey("latlong="""))" />)x"
            << "when"
            << "condition"
            << R"x(@(!context.Variables.ContainsKey("latlong=""")))x";
}

void tst_PolicyParser::tolerantValues()
{
    QFETCH(QString, xml);
    QFETCH(QString, path);
    QFETCH(QString, attribute);
    QFETCH(QString, value);
    const PolicyParseResult result = PolicyParser::parse(xml.toUtf8());
    for (const Diagnostic &diagnostic : result.diagnostics)
        qWarning().noquote() << diagnostic.toString();
    QVERIFY(result.ok());
    const PolicyNode *node = findPath(result.document, path);
    QVERIFY(node);
    if (attribute.isEmpty()) {
        QCOMPARE(node->textContent(), value);
    } else {
        QVERIFY(node->hasAttribute(attribute));
        QCOMPARE(node->attribute(attribute), value);
    }
    for (const PolicyNode &top : result.document.nodes)
        checkNode(xml, top);
}

void tst_PolicyParser::trivia()
{
    const QString xml = QStringLiteral("<?xml version=\"1.0\"?>\n"
                                       "<a  x = 'v\"'\n   y=\"&quot;\"\t/>");
    const PolicyParseResult result = PolicyParser::parse(xml.toUtf8());
    QVERIFY(result.ok());
    QCOMPARE(result.document.nodes.size(), 3);
    const PolicyNode &declaration = result.document.nodes.at(0);
    QCOMPARE(declaration.kind, PolicyNode::Kind::ProcessingInstruction);
    QCOMPARE(declaration.name, QStringLiteral("xml"));
    QCOMPARE(declaration.text, QStringLiteral(" version=\"1.0\""));
    const PolicyNode &a = result.document.root();
    QCOMPARE(result.document.rootIndex, 2);
    QVERIFY(a.selfClosing);
    QCOMPARE(a.startTagTail, QStringLiteral("\t"));
    QCOMPARE(a.attributes.size(), 2);
    const PolicyAttribute &x = a.attributes.at(0);
    QCOMPARE(x.spaceBefore, QStringLiteral("  "));
    QCOMPARE(x.rawEquals, QStringLiteral(" = "));
    QCOMPARE(x.quote, QChar(u'\''));
    QCOMPARE(x.value, QStringLiteral("v\""));
    const PolicyAttribute &y = a.attributes.at(1);
    QCOMPARE(y.spaceBefore, QStringLiteral("\n   "));
    QCOMPARE(y.rawValue, QStringLiteral("&quot;"));
    QCOMPARE(y.value, QStringLiteral("\""));

    const PolicyParseResult endTag = PolicyParser::parse(QByteArray("<a><!--c--></a  >"));
    QVERIFY(endTag.ok());
    QCOMPARE(endTag.document.root().endTagTail, QStringLiteral("  "));
    QCOMPARE(endTag.document.root().children.at(0).kind, PolicyNode::Kind::Comment);
    QCOMPARE(endTag.document.root().children.at(0).text, QStringLiteral("c"));

    const PolicyParseResult dashes
            = PolicyParser::parse(QByteArray("<!-- a -- b\n<!-- c --->\n<a/>"));
    QVERIFY(dashes.ok());
    QCOMPARE(dashes.document.nodes.at(0).text, QStringLiteral(" a -- b\n<!-- c -"));
}

void tst_PolicyParser::errors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("mismatched end tag")
            << QByteArray("<policies>\n  <inbound>\n  </outbound>\n</policies>") << 3 << 3
            << "xml.mismatched-tag"
            << "</outbound> does not match <inbound> opened at 2:3";
    QTest::newRow("unclosed element") << QByteArray("<policies>\n  <inbound>\n    <base />\n") << 2
                                      << 3 << "xml.unclosed-element"
                                      << "<inbound> is not closed";
    QTest::newRow("end tag without start")
            << QByteArray("<a/></b>") << 1 << 5 << "xml.mismatched-tag"
            << "</b> has no start tag";
    QTest::newRow("unbalanced attribute expression")
            << QByteArray("<policies>\n  <when condition=\"@(a(b)\"/>\n</policies>") << 2 << 20
            << "xml.unbalanced-expression"
            << "unterminated string literal (at 2:26)";
    QTest::newRow("unbalanced text expression") << QByteArray("<set-body>@{ return 1;</set-body>")
                                                << 1 << 11 << "xml.unbalanced-expression"
                                                << "'{' is never closed (at 1:12)";
    QTest::newRow("unbalanced text expression after whitespace")
            << QByteArray("<set-body>\n   @(a(</set-body>") << 2 << 4 << "xml.unbalanced-expression"
            << "'(' is never closed (at 2:7)";
    QTest::newRow("lone @( in an attribute")
            << QByteArray("<a x=\"@(\"/>") << 1 << 7 << "xml.unbalanced-expression"
            << "unterminated string literal";
    QTest::newRow("lone @( in text")
            << QByteArray("<a>@(</a>") << 1 << 4 << "xml.unbalanced-expression"
            << "'(' is never closed";
    QTest::newRow("unterminated comment in expression")
            << QByteArray("<a>\n@{ /* x }</a>") << 2 << 1 << "xml.unbalanced-expression"
            << "unterminated /* comment (at 2:4)";
    QTest::newRow("unescaped less-than") << QByteArray("<a>x < y</a>") << 1 << 6 << "xml.malformed"
                                         << "'<' does not start a tag";
    QTest::newRow("raw ampersand in literal")
            << QByteArray("<a>\n x && y</a>") << 2 << 4 << "xml.malformed"
            << "&amp;";
    QTest::newRow("raw ampersand in literal attribute")
            << QByteArray("<a x=\"a & b\"/>") << 1 << 9 << "xml.malformed"
            << "&amp;";
    QTest::newRow("bad character reference")
            << QByteArray("<a>&#xZZ;</a>") << 1 << 4 << "xml.malformed"
            << "character reference";
    QTest::newRow("unquoted attribute") << QByteArray("<a x=1/>") << 1 << 6 << "xml.malformed"
                                        << "must be quoted";
    QTest::newRow("attribute without value") << QByteArray("<a x/>") << 1 << 5 << "xml.malformed"
                                             << "has no '='";
    QTest::newRow("repeated attribute")
            << QByteArray("<a x=\"1\"\n x=\"2\"/>") << 2 << 2 << "xml.duplicate-attribute"
            << "'x' is repeated";
    QTest::newRow("unterminated attribute value")
            << QByteArray("<a x=\"1/>") << 1 << 6 << "xml.unterminated"
            << "no closing";
    QTest::newRow("unterminated start tag")
            << QByteArray("<a>\n<b x=\"1\"") << 2 << 1 << "xml.unterminated"
            << "<b is not closed";
    QTest::newRow("unterminated comment")
            << QByteArray("<a><!-- x </a>") << 1 << 4 << "xml.unterminated"
            << "comment";
    QTest::newRow("unterminated CDATA")
            << QByteArray("<a><![CDATA[ x </a>") << 1 << 4 << "xml.unterminated"
            << "CDATA";
    QTest::newRow("unterminated processing instruction")
            << QByteArray("<a><?pi x </a>") << 1 << 4 << "xml.unterminated"
            << "'?>'";
    QTest::newRow("second root") << QByteArray("<a/>\n<b/>") << 2 << 1 << "xml.extra-content"
                                 << "second root element <b>";
    QTest::newRow("text after root") << QByteArray("<a/>\n  x") << 2 << 3 << "xml.extra-content"
                                     << "text outside";
    QTest::newRow("declaration not first")
            << QByteArray(" <?xml version=\"1.0\"?><a/>") << 1 << 2 << "xml.malformed"
            << "XML declaration";
    QTest::newRow("empty") << QByteArray("") << 1 << 1 << "xml.no-root"
                           << "no root element";
    QTest::newRow("only a comment") << QByteArray("<!-- x -->") << 1 << 11 << "xml.no-root"
                                    << "no root element";
    QTest::newRow("bad name character") << QByteArray("<a><b%/></a>") << 1 << 6 << "xml.malformed"
                                        << "";
    QTest::newRow("space in end tag name") << QByteArray("<a></a b>") << 1 << 8 << "xml.malformed"
                                           << "not closed with '>'";
    QTest::newRow("control character") << QByteArray("<a>\n\x01</a>") << 2 << 1 << "xml.malformed"
                                       << "U+0001";
    QTest::newRow("NUL in text") << QByteArray("<a>x\0y</a>", 10) << 1 << 5 << "xml.malformed"
                                 << "U+0000";
    QTest::newRow("NUL in an expression")
            << QByteArray("<a x=\"@(\0)\"/>", 13) << 1 << 9 << "xml.malformed"
            << "U+0000";
    QTest::newRow("too deep") << QByteArray("<a>").repeated(600) << 1 << 3 * 512 + 1
                              << "xml.too-deep"
                              << "deeper than 512";
    QTest::newRow("DOCTYPE") << QByteArray("<!DOCTYPE policies>\n<policies/>") << 1 << 1
                             << "xml.dtd"
                             << "DTDs are not allowed";
    QTest::newRow("external entity")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
                          "\"file:///etc/passwd\">]>\n<x>&e;</x>")
            << 2 << 1 << "xml.dtd"
            << "DTDs are not allowed";
    QTest::newRow("entity expansion bomb")
            << QByteArray("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                          "\"&lol;&lol;&lol;&lol;\">]>\n<lolz>&lol2;</lolz>")
            << 1 << 1 << "xml.dtd"
            << "DTDs are not allowed";
    QTest::newRow("entity declaration without DTD")
            << QByteArray("<!ENTITY e \"x\"><a/>") << 1 << 1 << "xml.malformed"
            << "'<!'";
    QTest::newRow("undeclared entity in text")
            << QByteArray("<a>\n  &e;</a>") << 2 << 3 << "xml.entity"
            << "unknown entity '&e;'";
    QTest::newRow("undeclared entity in attribute")
            << QByteArray("<a x=\"&nbsp;\"/>") << 1 << 7 << "xml.entity"
            << "custom entities";
}

void tst_PolicyParser::errors()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const PolicyParseResult result = PolicyParser::parse(xml, QStringLiteral("f.xml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &diagnostic = result.diagnostics.at(0);
    QVERIFY2(diagnostic.message.contains(message), qPrintable(diagnostic.message));
    QCOMPARE(diagnostic.code, code);
    QCOMPARE(diagnostic.file, QStringLiteral("f.xml"));
    QCOMPARE(diagnostic.range.begin.line, line);
    QCOMPARE(diagnostic.range.begin.column, column);
    QVERIFY(diagnostic.range.isValid());
}

void tst_PolicyParser::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("stray byte") << QByteArray("<a>\xFF</a>") << 1 << 4;
    QTest::newRow("bad continuation") << QByteArray("<a>\n  \xC3\x28</a>") << 2 << 3;
    QTest::newRow("after multibyte text") << QByteArray("<a>\xC3\xA9\xC3\xA9\x80</a>") << 1 << 6;
    QTest::newRow("overlong") << QByteArray("<a>\xC0\xAF</a>") << 1 << 4;
    QTest::newRow("surrogate") << QByteArray("<a>\xED\xA0\x80</a>") << 1 << 4;
    QTest::newRow("truncated at end") << QByteArray("<a/>\xE2\x82") << 1 << 5;
    QTest::newRow("late in a large file")
            << QByteArray("<a>") + QByteArray("x\n").repeated(10000) + "\xFE</a>" << 10001 << 1;
}

void tst_PolicyParser::invalidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    const PolicyParseResult result = PolicyParser::parse(bytes);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.at(0).code, QStringLiteral("xml.invalid-utf8"));
    QCOMPARE(result.diagnostics.at(0).range.begin.line, line);
    QCOMPARE(result.diagnostics.at(0).range.begin.column, column);
    QVERIFY(!result.document.isValid());
}

void tst_PolicyParser::tooLarge()
{
    const QByteArray huge(PolicyParser::maxInputSize + 1, ' ');
    const PolicyParseResult result = PolicyParser::parse(huge);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.at(0).code, QStringLiteral("xml.too-large"));
    QVERIFY(result.diagnostics.at(0).message.contains(QString::number(huge.size())));
}

QTEST_GUILESS_MAIN(tst_PolicyParser)
#include "tst_policyparser.moc"
