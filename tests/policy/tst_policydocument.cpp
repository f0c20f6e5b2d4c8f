// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"

#include <QTest>

class tst_PolicyDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The model is a value type: editing a copy through the non-const accessors must leave the
    // original alone even though the lists inside are implicitly shared.
    void editingACopyLeavesTheOriginal()
    {
        const PolicyParseResult parsed = PolicyParser::parse(QByteArray(
                "<policies><inbound><set-variable name=\"a\" value=\"1\" /></inbound></policies>"));
        QVERIFY(parsed.ok());
        const PolicyDocument original = parsed.document;
        PolicyDocument copy = original;
        PolicyNode *inbound = copy.section(u"inbound");
        QVERIFY(inbound);
        PolicyNode *variable = inbound->elements().constFirst();
        variable->findAttribute(u"value")->setValue(QStringLiteral("2"));
        inbound->children.append(PolicyNode::element(QStringLiteral("base")));
        QCOMPARE(original.section(u"inbound")->elements().constFirst()->attribute(u"value"),
                 QStringLiteral("1"));
        QCOMPARE(original.section(u"inbound")->children.size(), 1);
        QCOMPARE(copy.section(u"inbound")->children.size(), 2);
    }

    void sectionsOnlyInPolicies_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<bool>("hasInbound");
        QTest::newRow("policies") << QByteArray("<policies><inbound /></policies>") << true;
        QTest::newRow("fragment") << QByteArray("<fragment><inbound /></fragment>") << false;
        QTest::newRow("missing") << QByteArray("<policies><backend /></policies>") << false;
    }
    void sectionsOnlyInPolicies()
    {
        QFETCH(QByteArray, xml);
        QFETCH(bool, hasInbound);
        PolicyDocument document = PolicyParser::parse(xml).document;
        QCOMPARE(document.section(u"inbound") != nullptr, hasInbound);
        QCOMPARE(std::as_const(document).section(u"inbound") != nullptr, hasInbound);
    }
};

QTEST_GUILESS_MAIN(tst_PolicyDocument)
#include "tst_policydocument.moc"
