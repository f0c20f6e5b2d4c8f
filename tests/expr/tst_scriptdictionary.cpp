// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/scriptdictionary.h"

#include <QTest>

// Lookups are linear for a few keys and through a hash index past that: both must agree as a
// dictionary grows past the limit and shrinks back under it.
class tst_ScriptDictionary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsAndShrinksAcrossTheIndexLimit_data();
    void growsAndShrinksAcrossTheIndexLimit();
    void nonStringKeys();
};

namespace {

QString key(int i)
{
    return QStringLiteral("Var-%1").arg(i);
}

} // namespace

void tst_ScriptDictionary::growsAndShrinksAcrossTheIndexLimit_data()
{
    QTest::addColumn<bool>("caseInsensitive");
    QTest::addColumn<int>("count");
    for (const int count : {3, 16, 17, 40}) {
        QTest::addRow("case-sensitive, %d keys", count) << false << count;
        QTest::addRow("case-insensitive, %d keys", count) << true << count;
    }
}

void tst_ScriptDictionary::growsAndShrinksAcrossTheIndexLimit()
{
    QFETCH(bool, caseInsensitive);
    QFETCH(int, count);
    ScriptDictionary dictionary(QStringLiteral("Dictionary"), caseInsensitive);
    for (int i = 0; i < count; ++i)
        dictionary.set(key(i), Value::fromInt(i));
    // Setting an existing key replaces its value in place.
    dictionary.set(key(0), Value::fromInt(100));
    QCOMPARE(dictionary.size(), count);
    const auto check = [&](int i, bool present) {
        const QString other = caseInsensitive ? key(i).toUpper() : key(i);
        const Value *value = dictionary.find(other);
        QCOMPARE(value != nullptr, present);
        QCOMPARE(dictionary.contains(Value::fromString(key(i))), present);
        if (present)
            QVERIFY(value->equals(Value::fromInt(i == 0 ? 100 : i)));
        if (!caseInsensitive)
            QVERIFY(!dictionary.find(key(i).toUpper()));
    };
    for (int i = 0; i < count; ++i)
        check(i, true);
    QVERIFY(!dictionary.find(key(count)));

    // Removing every other key (back under the limit for the larger ones) keeps the rest found.
    for (int i = 0; i < count; i += 2)
        QVERIFY(dictionary.remove(Value::fromString(key(i))));
    for (int i = 0; i < count; ++i)
        check(i, i % 2 == 1);
    // And the keys keep their insertion order.
    for (qsizetype j = 0; j < dictionary.keys().size(); ++j)
        QCOMPARE(dictionary.keys().at(j).stringValue(), key(int(2 * j + 1)));
    for (int i = 0; i < count; i += 2)
        dictionary.set(key(i), Value::fromInt(i == 0 ? 100 : i));
    for (int i = 0; i < count; ++i)
        check(i, true);
}

void tst_ScriptDictionary::nonStringKeys()
{
    ScriptDictionary dictionary;
    for (int i = 0; i < 20; ++i)
        dictionary.set(Value::fromInt(i), Value::fromString(key(i)));
    dictionary.set(key(1), Value::fromInt(1));
    QCOMPARE(dictionary.size(), 21);
    QVERIFY(dictionary.find(Value::fromInt(7))->equals(Value::fromString(key(7))));
    QVERIFY(dictionary.find(key(1))->equals(Value::fromInt(1)));
    QVERIFY(!dictionary.find(Value::fromInt(20)));
}

QTEST_GUILESS_MAIN(tst_ScriptDictionary)
#include "tst_scriptdictionary.moc"
