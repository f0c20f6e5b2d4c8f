// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/routingpolicygenerator.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"

#include <QTest>

class tst_RoutingPolicyGenerator : public QObject
{
    Q_OBJECT

private:
    static const QStringList &regionNames()
    {
        static const QStringList names{QStringLiteral("East US"),
                                       QStringLiteral("West Europe"),
                                       QStringLiteral("Southeast Asia"),
                                       QStringLiteral("Brazil South"),
                                       QStringLiteral("Australia East")};
        return names;
    }

    // n regions, each with all n backends: its own first, then the others in table order.
    static RoutingTable table(int regions)
    {
        RoutingTable t;
        t.failureStatuses = {{404, 404}, {500, 599}};
        QList<RoutingTable::Backend> backends;
        for (int i = 0; i < regions; ++i) {
            backends.append({QStringLiteral("be%1").arg(i),
                             QStringLiteral("https://be%1.example.com/").arg(i)});
        }
        for (int i = 0; i < regions; ++i) {
            RoutingTable::Region region{regionNames().at(i), {backends.at(i)}};
            for (int j = 0; j < regions; ++j) {
                if (j != i)
                    region.backends.append(backends.at(j));
            }
            t.regions.append(region);
        }
        return t;
    }

    static QList<const PolicyNode *> all(const PolicyNode &node, const QString &name)
    {
        QList<const PolicyNode *> found;
        if (node.isElement(name))
            found.append(&node);
        for (const PolicyNode &child : node.children)
            found.append(all(child, name));
        return found;
    }

private Q_SLOTS:
    void generatedPolicyParsesAndValidates_data()
    {
        QTest::addColumn<int>("regions");
        QTest::newRow("2 regions") << 2;
        QTest::newRow("3 regions") << 3;
        QTest::newRow("5 regions") << 5;
    }
    void generatedPolicyParsesAndValidates()
    {
        QFETCH(int, regions);
        const RoutingPolicyGenerator::Result generated
                = RoutingPolicyGenerator::generate(table(regions));
        QVERIFY(generated.diagnostics.isEmpty());
        const PolicyParseResult parsed = PolicyParser::parse(generated.xml);
        QVERIFY2(parsed.ok(),
                 qPrintable(parsed.diagnostics.isEmpty() ? QString()
                                                         : parsed.diagnostics.first().toString()));
        const QList<Diagnostic> problems = PolicyValidator().validate(
                parsed.document, PolicyScope::Api, QStringLiteral("routing.xml"));
        for (const Diagnostic &d : problems)
            QVERIFY2(!d.isError(), qPrintable(d.toString()));

        const PolicyNode &root = parsed.document.root();
        // One outage lookup per backend, one store per backend.
        QCOMPARE(all(root, QStringLiteral("cache-lookup-value")).size(), regions);
        QCOMPARE(all(root, QStringLiteral("cache-store-value")).size(), regions);
        const QList<const PolicyNode *> retries = all(root, QStringLiteral("retry"));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first()->attribute(u"count"), QString::number(regions));
        QVERIFY(retries.first()
                        ->attribute(u"condition")
                        .contains(QLatin1String("StatusCode == 404")));
        QCOMPARE(all(*retries.first(), QStringLiteral("forward-request"))
                         .first()
                         ->attribute(u"buffer-request-body"),
                 QStringLiteral("true"));
        // The inbound choose: one <when> per region plus the fallback.
        const PolicyNode *inbound = parsed.document.section(u"inbound");
        const PolicyNode *regionChoice = nullptr;
        for (const PolicyNode *element : inbound->elements()) {
            if (element->isElement(u"choose"))
                regionChoice = element;
        }
        QVERIFY(regionChoice);
        const QList<const PolicyNode *> whens = regionChoice->elements();
        QCOMPARE(whens.size(), regions + 1);
        for (int i = 0; i < regions; ++i)
            QVERIFY(whens.at(i)
                            ->attribute(u"condition")
                            .contains(u'"' + regionNames().at(i) + u'"'));
        QVERIFY(whens.last()->isElement(u"otherwise"));
        // Outbound forgets the outage of the backend that answered.
        const QList<const PolicyNode *> outboundWhens
                = all(*parsed.document.section(u"outbound"), QStringLiteral("when"));
        QCOMPARE(outboundWhens.first()->attribute(u"condition"),
                 QStringLiteral(
                         "@(context.Response != null && !((context.Response.StatusCode == 404 "
                         "|| (context.Response.StatusCode >= 500 && "
                         "context.Response.StatusCode <= 599))))"));
        QCOMPARE(all(*parsed.document.section(u"outbound"), QStringLiteral("cache-remove-value"))
                         .size(),
                 1);
        // Readable: every line indented by whole levels of four spaces.
        for (const QString &line : generated.xml.split(u'\n')) {
            const qsizetype indent = line.size() - QStringView(line).trimmed().size();
            QVERIFY2(line.isEmpty() || indent % 4 == 0, qPrintable(line));
        }
    }

    void failoverFollowsPriorityOrder()
    {
        const RoutingTable t = table(3);
        const QString xml = RoutingPolicyGenerator::generate(t).xml;
        const PolicyParseResult parsed = PolicyParser::parse(xml);
        // In the backend section, West Europe's candidates come in its order: be1, be0, be2.
        const QList<const PolicyNode *> whens
                = all(*parsed.document.section(u"backend"), QStringLiteral("when"));
        const PolicyNode *westEurope = nullptr;
        for (const PolicyNode *when : whens) {
            if (when->attribute(u"condition").contains(QLatin1String("== \"West Europe\"")))
                westEurope = when;
        }
        QVERIFY(westEurope);
        QStringList order;
        for (const PolicyNode *set : all(*westEurope, QStringLiteral("set-variable"))) {
            if (set->attribute(u"name") == u"routing-backend")
                order.append(set->attribute(u"value"));
        }
        QCOMPARE(
                order,
                (QStringList{QStringLiteral("be1"), QStringLiteral("be0"), QStringLiteral("be2")}));
        QCOMPARE(all(*westEurope, QStringLiteral("otherwise"))
                         .first()
                         ->elements()
                         .first()
                         ->attribute(u"name"),
                 QStringLiteral("routing-exhausted"));
    }

    void singleBackendRegion()
    {
        RoutingTable t;
        t.regions = {{QStringLiteral("East US"),
                      {{QStringLiteral("eus"), QStringLiteral("{{eus-backend-url}}")}}}};
        const RoutingPolicyGenerator::Result generated = RoutingPolicyGenerator::generate(t);
        const PolicyParseResult parsed = PolicyParser::parse(generated.xml);
        QVERIFY(parsed.ok());
        for (const Diagnostic &d : PolicyValidator().validate(parsed.document, PolicyScope::Api))
            QVERIFY2(!d.isError(), qPrintable(d.toString()));
        QVERIFY(generated.xml.contains(QLatin1String("base-url=\"{{eus-backend-url}}\"")));
        QVERIFY(generated.xml.contains(QLatin1String("count=\"1\"")));
    }

    void invalidTableGivesNoXml()
    {
        RoutingTable t = table(2);
        t.regions[1].backends.clear();
        const RoutingPolicyGenerator::Result generated = RoutingPolicyGenerator::generate(t);
        QVERIFY(generated.xml.isEmpty());
        QVERIFY(!generated.diagnostics.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_RoutingPolicyGenerator)
#include "tst_routingpolicygenerator.moc"
