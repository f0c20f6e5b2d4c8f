// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/policyprogram.h"

#include <QTest>

class tst_ProgramValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsLiterals_data();
    void readsLiterals();
};

// boolean -1: the literal is no Boolean.
void tst_ProgramValue::readsLiterals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("boolean");
    QTest::addColumn<int>("integer");
    QTest::addColumn<bool>("hasInteger");
    QTest::newRow("true") << QStringLiteral("true") << 1 << 0 << false;
    QTest::newRow("false") << QStringLiteral("false") << 0 << 0 << false;
    QTest::newRow("capitalised, padded") << QStringLiteral(" False\n") << 0 << 0 << false;
    QTest::newRow("upper case") << QStringLiteral("TRUE") << 1 << 0 << false;
    QTest::newRow("yes is no Boolean") << QStringLiteral("yes") << -1 << 0 << false;
    QTest::newRow("count") << QStringLiteral("10") << -1 << 10 << true;
    QTest::newRow("padded count") << QStringLiteral(" 3 ") << -1 << 3 << true;
    QTest::newRow("negative") << QStringLiteral("-1") << -1 << -1 << true;
    QTest::newRow("1 is no Boolean") << QStringLiteral("1") << -1 << 1 << true;
    QTest::newRow("fraction") << QStringLiteral("1.5") << -1 << 0 << false;
    QTest::newRow("too large") << QStringLiteral("4294967296") << -1 << 0 << false;
    QTest::newRow("empty") << QString() << -1 << 0 << false;
}

void tst_ProgramValue::readsLiterals()
{
    QFETCH(QString, text);
    QFETCH(int, boolean);
    QFETCH(int, integer);
    QFETCH(bool, hasInteger);
    const ProgramValue value = ProgramValue::fromLiteral(text);
    QCOMPARE(value.literal, text);
    QVERIFY(!value.isExpression());
    QCOMPARE(value.literalBool.has_value(), boolean >= 0);
    if (value.literalBool)
        QCOMPARE(int(*value.literalBool), boolean);
    QCOMPARE(value.literalInt.has_value(), hasInteger);
    if (value.literalInt)
        QCOMPARE(*value.literalInt, integer);
    QCOMPARE(ProgramValue::parseBool(text), value.literalBool);
    QCOMPARE(ProgramValue::parseInt(text), value.literalInt);
}

QTEST_GUILESS_MAIN(tst_ProgramValue)
#include "tst_programvalue.moc"
