// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/expressionscanner.h"

#include <QTest>

using Status = ExpressionScanResult::Status;
using Mode = ExpressionScanner::Mode;

Q_DECLARE_METATYPE(ExpressionScanResult::Status)
Q_DECLARE_METATYPE(ExpressionScanner::Mode)

class tst_ExpressionScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void balanced_data();
    void balanced();
    void errors_data();
    void errors();
    void startOutOfRange();
    void deepNestingIsIterative();
};

// text: the input; '§' marks where the expression must end (removed before scanning).
void tst_ExpressionScanner::balanced_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<Mode>("mode");

    const Mode cs = Mode::CSharp;
    const Mode xml = Mode::XmlSource;
    QTest::newRow("paren") << "@(1 + 2)§" << 0 << cs;
    QTest::newRow("brace") << "@{ return 1; }§" << 0 << cs;
    QTest::newRow("not at zero") << "x=\"@(a)§\"" << 3 << cs;
    QTest::newRow("nested brackets") << "@(a(b[c]{d}).e[f])§" << 0 << cs;
    QTest::newRow("text after the expression") << "@(a)§ + b)" << 0 << cs;
    QTest::newRow("generic type") << "@(x.As<JObject>().Value<bool>(\"k\"))§" << 0 << cs;
    QTest::newRow("string with closers") << "@(\"a)}]b\")§" << 0 << cs;
    QTest::newRow("string escaped quote") << "@(\"a\\\")b\")§" << 0 << cs;
    QTest::newRow("string escaped backslash") << "@(\"a\\\\\")§)" << 0 << cs;
    QTest::newRow("verbatim with doubled quote") << "@(@\"c:\\x\"\")\")§" << 0 << cs;
    QTest::newRow("verbatim backslash at end") << "@(@\"c:\\\")§" << 0 << cs;
    QTest::newRow("char literal paren") << "@(c == ')')§" << 0 << cs;
    QTest::newRow("char literal quote") << "@(c == '\\'' || c == '\"')§" << 0 << cs;
    QTest::newRow("interpolated") << "@($\"{a}) {{ }}\")§" << 0 << cs;
    QTest::newRow("interpolated string in hole") << "@($\"{d[\"k)\"]}\")§" << 0 << cs;
    QTest::newRow("interpolated nested") << "@($\"a{$\"b{c}\"}\")§" << 0 << cs;
    QTest::newRow("interpolated brace in hole") << "@($\"{new { a = 1 }.a}\")§" << 0 << cs;
    QTest::newRow("format specifier") << "@($\"{x:0.0)}\")§" << 0 << cs;
    QTest::newRow("verbatim interpolated") << "@($@\"{a}\"\")\")§" << 0 << cs;
    QTest::newRow("verbatim interpolated @$") << "@(@$\"{a})\")§" << 0 << cs;
    QTest::newRow("line comment") << "@{ // ) }\n return 1; }§" << 0 << cs;
    QTest::newRow("line comment CR") << "@{ // ) }\r return 1; }§" << 0 << cs;
    QTest::newRow("block comment") << "@{ /* } \" */ }§" << 0 << cs;
    QTest::newRow("xml in string") << "@{ return \"<a>}</a>\"; }§" << 0 << cs;
    QTest::newRow("lambda braces") << "@(list.Where(x => { return x; }))§" << 0 << cs;
    QTest::newRow("string over a line end") << "@(\"a\nb)\")§" << 0 << cs;
    QTest::newRow("closer ends inner brackets") << "@{ x[\"a\"; }§ }" << 0 << cs;
    QTest::newRow("stray closer ignored") << "@{ ] ) }§" << 0 << cs;
    QTest::newRow("corpus mangled literal") << "@(c.Get(\"latlong=\"\"\"))§" << 0 << cs;
    QTest::newRow("escaped quotes") << "@(a(&quot;)&quot;))§" << 0 << xml;
    QTest::newRow("escaped apos") << "@(c == &apos;)&apos;)§" << 0 << xml;
    QTest::newRow("numeric quote") << "@(a(&#34;)&#x22;))§" << 0 << xml;
    QTest::newRow("raw and escaped mixed") << "@(a && b(\"&lt;)\"))§" << 0 << xml;
    QTest::newRow("entity not decoded in C# mode") << "@(a(&quot;)&quot;)§)" << 0 << cs;
}

void tst_ExpressionScanner::balanced()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(Mode, mode);
    const qsizetype end = text.indexOf(u'§');
    QVERIFY(end > 0);
    text.remove(end, 1);
    const ExpressionScanResult result = ExpressionScanner::scan(text, start, mode);
    QCOMPARE(result.status, Status::Ok);
    QCOMPARE(result.end, end);
    QCOMPARE(result.errorOffset, -1);
}

void tst_ExpressionScanner::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("errorOffset");
    QTest::addColumn<QString>("message");

    const Mode cs = Mode::CSharp;
    QTest::newRow("not an expression") << "(a)" << cs << Status::NotAnExpression << 0 << "@(";
    QTest::newRow("at identifier") << "@x" << cs << Status::NotAnExpression << 0 << "@(";
    QTest::newRow("lone @(") << "@(" << cs << Status::Unbalanced << 1 << "'(' is never closed";
    QTest::newRow("lone @{") << "@{" << cs << Status::Unbalanced << 1 << "'{' is never closed";
    QTest::newRow("outer paren open")
            << "@(a(b) + c" << cs << Status::Unbalanced << 1 << "'(' is never closed";
    QTest::newRow("inner bracket open")
            << "@( x[a + (b )" << cs << Status::Unbalanced << 4 << "'[' is never closed";
    QTest::newRow("unterminated string")
            << "@(\"abc)" << cs << Status::UnterminatedLiteral << 2 << "unterminated string";
    QTest::newRow("unterminated verbatim")
            << "@(@\"abc\\\"\")" << cs << Status::UnterminatedLiteral << 2 << "verbatim string";
    QTest::newRow("unterminated char")
            << "@(c == ')" << cs << Status::UnterminatedLiteral << 7 << "character literal";
    QTest::newRow("unterminated block comment")
            << "@{ /* } " << cs << Status::UnterminatedComment << 3 << "/* comment";
    QTest::newRow("line comment hides closer")
            << "@( // )" << cs << Status::Unbalanced << 1 << "'(' is never closed";
    QTest::newRow("unterminated interpolated")
            << "@($\"{a})" << cs << Status::UnterminatedLiteral << 2 << "interpolated string";
    QTest::newRow("unclosed hole")
            << "@($\"{a)" << cs << Status::Unbalanced << 4 << "interpolation hole";
    QTest::newRow("escaped quote opens a string")
            << "@(a(&quot;)))" << Mode::XmlSource << Status::UnterminatedLiteral << 4
            << "unterminated string";
}

void tst_ExpressionScanner::errors()
{
    QFETCH(QString, text);
    QFETCH(Mode, mode);
    QFETCH(Status, status);
    QFETCH(int, errorOffset);
    QFETCH(QString, message);
    const ExpressionScanResult result = ExpressionScanner::scan(text, 0, mode);
    QCOMPARE(result.status, status);
    QVERIFY(!result.ok());
    QCOMPARE(result.end, -1);
    QCOMPARE(result.errorOffset, errorOffset);
    QVERIFY2(result.errorMessage.contains(message), qPrintable(result.errorMessage));
}

void tst_ExpressionScanner::startOutOfRange()
{
    QCOMPARE(ExpressionScanner::scan(u"@(1)", 4).status, Status::NotAnExpression);
    QCOMPARE(ExpressionScanner::scan(u"@(1)", -1).status, Status::NotAnExpression);
    QCOMPARE(ExpressionScanner::scan(u"", 0).status, Status::NotAnExpression);
    QCOMPARE(ExpressionScanner::scan(u"@", 0).status, Status::NotAnExpression);
}

void tst_ExpressionScanner::deepNestingIsIterative()
{
    const int depth = 1000000;
    QString open = QStringLiteral("@(") + QString(depth, u'(') + QString(depth, u'{');
    ExpressionScanResult result = ExpressionScanner::scan(open, 0);
    QCOMPARE(result.status, Status::Unbalanced);
    QCOMPARE(result.errorOffset, 2 + 2 * depth - 1);

    const QString closed = open + QString(depth, u'}') + QString(depth + 1, u')');
    result = ExpressionScanner::scan(closed, 0);
    QCOMPARE(result.status, Status::Ok);
    QCOMPARE(result.end, closed.size());

    QString holes = QStringLiteral("@(");
    for (int i = 0; i < 100000; ++i)
        holes += QLatin1String("$\"{");
    result = ExpressionScanner::scan(holes, 0);
    QCOMPARE(result.status, Status::Unbalanced);
    QCOMPARE(result.errorOffset, holes.size() - 1);
}

QTEST_GUILESS_MAIN(tst_ExpressionScanner)
#include "tst_expressionscanner.moc"
