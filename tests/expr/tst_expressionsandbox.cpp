// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressiontesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

// Runaway expressions end with a clear evaluation error: step budget, recursion limit, string and
// collection growth, and nesting depth at compile time. None of these can be caught by script code.
class tst_ExpressionSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limits_data();
    void limits();
    void deepNestingIsACompileError();
    void limitsAreConfigurable();
};

void tst_ExpressionSandbox::limits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("infinite while") << QStringLiteral("@{ while (true) { } }")
                                    << QStringLiteral("System.OperationCanceledException");
    QTest::newRow("infinite for") << QStringLiteral("@{ for (;;) { var x = 1; } }")
                                  << QStringLiteral("System.OperationCanceledException");
    QTest::newRow("catch cannot swallow budget")
            << QStringLiteral("@{ try { while (true) { } } catch (Exception e) { return 1; } }")
            << QStringLiteral("System.OperationCanceledException");
    QTest::newRow("deep recursion")
            << QStringLiteral("@{ int F(int n) { return F(n + 1); } return F(0); }")
            << QStringLiteral("System.InsufficientExecutionStackException");
    QTest::newRow("string doubling")
            << QStringLiteral("@{ var s = \"x\"; while (true) { s += s; } }")
            << QStringLiteral("System.OutOfMemoryException");
    QTest::newRow("pad huge") << QStringLiteral("@(\"x\".PadLeft(int.MaxValue))")
                              << QStringLiteral("System.OutOfMemoryException");
    QTest::newRow("huge array") << QStringLiteral("@(new byte[int.MaxValue])")
                                << QStringLiteral("System.OutOfMemoryException");
    QTest::newRow("list growth") << QStringLiteral(
            "@{ var l = new List<int>(); while (true) { l.Add(1); } }")
                                 << QStringLiteral("System.OutOfMemoryException");
    QTest::newRow("linq over huge range")
            << QStringLiteral("@(Enumerable.Range(0, int.MaxValue).Count())")
            << QStringLiteral("System.OutOfMemoryException");
}

void tst_ExpressionSandbox::limits()
{
    QFETCH(QString, code);
    QFETCH(QString, errorType);
    ExpressionContext context;
    context.maxCollectionSize = 100000;
    QElapsedTimer timer;
    timer.start();
    const ExpressionTestHelpers::Outcome o = ExpressionTestHelpers::run(code, context);
    QVERIFY2(o.compileError.isEmpty(), qPrintable(o.compileError));
    QVERIFY(!o.result.ok());
    QCOMPARE(o.result.error.type, errorType);
    QVERIFY(!o.result.error.message.isEmpty());
    QVERIFY(o.result.error.range.isValid());
    QVERIFY2(timer.elapsed() < 20000, "a limit should end the expression quickly");
}

void tst_ExpressionSandbox::deepNestingIsACompileError()
{
    const QString code
            = QStringLiteral("@(") + QString(5000, u'(') + u'1' + QString(5000, u')') + u')';
    const ExpressionCompileResult r = ExpressionCompiler::compile(code, {}, QString());
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.first().code, QStringLiteral("expr.too-deep"));
}

void tst_ExpressionSandbox::limitsAreConfigurable()
{
    ExpressionContext context;
    context.stepBudget = 50;
    QCOMPARE(ExpressionTestHelpers::evaluate(
                     QStringLiteral(
                             "@{ var n = 0; for (var i = 0; i < 10; i++) { n += i; } return n; }"),
                     context),
             QStringLiteral("Int32:45"));
    QVERIFY(ExpressionTestHelpers::evaluate(
                    QStringLiteral(
                            "@{ var n = 0; for (var i = 0; i < 100; i++) { n += i; } return n; }"),
                    context)
                    .startsWith(QLatin1String("error:System.OperationCanceledException")));
    context.stepBudget = 1000000;
    context.recursionLimit = 5;
    QCOMPARE(
            ExpressionTestHelpers::evaluate(
                    QStringLiteral(
                            "@{ int F(int n) { return n == 0 ? 0 : 1 + F(n - 1); } return F(4); }"),
                    context),
            QStringLiteral("Int32:4"));
    QVERIFY(ExpressionTestHelpers::evaluate(
                    QStringLiteral(
                            "@{ int F(int n) { return n == 0 ? 0 : 1 + F(n - 1); } return F(6); }"),
                    context)
                    .startsWith(QLatin1String("error:System.InsufficientExecutionStackException")));
    context.maxStringLength = 10;
    QVERIFY(ExpressionTestHelpers::evaluate(QStringLiteral("@(\"0123456789\" + \"x\")"), context)
                    .startsWith(QLatin1String("error:System.OutOfMemoryException")));
}

QTEST_GUILESS_MAIN(tst_ExpressionSandbox)
#include "tst_expressionsandbox.moc"
