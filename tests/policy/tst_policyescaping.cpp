// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyescaping.h"

#include <QTest>

class tst_PolicyEscaping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeEntities_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("predefined") << "&lt;&gt;&amp;&quot;&apos;"
                                    << "<>&\"'";
        QTest::newRow("decimal") << "&#65;"
                                 << "A";
        QTest::newRow("hex") << "&#x263A;" << QString(QChar(0x263A));
        QTest::newRow("astral") << "&#x1F600;" << QString::fromUcs4(U"\U0001F600");
        QTest::newRow("raw && kept") << "a && b"
                                     << "a && b";
        QTest::newRow("unknown entity kept") << "&nbsp;"
                                             << "&nbsp;";
        QTest::newRow("surrogate ref kept") << "&#xD800;"
                                            << "&#xD800;";
        QTest::newRow("unterminated") << "&amp"
                                      << "&amp";
    }
    void decodeEntities()
    {
        QFETCH(QString, raw);
        QFETCH(QString, decoded);
        QCOMPARE(PolicyEscaping::decodeEntities(raw), decoded);
    }

    void isExpression_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expression");
        QTest::newRow("paren") << "@(1)" << true;
        QTest::newRow("brace") << "@{ return 1; }" << true;
        QTest::newRow("leading whitespace") << "\n   @(x)" << true;
        QTest::newRow("literal") << "Bearer @(x)" << false;
        QTest::newRow("at alone") << "@" << false;
        QTest::newRow("email") << "a@b.c" << false;
    }
    void isExpression()
    {
        QFETCH(QString, value);
        QFETCH(bool, expression);
        QCOMPARE(PolicyEscaping::isExpression(value), expression);
    }

    void escapeAttribute_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QChar>("quote");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("double") << "a\"b'<&>" << QChar(u'"') << "a&quot;b'&lt;&amp;>";
        QTest::newRow("single") << "a\"b'" << QChar(u'\'') << "a\"b&apos;";
    }
    void escapeAttribute()
    {
        QFETCH(QString, value);
        QFETCH(QChar, quote);
        QFETCH(QString, escaped);
        QCOMPARE(PolicyEscaping::escapeAttribute(value, quote), escaped);
        QCOMPARE(PolicyEscaping::decodeEntities(escaped), value);
    }
};

QTEST_GUILESS_MAIN(tst_PolicyEscaping)
#include "tst_policyescaping.moc"
