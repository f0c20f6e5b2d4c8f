// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"
#include "policy/policyplacement.h"
#include "policy/policyschema.h"
#include "policy/policytexteditor.h"
#include "policycorpus.h"

#include <QTest>

namespace {

const char *const sample = R"xml(<policies>
    <inbound>
        <base />
        <set-header name="a" exists-action="override">
            <value>x</value>
        </set-header>
    </inbound>
    <backend>
        <retry condition="@(context.Response.StatusCode >= 500)" count="2" interval="1">
            <forward-request />
        </retry>
    </backend>
    <outbound />
    <on-error>
        <base /><set-variable name="v" value="1" />
    </on-error>
</policies>
)xml";

const char *const chooseSample = R"xml(<policies>
  <inbound>
    <choose>
      <when condition="@(true)">
        <set-method>GET</set-method>
      </when>
      <when condition="@(false)" />
      <otherwise>
        <set-body>x</set-body>
      </otherwise>
    </choose>
  </inbound>
</policies>
)xml";

// "inbound/1/0": the section, then element indices downwards; "" is the root.
const PolicyNode *elementAt(const PolicyDocument &document, const QString &path)
{
    if (!document.isValid())
        return nullptr;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const PolicyNode *node = &document.root();
    for (qsizetype i = 0; node && i < parts.size(); ++i) {
        bool isIndex = false;
        const int index = parts.at(i).toInt(&isIndex);
        node = isIndex ? node->elements().value(index) : node->firstElement(parts.at(i));
    }
    return node;
}

QStringList childNames(const PolicyNode *node)
{
    QStringList names;
    if (node) {
        for (const PolicyNode *child : node->elements())
            names.append(child->name);
    }
    return names;
}

// The containers of policies in document order, as paths for elementAt.
void collectContainers(const PolicyDocument &document,
                       const PolicyPlacement &placement,
                       const PolicyNode &node,
                       const QString &path,
                       QStringList &out)
{
    if (placement.holdsPolicies(node))
        out.append(path);
    const QList<const PolicyNode *> children = node.elements();
    for (qsizetype i = 0; i < children.size(); ++i)
        collectContainers(
                document, placement, *children.at(i), path + u'/' + QString::number(i), out);
}

bool onOwnLine(const QString &source, const PolicyNode &element)
{
    const qsizetype begin = element.range.begin.offset;
    const qsizetype lineBegin = source.lastIndexOf(u'\n', begin - 1) + 1;
    const qsizetype lineEnd = source.indexOf(u'\n', element.range.end.offset);
    return source.mid(lineBegin, begin - lineBegin).trimmed().isEmpty()
           && source.mid(element.range.end.offset,
                         lineEnd < 0 ? -1 : lineEnd - element.range.end.offset)
                      .trimmed()
                      .isEmpty();
}

bool sectionsInOrder(const PolicyDocument &document)
{
    const QList<QString> &order = PolicyDocument::sectionNames();
    qsizetype last = -1;
    for (const PolicyNode *element : document.root().elements()) {
        const qsizetype rank = order.indexOf(element->name);
        if (rank >= 0 && rank < last)
            return false;
        last = qMax(last, rank);
    }
    return true;
}

bool isBlankText(QStringView text)
{
    return text.trimmed().isEmpty();
}

} // namespace

class tst_PolicyTextEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edits_data();
    void edits();
    void failures_data();
    void failures();
    void newElementText_data();
    void newElementText();
    void placement_data();
    void placement();
    void textEdits_data();
    void textEdits();
    void newSections_data();
    void newSections();
    void branchPlacement_data();
    void branchPlacement();
    void newSectionPlacement_data();
    void newSectionPlacement();
    void corpusInsertThenRemoveIsIdentity_data() { PolicyCorpus::addRows(); }
    void corpusInsertThenRemoveIsIdentity();
    void corpusMoveThereAndBack_data() { PolicyCorpus::addRows(); }
    void corpusMoveThereAndBack();
    void corpusSectionRecreated_data() { PolicyCorpus::addRows(); }
    void corpusSectionRecreated();
};

void tst_PolicyTextEditor::edits_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("elementName"); // at elementOffset afterwards; empty: none

    const QString s = QString::fromUtf8(sample);
    auto replaced = [&s](const char *from, const char *to) {
        QString result = s;
        result.replace(QString::fromUtf8(from), QString::fromUtf8(to));
        return result;
    };
    const char *header = "        <set-header name=\"a\" exists-action=\"override\">\n"
                         "            <value>x</value>\n"
                         "        </set-header>\n";

    QTest::newRow("insert first")
            << s << "insert"
            << "inbound"
            << "" << 0 << "<cors />"
            << replaced("        <base />\n        <set-header",
                        "        <cors />\n        <base />\n        <set-header")
            << "cors";
    QTest::newRow("insert last") << s << "insert"
                                 << "inbound"
                                 << "" << 2 << "<cors />"
                                 << replaced("</set-header>\n", "</set-header>\n        <cors />\n")
                                 << "cors";
    QTest::newRow("insert multi-line")
            << s << "insert"
            << "backend/0"
            << "" << 0 << "<a>\n    <b />\n</a>"
            << replaced("            <forward-request />",
                        "            <a>\n                <b />\n            </a>\n"
                        "            <forward-request />")
            << "a";
    QTest::newRow("insert into self-closing")
            << s << "insert"
            << "outbound"
            << "" << 0 << "<cors />"
            << replaced("    <outbound />", "    <outbound>\n        <cors />\n    </outbound>")
            << "cors";
    QTest::newRow("insert inline")
            << s << "insert"
            << "on-error"
            << "" << 1 << "<cors />"
            << replaced("<base /><set-variable", "<base /><cors /><set-variable") << "cors";
    QTest::newRow("insert into empty pair")
            << "<policies>\n\t<inbound></inbound>\n</policies>"
            << "insert"
            << "inbound"
            << "" << 0 << "<cors />"
            << "<policies>\n\t<inbound>\n\t\t<cors />\n\t</inbound>\n</policies>"
            << "cors";
    QTest::newRow("insert keeps CRLF")
            << "<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n</policies>\r\n"
            << "insert"
            << "inbound"
            << "" << 1 << "<a>\n  <b />\n</a>"
            << "<policies>\r\n  <inbound>\r\n    <base />\r\n    <a>\r\n      <b />\r\n    </a>\r\n"
               "  </inbound>\r\n</policies>\r\n"
            << "a";
    QTest::newRow("remove own line")
            << s << "remove"
            << "inbound/0"
            << "" << 0 << ""
            << replaced("        <base />\n        <set-header", "        <set-header") << "";
    QTest::newRow("remove multi-line") << s << "remove"
                                       << "inbound/1"
                                       << "" << 0 << "" << replaced(header, "") << "";
    QTest::newRow("remove inline")
            << s << "remove"
            << "on-error/1"
            << "" << 0 << "" << replaced("<set-variable name=\"v\" value=\"1\" />", "") << "";
    QTest::newRow("move down")
            << s << "move"
            << "inbound/0"
            << "inbound" << 1 << ""
            << replaced("        <base />\n        <set-header name=\"a\" "
                        "exists-action=\"override\">\n            <value>x</value>\n"
                        "        </set-header>\n",
                        "        <set-header name=\"a\" exists-action=\"override\">\n"
                        "            <value>x</value>\n        </set-header>\n"
                        "        <base />\n")
            << "base";
    QTest::newRow("move up")
            << s << "move"
            << "inbound/1"
            << "inbound" << 0 << ""
            << replaced("        <base />\n        <set-header name=\"a\" "
                        "exists-action=\"override\">\n            <value>x</value>\n"
                        "        </set-header>\n",
                        "        <set-header name=\"a\" exists-action=\"override\">\n"
                        "            <value>x</value>\n        </set-header>\n"
                        "        <base />\n")
            << "set-header";
    QTest::newRow("move in place") << s << "move"
                                   << "inbound/1"
                                   << "inbound" << 1 << "" << s << "set-header";
    QTest::newRow("move deeper reindents")
            << s << "move"
            << "inbound/1"
            << "backend/0" << 1 << ""
            << replaced(header, "")
                       .replace("            <forward-request />\n",
                                "            <forward-request />\n"
                                "            <set-header name=\"a\" exists-action=\"override\">\n"
                                "                <value>x</value>\n"
                                "            </set-header>\n")
            << "set-header";
    QTest::newRow("move keeps text verbatim")
            << "<policies>\n  <inbound>\n    <set-body>line1\n  line2</set-body>\n  </inbound>\n"
               "  <outbound>\n    <when>\n      <base />\n    </when>\n  </outbound>\n</policies>"
            << "move"
            << "inbound/0"
            << "outbound/0" << 0 << ""
            << "<policies>\n  <inbound>\n  </inbound>\n  <outbound>\n    <when>\n"
               "      <set-body>line1\n  line2</set-body>\n      <base />\n    </when>\n  "
               "</outbound>\n"
               "</policies>"
            << "set-body";
    const QString c = QString::fromUtf8(chooseSample);
    const QString firstWhen = QStringLiteral("      <when condition=\"@(true)\">\n"
                                             "        <set-method>GET</set-method>\n"
                                             "      </when>\n");
    const QString secondWhen = QStringLiteral("      <when condition=\"@(false)\" />\n");
    QTest::newRow("reorder when") << c << "move"
                                  << "inbound/0/1"
                                  << "inbound/0" << 0 << ""
                                  << QString(c).replace(firstWhen + secondWhen,
                                                        secondWhen + firstWhen)
                                  << "when";
    QTest::newRow("policy out of a branch")
            << c << "move"
            << "inbound/0/0/0"
            << "inbound" << 0 << ""
            << QString(c)
                       .replace(QStringLiteral("        <set-method>GET</set-method>\n"), QString())
                       .replace(QStringLiteral("  <inbound>\n"),
                                QStringLiteral("  <inbound>\n    <set-method>GET</set-method>\n"))
            << "set-method";
    QTest::newRow("policy into an empty branch")
            << c << "move"
            << "inbound/0/2/0"
            << "inbound/0/1" << 0 << ""
            << QString(c)
                       .replace(QStringLiteral("        <set-body>x</set-body>\n"), QString())
                       .replace(secondWhen,
                                QStringLiteral("      <when condition=\"@(false)\">\n"
                                               "        <set-body>x</set-body>\n      </when>\n"))
            << "set-body";
    QTest::newRow("insert when before otherwise")
            << c << "insert"
            << "inbound/0"
            << "" << 2 << "<when condition=\"\" />"
            << QString(c).replace(
                       QStringLiteral("      <otherwise>"),
                       QStringLiteral("      <when condition=\"\" />\n      <otherwise>"))
            << "when";
    QTest::newRow("set existing") << s << "set"
                                  << "inbound/1"
                                  << "" << 0 << "exists-action=skip"
                                  << replaced("exists-action=\"override\"",
                                              "exists-action=\"skip\"")
                                  << "set-header";
    QTest::newRow("set escapes") << s << "set"
                                 << "inbound/1"
                                 << "" << 0 << "name=a\"<b"
                                 << replaced("name=\"a\"", "name=\"a&quot;&lt;b\"") << "set-header";
    QTest::newRow("set expression raw")
            << s << "set"
            << "backend/0"
            << "" << 0 << "count=@(1 < 2 ? 3 : 4)"
            << replaced("count=\"2\"", "count=\"@(1 < 2 ? 3 : 4)\"") << "retry";
    QTest::newRow("set new attribute")
            << s << "set"
            << "backend/0/0"
            << "" << 0 << "timeout=20"
            << replaced("<forward-request />", "<forward-request timeout=\"20\" />")
            << "forward-request";
    QTest::newRow("set appends after last")
            << s << "set"
            << "inbound/1"
            << "" << 0 << "x=1"
            << replaced("exists-action=\"override\">", "exists-action=\"override\" x=\"1\">")
            << "set-header";
    QTest::newRow("set keeps single quotes and line layout")
            << "<policies>\n<inbound>\n<cors a='1'\n      b='2'>\n</cors>\n</inbound>\n</policies>"
            << "set"
            << "inbound/0"
            << "" << 0 << "c=it's"
            << "<policies>\n<inbound>\n<cors a='1'\n      b='2'\n      c='it&apos;s'>\n</cors>\n"
               "</inbound>\n</policies>"
            << "cors";
    QTest::newRow("unset") << s << "unset"
                           << "inbound/1"
                           << "" << 0 << "exists-action"
                           << replaced(" exists-action=\"override\"", "") << "set-header";
    QTest::newRow("unset absent") << s << "unset"
                                  << "inbound/1"
                                  << "" << 0 << "nothing" << s << "set-header";
}

void tst_PolicyTextEditor::edits()
{
    QFETCH(QString, source);
    QFETCH(QString, operation);
    QFETCH(QString, path);
    QFETCH(QString, target);
    QFETCH(int, index);
    QFETCH(QString, argument);
    QFETCH(QString, expected);
    QFETCH(QString, elementName);

    const PolicyParseResult parsed = PolicyParser::parse(source);
    QVERIFY(parsed.ok());
    const PolicyTextEditor editor(source, parsed.document);
    const PolicyNode *node = elementAt(parsed.document, path);
    QVERIFY(node);
    PolicyTextChange change;
    if (operation == u"insert") {
        change = editor.insertElement(*node, index, argument);
    } else if (operation == u"remove") {
        change = editor.removeElement(*node);
    } else if (operation == u"move") {
        const PolicyNode *container = elementAt(parsed.document, target);
        QVERIFY(container);
        change = editor.moveElement(*node, *container, index);
    } else if (operation == u"set") {
        const qsizetype equals = argument.indexOf(u'=');
        change = editor.setAttribute(*node, argument.left(equals), argument.mid(equals + 1));
    } else {
        change = editor.removeAttribute(*node, argument);
    }
    QVERIFY2(change.ok(), qPrintable(change.error));
    const QString result = change.applyTo(source);
    QCOMPARE(result, expected);

    const PolicyParseResult reparsed = PolicyParser::parse(result);
    QVERIFY(reparsed.ok());
    if (elementName.isEmpty()) {
        QCOMPARE(change.elementOffset, -1);
    } else {
        QVERIFY(change.elementOffset >= 0);
        QCOMPARE(result.mid(change.elementOffset, elementName.size() + 1), u'<' + elementName);
    }
    for (qsizetype i = 1; i < change.edits.size(); ++i)
        QVERIFY(change.edits.at(i).offset + change.edits.at(i).length
                <= change.edits.at(i - 1).offset);
}

void tst_PolicyTextEditor::textEdits_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("values"); // one: setText; else setChildTexts of <value>
    QTest::addColumn<bool>("list");
    QTest::addColumn<QString>("expected"); // empty: refused

    const QString s = QString::fromUtf8(sample);
    auto replaced = [&s](const QString &from, const QString &to) {
        return QString(s).replace(from, to);
    };
    const QString c = QString::fromUtf8(chooseSample);
    QTest::newRow("method") << c << "inbound/0/0/0" << QStringList{"POST"} << false
                            << QString(c).replace(QStringLiteral(">GET<"),
                                                  QStringLiteral(">POST<"));
    QTest::newRow("body expression raw")
            << c << "inbound/0/2/0" << QStringList{"@{\n  return \"<a/>\" + 1;\n}"} << false
            << QString(c).replace(QStringLiteral(">x<"),
                                  QStringLiteral(">@{\n  return \"<a/>\" + 1;\n}<"));
    QTest::newRow("body literal escaped")
            << c << "inbound/0/2/0" << QStringList{"a<b & c"} << false
            << QString(c).replace(QStringLiteral(">x<"), QStringLiteral(">a&lt;b &amp; c<"));
    QTest::newRow("body emptied") << c << "inbound/0/2/0" << QStringList{""} << false
                                  << QString(c).replace(QStringLiteral(">x<"),
                                                        QStringLiteral("><"));
    QTest::newRow("unchanged") << c << "inbound/0/2/0" << QStringList{"x"} << false << c;
    QTest::newRow("self-closing opens")
            << "<policies>\n  <inbound>\n    <set-method id=\"m\" />\n  </inbound>\n</policies>"
            << "inbound/0" << QStringList{"PUT"} << false
            << "<policies>\n  <inbound>\n    <set-method id=\"m\">PUT</set-method>\n  </inbound>\n"
               "</policies>";
    QTest::newRow("holds elements") << s << "inbound/1" << QStringList{"v"} << false << "";
    QTest::newRow("value changed")
            << s << "inbound/1" << QStringList{"y"} << true
            << replaced(QStringLiteral("<value>x</value>"), QStringLiteral("<value>y</value>"));
    QTest::newRow("value appended")
            << s << "inbound/1" << QStringList{"x", "y", "@(1 < 2)"} << true
            << replaced(QStringLiteral("            <value>x</value>\n"),
                        QStringLiteral("            <value>x</value>\n"
                                       "            <value>y</value>\n"
                                       "            <value>@(1 < 2)</value>\n"));
    QTest::newRow("values removed")
            << s << "inbound/1" << QStringList{} << true
            << replaced(QStringLiteral("            <value>x</value>\n"), QString());
    QTest::newRow("first value into a self-closing header")
            << "<policies>\n\t<inbound>\n\t\t<set-header name=\"a\" />\n\t</inbound>\n</policies>"
            << "inbound/0" << QStringList{"1"} << true
            << "<policies>\n\t<inbound>\n\t\t<set-header name=\"a\">\n\t\t\t<value>1</value>\n"
               "\t\t</set-header>\n\t</inbound>\n</policies>";
}

void tst_PolicyTextEditor::textEdits()
{
    QFETCH(QString, source);
    QFETCH(QString, path);
    QFETCH(QStringList, values);
    QFETCH(bool, list);
    QFETCH(QString, expected);
    const PolicyParseResult parsed = PolicyParser::parse(source);
    QVERIFY(parsed.ok());
    const PolicyNode *node = elementAt(parsed.document, path);
    QVERIFY(node);
    const PolicyTextEditor editor(source, parsed.document);
    const PolicyTextChange change
            = list ? editor.setChildTexts(*node, QStringLiteral("value"), values)
                   : editor.setText(*node, values.value(0));
    if (expected.isEmpty()) {
        QVERIFY(!change.ok());
        QVERIFY(change.edits.isEmpty());
        return;
    }
    QVERIFY2(change.ok(), qPrintable(change.error));
    const QString result = change.applyTo(source);
    QCOMPARE(result, expected);
    const PolicyParseResult reparsed = PolicyParser::parse(result);
    QVERIFY(reparsed.ok());
    const PolicyNode *edited = reparsed.document.elementStartingAt(change.elementOffset);
    QVERIFY(edited);
    if (list) {
        QStringList texts;
        for (const PolicyNode *child : edited->elements())
            texts.append(child->textContent());
        QCOMPARE(texts, values);
    } else {
        QCOMPARE(edited->textContent(), values.value(0));
    }
}

void tst_PolicyTextEditor::newSections_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("moved"); // path of the element to move; empty: insert <cors />
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("elementName");

    const QString s = QString::fromUtf8(sample);
    QTest::newRow("outbound is missing, base like the siblings")
            << QString(s).replace(QStringLiteral("    <outbound />\n"), QString()) << "outbound"
            << ""
            << QString(s).replace(
                       QStringLiteral("    <outbound />\n"),
                       QStringLiteral("    <outbound>\n        <base />\n        <cors />\n"
                                      "    </outbound>\n"))
            << "cors";
    QTest::newRow("first section, tabs, no base")
            << "<policies>\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n</policies>"
            << "inbound"
            << ""
            << "<policies>\n\t<inbound>\n\t\t<cors />\n\t</inbound>\n\t<backend>\n"
               "\t\t<forward-request />\n\t</backend>\n</policies>"
            << "cors";
    QTest::newRow("last section")
            << "<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n</policies>\r\n"
            << "on-error"
            << ""
            << "<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n  <on-error>\r\n"
               "    <base />\r\n    <cors />\r\n  </on-error>\r\n</policies>\r\n"
            << "cors";
    QTest::newRow("into an empty document")
            << "<policies />"
            << "backend"
            << ""
            << "<policies>\n    <backend>\n        <cors />\n    </backend>\n</policies>"
            << "cors";
    QTest::newRow("moved into a new section")
            << "<policies>\n  <inbound>\n    <base />\n    <set-header name=\"a\">\n"
               "      <value>1</value>\n    </set-header>\n  </inbound>\n</policies>"
            << "outbound"
            << "inbound/1"
            << "<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <outbound>\n    <base />\n"
               "    <set-header name=\"a\">\n      <value>1</value>\n    </set-header>\n"
               "  </outbound>\n</policies>"
            << "set-header";
    QTest::newRow("base moved alone")
            << "<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>"
            << "outbound"
            << "inbound/0"
            << "<policies>\n  <inbound>\n  </inbound>\n  <outbound>\n    <base />\n"
               "  </outbound>\n</policies>"
            << "base";
    QTest::newRow("exists") << s << "inbound"
                            << ""
                            << ""
                            << "";
    QTest::newRow("not a section") << s << "outgoing"
                                   << ""
                                   << ""
                                   << "";
}

void tst_PolicyTextEditor::newSections()
{
    QFETCH(QString, source);
    QFETCH(QString, section);
    QFETCH(QString, moved);
    QFETCH(QString, expected);
    QFETCH(QString, elementName);
    const PolicyParseResult parsed = PolicyParser::parse(source);
    QVERIFY(parsed.ok());
    const PolicyTextEditor editor(source, parsed.document);
    const bool inherit = PolicyPlacement(parsed.document, PolicySchema::builtin())
                                 .newSectionInherits(
                                         moved.isEmpty() ? QStringLiteral("cors")
                                                         : elementAt(parsed.document, moved)->name);
    PolicyTextChange change;
    if (moved.isEmpty()) {
        change = editor.insertSection(section, inherit, QStringLiteral("<cors />"));
    } else {
        const PolicyNode *node = elementAt(parsed.document, moved);
        QVERIFY(node);
        change = editor.moveIntoNewSection(*node, section, inherit);
    }
    if (expected.isEmpty()) {
        QVERIFY(!change.ok());
        QVERIFY(change.edits.isEmpty());
        return;
    }
    QVERIFY2(change.ok(), qPrintable(change.error));
    const QString result = change.applyTo(source);
    QCOMPARE(result, expected);
    const PolicyParseResult reparsed = PolicyParser::parse(result);
    QVERIFY(reparsed.ok());
    QCOMPARE(result.mid(change.elementOffset, elementName.size() + 1), u'<' + elementName);
    QVERIFY(reparsed.document.section(section));
}

void tst_PolicyTextEditor::branchPlacement_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("moved");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("new when first") << "inbound/0"
                                    << "when" << 0 << "" << true;
    QTest::newRow("new when before otherwise") << "inbound/0"
                                               << "when" << 2 << "" << true;
    QTest::newRow("new when after otherwise") << "inbound/0"
                                              << "when" << 3 << "" << false;
    QTest::newRow("second otherwise") << "inbound/0"
                                      << "otherwise" << 3 << "" << false;
    QTest::newRow("when down to before otherwise") << "inbound/0"
                                                   << "when" << 2 << "inbound/0/0" << true;
    QTest::newRow("when past otherwise") << "inbound/0"
                                         << "when" << 3 << "inbound/0/0" << false;
    QTest::newRow("otherwise stays last") << "inbound/0"
                                          << "otherwise" << 3 << "inbound/0/2" << true;
    QTest::newRow("otherwise moved first") << "inbound/0"
                                           << "otherwise" << 0 << "inbound/0/2" << false;
    QTest::newRow("when into a section") << "inbound"
                                         << "when" << 0 << "" << false;
    QTest::newRow("when into a branch") << "inbound/0/0"
                                        << "when" << 0 << "" << false;
    QTest::newRow("policies keep their rules") << "inbound/0/1"
                                               << "set-header" << 0 << "" << true;
    QTest::newRow("no policy into choose") << "inbound/0"
                                           << "set-header" << 0 << "" << false;
}

void tst_PolicyTextEditor::branchPlacement()
{
    QFETCH(QString, container);
    QFETCH(QString, branch);
    QFETCH(int, position);
    QFETCH(QString, moved);
    QFETCH(bool, allowed);
    const PolicyParseResult parsed = PolicyParser::parse(QString::fromUtf8(chooseSample));
    const PolicyPlacement placement(parsed.document, PolicySchema::builtin());
    const PolicyNode *node = elementAt(parsed.document, container);
    QVERIFY(node);
    const QString reason = placement.checkAt(
            *node, branch, position, moved.isEmpty() ? nullptr : elementAt(parsed.document, moved));
    QVERIFY2(reason.isEmpty() == allowed, qPrintable(reason));
}

void tst_PolicyTextEditor::newSectionPlacement_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<bool>("inherits");
    const QString s = QString::fromUtf8(sample);
    const QString noOutbound = QString(s).replace(QStringLiteral("    <outbound />\n"), QString());
    QTest::newRow("header") << noOutbound << "outbound"
                            << "set-header" << true << true;
    QTest::newRow("rate-limit only inbound") << noOutbound << "outbound"
                                             << "rate-limit" << false << true;
    QTest::newRow("section exists") << s << "outbound"
                                    << "set-header" << false << true;
    QTest::newRow("no base anywhere")
            << "<policies>\n  <inbound>\n    <cors />\n  </inbound>\n</policies>"
            << "outbound"
            << "set-header" << true << false;
    QTest::newRow("base itself") << noOutbound << "outbound"
                                 << "base" << true << false;
    QTest::newRow("fragment") << "<fragment>\n  <cors />\n</fragment>"
                              << "outbound"
                              << "set-header" << false << false;
}

void tst_PolicyTextEditor::newSectionPlacement()
{
    QFETCH(QString, source);
    QFETCH(QString, section);
    QFETCH(QString, policy);
    QFETCH(bool, allowed);
    QFETCH(bool, inherits);
    const PolicyParseResult parsed = PolicyParser::parse(source);
    QVERIFY(parsed.ok());
    const PolicyPlacement placement(parsed.document, PolicySchema::builtin());
    const QString reason = placement.checkInNewSection(section, policy);
    QVERIFY2(reason.isEmpty() == allowed, qPrintable(reason));
    QCOMPARE(placement.newSectionInherits(policy), inherits);
}

void tst_PolicyTextEditor::failures_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("index");
    QTest::newRow("insert past the end") << "insert"
                                         << "inbound"
                                         << "" << 3;
    QTest::newRow("insert negative") << "insert"
                                     << "inbound"
                                     << "" << -1;
    QTest::newRow("move into itself") << "move"
                                      << "backend/0"
                                      << "backend/0" << 0;
    QTest::newRow("move into descendant") << "move"
                                          << "backend"
                                          << "backend/0" << 0;
    QTest::newRow("move past the end") << "move"
                                       << "inbound/0"
                                       << "inbound" << 2;
    QTest::newRow("remove root") << "remove"
                                 << ""
                                 << "" << 0;
    QTest::newRow("bad attribute name") << "set"
                                        << "inbound/0"
                                        << "" << 0;
}

void tst_PolicyTextEditor::failures()
{
    QFETCH(QString, operation);
    QFETCH(QString, path);
    QFETCH(QString, target);
    QFETCH(int, index);
    const QString source = QString::fromUtf8(sample);
    const PolicyParseResult parsed = PolicyParser::parse(source);
    const PolicyTextEditor editor(source, parsed.document);
    const PolicyNode *node = elementAt(parsed.document, path);
    QVERIFY(node);
    PolicyTextChange change;
    if (operation == u"insert")
        change = editor.insertElement(*node, index, QStringLiteral("<cors />"));
    else if (operation == u"move")
        change = editor.moveElement(*node, *elementAt(parsed.document, target), index);
    else if (operation == u"remove")
        change = editor.removeElement(*node);
    else
        change = editor.setAttribute(*node, QStringLiteral("a b"), QStringLiteral("1"));
    QVERIFY(!change.ok());
    QVERIFY(change.edits.isEmpty());
    QCOMPARE(change.applyTo(source), source);
}

void tst_PolicyTextEditor::newElementText_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("expected");
    QTest::newRow("required attribute") << "rewrite-uri"
                                        << "<rewrite-uri template=\"\" />";
    QTest::newRow("required text") << "set-method"
                                   << "<set-method>GET</set-method>";
    QTest::newRow("one of a group") << "set-backend-service"
                                    << "<set-backend-service base-url=\"\" />";
    QTest::newRow("nothing required") << "forward-request"
                                      << "<forward-request />";
}

void tst_PolicyTextEditor::newElementText()
{
    QFETCH(QString, policy);
    QFETCH(QString, expected);
    const QString source = QStringLiteral("<policies>\n  <inbound />\n</policies>");
    const PolicyDocument document = PolicyParser::parse(source).document;
    const PolicyTextEditor editor(source, document);
    const PolicyElementSpec *spec = PolicySchema::builtin().policy(policy);
    QVERIFY(spec);
    const QString text = editor.newElementText(*spec, PolicySchema::builtin());
    QCOMPARE(text, expected);
    QVERIFY(PolicyParser::parse(text).ok());
}

void tst_PolicyTextEditor::placement_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("moved");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("header in inbound") << "inbound"
                                       << "set-header"
                                       << "" << true;
    QTest::newRow("header in retry") << "backend/0"
                                     << "set-header"
                                     << "" << true;
    QTest::newRow("not inside set-header") << "inbound/1"
                                           << "set-variable"
                                           << "" << false;
    QTest::newRow("forward-request in inbound") << "inbound"
                                                << "forward-request"
                                                << "" << false;
    QTest::newRow("rate-limit in outbound") << "outbound"
                                            << "rate-limit"
                                            << "" << false;
    QTest::newRow("unknown policy") << "inbound"
                                    << "no-such-policy"
                                    << "" << false;
    QTest::newRow("base outside a section") << "backend/0"
                                            << "base"
                                            << "" << false;
    QTest::newRow("second forward-request") << "backend"
                                            << "forward-request"
                                            << "" << false;
    QTest::newRow("base moved in its section") << "inbound"
                                               << "base"
                                               << "inbound/0" << true;
    QTest::newRow("second base") << "inbound"
                                 << "base"
                                 << "" << false;
    QTest::newRow("base into a section without one") << "backend"
                                                     << "base"
                                                     << "" << true;
    QTest::newRow("moving the only one") << "backend"
                                         << "forward-request"
                                         << "backend/0/0" << true;
    QTest::newRow("into itself") << "backend/0"
                                 << "retry"
                                 << "backend/0" << false;
    QTest::newRow("not into policies") << ""
                                       << "set-header"
                                       << "" << false;
}

void tst_PolicyTextEditor::placement()
{
    QFETCH(QString, container);
    QFETCH(QString, policy);
    QFETCH(QString, moved);
    QFETCH(bool, allowed);
    const PolicyParseResult parsed = PolicyParser::parse(QString::fromUtf8(sample));
    const PolicyPlacement placement(parsed.document, PolicySchema::builtin());
    const PolicyNode *node = elementAt(parsed.document, container);
    QVERIFY(node);
    const QString reason = placement.check(
            *node, policy, moved.isEmpty() ? nullptr : elementAt(parsed.document, moved));
    QCOMPARE(reason.isEmpty(), allowed);
}

void tst_PolicyTextEditor::corpusInsertThenRemoveIsIdentity()
{
    QFETCH(QString, path);
    const PolicyParseResult parsed = PolicyParser::parse(PolicyCorpus::read(path));
    if (!parsed.ok() || !parsed.document.isValid())
        QSKIP("does not parse (invalid corpus file)");
    // Without the byte order mark: offsets index the decoded text.
    QString source = QString::fromUtf8(PolicyCorpus::read(path));
    if (source.startsWith(QChar(0xfeff)))
        source.remove(0, 1);
    const PolicyPlacement placement(parsed.document, PolicySchema::builtin());
    QStringList containers;
    collectContainers(parsed.document, placement, parsed.document.root(), QString(), containers);
    const QString probe
            = QStringLiteral("<set-header name=\"x-probe\" exists-action=\"override\" />");
    for (const QString &containerPath : std::as_const(containers)) {
        const PolicyNode *container = elementAt(parsed.document, containerPath);
        const QStringList before = childNames(container);
        for (const qsizetype index : {qsizetype(0), before.size()}) {
            const PolicyTextEditor editor(source, parsed.document);
            const PolicyTextChange insert = editor.insertElement(*container, index, probe);
            QVERIFY2(insert.ok(), qPrintable(insert.error));
            QCOMPARE(insert.edits.size(), 1);
            const QString inserted = insert.applyTo(source);
            const PolicyParseResult reparsed = PolicyParser::parse(inserted);
            QVERIFY2(reparsed.ok(), qPrintable(containerPath));
            QStringList after = before;
            after.insert(index, QStringLiteral("set-header"));
            QCOMPARE(childNames(elementAt(reparsed.document, containerPath)), after);
            QCOMPARE(inserted.mid(insert.elementOffset, probe.size()), probe);
            // Everything the edit adds besides the element is layout.
            const PolicyTextChange::Edit &edit = insert.edits.constFirst();
            if (edit.length == 0) {
                QString rest = edit.replacement;
                QVERIFY(isBlankText(rest.remove(probe)));
            }
            // Removing the new element gives back the file, byte for byte, whenever the
            // insertion put it on a line of its own between others.
            const PolicyNode *added
                    = elementAt(reparsed.document, containerPath + u'/' + QString::number(index));
            QVERIFY(added);
            const PolicyTextChange remove
                    = PolicyTextEditor(inserted, reparsed.document).removeElement(*added);
            const QString restored = remove.applyTo(inserted);
            if (index == 0 && !before.isEmpty())
                QCOMPARE(restored, source);
            QVERIFY(PolicyParser::parse(restored).ok());
            QCOMPARE(childNames(elementAt(PolicyParser::parse(restored).document, containerPath)),
                     before);
        }
    }
}

void tst_PolicyTextEditor::corpusMoveThereAndBack()
{
    QFETCH(QString, path);
    const PolicyParseResult parsed = PolicyParser::parse(PolicyCorpus::read(path));
    if (!parsed.ok() || parsed.document.kind != PolicyDocument::Kind::Policies)
        QSKIP("not a parsing <policies> document");
    QString source = QString::fromUtf8(PolicyCorpus::read(path));
    if (source.startsWith(QChar(0xfeff)))
        source.remove(0, 1);
    for (const QString &section : PolicyDocument::sectionNames()) {
        const PolicyNode *container = parsed.document.section(section);
        if (!container || container->elements().size() < 2)
            continue;
        const QStringList before = childNames(container);
        const PolicyTextChange there = PolicyTextEditor(source, parsed.document)
                                               .moveElement(*container->elements().constFirst(),
                                                            *container,
                                                            before.size() - 1);
        QVERIFY2(there.ok(), qPrintable(there.error));
        const QString moved = there.applyTo(source);
        const PolicyParseResult reparsed = PolicyParser::parse(moved);
        QVERIFY(reparsed.ok());
        QStringList rotated = before;
        rotated.move(0, rotated.size() - 1);
        const PolicyNode *movedContainer = reparsed.document.section(section);
        QCOMPARE(childNames(movedContainer), rotated);
        QCOMPARE(reparsed.document.elementStartingAt(there.elementOffset),
                 movedContainer->elements().constLast());

        const PolicyTextChange back
                = PolicyTextEditor(moved, reparsed.document)
                          .moveElement(*movedContainer->elements().constLast(), *movedContainer, 0);
        QVERIFY2(back.ok(), qPrintable(back.error));
        const QString restored = back.applyTo(moved);
        QCOMPARE(childNames(PolicyParser::parse(restored).document.section(section)), before);
        // Sections that put each policy on a line of its own at the same indentation, with no
        // comments in between (they stay where they are), come back byte for byte.
        const QList<const PolicyNode *> elements = container->elements();
        const auto indent = [&source](const PolicyNode *e) {
            const qsizetype begin = e->range.begin.offset;
            return source.mid(source.lastIndexOf(u'\n', begin - 1) + 1)
                    .left(e->range.begin.column - 1);
        };
        const bool ownLines = std::all_of(elements.cbegin(),
                                          elements.cend(),
                                          [&](auto *e) {
                                              return onOwnLine(source, *e)
                                                     && indent(e) == indent(elements.first());
                                          })
                              && std::all_of(container->children.cbegin(),
                                             container->children.cend(),
                                             [](const PolicyNode &child) {
                                                 return child.isElement() || child.isWhitespace();
                                             });
        if (ownLines)
            QCOMPARE(restored, source);
    }
}

void tst_PolicyTextEditor::corpusSectionRecreated()
{
    // Each section of each file removed and created anew holding one policy: the file parses,
    // the sections stand in their order, and every other section keeps its text.
    QFETCH(QString, path);
    const PolicyParseResult parsed = PolicyParser::parse(PolicyCorpus::read(path));
    if (!parsed.ok() || parsed.document.kind != PolicyDocument::Kind::Policies)
        QSKIP("not a parsing <policies> document");
    QString source = QString::fromUtf8(PolicyCorpus::read(path));
    if (source.startsWith(QChar(0xfeff)))
        source.remove(0, 1);
    const QList<QString> &order = PolicyDocument::sectionNames();
    for (const QString &section : order) {
        const PolicyNode *present = parsed.document.section(section);
        if (!present)
            continue;
        const QString without
                = PolicyTextEditor(source, parsed.document).removeElement(*present).applyTo(source);
        const PolicyParseResult removed = PolicyParser::parse(without);
        QVERIFY2(removed.ok(), qPrintable(section));
        QVERIFY(!removed.document.section(section));
        const bool inherit = PolicyPlacement(removed.document, PolicySchema::builtin())
                                     .newSectionInherits(u"cors");
        const PolicyTextChange change
                = PolicyTextEditor(without, removed.document)
                          .insertSection(section, inherit, QStringLiteral("<cors />"));
        QVERIFY2(change.ok(), qPrintable(change.error));
        const QString result = change.applyTo(without);
        const PolicyParseResult reparsed = PolicyParser::parse(result);
        QVERIFY2(reparsed.ok(), qPrintable(section));
        const PolicyNode *created = reparsed.document.section(section);
        QVERIFY(created);
        const QStringList expectedNames
                = inherit ? QStringList{QStringLiteral("base"), QStringLiteral("cors")}
                          : QStringList{QStringLiteral("cors")};
        QCOMPARE(childNames(created), expectedNames);
        QCOMPARE(reparsed.document.elementStartingAt(change.elementOffset),
                 created->elements().constLast());
        // Before every section that runs later; the whole order holds when it held before
        // (a file may list on-error before outbound, which the edit leaves alone).
        const qsizetype rank = order.indexOf(section);
        bool reached = false;
        for (const PolicyNode *element : reparsed.document.root().elements()) {
            reached = reached || element == created;
            QVERIFY2(reached || order.indexOf(element->name) <= rank, qPrintable(element->name));
        }
        if (sectionsInOrder(removed.document))
            QVERIFY(sectionsInOrder(reparsed.document));
        for (const QString &other : order) {
            const PolicyNode *before = removed.document.section(other);
            const PolicyNode *after = reparsed.document.section(other);
            if (other == section || !before)
                continue;
            QVERIFY(after);
            QCOMPARE(result.mid(after->range.begin.offset, after->range.length()),
                     without.mid(before->range.begin.offset, before->range.length()));
        }
    }
}

QTEST_GUILESS_MAIN(tst_PolicyTextEditor)
#include "tst_policytexteditor.moc"
