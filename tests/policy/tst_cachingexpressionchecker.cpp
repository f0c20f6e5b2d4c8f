// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/compilingexpressionchecker.h"
#include "policy/cachingexpressionchecker.h"

#include <QTest>

namespace {

// Counts the checks that reach the compiler.
class CountingChecker final : public ExpressionChecker
{
public:
    explicit CountingChecker(int *count)
        : m_count(count)
    {}
    QList<Diagnostic> check(const ExpressionSite &site) const override
    {
        ++*m_count;
        return m_compiler.check(site);
    }

private:
    int *m_count;
    CompilingExpressionChecker m_compiler;
};

// The expression starting at begin, its range ending where its text does.
ExpressionSite siteAt(const QString &expression, const SourcePosition &begin)
{
    SourcePosition end = begin;
    for (const QChar c : expression) {
        ++end.offset;
        if (c == u'\n') {
            ++end.line;
            end.column = 1;
        } else {
            ++end.column;
        }
    }
    ExpressionSite site;
    site.expression = expression;
    site.rawText = expression;
    site.range = {begin, end};
    site.policyName = QStringLiteral("set-variable");
    site.attributeName = QStringLiteral("value");
    return site;
}

} // namespace

class tst_CachingExpressionChecker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movedDiagnosticsAreThoseOfAFreshCheck_data();
    void movedDiagnosticsAreThoseOfAFreshCheck();
    void compilesEachExpressionOnce();
    void forgetsBeyondItsCapacity();
};

void tst_CachingExpressionChecker::movedDiagnosticsAreThoseOfAFreshCheck_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<SourcePosition>("first");
    QTest::addColumn<SourcePosition>("second");
    const QString oneLine = QStringLiteral("@(context.Request.Headers.Nope(1) + )");
    const QString twoLines = QStringLiteral("@{\n  var x = context.Request.Nope;\n  return ; }");
    QTest::newRow("same line, further right")
            << oneLine << SourcePosition{3, 10, 40} << SourcePosition{3, 25, 55};
    QTest::newRow("another line") << oneLine << SourcePosition{3, 10, 40}
                                  << SourcePosition{7, 4, 120};
    QTest::newRow("earlier") << oneLine << SourcePosition{9, 30, 300} << SourcePosition{2, 1, 20};
    QTest::newRow("over two lines")
            << twoLines << SourcePosition{3, 10, 40} << SourcePosition{12, 17, 260};
}

void tst_CachingExpressionChecker::movedDiagnosticsAreThoseOfAFreshCheck()
{
    QFETCH(QString, expression);
    QFETCH(SourcePosition, first);
    QFETCH(SourcePosition, second);
    const CompilingExpressionChecker compiler;
    const QList<Diagnostic> expected = compiler.check(siteAt(expression, second));
    QVERIFY(!expected.isEmpty());
    const CachingExpressionChecker cache(std::make_unique<CompilingExpressionChecker>());
    QCOMPARE(cache.check(siteAt(expression, first)), compiler.check(siteAt(expression, first)));
    QCOMPARE(cache.check(siteAt(expression, second)), expected);
}

void tst_CachingExpressionChecker::compilesEachExpressionOnce()
{
    int compiled = 0;
    const CachingExpressionChecker cache(std::make_unique<CountingChecker>(&compiled));
    const QString expression = QStringLiteral("@(context.Variables.ContainsKey(\"a\"))");
    cache.check(siteAt(expression, {2, 5, 30}));
    cache.check(siteAt(expression, {4, 5, 90}));
    QCOMPARE(compiled, 1);
    // What the policy expects of the result is part of what is checked.
    ExpressionSite condition = siteAt(expression, {4, 5, 90});
    condition.expectedType = PolicyValueSpec::Type::Boolean;
    cache.check(condition);
    QCOMPARE(compiled, 2);
    cache.check(siteAt(expression + u' ', {4, 5, 90}));
    QCOMPARE(compiled, 3);
    // A site without a place is checked every time.
    cache.check(siteAt(expression, {}));
    cache.check(siteAt(expression, {}));
    QCOMPARE(compiled, 5);
}

void tst_CachingExpressionChecker::forgetsBeyondItsCapacity()
{
    int compiled = 0;
    const CachingExpressionChecker cache(std::make_unique<CountingChecker>(&compiled), 2);
    for (int i = 0; i < 5; ++i)
        cache.check(siteAt(QStringLiteral("@(%1)").arg(i), {1, 1, 0}));
    QCOMPARE(compiled, 5);
    QVERIFY(cache.size() <= 4);
    // The latest are still known, the first is compiled again.
    cache.check(siteAt(QStringLiteral("@(4)"), {1, 1, 0}));
    QCOMPARE(compiled, 5);
    cache.check(siteAt(QStringLiteral("@(0)"), {1, 1, 0}));
    QCOMPARE(compiled, 6);
}

QTEST_GUILESS_MAIN(tst_CachingExpressionChecker)
#include "tst_cachingexpressionchecker.moc"
