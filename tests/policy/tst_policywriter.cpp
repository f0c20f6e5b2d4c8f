// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policywriter.h"

#include "policy/policyparser.h"
#include "policycorpus.h"

#include <QTest>

#include <functional>

using Edit = std::function<void(PolicyDocument &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

PolicyNode *findPath(PolicyDocument &document, const QString &path)
{
    const QStringList names = path.split(u'/');
    if (!document.isValid() || document.root().name != names.first())
        return nullptr;
    PolicyNode *node = &document.root();
    for (qsizetype i = 1; node && i < names.size(); ++i) {
        auto it = std::find_if(node->children.begin(),
                               node->children.end(),
                               [&](const PolicyNode &c) { return c.isElement(names.at(i)); });
        node = it == node->children.end() ? nullptr : &*it;
    }
    return node;
}

qsizetype indexOfElement(const PolicyNode &parent, const QString &name)
{
    for (qsizetype i = 0; i < parent.children.size(); ++i) {
        if (parent.children.at(i).isElement(name))
            return i;
    }
    return -1;
}

PolicyNode element(const QString &name, const QList<std::pair<QString, QString>> &attributes)
{
    PolicyNode node = PolicyNode::element(name);
    for (const auto &[attributeName, value] : attributes)
        node.setAttribute(attributeName, value);
    return node;
}

const QString sectionXml = QStringLiteral("<policies>\n"
                                          "    <inbound>\n"
                                          "        <base />\n"
                                          "    </inbound>\n"
                                          "</policies>");

} // namespace

class tst_PolicyWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data() { PolicyCorpus::addRows(); }
    void roundTrip();
    void reparseGivesEqualModel_data() { PolicyCorpus::addRows(); }
    void reparseGivesEqualModel();
    void removingAnElementKeepsTheRest_data() { PolicyCorpus::addRows(); }
    void removingAnElementKeepsTheRest();
    void byteOrderMark();
    void edits_data();
    void edits();
    void inconsistentRawValuesAreRederived();
    void writeNode();
};

void tst_PolicyWriter::roundTrip()
{
    QFETCH(QString, path);
    const QByteArray bytes = PolicyCorpus::read(path);
    const PolicyParseResult result = PolicyParser::parse(bytes, path);
    QVERIFY(result.ok());
    QCOMPARE(PolicyWriter::writeUtf8(result.document), bytes);
    QCOMPARE(PolicyWriter::write(result.document), QString::fromUtf8(bytes));
}

void tst_PolicyWriter::reparseGivesEqualModel()
{
    QFETCH(QString, path);
    const PolicyParseResult first = PolicyParser::parse(PolicyCorpus::read(path), path);
    QVERIFY(first.ok());
    const PolicyParseResult second
            = PolicyParser::parse(PolicyWriter::writeUtf8(first.document), path);
    QVERIFY(second.ok());
    QCOMPARE(second.document, first.document);
}

void tst_PolicyWriter::removingAnElementKeepsTheRest()
{
    QFETCH(QString, path);
    const QString text = QString::fromUtf8(PolicyCorpus::read(path));
    PolicyParseResult result = PolicyParser::parse(text, path);
    QVERIFY(result.ok());
    PolicyNode &root = result.document.root();
    const auto it = std::find_if(root.children.begin(),
                                 root.children.end(),
                                 [](const PolicyNode &c) { return c.isElement(); });
    if (it == root.children.end())
        QSKIP("the root has no element children");
    const SourceRange removed = it->range;
    root.children.erase(it);
    QCOMPARE(PolicyWriter::write(result.document),
             text.left(removed.begin.offset) + text.mid(removed.end.offset));
}

void tst_PolicyWriter::byteOrderMark()
{
    const QByteArray bytes("\xEF\xBB\xBF<a x=\"1\"/>\r\n");
    const PolicyParseResult result = PolicyParser::parse(bytes);
    QVERIFY(result.ok());
    QCOMPARE(PolicyWriter::writeUtf8(result.document), bytes);
    QCOMPARE(PolicyWriter::write(result.document), QStringLiteral("<a x=\"1\"/>\r\n"));
    PolicyDocument withoutMark = result.document;
    withoutMark.hasByteOrderMark = false;
    QCOMPARE(PolicyWriter::writeUtf8(withoutMark), bytes.mid(3));
}

void tst_PolicyWriter::edits_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");

    const QString header = QStringLiteral(R"x(<set-header name="a" exists-action="override" />)x");
    QTest::newRow("literal attribute is escaped") << header << Edit([](PolicyDocument &d) {
        d.root().setAttribute("name", R"x(x"<&>y)x");
    }) << R"x(<set-header name="x&quot;&lt;&amp;>y" exists-action="override" />)x";
    QTest::newRow("expression attribute is raw") << header << Edit([](PolicyDocument &d) {
        d.root().setAttribute("name",
                              R"x(@(context.Variables.GetValueOrDefault<string>("h") ?? "&&"))x");
    }) << R"x(<set-header name="@(context.Variables.GetValueOrDefault<string>("h") ?? "&&")" exists-action="override" />)x";
    QTest::newRow("unbalanced expression is escaped") << header << Edit([](PolicyDocument &d) {
        d.root().setAttribute("name", R"x(@(foo(")x");
    }) << R"x(<set-header name="&#64;(foo(&quot;" exists-action="override" />)x";
    QTest::newRow("expression with entity-like text") << header << Edit([](PolicyDocument &d) {
        d.root().setAttribute("name", R"x(@("&amp;" + a))x");
    }) << R"x(<set-header name="@("&amp;amp;" + a)" exists-action="override" />)x";
    QTest::newRow("single quote kept") << "<a x='1'/>" << Edit([](PolicyDocument &d) {
        d.root().setAttribute("x", R"x(it's "so")x");
    }) << R"x(<a x='it&apos;s "so"'/>)x";
    QTest::newRow("added attribute") << "<a x=\"1\"\n   />" << Edit([](PolicyDocument &d) {
        d.root().setAttribute("y", "2");
    }) << "<a x=\"1\" y=\"2\"\n   />";
    QTest::newRow("removed attribute")
            << "<a x=\"1\"  y='2'/>"
            << Edit([](PolicyDocument &d) { d.root().removeAttribute(u"x"); }) << "<a  y='2'/>";
    QTest::newRow("expression text is raw")
            << "<set-body>old</set-body>" << Edit([](PolicyDocument &d) {
                   d.root().setTextContent(R"x(@{ return "<a/>" + (x && y); })x");
               })
            << R"x(<set-body>@{ return "<a/>" + (x && y); }</set-body>)x";
    QTest::newRow("unbalanced text expression is escaped")
            << "<set-body>old</set-body>"
            << Edit([](PolicyDocument &d) { d.root().setTextContent(" @{ if (a < b) {"); })
            << "<set-body> &#64;{ if (a &lt; b) {</set-body>";
    QTest::newRow("literal text is escaped")
            << "<set-body>old</set-body>"
            << Edit([](PolicyDocument &d) { d.root().setTextContent("a < b & c"); })
            << "<set-body>a &lt; b &amp; c</set-body>";
    QTest::newRow("CDATA end in literal text")
            << "<set-body>old</set-body>"
            << Edit([](PolicyDocument &d) { d.root().setTextContent("a]]>b]>"); })
            << "<set-body>a]]&gt;b]></set-body>";
    QTest::newRow("text into a self-closing element")
            << "<value />" << Edit([](PolicyDocument &d) { d.root().setTextContent("x"); })
            << "<value>x</value>";
    QTest::newRow("new element after a sibling")
            << sectionXml << Edit([](PolicyDocument &d) {
                   PolicyNode *inbound = d.section(u"inbound");
                   inbound->children.insert(
                           indexOfElement(*inbound, "base") + 1,
                           element("set-header", {{"name", "X"}, {"exists-action", "override"}}));
               })
            << "<policies>\n    <inbound>\n        <base />\n"
               "        <set-header name=\"X\" exists-action=\"override\" />\n"
               "    </inbound>\n</policies>";
    QTest::newRow("new element appended at the end")
            << sectionXml << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.append(element("set-method", {}));
               })
            << "<policies>\n    <inbound>\n        <base />\n        <set-method />\n"
               "    </inbound>\n</policies>";
    QTest::newRow("new element before the first")
            << sectionXml << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.prepend(element("set-method", {}));
               })
            << "<policies>\n    <inbound>\n        <set-method />\n        <base />\n"
               "    </inbound>\n</policies>";
    QTest::newRow("new element right before a sibling")
            << sectionXml << Edit([](PolicyDocument &d) {
                   PolicyNode *inbound = d.section(u"inbound");
                   inbound->children.insert(indexOfElement(*inbound, "base"),
                                            element("set-method", {}));
               })
            << "<policies>\n    <inbound>\n        <set-method />\n        <base />\n"
               "    </inbound>\n</policies>";
    QTest::newRow("majority line end")
            << "<!-- added by a tool -->\n" + QString(sectionXml).replace("\n", "\r\n")
            << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.append(element("set-method", {}));
               })
            << "<!-- added by a tool -->\n<policies>\r\n    <inbound>\r\n        <base />\r\n"
               "        <set-method />\r\n    </inbound>\r\n</policies>";
    QTest::newRow("new subtree")
            << sectionXml << Edit([](PolicyDocument &d) {
                   PolicyNode when = element(
                           "when", {{"condition", R"(@(context.Request.Method == "POST"))"}});
                   when.children.append(element("set-variable", {{"name", "v"}, {"value", "1"}}));
                   PolicyNode choose = PolicyNode::element("choose");
                   choose.children.append(when);
                   d.section(u"inbound")->children.append(choose);
               })
            << "<policies>\n    <inbound>\n        <base />\n"
               "        <choose>\n"
               "            <when condition=\"@(context.Request.Method == \"POST\")\">\n"
               "                <set-variable name=\"v\" value=\"1\" />\n"
               "            </when>\n"
               "        </choose>\n"
               "    </inbound>\n</policies>";
    QTest::newRow("new element keeps CRLF")
            << QString(sectionXml).replace("\n", "\r\n") << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.append(element("set-method", {}));
               })
            << "<policies>\r\n    <inbound>\r\n        <base />\r\n        <set-method />\r\n"
               "    </inbound>\r\n</policies>";
    QTest::newRow("new element into a self-closing section")
            << "<policies>\n    <inbound />\n</policies>" << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.append(PolicyNode::element("base"));
               })
            << "<policies>\n    <inbound>\n        <base />\n    </inbound>\n</policies>";
    QTest::newRow("tab indentation followed")
            << "<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n</policies>"
            << Edit([](PolicyDocument &d) {
                   d.section(u"inbound")->children.append(PolicyNode::element("set-method"));
               })
            << "<policies>\n\t<inbound>\n\t\t<base />\n\t\t<set-method "
               "/>\n\t</inbound>\n</policies>";
    QTest::newRow("comment and CDATA") << "<a/>" << Edit([](PolicyDocument &d) {
        PolicyNode comment;
        comment.kind = PolicyNode::Kind::Comment;
        comment.text = " a --> b ";
        PolicyNode data;
        data.kind = PolicyNode::Kind::CData;
        data.text = "x]]>y";
        d.root().children = {comment, data};
    }) << "<a><!-- a - -> b --><![CDATA[x]]]]><![CDATA[>y]]></a>";
}

void tst_PolicyWriter::edits()
{
    QFETCH(QString, xml);
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    PolicyParseResult result = PolicyParser::parse(xml);
    QVERIFY(result.ok());
    edit(result.document);
    const QString written = PolicyWriter::write(result.document);
    QCOMPARE(written, expected);

    // What was written reads back to the edited values.
    const PolicyParseResult reread = PolicyParser::parse(written);
    for (const Diagnostic &diagnostic : reread.diagnostics)
        qWarning().noquote() << diagnostic.toString();
    QVERIFY(reread.ok());
    QCOMPARE(PolicyWriter::write(reread.document), written);
    const std::function<void(const PolicyNode &, const PolicyNode &)> same
            = [&same](const PolicyNode &edited, const PolicyNode &read) {
                  QCOMPARE(read.kind, edited.kind);
                  QCOMPARE(read.name, edited.name);
                  if (edited.kind != PolicyNode::Kind::Text || !edited.isWhitespace())
                      QCOMPARE(read.text, edited.text);
                  QCOMPARE(read.attributes.size(), edited.attributes.size());
                  for (qsizetype i = 0; i < edited.attributes.size(); ++i) {
                      QCOMPARE(read.attributes.at(i).name, edited.attributes.at(i).name);
                      QCOMPARE(read.attributes.at(i).value, edited.attributes.at(i).value);
                  }
                  const QList<const PolicyNode *> editedElements = edited.elements();
                  const QList<const PolicyNode *> readElements = read.elements();
                  QCOMPARE(readElements.size(), editedElements.size());
                  for (qsizetype i = 0; i < editedElements.size(); ++i)
                      same(*editedElements.at(i), *readElements.at(i));
                  QCOMPARE(read.textContent().trimmed(), edited.textContent().trimmed());
              };
    same(result.document.root(), reread.document.root());
}

void tst_PolicyWriter::inconsistentRawValuesAreRederived()
{
    PolicyParseResult result = PolicyParser::parse(QStringLiteral("<a x=\"1\">t</a>"));
    QVERIFY(result.ok());
    // Assigning value directly (not through setValue) must not write the stale raw form.
    result.document.root().attributes[0].value = QStringLiteral("a\"b");
    result.document.root().children[0].text = QStringLiteral("<c>");
    result.document.root().attributes[0].spaceBefore = QStringLiteral("x");
    result.document.root().attributes[0].rawEquals = QStringLiteral(":");
    QCOMPARE(PolicyWriter::write(result.document), QStringLiteral("<a x=\"a&quot;b\">&lt;c></a>"));
}

void tst_PolicyWriter::writeNode()
{
    const PolicyParseResult result = PolicyParser::parse(sectionXml);
    QVERIFY(result.ok());
    QCOMPARE(PolicyWriter::write(*result.document.section(u"inbound")),
             QStringLiteral("<inbound>\n        <base />\n    </inbound>"));
    PolicyNode header = element("set-header", {{"name", "a"}});
    header.children.append(element("value", {}));
    header.children.last().setTextContent(QStringLiteral("@(\"x\")"));
    QCOMPARE(PolicyWriter::write(header),
             QStringLiteral("<set-header name=\"a\">\n    <value>@(\"x\")</value>\n</set-header>"));
}

QTEST_GUILESS_MAIN(tst_PolicyWriter)
#include "tst_policywriter.moc"
