// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyschema.h"

#include <QSet>
#include <QTest>

namespace {

QStringList names(const QList<const PolicyElementSpec *> &specs)
{
    QStringList result;
    for (const PolicyElementSpec *spec : specs)
        result.append(spec->name);
    return result;
}

// Every element spec reachable from the policies, with its path, for table-wide checks.
void collect(const PolicySchema &schema,
             const PolicyElementSpec &spec,
             const QString &path,
             QList<std::pair<QString, const PolicyElementSpec *>> &out)
{
    out.append({path, &spec});
    for (const PolicyElementSpec &child : spec.children) {
        if (!child.policyReference)
            collect(schema, child, path + QLatin1Char('/') + child.name, out);
    }
}

} // namespace

class tst_PolicySchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowsReferencePolicies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("sections");
        // Sections as listed in the APIM reference notes.
        QTest::newRow("set-backend-service") << "set-backend-service"
                                             << "inbound, backend";
        QTest::newRow("set-method") << "set-method"
                                    << "inbound, on-error";
        QTest::newRow("rewrite-uri") << "rewrite-uri"
                                     << "inbound";
        QTest::newRow("set-header") << "set-header"
                                    << "inbound, backend, outbound, on-error";
        QTest::newRow("set-query-parameter") << "set-query-parameter"
                                             << "inbound, backend";
        QTest::newRow("forward-request") << "forward-request"
                                         << "backend";
        QTest::newRow("mock-response") << "mock-response"
                                       << "inbound, outbound, on-error";
        QTest::newRow("cache-lookup") << "cache-lookup"
                                      << "inbound";
        QTest::newRow("cache-store") << "cache-store"
                                     << "outbound";
        QTest::newRow("rate-limit") << "rate-limit"
                                    << "inbound";
        QTest::newRow("quota") << "quota"
                               << "inbound";
        QTest::newRow("cors") << "cors"
                              << "inbound";
        QTest::newRow("json-to-xml") << "json-to-xml"
                                     << "inbound, outbound, on-error";
        QTest::newRow("wait") << "wait"
                              << "inbound, backend, outbound";
        QTest::newRow("retry") << "retry"
                               << "inbound, backend, outbound, on-error";
        QTest::newRow("include-fragment") << "include-fragment"
                                          << "inbound, backend, outbound, on-error";
        QTest::newRow("validate-jwt") << "validate-jwt"
                                      << "inbound";
        QTest::newRow("emit-metric") << "emit-metric"
                                     << "inbound, backend, outbound, on-error";
    }
    void knowsReferencePolicies()
    {
        QFETCH(QString, name);
        QFETCH(QString, sections);
        const PolicyElementSpec *spec = PolicySchema::builtin().policy(name);
        QVERIFY(spec);
        QVERIFY(spec->isPolicy);
        QCOMPARE(policySectionNames(spec->sections), sections);
        QVERIFY(!spec->description.isEmpty());
    }

    void policiesForSection_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("offered");
        QTest::newRow("forward-request in backend") << "backend"
                                                    << ""
                                                    << "forward-request" << true;
        QTest::newRow("forward-request not in inbound") << "inbound"
                                                        << ""
                                                        << "forward-request" << false;
        QTest::newRow("rewrite-uri not in backend") << "backend"
                                                    << ""
                                                    << "rewrite-uri" << false;
        QTest::newRow("cache-store not in inbound") << "inbound"
                                                    << ""
                                                    << "cache-store" << false;
        QTest::newRow("rate-limit not at global") << "inbound"
                                                  << "global"
                                                  << "rate-limit" << false;
        QTest::newRow("rate-limit at operation") << "inbound"
                                                 << "operation"
                                                 << "rate-limit" << true;
        QTest::newRow("quota at product") << "inbound"
                                          << "product"
                                          << "quota" << true;
        QTest::newRow("quota not at api") << "inbound"
                                          << "api"
                                          << "quota" << false;
        QTest::newRow("choose in on-error") << "on-error"
                                            << ""
                                            << "choose" << true;
    }
    void policiesForSection()
    {
        QFETCH(QString, section);
        QFETCH(QString, scope);
        QFETCH(QString, policy);
        QFETCH(bool, offered);
        const QStringList offeredNames = names(PolicySchema::builtin().policiesFor(
                policySectionFromName(section), policyScopeFromName(scope)));
        QCOMPARE(offeredNames.contains(policy), offered);
        QVERIFY(std::is_sorted(offeredNames.cbegin(), offeredNames.cend()));
    }

    void defaults_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("value");
        QTest::newRow("forward-request timeout") << QStringList{"forward-request"} << "timeout"
                                                 << "300";
        QTest::newRow("buffer-response") << QStringList{"forward-request"} << "buffer-response"
                                         << "true";
        QTest::newRow("first-fast-retry") << QStringList{"retry"} << "first-fast-retry"
                                          << "false";
        QTest::newRow("exists-action") << QStringList{"set-header"} << "exists-action"
                                       << "override";
        QTest::newRow("send-request timeout") << QStringList{"send-request"} << "timeout"
                                              << "60";
        QTest::newRow("send-request mode") << QStringList{"send-request"} << "mode"
                                           << "new";
        QTest::newRow("nested set-header")
                << QStringList{"send-request", "set-header"} << "exists-action"
                << "override";
        QTest::newRow("preflight max age")
                << QStringList{"cors", "allowed-methods"} << "preflight-result-max-age"
                << "0";
        QTest::newRow("caching-type") << QStringList{"cache-lookup-value"} << "caching-type"
                                      << "prefer-external";
        QTest::newRow("metric namespace") << QStringList{"emit-metric"} << "namespace"
                                          << "API Management";
        QTest::newRow("copy-unmatched-params")
                << QStringList{"rewrite-uri"} << "copy-unmatched-params"
                << "true";
        QTest::newRow("jwt status") << QStringList{"validate-jwt"} << "failed-validation-httpcode"
                                    << "401";
        QTest::newRow("claim match")
                << QStringList{"validate-jwt", "required-claims", "claim"} << "match"
                << "all";
        QTest::newRow("no default") << QStringList{"retry"} << "count"
                                    << "";
        QTest::newRow("unknown path") << QStringList{"retry", "no-such"} << "count"
                                      << "";
    }
    void defaults()
    {
        QFETCH(QStringList, path);
        QFETCH(QString, attribute);
        QFETCH(QString, value);
        QCOMPARE(PolicySchema::builtin().defaultValue(path, attribute), value);
    }

    void elementAt_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QString>("name"); // empty: outside the schema
        QTest::newRow("policy") << QStringList{"choose"} << "choose";
        QTest::newRow("branch") << QStringList{"choose", "otherwise"} << "otherwise";
        QTest::newRow("policy in branch")
                << QStringList{"choose", "when", "set-header", "value"} << "value";
        QTest::newRow("policy in retry")
                << QStringList{"retry", "forward-request"} << "forward-request";
        QTest::newRow("send-request child") << QStringList{"send-request", "set-url"} << "set-url";
        QTest::newRow("reference resolved")
                << QStringList{"return-response", "set-status"} << "set-status";
        QTest::newRow("cors origin")
                << QStringList{"cors", "allowed-origins", "origin"} << "origin";
        QTest::newRow("not a child") << QStringList{"send-request", "forward-request"} << "";
        QTest::newRow("opaque body") << QStringList{"set-body", "order"} << "";
        QTest::newRow("unknown policy") << QStringList{"no-such-policy"} << "";
        QTest::newRow("section is not a policy") << QStringList{"inbound"} << "";
    }
    void elementAt()
    {
        QFETCH(QStringList, path);
        QFETCH(QString, name);
        const PolicyElementSpec *spec = PolicySchema::builtin().elementAt(path);
        QCOMPARE(spec ? spec->name : QString(), name);
        if (spec)
            QVERIFY(!spec->policyReference);
    }

    void attributeDetails()
    {
        const PolicySchema &schema = PolicySchema::builtin();
        const PolicyAttributeSpec *count = schema.policy(u"retry")->attribute(u"count");
        QVERIFY(count);
        QVERIFY(count->required);
        QCOMPARE(count->value.type, PolicyValueSpec::Type::Integer);
        QCOMPARE(count->value.minimum.value_or(-1), qint64(1));
        QCOMPARE(count->value.maximum.value_or(-1), qint64(50));

        const PolicyAttributeSpec *action
                = schema.policy(u"set-header")->attribute(u"exists-action");
        QCOMPARE(action->value.type, PolicyValueSpec::Type::Enum);
        QCOMPARE(action->value.enumValues, QStringList({"override", "skip", "append", "delete"}));

        QVERIFY(!schema.policy(u"set-variable")->attribute(u"name")->value.expressionAllowed);
        QVERIFY(schema.policy(u"set-variable")->attribute(u"value")->value.expressionAllowed);
        QVERIFY(schema.policy(u"forward-request")->oncePerDocument);
        // Every policy takes an id (reported as context.LastError.PolicyId), child elements do not.
        QVERIFY(schema.policy(u"choose")->attribute(u"id"));
        QVERIFY(!schema.elementAt({"choose", "when"})->attribute(u"id"));
        QVERIFY(schema.policy(u"cache-lookup")->oncePerSection);
        QCOMPARE(schema.policy(u"quota")->scopes, QList<PolicyScope>{PolicyScope::Product});
    }

    void childrenForCompletion()
    {
        const PolicySchema &schema = PolicySchema::builtin();
        QCOMPARE(names(schema.childrenOf(*schema.policy(u"choose"))),
                 QStringList({"when", "otherwise"}));
        const PolicyElementSpec *when = schema.elementAt({"choose", "when"});
        QVERIFY(names(schema.childrenOf(*when, PolicySection::Backend))
                        .contains("forward-request"));
        QVERIFY(!names(schema.childrenOf(*when, PolicySection::Inbound))
                         .contains("forward-request"));
        const QStringList sendRequest = names(schema.childrenOf(*schema.policy(u"send-request")));
        QVERIFY(sendRequest.contains("set-url"));
        QVERIFY(sendRequest.contains("authentication-managed-identity"));
        QVERIFY(schema.childrenOf(*schema.policy(u"set-body")).isEmpty());
    }

    // The table is consistent: references resolve, enum defaults are enum values, literal
    // defaults have the attribute's type.
    void tableIsConsistent()
    {
        const PolicySchema &schema = PolicySchema::builtin();
        QList<std::pair<QString, const PolicyElementSpec *>> all;
        for (const PolicyElementSpec *policy : schema.policies()) {
            QVERIFY2(!policy->description.isEmpty(), qPrintable(policy->name));
            QVERIFY2(!PolicySchema::isSectionName(policy->name), qPrintable(policy->name));
            collect(schema, *policy, policy->name, all);
        }
        QVERIFY(all.size() > 100);
        for (const auto &[path, spec] : all) {
            for (const PolicyElementSpec &child : spec->children) {
                QVERIFY2(schema.resolve(child), qPrintable(path + QLatin1Char('/') + child.name));
                QVERIFY2(child.maxOccurs < 0 || child.maxOccurs >= child.minOccurs,
                         qPrintable(path));
            }
            for (const PolicyAttributeSpec &attribute : spec->attributes) {
                const QString where = path + QLatin1Char('@') + attribute.name;
                const PolicyValueSpec &value = attribute.value;
                if (value.type == PolicyValueSpec::Type::Enum) {
                    QVERIFY2(!value.enumValues.isEmpty(), qPrintable(where));
                    QVERIFY2(attribute.defaultValue.isEmpty()
                                     || value.enumValues.contains(attribute.defaultValue),
                             qPrintable(where));
                }
                if (value.type == PolicyValueSpec::Type::Integer
                    && !attribute.defaultValue.isEmpty()) {
                    bool ok = false;
                    const qint64 number = attribute.defaultValue.toLongLong(&ok);
                    QVERIFY2(ok, qPrintable(where));
                    QVERIFY2(!value.minimum || number >= *value.minimum, qPrintable(where));
                }
                if (value.type == PolicyValueSpec::Type::Boolean
                    && !attribute.defaultValue.isEmpty()) {
                    QVERIFY2(attribute.defaultValue == u"true"
                                     || attribute.defaultValue == u"false",
                             qPrintable(where));
                }
            }
        }
        const QStringList policyNames = names(schema.policies());
        QVERIFY(std::is_sorted(policyNames.cbegin(), policyNames.cend()));
        QCOMPARE(QSet<QString>(policyNames.cbegin(), policyNames.cend()).size(),
                 policyNames.size());
    }
};

QTEST_GUILESS_MAIN(tst_PolicySchema)
#include "tst_policyschema.moc"
