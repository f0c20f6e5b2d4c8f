// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"

#include "policycorpus.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

// What a keystroke or a paste does: typing a character (letters mostly, and the characters that
// change the markup), deleting one, or pasting or cutting a piece of markup.
QString edited(const QString &text, QRandomGenerator &random)
{
    static const QString typed = QStringLiteral("aZ7 \n\t\"'<>/=&;@(){}-![]?\r");
    static const QStringList pasted = {QStringLiteral("<set-header name=\"a\" />"),
                                       QStringLiteral("</when>"),
                                       QStringLiteral("<!-- -- -->"),
                                       QStringLiteral("@(context.Request.Url)"),
                                       QStringLiteral("&amp;&lt;&#x41;&bogus;"),
                                       QStringLiteral("<![CDATA[ ]]>"),
                                       QStringLiteral("\r\n  ")};
    const qsizetype at = random.bounded(text.size() + 1);
    QString result = text;
    switch (random.bounded(6)) {
    case 0:
    case 1:
        return result.insert(at, QChar(char16_t(u'a' + random.bounded(26))));
    case 2:
        return result.insert(at, typed.at(random.bounded(typed.size())));
    case 3:
        return result.remove(at, 1);
    case 4:
        return result.insert(at, pasted.at(random.bounded(pasted.size())));
    default:
        return result.remove(at, random.bounded(12));
    }
}

QString replaced(QString text, const QString &from, const QString &to)
{
    return text.replace(from, to);
}

void compareWithFullParse(const PolicyParseResult &previous,
                          const QString &previousText,
                          const QString &text)
{
    const QString file = QStringLiteral("edited.xml");
    const PolicyParseResult reparsed = PolicyParser::reparse(previous, previousText, text, file);
    const PolicyParseResult parsed = PolicyParser::parse(text, file);
    QCOMPARE(reparsed.diagnostics, parsed.diagnostics);
    QCOMPARE(reparsed.document.kind, parsed.document.kind);
    QCOMPARE(reparsed.document.rootIndex, parsed.document.rootIndex);
    QCOMPARE(reparsed.document.hasByteOrderMark, parsed.document.hasByteOrderMark);
    QVERIFY2(reparsed.document == parsed.document,
             qPrintable(QStringLiteral("documents differ after editing into:\n") + text));
}

} // namespace

// PolicyParser::reparse must give exactly what a full parse gives, whichever path it takes.
class tst_PolicyReparse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleEdits_data() { PolicyCorpus::addRows(); }
    void singleEdits();
    void typingSequence_data() { PolicyCorpus::addRows(); }
    void typingSequence();
    void edgeCases_data();
    void edgeCases();
};

// Each edit made on the file as it is.
void tst_PolicyReparse::singleEdits()
{
    QFETCH(QString, path);
    const QString text = QString::fromUtf8(PolicyCorpus::read(path));
    QVERIFY(!text.isEmpty());
    const PolicyParseResult previous = PolicyParser::parse(text, QStringLiteral("edited.xml"));
    QRandomGenerator random(uint(qHash(path)));
    for (int i = 0; i < 60; ++i) {
        compareWithFullParse(previous, text, edited(text, random));
        if (QTest::currentTestFailed())
            return;
    }
}

// Edits one after the other, each reparse starting from the previous reparse, as while typing.
void tst_PolicyReparse::typingSequence()
{
    QFETCH(QString, path);
    QString text = QString::fromUtf8(PolicyCorpus::read(path));
    PolicyParseResult previous = PolicyParser::parse(text, QStringLiteral("edited.xml"));
    QRandomGenerator random(uint(qHash(path)) ^ 0x5eed);
    for (int i = 0; i < 30; ++i) {
        const QString next = edited(text, random);
        compareWithFullParse(previous, text, next);
        if (QTest::currentTestFailed())
            return;
        previous = PolicyParser::reparse(previous, text, next, QStringLiteral("edited.xml"));
        text = next;
    }
}

void tst_PolicyReparse::edgeCases_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    const QString policies = QStringLiteral(
            "<policies>\n  <inbound>\n    <set-header name=\"a\" exists-action=\"override\">\n"
            "      <value>x</value>\n    </set-header>\n  </inbound>\n</policies>\n");
    QTest::newRow("unchanged") << policies << policies;
    QTest::newRow("attribute value")
            << policies
            << replaced(policies, QStringLiteral("name=\"a\""), QStringLiteral("name=\"ab\""));
    QTest::newRow("line break inside an element, later lines move")
            << policies
            << replaced(policies, QStringLiteral("<value>x"), QStringLiteral("<value>\nx"));
    QTest::newRow("line break removed")
            << policies
            << replaced(policies, QStringLiteral("\n      <value>"), QStringLiteral("<value>"));
    QTest::newRow("element renamed")
            << policies
            << replaced(policies, QStringLiteral("<value>"), QStringLiteral("<values>"));
    QTest::newRow("element closed early")
            << policies
            << replaced(policies, QStringLiteral("x</value>"), QStringLiteral("x</value></value>"));
    QTest::newRow("element made self-closing")
            << policies
            << replaced(policies, QStringLiteral("override\">"), QStringLiteral("override\"/>"));
    QTest::newRow("lone carriage return before a line feed")
            << replaced(policies, QStringLiteral("x</value>\n"), QStringLiteral("x\r</value>\n"))
            << replaced(policies, QStringLiteral("x</value>\n"), QStringLiteral("x</value>\r\n"));
    QTest::newRow("root renamed") << policies
                                  << replaced(policies,
                                              QStringLiteral("<policies>"),
                                              QStringLiteral("<policie>"));
    QTest::newRow("from a broken text")
            << replaced(policies, QStringLiteral("<value>"), QStringLiteral("<value")) << policies;
    QTest::newRow("byte order mark")
            << QChar(0xFEFF) + policies << QChar(0xFEFF) + QString(policies).replace(u'x', u'y');
    const int depth = PolicyParser::maxDepth;
    const QString deep = QStringLiteral("<a>").repeated(depth - 1) + QStringLiteral("<a>x</a>")
                         + QStringLiteral("</a>").repeated(depth - 1);
    QTest::newRow("nested up to the limit, one more")
            << deep << replaced(deep, QStringLiteral("<a>x</a>"), QStringLiteral("<a><a/></a>"));
    QTest::newRow("nested up to the limit, text")
            << deep << replaced(deep, QStringLiteral("<a>x</a>"), QStringLiteral("<a>y</a>"));
}

void tst_PolicyReparse::edgeCases()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    compareWithFullParse(PolicyParser::parse(before, QStringLiteral("edited.xml")), before, after);
}

QTEST_GUILESS_MAIN(tst_PolicyReparse)
#include "tst_policyreparse.moc"
