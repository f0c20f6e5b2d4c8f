// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"

#include "policy/policywriter.h"
#include "policycorpus.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

// Whatever the input, the parser returns either a valid document without errors, which the writer
// reproduces exactly, or at least one error whose position lies inside the text (and the writer
// can still write the partial document).
void checkOutcome(const QByteArray &input, const PolicyParseResult &result)
{
    if (result.ok()) {
        QVERIFY(result.document.isValid());
        QVERIFY(result.diagnostics.isEmpty());
        // What the parser accepts, the writer gives back byte for byte.
        QCOMPARE(PolicyWriter::writeUtf8(result.document), input);
    } else {
        QVERIFY(!result.diagnostics.isEmpty());
        for (const Diagnostic &diagnostic : result.diagnostics) {
            QVERIFY(!diagnostic.message.isEmpty());
            QVERIFY(!diagnostic.code.isEmpty());
            QVERIFY(diagnostic.range.isValid());
            QVERIFY(diagnostic.range.begin.offset <= diagnostic.range.end.offset);
            QVERIFY(diagnostic.range.end.offset <= input.size());
            QVERIFY(diagnostic.range.begin.line >= 1);
            QVERIFY(diagnostic.range.begin.column >= 1);
        }
    }
    (void)PolicyWriter::write(result.document);
}

QByteArray nested(int depth)
{
    return QByteArray("<a>").repeated(depth) + QByteArray("</a>").repeated(depth);
}

QByteArray manyAttributes(int count)
{
    QByteArray tag = "<a";
    for (int i = 0; i < count; ++i)
        tag += " a" + QByteArray::number(i) + "=\"1\"";
    return tag + "/>";
}

} // namespace

class tst_PolicyParserRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void truncated_data() { PolicyCorpus::addRows(); }
    void truncated();
    void mutated_data() { PolicyCorpus::addRows(); }
    void mutated();
    void randomGarbage();
    void hostileInputs_data();
    void hostileInputs();
    void depthLimit();
    void tooLarge();
    void largeDocumentParses();
};

// Every file cut at many points: never a crash, and a cut document is never taken as complete.
void tst_PolicyParserRobustness::truncated()
{
    QFETCH(QString, path);
    const QByteArray bytes = PolicyCorpus::read(path);
    QVERIFY(!bytes.isEmpty());
    const qsizetype rootEnd = PolicyParser::parse(bytes).document.root().range.end.offset;
    const qsizetype step = std::max<qsizetype>(1, bytes.size() / 97);
    for (qsizetype cut = 0; cut < bytes.size(); cut += step) {
        const QByteArray prefix = bytes.left(cut);
        const PolicyParseResult result = PolicyParser::parse(prefix);
        checkOutcome(prefix, result);
        // Before the root's end tag is complete (a byte offset at or past the character
        // offset, as the corpus is mostly ASCII) the document cannot be complete.
        if (QString::fromUtf8(prefix).size() < rootEnd)
            QVERIFY2(!result.ok(), qPrintable(QStringLiteral("cut at %1").arg(cut)));
    }
}

// Random bytes overwritten with characters that matter to the parser.
void tst_PolicyParserRobustness::mutated()
{
    QFETCH(QString, path);
    const QByteArray bytes = PolicyCorpus::read(path);
    QRandomGenerator random(20261127);
    static const char interesting[] = "<>\"'&@(){}[]/!?-=;\\$\n\0\xC3\xFF";
    for (int round = 0; round < 40; ++round) {
        QByteArray copy = bytes;
        const int changes = 1 + random.bounded(6);
        for (int i = 0; i < changes; ++i) {
            const qsizetype at = random.bounded(copy.size());
            copy[at] = interesting[random.bounded(int(sizeof(interesting) - 1))];
        }
        checkOutcome(copy, PolicyParser::parse(copy));
    }
}

void tst_PolicyParserRobustness::randomGarbage()
{
    QRandomGenerator random(42);
    for (int round = 0; round < 300; ++round) {
        QByteArray garbage(random.bounded(1, 4096), Qt::Uninitialized);
        for (char &c : garbage)
            c = char(random.bounded(256));
        if (round % 2)
            garbage.prepend("<policies>");
        const PolicyParseResult result = PolicyParser::parse(garbage);
        checkOutcome(garbage, result);
        QVERIFY(!result.ok());
    }
}

void tst_PolicyParserRobustness::hostileInputs_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::newRow("lone @( in an attribute")
            << QByteArray("<a x=\"@(") << "xml.unbalanced-expression";
    QTest::newRow("lone @{ in text") << QByteArray("<a>@{") << "xml.unbalanced-expression";
    QTest::newRow("lone @( at top level") << QByteArray("@(") << "xml.unbalanced-expression";
    QTest::newRow("only <") << QByteArray("<") << "xml.malformed";
    QTest::newRow("only </") << QByteArray("</") << "xml.malformed";
    QTest::newRow("only <!--") << QByteArray("<!--") << "xml.unterminated";
    QTest::newRow("only <?") << QByteArray("<?") << "xml.unterminated";
    QTest::newRow("only NULs") << QByteArray(64, '\0') << "xml.extra-content";
    QTest::newRow("attributes at the limit, then one more")
            << manyAttributes(PolicyParser::maxAttributes + 1) << "xml.too-many-attributes";
    QTest::newRow("NUL in a tag name") << QByteArray("<a\0b/>", 6) << "xml.malformed";
    QTest::newRow("NUL after the root") << QByteArray("<a/>\0", 5) << "xml.extra-content";
    QTest::newRow("a million open parens")
            << QByteArray("<a x=\"@(") + QByteArray(1000000, '(') + "\"/>"
            << "xml.unbalanced-expression";
    QTest::newRow("a million interpolation holes")
            << QByteArray("<a>@(") + QByteArray("$\"{").repeated(300000)
            << "xml.unbalanced-expression";
    QTest::newRow("100000-deep nesting") << nested(100000) << "xml.too-deep";
    QTest::newRow("100000 attributes") << manyAttributes(100000) << "xml.too-many-attributes";
    QTest::newRow("100000 ampersands") << QByteArray("<a>") + QByteArray(100000, '&') + "</a>"
                                       << "xml.malformed";
    QTest::newRow("100000 unterminated comments")
            << QByteArray("<a>") + QByteArray("<!--").repeated(100000) << "xml.unterminated";
    QTest::newRow("100000 stray end tags")
            << QByteArray("<a/>") + QByteArray("</a>").repeated(100000) << "xml.mismatched-tag";
    QTest::newRow("unterminated string to the end")
            << QByteArray("<a x=\"@(\"") + QByteArray(1000000, 'x') << "xml.unbalanced-expression";
}

void tst_PolicyParserRobustness::hostileInputs()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    const PolicyParseResult result = PolicyParser::parse(input);
    checkOutcome(input, result);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.at(0).code, code);
}

void tst_PolicyParserRobustness::depthLimit()
{
    const int limit = PolicyParser::maxDepth;
    const PolicyParseResult atLimit = PolicyParser::parse(nested(limit));
    QVERIFY(atLimit.ok());
    QCOMPARE(PolicyWriter::writeUtf8(atLimit.document), nested(limit));

    const PolicyParseResult over = PolicyParser::parse(nested(limit + 1));
    QVERIFY(!over.ok());
    QCOMPARE(over.diagnostics.at(0).code, QStringLiteral("xml.too-deep"));
    QCOMPARE(over.diagnostics.at(0).range.begin.column, 3 * limit + 1);
}

void tst_PolicyParserRobustness::tooLarge()
{
    const QByteArray body = QByteArray("<set-body>")
                            + QByteArray("0123456789abcdef").repeated(50 * 1024 * 1024 / 16)
                            + "</set-body>";
    const PolicyParseResult fromBytes = PolicyParser::parse(body, QStringLiteral("big.xml"));
    QVERIFY(!fromBytes.ok());
    QCOMPARE(fromBytes.diagnostics.at(0).code, QStringLiteral("xml.too-large"));
    QVERIFY(fromBytes.diagnostics.at(0).toString().startsWith(
            QLatin1String("big.xml:1:1: error:")));

    const PolicyParseResult fromString = PolicyParser::parse(QString::fromLatin1(body));
    QCOMPARE(fromString.diagnostics.at(0).code, QStringLiteral("xml.too-large"));
}

// Just under the limit, a real document is read (in linear time: a quadratic step would not
// finish within the test's timeout) and written back unchanged.
void tst_PolicyParserRobustness::largeDocumentParses()
{
    const QByteArray policy = PolicyCorpus::read(
            QStringLiteral(APIM_SHARED_DIR "/seed/04-article-published-api.xml"));
    const PolicyParseResult one = PolicyParser::parse(policy);
    QVERIFY(one.ok());
    const PolicyNode &inbound = *one.document.section(u"inbound");
    const QString inner = PolicyWriter::write(inbound);
    QByteArray big = "<policies>\n";
    while (big.size() < 8 * 1024 * 1024)
        big += inner.toUtf8() + '\n';
    big += "</policies>\n";
    const PolicyParseResult result = PolicyParser::parse(big);
    QVERIFY(result.ok());
    QVERIFY(result.document.root().elements().size() > 1000);
    QCOMPARE(PolicyWriter::writeUtf8(result.document), big);
}

QTEST_GUILESS_MAIN(tst_PolicyParserRobustness)
#include "tst_policyparserrobustness.moc"
