// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressiontesthelpers.h"

#include <QTest>

// Compile errors: message, code and position in the policy document (the expression starts at a
// document position; lines and columns are mapped through multi-line expressions).
class tst_ExpressionCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errors_data();
    void errors();
    void typeErrors_data();
    void typeErrors();
    void typeChecksAllowValidMembers_data();
    void typeChecksAllowValidMembers();
    void positionsMapIntoTheDocument();
    void runtimeErrorRange();
    void compiledOnceEvaluatedMany();
};

void tst_ExpressionCompiler::errors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("diagnosticCode");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const auto row
            = [](const char *code, const char *diag, int line, int column, const char *message) {
                  QTest::newRow(code) << QString::fromUtf8(code) << QString::fromLatin1(diag)
                                      << line << column << QString::fromUtf8(message);
              };
    row("@(context.Request.Foo)",
        "expr.unsupported-member",
        1,
        19,
        "'Foo' is not a member supported in policy expressions");
    row("@(\"x\".Frobnicate())",
        "expr.unsupported-member",
        1,
        7,
        "'Frobnicate' is not a member supported in policy expressions");
    row("@(context.Request.MatchedParameters(\"a\"))",
        "expr.non-invocable",
        1,
        19,
        "Non-invocable member 'MatchedParameters' cannot be used like a method.");
    row("@(\"a\".ToString)",
        "expr.method-group",
        1,
        7,
        "'ToString' is a method; call it with parentheses");
    row("@(foo + 1)",
        "expr.unknown-name",
        1,
        3,
        "The name 'foo' does not exist in the current context");
    row("@(new FileStream(\"x\"))",
        "expr.unknown-type",
        1,
        7,
        "The type or namespace name 'FileStream' is not supported in policy expressions");
    row("@(System.IO.File.ReadAllText(\"x\"))",
        "expr.unknown-type",
        1,
        13,
        "The type or namespace name 'System.IO.File' is not supported in policy expressions");
    row("@(Process.Start(\"x\"))",
        "expr.unknown-name",
        1,
        3,
        "The name 'Process' does not exist in the current context");
    row("@(\"a\" \"b\")", "expr.syntax", 1, 7, "Syntax error, ')' expected, found string literal");
    row("@(1 +)", "expr.syntax", 1, 6, "Unexpected end of expression: expression expected");
    row("@((1 + 2)",
        "expr.syntax",
        1,
        9,
        "Unexpected end of expression: Syntax error, ')' expected, found end of expression");
    row("@(\"unterminated)", "expr.lexical", 1, 3, "Newline in constant");
    row("@('ab')", "expr.lexical", 1, 3, "Too many characters in character literal");
    row("@(\"\\q\")", "expr.lexical", 1, 4, "Unrecognized escape sequence");
    row("@{ var x = 1; }", "expr.missing-return", 1, 14, "Not all code paths return a value");
    row("@{ if (true) { return 1; } }",
        "expr.missing-return",
        1,
        27,
        "Not all code paths return a value");
    row("@{ var x = 1; var x = 2; return x; }",
        "expr.duplicate-local",
        1,
        19,
        "A local variable named 'x' is already defined in this scope");
    row("@{ x = 1; return x; }",
        "expr.unknown-name",
        1,
        4,
        "The name 'x' does not exist in the current context");
    row("@{ 1 + 1; return 1; }",
        "expr.invalid-statement",
        1,
        4,
        "Only assignment, call, increment, decrement, and new object expressions can be used as a "
        "statement");
    row("@{ break; }", "expr.syntax", 1, 4, "No enclosing loop out of which to break or continue");
    row("@{ switch (1) { } return 1; }",
        "expr.unsupported",
        1,
        4,
        "'switch' statements are not supported in policy expressions");
    row("@(context.Response = null)",
        "expr.read-only",
        1,
        20,
        "context members are read-only; use policies to change them");
    row("@(dynamic)", "expr.unsupported", 1, 3, "'dynamic' is not supported in policy expressions");
    row("@{ var x; return 1; }",
        "expr.syntax",
        1,
        9,
        "Implicitly-typed variables must be initialized");
    row("@{ int F(int a) { if (a > 0) { return 1; } } return F(1); }",
        "expr.missing-return",
        1,
        8,
        "'F': not all code paths return a value");
    row("@{ return G(1); }",
        "expr.unknown-name",
        1,
        11,
        "The name 'G' does not exist in the current context");
    row("text", "expr.not-expression", 1, 1, "A policy expression must start with '@(' or '@{'");
    row("@($\"{1 +}\")", "expr.syntax", 1, 9, "Unexpected end of expression: expression expected");
    row("@(x => 1)",
        "expr.syntax",
        1,
        3,
        "Cannot convert lambda expression to type 'object' because it is not a delegate type");
}

void tst_ExpressionCompiler::errors()
{
    QFETCH(QString, code);
    QFETCH(QString, diagnosticCode);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const ExpressionCompileResult r
            = ExpressionCompiler::compile(code, SourcePosition{1, 1, 0}, QStringLiteral("p.xml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.message, message);
    QCOMPARE(d.code, diagnosticCode);
    QCOMPARE(d.range.begin.line, line);
    QCOMPARE(d.range.begin.column, column);
    QCOMPARE(d.file, QStringLiteral("p.xml"));
    QVERIFY(d.isError());
}

void tst_ExpressionCompiler::typeErrors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("@(context.Response.StatusCode.ToUpper())")
            << QStringLiteral("@(context.Response.StatusCode.ToUpper())") << 1 << 31
            << QStringLiteral("'int' does not contain a definition for 'ToUpper'");
    QTest::newRow("@(context.Request.Url.Port.Trim())")
            << QStringLiteral("@(context.Request.Url.Port.Trim())") << 1 << 28
            << QStringLiteral("'int' does not contain a definition for 'Trim'");
    QTest::newRow("@(context.Request.Method.Length.Contains(\"x\"))")
            << QStringLiteral("@(context.Request.Method.Length.Contains(\"x\"))") << 1 << 33
            << QStringLiteral("'int' does not contain a definition for 'Contains'");
    QTest::newRow("@{ var n = 5; return n.Substring(1); }")
            << QStringLiteral("@{ var n = 5; return n.Substring(1); }") << 1 << 24
            << QStringLiteral("'int' does not contain a definition for 'Substring'");
    QTest::newRow("@{ var s = context.Request.Method.ToLower(); var n = s.Length; return "
                  "n.StartsWith(\"a\"); }")
            << QStringLiteral("@{ var s = context.Request.Method.ToLower(); var n = s.Length; "
                              "return n.StartsWith(\"a\"); }")
            << 1 << 73 << QStringLiteral("'int' does not contain a definition for 'StartsWith'");
    QTest::newRow("@(\"abc\".Count)")
            << QStringLiteral("@(\"abc\".Count)") << 1 << 9
            << QStringLiteral("'string' does not contain a definition for 'Count'");
    QTest::newRow("@(context.Response.Method)")
            << QStringLiteral("@(context.Response.Method)") << 1 << 20
            << QStringLiteral("'IResponse' does not contain a definition for 'Method'");
    QTest::newRow("@(context.Request.StatusCode)")
            << QStringLiteral("@(context.Request.StatusCode)") << 1 << 19
            << QStringLiteral("'IRequest' does not contain a definition for 'StatusCode'");
    QTest::newRow("@(((string)context.Variables[\"x\"]).Port)")
            << QStringLiteral("@(((string)context.Variables[\"x\"]).Port)") << 1 << 36
            << QStringLiteral("'string' does not contain a definition for 'Port'");
    QTest::newRow("@(context.Variables.GetValueOrDefault<int>(\"n\").ToUpper())")
            << QStringLiteral("@(context.Variables.GetValueOrDefault<int>(\"n\").ToUpper())") << 1
            << 49 << QStringLiteral("'int' does not contain a definition for 'ToUpper'");
    QTest::newRow("@((context.Response.StatusCode + 1).Replace(\"a\", \"b\"))")
            << QStringLiteral("@((context.Response.StatusCode + 1).Replace(\"a\", \"b\"))") << 1
            << 37 << QStringLiteral("'int' does not contain a definition for 'Replace'");
    QTest::newRow("@($\"{1}\".Length.Trim())")
            << QStringLiteral("@($\"{1}\".Length.Trim())") << 1 << 17
            << QStringLiteral("'int' does not contain a definition for 'Trim'");
    QTest::newRow("@(context.Request.Url.Host.StartsWith(\"a\").ToLower())")
            << QStringLiteral("@(context.Request.Url.Host.StartsWith(\"a\").ToLower())") << 1 << 44
            << QStringLiteral("'bool' does not contain a definition for 'ToLower'");
    QTest::newRow("@{     long total = 10;     return total.Split(','); }")
            << QStringLiteral("@{\n    long total = 10;\n    return total.Split(',');\n}") << 3
            << 18 << QStringLiteral("'long' does not contain a definition for 'Split'");
}

void tst_ExpressionCompiler::typeErrors()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const ExpressionCompileResult r
            = ExpressionCompiler::compile(code, SourcePosition{1, 1, 0}, QStringLiteral("p.xml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.message, message);
    QCOMPARE(d.code, QStringLiteral("expr.no-member"));
    QCOMPARE(d.range.begin.line, line);
    QCOMPARE(d.range.begin.column, column);
}

void tst_ExpressionCompiler::typeChecksAllowValidMembers_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("@(context.Response.StatusCode.ToString())")
            << QStringLiteral("@(context.Response.StatusCode.ToString())");
    QTest::newRow("@(context.Request.Url.Host.ToLower().Contains(\"x\"))")
            << QStringLiteral("@(context.Request.Url.Host.ToLower().Contains(\"x\"))");
    QTest::newRow("@(context.Request.Headers.GetValueOrDefault(\"a\", \"\").Split(',')[0].Trim())")
            << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"a\", "
                              "\"\").Split(',')[0].Trim())");
    QTest::newRow("@{ var s = \"xy\"; return s.Where(c => c == 'x').Count(); }")
            << QStringLiteral("@{ var s = \"xy\"; return s.Where(c => c == 'x').Count(); }");
    QTest::newRow("@(context.Response?.StatusCode.ToString())")
            << QStringLiteral("@(context.Response?.StatusCode.ToString())");
    QTest::newRow("@(context.Request.Url.Query.GetValueOrDefault(\"a\", \"\"))")
            << QStringLiteral("@(context.Request.Url.Query.GetValueOrDefault(\"a\", \"\"))");
    QTest::newRow("@(\"abc\".Length.Equals(3))") << QStringLiteral("@(\"abc\".Length.Equals(3))");
    QTest::newRow("@{ int n = 3; return n.CompareTo(2); }")
            << QStringLiteral("@{ int n = 3; return n.CompareTo(2); }");
    QTest::newRow("@(context.Request.Url.Host.Length.ToString().ToUpper())")
            << QStringLiteral("@(context.Request.Url.Host.Length.ToString().ToUpper())");
    QTest::newRow("@{ var n = 5; var s = n.ToString(); return s.PadLeft(4); }")
            << QStringLiteral("@{ var n = 5; var s = n.ToString(); return s.PadLeft(4); }");
    QTest::newRow("@(((string)context.Variables[\"x\"]).Length)")
            << QStringLiteral("@(((string)context.Variables[\"x\"]).Length)");
    QTest::newRow("@(context.Variables.GetValueOrDefault<string>(\"x\", \"\").ToUpper())")
            << QStringLiteral(
                       "@(context.Variables.GetValueOrDefault<string>(\"x\", \"\").ToUpper())");
    QTest::newRow("@(context.Request.OriginalUrl.Path.Substring(1))")
            << QStringLiteral("@(context.Request.OriginalUrl.Path.Substring(1))");
}

void tst_ExpressionCompiler::typeChecksAllowValidMembers()
{
    QFETCH(QString, code);
    const ExpressionCompileResult r
            = ExpressionCompiler::compile(code, SourcePosition{1, 1, 0}, QStringLiteral("p.xml"));
    QVERIFY2(r.ok(), qPrintable(r.diagnostics.value(0).toString()));
}

void tst_ExpressionCompiler::positionsMapIntoTheDocument()
{
    // The expression starts at line 12, column 30 (offset 400) of the policy file.
    const QString code = QStringLiteral("@{\n    var a = 1;\n    return a.Nope;\n}");
    const ExpressionCompileResult r = ExpressionCompiler::compile(
            code, SourcePosition{12, 30, 400}, QStringLiteral("api.xml"));
    QVERIFY(!r.ok());
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.range.begin.line, 14);
    QCOMPARE(d.range.begin.column, 14);
    QCOMPARE(d.range.begin.offset, 400 + code.indexOf(QLatin1String("Nope")));
    QCOMPARE(d.range.end.offset, d.range.begin.offset + 4);
    QCOMPARE(d.toString(),
             QStringLiteral("api.xml:14:14: error: 'Nope' is not a member supported in policy "
                            "expressions"));
    // Leading whitespace of element text is skipped but counted.
    const ExpressionCompileResult t = ExpressionCompiler::compile(
            QStringLiteral("\n   @(bad)"), SourcePosition{3, 5, 50}, QStringLiteral("api.xml"));
    QCOMPARE(t.diagnostics.first().range.begin.line, 4);
    QCOMPARE(t.diagnostics.first().range.begin.column, 6);
}

void tst_ExpressionCompiler::runtimeErrorRange()
{
    const ExpressionCompileResult r
            = ExpressionCompiler::compile(QStringLiteral("@(1 + context.User.Email.Length)"),
                                          SourcePosition{5, 10, 100},
                                          QStringLiteral("x.xml"));
    QVERIFY(r.ok());
    ExpressionContext context;
    const EvaluationResult e = r.expression->evaluate(context);
    QVERIFY(!e.ok());
    QCOMPARE(e.error.type, QStringLiteral("System.NullReferenceException"));
    QCOMPARE(e.error.message,
             QStringLiteral("Object reference not set to an instance of an object."));
    QCOMPARE(e.error.toString(),
             QStringLiteral("NullReferenceException: Object reference not set to an instance of an "
                            "object."));
    // The failing member access "context.User.Email" begins at column 10 + 6.
    QCOMPARE(e.error.range.begin.line, 5);
    QCOMPARE(e.error.range.begin.column, 16);
}

void tst_ExpressionCompiler::compiledOnceEvaluatedMany()
{
    const ExpressionCompileResult r = ExpressionCompiler::compile(
            QStringLiteral("@(context.Variables.GetValueOrDefault<int>(\"n\", 0) * 2)"),
            {},
            QString());
    QVERIFY(r.ok());
    for (int i = 0; i < 5; ++i) {
        ExpressionContext context;
        context.setVariable(QStringLiteral("n"), Value::fromInt(i));
        const EvaluationResult e = r.expression->evaluate(context);
        QVERIFY(e.ok());
        QCOMPARE(e.value.intValue(), i * 2);
    }
    QCOMPARE(r.expression->mode(), CompiledExpression::Mode::Expression);
}

QTEST_GUILESS_MAIN(tst_ExpressionCompiler)
#include "tst_expressioncompiler.moc"
