// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/namedvaluesubstitution.h"

#include <QTest>

class tst_NamedValueSubstitution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substitute_data();
    void substitute();
};

void tst_NamedValueSubstitution::substitute_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("unknown");
    QTest::newRow("whole value") << "{{eus-backend-url}}"
                                 << "https://eus" << QStringList();
    QTest::newRow("embedded") << "Custom{{Header}}X"
                              << "CustomHX" << QStringList();
    QTest::newRow("in expression string") << "@(\"{{Header}}\" + 1)"
                                          << "@(\"H\" + 1)" << QStringList();
    QTest::newRow("case-insensitive") << "{{header}}"
                                      << "H" << QStringList();
    QTest::newRow("unknown kept") << "a{{missing}}b{{missing}}{{other.name}}"
                                  << "a{{missing}}b{{missing}}{{other.name}}"
                                  << QStringList{"missing", "other.name"};
    QTest::newRow("no recursion") << "{{nested}}"
                                  << "{{Header}}" << QStringList();
    QTest::newRow("not a name") << "{{ spaced }} {{}} {{a b}}"
                                << "{{ spaced }} {{}} {{a b}}" << QStringList();
    QTest::newRow("interpolation braces") << "@($\"{{literal}}\")"
                                          << "@($\"{{literal}}\")" << QStringList{"literal"};
    QTest::newRow("triple brace") << "{{{Header}}}"
                                  << "{H}" << QStringList();
    QTest::newRow("number in code") << "var key = {{count}};"
                                    << "var key = 2;" << QStringList();
}

void tst_NamedValueSubstitution::substitute()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, unknown);
    const QHash<QString, QString> values = {{"eus-backend-url", "https://eus"},
                                            {"Header", "H"},
                                            {"nested", "{{Header}}"},
                                            {"count", "2"}};
    const NamedValueSubstitution::Result r = NamedValueSubstitution::substitute(text, values);
    QCOMPARE(r.text, expected);
    QCOMPARE(r.unknownNames, unknown);
}

QTEST_GUILESS_MAIN(tst_NamedValueSubstitution)
#include "tst_namedvaluesubstitution.moc"
