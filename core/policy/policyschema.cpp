// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyschema.h"

#include <algorithm>

// The table follows shared/notes/apim-policy-reference.md (the Microsoft Learn policy reference);
// policies the reference only names are marked open, so that their undocumented attributes and
// children are accepted rather than rejected on a guess.

namespace {

using Type = PolicyValueSpec::Type;
using Text = PolicyElementSpec::Text;

constexpr PolicySections inbound = PolicySection::Inbound;
constexpr PolicySections outbound = PolicySection::Outbound;
constexpr PolicySections anySection = allPolicySections();
constexpr PolicySections inboundBackend
        = PolicySections(PolicySection::Inbound) | PolicySection::Backend;
constexpr PolicySections inboundOnError
        = PolicySections(PolicySection::Inbound) | PolicySection::OnError;
constexpr PolicySections inboundOutbound
        = PolicySections(PolicySection::Inbound) | PolicySection::Outbound;
constexpr PolicySections exceptBackend
        = PolicySections(PolicySection::Inbound) | PolicySection::Outbound | PolicySection::OnError;
constexpr PolicySections exceptOnError
        = PolicySections(PolicySection::Inbound) | PolicySection::Backend | PolicySection::Outbound;
constexpr PolicySections outboundOnError
        = PolicySections(PolicySection::Outbound) | PolicySection::OnError;

// Fluent builders keep the table readable: one line per attribute.
class Attr
{
public:
    explicit Attr(const char *name, Type type = Type::String)
    {
        m_spec.name = QString::fromLatin1(name);
        m_spec.value.type = type;
    }
    Attr &required()
    {
        m_spec.required = true;
        return *this;
    }
    Attr &noExpression()
    {
        m_spec.value.expressionAllowed = false;
        return *this;
    }
    Attr &byDefault(const char *value)
    {
        m_spec.defaultValue = QString::fromLatin1(value);
        return *this;
    }
    Attr &values(const QStringList &values)
    {
        m_spec.value.type = Type::Enum;
        m_spec.value.enumValues = values;
        return *this;
    }
    Attr &range(qint64 minimum, qint64 maximum)
    {
        m_spec.value.minimum = minimum;
        m_spec.value.maximum = maximum;
        return *this;
    }
    Attr &atLeast(qint64 minimum)
    {
        m_spec.value.minimum = minimum;
        return *this;
    }
    Attr &honouredUpTo(qint64 maximum)
    {
        m_spec.value.recommendedMaximum = maximum;
        return *this;
    }
    Attr &doc(const char *description)
    {
        m_spec.description = QString::fromUtf8(description);
        return *this;
    }
    operator PolicyAttributeSpec() const { return m_spec; }

private:
    PolicyAttributeSpec m_spec;
};

class Element
{
public:
    explicit Element(const char *name) { m_spec.name = QString::fromLatin1(name); }
    Element &policy(PolicySections sections, const char *description)
    {
        m_spec.isPolicy = true;
        m_spec.sections = sections;
        m_spec.description = QString::fromUtf8(description);
        return *this;
    }
    Element &doc(const char *description)
    {
        m_spec.description = QString::fromUtf8(description);
        return *this;
    }
    Element &scopes(const QList<PolicyScope> &scopes)
    {
        m_spec.scopes = scopes;
        return *this;
    }
    Element &oncePerSection()
    {
        m_spec.oncePerSection = true;
        return *this;
    }
    Element &oncePerDocument()
    {
        m_spec.oncePerDocument = true;
        return *this;
    }
    Element &attributes(std::initializer_list<PolicyAttributeSpec> attributes)
    {
        m_spec.attributes = attributes;
        return *this;
    }
    Element &requireOneOf(const QStringList &names)
    {
        m_spec.requireOneOf.append(names);
        return *this;
    }
    Element &exclusive(const QStringList &names)
    {
        m_spec.mutuallyExclusive.append(names);
        return *this;
    }
    Element &exactlyOneOf(const QStringList &names) { return requireOneOf(names).exclusive(names); }
    Element &children(std::initializer_list<PolicyElementSpec> children)
    {
        m_spec.childMode = PolicyElementSpec::Children::Listed;
        m_spec.children = children;
        return *this;
    }
    Element &policies()
    {
        m_spec.childMode = PolicyElementSpec::Children::Policies;
        return *this;
    }
    Element &anyContent()
    {
        m_spec.childMode = PolicyElementSpec::Children::Any;
        m_spec.text = Text::Optional;
        return *this;
    }
    Element &text(Text text, Type type = Type::String, bool expressionAllowed = true)
    {
        m_spec.text = text;
        m_spec.textValue.type = type;
        m_spec.textValue.expressionAllowed = expressionAllowed;
        return *this;
    }
    Element &textValues(const QStringList &suggestions)
    {
        m_spec.textValue.enumValues = suggestions;
        return *this;
    }
    Element &occurs(int minimum, int maximum)
    {
        m_spec.minOccurs = minimum;
        m_spec.maxOccurs = maximum;
        return *this;
    }
    Element &optionalWhen(const char *attributeIsValue)
    {
        m_spec.optionalWhen = QString::fromLatin1(attributeIsValue);
        return *this;
    }
    Element &last()
    {
        m_spec.mustBeLast = true;
        return *this;
    }
    Element &open()
    {
        m_spec.open = true;
        return *this;
    }
    operator PolicyElementSpec() const { return m_spec; }

private:
    PolicyElementSpec m_spec;
};

// A child that is a policy of its own (send-request's <set-header>): validated as that policy.
PolicyElementSpec policyReference(const char *name, int minimum = 0, int maximum = -1)
{
    PolicyElementSpec spec;
    spec.name = QString::fromLatin1(name);
    spec.policyReference = true;
    spec.minOccurs = minimum;
    spec.maxOccurs = maximum;
    return spec;
}

PolicyElementSpec textChild(const char *name, Text text = Text::Required, int minimum = 0)
{
    return Element(name).text(text).occurs(minimum, -1);
}

QStringList httpMethods()
{
    return {QStringLiteral("GET"),
            QStringLiteral("POST"),
            QStringLiteral("PUT"),
            QStringLiteral("PATCH"),
            QStringLiteral("DELETE"),
            QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS"),
            QStringLiteral("TRACE")};
}

QStringList cachingTypes()
{
    return {QStringLiteral("internal"),
            QStringLiteral("external"),
            QStringLiteral("prefer-external")};
}

QStringList existsActions()
{
    return {QStringLiteral("override"),
            QStringLiteral("skip"),
            QStringLiteral("append"),
            QStringLiteral("delete")};
}

PolicyAttributeSpec cachingType()
{
    return Attr("caching-type").values(cachingTypes()).byDefault("prefer-external").noExpression();
}

PolicyElementSpec nameValuePolicy(const char *name, PolicySections sections, const char *doc)
{
    return Element(name)
            .policy(sections, doc)
            .attributes({Attr("name").required(),
                         Attr("exists-action").values(existsActions()).byDefault("override")})
            .children({textChild("value", Text::Optional)});
}

PolicyElementSpec sendRequestLike(const char *name, bool oneWay)
{
    QList<PolicyAttributeSpec> attributes = {
            Attr("mode").values({QStringLiteral("new"), QStringLiteral("copy")}).byDefault("new"),
            Attr("timeout", Type::Integer)
                    .byDefault("60")
                    .atLeast(1)
                    .honouredUpTo(240)
                    .doc("Seconds to wait for the response headers."),
    };
    if (!oneWay) {
        attributes.append(Attr("response-variable-name").required().noExpression());
        attributes.append(Attr("ignore-error", Type::Boolean).byDefault("false"));
    }
    PolicyElementSpec spec
            = Element(name)
                      .policy(anySection,
                              oneWay ? "Sends a request to a URL without waiting for the response."
                                     : "Sends a request to a URL and stores the response in a "
                                       "variable.")
                      .children({Element("set-url")
                                         .doc("The URL of the request.")
                                         .text(Text::Required, Type::Url)
                                         .occurs(1, 1)
                                         .optionalWhen("mode=copy"),
                                 policyReference("set-method", 0, 1),
                                 policyReference("set-header"),
                                 policyReference("set-query-parameter"),
                                 policyReference("set-body", 0, 1),
                                 policyReference("authentication-certificate", 0, 1),
                                 policyReference("authentication-managed-identity", 0, 1),
                                 policyReference("proxy", 0, 1)});
    spec.attributes = attributes;
    return spec;
}

PolicyElementSpec limitChild(const char *name, bool withBandwidth, QList<PolicyElementSpec> kids)
{
    QList<PolicyAttributeSpec> attributes
            = {Attr("name").noExpression(),
               Attr("id").noExpression(),
               Attr("calls", Type::Integer).atLeast(0).noExpression(),
               Attr("renewal-period", Type::Integer).atLeast(0).noExpression()};
    if (withBandwidth)
        attributes.append(Attr("bandwidth", Type::Integer).atLeast(0).noExpression());
    PolicyElementSpec spec
            = Element(name).requireOneOf({QStringLiteral("name"), QStringLiteral("id")});
    spec.attributes = attributes;
    spec.children = kids;
    return spec;
}

PolicyElementSpec claims()
{
    return Element("required-claims")
            .occurs(0, 1)
            .children({Element("claim")
                               .attributes({Attr("name").required(),
                                            Attr("match")
                                                    .values({QStringLiteral("all"),
                                                             QStringLiteral("any")})
                                                    .byDefault("all"),
                                            Attr("separator")})
                               .children({textChild("value")})});
}

PolicyElementSpec keyList(const char *name)
{
    return Element(name).occurs(0, 1).children(
            {Element("key")
                     .text(Text::Optional)
                     .attributes({Attr("id"), Attr("certificate-id"), Attr("n"), Attr("e")})});
}

PolicyElementSpec textList(const char *name, const char *item)
{
    return Element(name).occurs(0, 1).children({textChild(item)});
}

QList<PolicyElementSpec> routingPolicies()
{
    return {
            Element("set-backend-service")
                    .policy(inboundBackend, "Changes the backend base URL or backend entity.")
                    .attributes({Attr("base-url", Type::Url).doc("New backend base URL."),
                                 Attr("backend-id").doc("Backend entity to route to."),
                                 Attr("sf-resolve-condition", Type::Boolean),
                                 Attr("sf-service-instance-name"),
                                 Attr("sf-partition-key"),
                                 Attr("sf-listener-name"),
                                 Attr("sf-replica-type")
                                         .values({QStringLiteral("primary"),
                                                  QStringLiteral("secondary")}),
                                 Attr("dapr-app-id"),
                                 Attr("dapr-method"),
                                 Attr("dapr-namespace")})
                    .exactlyOneOf({QStringLiteral("base-url"), QStringLiteral("backend-id")}),
            Element("set-method")
                    .policy(inboundOnError, "Changes the HTTP method of the request.")
                    .text(Text::Required, Type::HttpMethod)
                    .textValues(httpMethods()),
            Element("rewrite-uri")
                    .policy(inbound, "Rewrites the request URL relative to the backend base URL.")
                    .attributes({Attr("template").required(),
                                 Attr("copy-unmatched-params", Type::Boolean).byDefault("true")}),
            nameValuePolicy("set-header", anySection, "Sets, appends or deletes an HTTP header."),
            nameValuePolicy("set-query-parameter",
                            inboundBackend,
                            "Sets, appends or deletes a query string parameter."),
            Element("set-body")
                    .policy(anySection, "Sets the message body.")
                    .attributes({Attr("template")
                                         .values({QStringLiteral("liquid"), QStringLiteral("none")})
                                         .noExpression(),
                                 Attr("xsi-nil")
                                         .values({QStringLiteral("blank"), QStringLiteral("null")})
                                         .byDefault("blank")
                                         .noExpression()})
                    .anyContent(),
            Element("set-status")
                    .policy(anySection, "Sets the response status code and reason.")
                    .attributes({Attr("code", Type::Integer).required().range(100, 599),
                                 Attr("reason")}),
            Element("set-variable")
                    .policy(anySection, "Stores a value in a context variable.")
                    .attributes({Attr("name").required().noExpression(), Attr("value").required()}),
            Element("forward-request")
                    .policy(PolicySection::Backend, "Forwards the request to the backend.")
                    .oncePerDocument()
                    .attributes(
                            {Attr("timeout", Type::Integer)
                                     .byDefault("300")
                                     .atLeast(0)
                                     .honouredUpTo(240)
                                     .doc("Seconds to wait for the backend's response headers."),
                             Attr("timeout-ms", Type::Integer).atLeast(0),
                             Attr("follow-redirects", Type::Boolean).byDefault("false"),
                             Attr("buffer-request-body", Type::Boolean).byDefault("false"),
                             Attr("buffer-response", Type::Boolean).byDefault("true"),
                             Attr("fail-on-error-status-code", Type::Boolean).byDefault("false"),
                             Attr("http-version")
                                     .values({QStringLiteral("1"),
                                              QStringLiteral("2or1"),
                                              QStringLiteral("2")})})
                    .exclusive({QStringLiteral("timeout"), QStringLiteral("timeout-ms")}),
            sendRequestLike("send-request", false),
            sendRequestLike("send-one-way-request", true),
            Element("return-response")
                    .policy(anySection, "Stops the pipeline and returns a response.")
                    .attributes({Attr("response-variable-name").noExpression()})
                    .children({policyReference("set-status", 0, 1),
                               policyReference("set-header"),
                               policyReference("set-body", 0, 1)}),
            Element("mock-response")
                    .policy(exceptBackend, "Returns a response built from the API's examples.")
                    .attributes(
                            {Attr("status-code", Type::Integer).byDefault("200").range(100, 599),
                             Attr("content-type")}),
            Element("proxy")
                    .policy(inbound, "Routes requests through an HTTP proxy.")
                    .attributes({Attr("url", Type::Url).required(),
                                 Attr("username"),
                                 Attr("password")}),
            Element("include-fragment")
                    .policy(anySection, "Inserts a policy fragment at this position.")
                    .attributes({Attr("fragment-id").required().noExpression()}),
    };
}

QList<PolicyElementSpec> flowPolicies()
{
    return {
            Element("choose")
                    .policy(anySection, "Runs the policies of the first true condition.")
                    .children({Element("when")
                                       .doc("Policies run when condition is true.")
                                       .attributes({Attr("condition", Type::Boolean).required()})
                                       .policies()
                                       .occurs(1, -1),
                               Element("otherwise")
                                       .doc("Policies run when no condition is true.")
                                       .policies()
                                       .occurs(0, 1)
                                       .last()}),
            Element("retry")
                    .policy(anySection, "Runs its policies again while the condition holds.")
                    .attributes({Attr("condition", Type::Boolean).required(),
                                 Attr("count", Type::Integer)
                                         .required()
                                         .range(1, 50)
                                         .doc("Number of retries after the first attempt."),
                                 Attr("interval", Type::Integer).required().atLeast(0),
                                 Attr("max-interval", Type::Integer).atLeast(0),
                                 Attr("delta", Type::Integer).atLeast(0),
                                 Attr("first-fast-retry", Type::Boolean).byDefault("false")})
                    .policies(),
            Element("limit-concurrency")
                    .policy(anySection, "Limits concurrent executions of its policies per key.")
                    .attributes(
                            {Attr("key").required(),
                             Attr("max-count", Type::Integer).required().atLeast(1).noExpression()})
                    .policies(),
            Element("wait")
                    .policy(exceptOnError, "Runs its policies in parallel and waits for them.")
                    .attributes({Attr("for")
                                         .values({QStringLiteral("all"), QStringLiteral("any")})
                                         .byDefault("all")})
                    .children({policyReference("send-request"),
                               policyReference("cache-lookup-value"),
                               policyReference("choose")}),
    };
}

QList<PolicyElementSpec> cachingPolicies()
{
    return {
            Element("cache-lookup-value")
                    .policy(anySection, "Reads a value from the cache into a variable.")
                    .attributes({Attr("key").required(),
                                 Attr("variable-name").required().noExpression(),
                                 Attr("default-value"),
                                 cachingType()}),
            Element("cache-store-value")
                    .policy(anySection, "Stores a value in the cache.")
                    .attributes({Attr("key").required(),
                                 Attr("value").required(),
                                 Attr("duration", Type::Integer)
                                         .required()
                                         .atLeast(0)
                                         .doc("Seconds to keep the value."),
                                 cachingType()}),
            Element("cache-remove-value")
                    .policy(anySection, "Removes a value from the cache.")
                    .attributes({Attr("key").required(), cachingType()}),
            Element("cache-lookup")
                    .policy(inbound, "Serves GET responses from the response cache.")
                    .oncePerSection()
                    .attributes(
                            {Attr("vary-by-developer", Type::Boolean).required().byDefault("false"),
                             Attr("vary-by-developer-groups", Type::Boolean)
                                     .required()
                                     .byDefault("false"),
                             Attr("allow-private-response-caching", Type::Boolean)
                                     .byDefault("false"),
                             cachingType(),
                             Attr("downstream-caching-type")
                                     .values({QStringLiteral("none"),
                                              QStringLiteral("private"),
                                              QStringLiteral("public")})
                                     .byDefault("none"),
                             Attr("must-revalidate", Type::Boolean).byDefault("true")})
                    .children({textChild("vary-by-header"), textChild("vary-by-query-parameter")}),
            Element("cache-store")
                    .policy(outbound, "Stores the response in the response cache.")
                    .oncePerSection()
                    .attributes({Attr("duration", Type::Integer).required().atLeast(0),
                                 Attr("cache-response", Type::Boolean).byDefault("false")}),
    };
}

QList<PolicyElementSpec> limitPolicies()
{
    return {
            Element("rate-limit")
                    .policy(inbound, "Limits the call rate per subscription.")
                    .scopes({PolicyScope::Product, PolicyScope::Api, PolicyScope::Operation})
                    .oncePerDocument()
                    .attributes({Attr("calls", Type::Integer).required().atLeast(0).noExpression(),
                                 Attr("renewal-period", Type::Integer)
                                         .required()
                                         .range(1, 300)
                                         .noExpression(),
                                 Attr("retry-after-header-name")
                                         .byDefault("Retry-After")
                                         .noExpression(),
                                 Attr("retry-after-variable-name").noExpression(),
                                 Attr("remaining-calls-header-name").noExpression(),
                                 Attr("remaining-calls-variable-name").noExpression(),
                                 Attr("total-calls-header-name").noExpression()})
                    .children({limitChild("api", false, {limitChild("operation", false, {})})}),
            Element("rate-limit-by-key")
                    .policy(inbound, "Limits the call rate per key.")
                    .attributes({Attr("calls", Type::Integer).required().atLeast(0),
                                 Attr("renewal-period", Type::Integer).required().range(1, 300),
                                 Attr("counter-key").required(),
                                 Attr("increment-condition", Type::Boolean),
                                 Attr("increment-count", Type::Integer).byDefault("1"),
                                 Attr("retry-after-header-name")
                                         .byDefault("Retry-After")
                                         .noExpression(),
                                 Attr("retry-after-variable-name").noExpression(),
                                 Attr("remaining-calls-header-name").noExpression(),
                                 Attr("remaining-calls-variable-name").noExpression(),
                                 Attr("total-calls-header-name").noExpression()}),
            Element("quota")
                    .policy(inbound, "Enforces a call or bandwidth quota per subscription.")
                    .scopes({PolicyScope::Product})
                    .attributes({Attr("calls", Type::Integer).atLeast(0).noExpression(),
                                 Attr("bandwidth", Type::Integer)
                                         .atLeast(0)
                                         .noExpression()
                                         .doc("Kilobytes."),
                                 Attr("renewal-period", Type::Integer)
                                         .required()
                                         .atLeast(0)
                                         .noExpression()})
                    .requireOneOf({QStringLiteral("calls"), QStringLiteral("bandwidth")})
                    .children({limitChild("api", true, {limitChild("operation", true, {})})}),
            Element("quota-by-key")
                    .policy(inbound, "Enforces a call or bandwidth quota per key.")
                    .attributes({Attr("calls", Type::Integer).atLeast(0),
                                 Attr("bandwidth", Type::Integer).atLeast(0),
                                 Attr("renewal-period", Type::Integer).required().atLeast(0),
                                 Attr("counter-key").required(),
                                 Attr("increment-condition", Type::Boolean),
                                 Attr("increment-count", Type::Integer).byDefault("1"),
                                 Attr("first-period-start", Type::DateTime)})
                    .requireOneOf({QStringLiteral("calls"), QStringLiteral("bandwidth")}),
    };
}

QList<PolicyElementSpec> accessPolicies()
{
    return {
            Element("check-header")
                    .policy(inbound, "Requires a header, optionally with one of the listed values.")
                    .attributes({Attr("name").required(),
                                 Attr("failed-check-httpcode", Type::Integer)
                                         .required()
                                         .range(100, 599),
                                 Attr("failed-check-error-message").required(),
                                 Attr("ignore-case", Type::Boolean).required()})
                    .children({textChild("value", Text::Optional)}),
            Element("ip-filter")
                    .policy(inbound, "Allows or forbids caller IP addresses.")
                    .attributes(
                            {Attr("action")
                                     .values({QStringLiteral("allow"), QStringLiteral("forbid")})
                                     .required()})
                    .children({textChild("address"),
                               Element("address-range")
                                       .attributes(
                                               {Attr("from").required(), Attr("to").required()})}),
            Element("cors")
                    .policy(inbound, "Adds cross-origin resource sharing (CORS) support.")
                    .oncePerSection()
                    .attributes(
                            {Attr("allow-credentials", Type::Boolean).byDefault("false"),
                             Attr("terminate-unmatched-request", Type::Boolean).byDefault("true")})
                    .children({Element("allowed-origins")
                                       .occurs(1, 1)
                                       .children({textChild("origin", Text::Required, 1)}),
                               Element("allowed-methods")
                                       .occurs(0, 1)
                                       .attributes({Attr("preflight-result-max-age", Type::Integer)
                                                            .byDefault("0")
                                                            .atLeast(0)})
                                       .children({Element("method")
                                                          .text(Text::Required)
                                                          .textValues(httpMethods())
                                                          .occurs(1, -1)}),
                               Element("allowed-headers")
                                       .occurs(1, 1)
                                       .children({textChild("header", Text::Required, 1)}),
                               Element("expose-headers")
                                       .occurs(0, 1)
                                       .children({textChild("header", Text::Required, 1)})}),
            Element("validate-jwt")
                    .policy(inbound, "Validates a JSON web token.")
                    .attributes({Attr("header-name"),
                                 Attr("query-parameter-name"),
                                 Attr("token-value"),
                                 Attr("failed-validation-httpcode", Type::Integer)
                                         .byDefault("401")
                                         .range(100, 599),
                                 Attr("failed-validation-error-message"),
                                 Attr("require-expiration-time", Type::Boolean).byDefault("true"),
                                 Attr("require-scheme"),
                                 Attr("require-signed-tokens", Type::Boolean).byDefault("true"),
                                 Attr("clock-skew", Type::Integer).byDefault("0").atLeast(0),
                                 Attr("output-token-variable-name").noExpression()})
                    .exactlyOneOf({QStringLiteral("header-name"),
                                   QStringLiteral("query-parameter-name"),
                                   QStringLiteral("token-value")})
                    .children({Element("openid-config")
                                       .attributes({Attr("url", Type::Url).required()}),
                               keyList("issuer-signing-keys"),
                               keyList("decryption-keys"),
                               textList("audiences", "audience"),
                               textList("issuers", "issuer"),
                               claims()}),
            Element("validate-azure-ad-token")
                    .policy(inbound, "Validates a Microsoft Entra ID token.")
                    .open()
                    .attributes({Attr("tenant-id").required(),
                                 Attr("header-name").byDefault("Authorization"),
                                 Attr("query-parameter-name"),
                                 Attr("token-value"),
                                 Attr("failed-validation-httpcode", Type::Integer)
                                         .byDefault("401")
                                         .range(100, 599),
                                 Attr("failed-validation-error-message"),
                                 Attr("output-token-variable-name").noExpression()})
                    .exclusive({QStringLiteral("header-name"),
                                QStringLiteral("query-parameter-name"),
                                QStringLiteral("token-value")})
                    .children({textList("client-application-ids", "application-id"),
                               textList("backend-application-ids", "application-id"),
                               textList("audiences", "audience"),
                               keyList("decryption-keys"),
                               claims()}),
            Element("validate-client-certificate")
                    .policy(inbound, "Validates the client certificate.")
                    .open()
                    .attributes({Attr("validate-revocation", Type::Boolean),
                                 Attr("validate-trust", Type::Boolean),
                                 Attr("validate-not-before", Type::Boolean),
                                 Attr("validate-not-after", Type::Boolean),
                                 Attr("ignore-error", Type::Boolean)}),
            Element("authentication-basic")
                    .policy(inbound, "Authenticates to the backend with Basic credentials.")
                    .attributes({Attr("username").required(), Attr("password").required()}),
            Element("authentication-certificate")
                    .policy(inbound, "Authenticates to the backend with a client certificate.")
                    .attributes({Attr("thumbprint"),
                                 Attr("certificate-id"),
                                 Attr("body").doc("Certificate bytes (byte[] expression)."),
                                 Attr("password")})
                    .exactlyOneOf({QStringLiteral("thumbprint"),
                                   QStringLiteral("certificate-id"),
                                   QStringLiteral("body")}),
            Element("authentication-managed-identity")
                    .policy(inbound, "Authenticates to the backend with a managed identity.")
                    .attributes({Attr("resource").required(),
                                 Attr("client-id"),
                                 Attr("output-token-variable-name").noExpression(),
                                 Attr("ignore-error", Type::Boolean).byDefault("false")}),
            Element("get-authorization-context")
                    .policy(inbound,
                            "Gets the authorization context of a credential manager connection.")
                    .attributes({Attr("provider-id").required(),
                                 Attr("authorization-id").required(),
                                 Attr("context-variable-name").required().noExpression(),
                                 Attr("identity-type")
                                         .values({QStringLiteral("managed"), QStringLiteral("jwt")})
                                         .byDefault("managed"),
                                 Attr("identity"),
                                 Attr("ignore-error", Type::Boolean).byDefault("false")}),
    };
}

QList<PolicyElementSpec> transformationPolicies()
{
    return {
            Element("json-to-xml")
                    .policy(exceptBackend, "Converts a JSON body to XML.")
                    .attributes({Attr("apply")
                                         .values({QStringLiteral("always"),
                                                  QStringLiteral("content-type-json")})
                                         .required(),
                                 Attr("consider-accept-header", Type::Boolean).byDefault("true"),
                                 Attr("parse-date", Type::Boolean).byDefault("true").noExpression(),
                                 Attr("namespace-separator", Type::Char).byDefault("_"),
                                 Attr("namespace-prefix"),
                                 Attr("attribute-block-name")}),
            Element("xml-to-json")
                    .policy(exceptBackend, "Converts an XML body to JSON.")
                    .attributes({Attr("kind")
                                         .values({QStringLiteral("javascript-friendly"),
                                                  QStringLiteral("direct")})
                                         .required(),
                                 Attr("apply")
                                         .values({QStringLiteral("always"),
                                                  QStringLiteral("content-type-xml")})
                                         .required(),
                                 Attr("consider-accept-header", Type::Boolean).byDefault("true"),
                                 Attr("always-array-child-elements", Type::Boolean)
                                         .byDefault("false")}),
            Element("find-and-replace")
                    .policy(anySection, "Replaces every occurrence of a string in the body.")
                    .attributes({Attr("from").required(), Attr("to").required()}),
            Element("redirect-content-urls")
                    .policy(inboundOutbound, "Rewrites backend URLs in the body to gateway URLs."),
            Element("xsl-transform")
                    .policy(inboundOutbound, "Applies an XSL transformation to an XML body.")
                    .open()
                    .anyContent(),
            Element("jsonp")
                    .policy(outbound, "Adds JSONP support.")
                    .attributes({Attr("callback-parameter-name").required()}),
            Element("cross-domain")
                    .policy(inbound, "Allows Adobe Flash and Silverlight cross-domain calls.")
                    .scopes({PolicyScope::Global})
                    .anyContent(),
    };
}

QList<PolicyElementSpec> loggingPolicies()
{
    return {
            Element("trace")
                    .policy(anySection, "Adds a custom trace record.")
                    .attributes({Attr("source").required().noExpression(),
                                 Attr("severity")
                                         .values({QStringLiteral("verbose"),
                                                  QStringLiteral("information"),
                                                  QStringLiteral("error")})
                                         .byDefault("verbose")})
                    // The older form writes the message as the element's text.
                    .text(Text::Optional)
                    .children({Element("message").text(Text::Required).occurs(0, 1),
                               Element("metadata")
                                       .attributes({Attr("name").required(),
                                                    Attr("value").required()})}),
            Element("emit-metric")
                    .policy(anySection, "Sends a custom metric to Application Insights.")
                    .attributes({Attr("name").required().noExpression(),
                                 Attr("namespace").byDefault("API Management").noExpression(),
                                 Attr("value", Type::Number).byDefault("1")})
                    .children({Element("dimension")
                                       .occurs(1, 10)
                                       .attributes({Attr("name").required().noExpression(),
                                                    Attr("value")})}),
            Element("log-to-eventhub")
                    .policy(anySection, "Sends a message to an Event Hubs logger.")
                    .attributes({Attr("logger-id").required().noExpression(),
                                 Attr("partition-id").noExpression(),
                                 Attr("partition-key")})
                    .exclusive({QStringLiteral("partition-id"), QStringLiteral("partition-key")})
                    .text(Text::Required),
    };
}

// Policies the reference names without detail: their main attributes are known, the rest is open.
QList<PolicyElementSpec> openPolicies()
{
    const auto errorsVariable = [] {
        return Attr("errors-variable-name").noExpression();
    };
    const QStringList actions
            = {QStringLiteral("ignore"), QStringLiteral("prevent"), QStringLiteral("detect")};
    return {
            Element("validate-content")
                    .policy(exceptBackend, "Validates the body against the API schema.")
                    .open()
                    .attributes({Attr("unspecified-content-type-action").values(actions),
                                 Attr("max-size", Type::Integer).atLeast(0),
                                 Attr("size-exceeded-action").values(actions),
                                 errorsVariable()}),
            Element("validate-parameters")
                    .policy(inbound, "Validates request parameters against the API schema.")
                    .open()
                    .attributes({Attr("specified-parameter-action").values(actions),
                                 Attr("unspecified-parameter-action").values(actions),
                                 errorsVariable()}),
            Element("validate-headers")
                    .policy(outboundOnError, "Validates response headers against the API schema.")
                    .open()
                    .attributes({Attr("specified-header-action").values(actions),
                                 Attr("unspecified-header-action").values(actions),
                                 errorsVariable()}),
            Element("validate-status-code")
                    .policy(outboundOnError, "Validates response status codes against the API.")
                    .open()
                    .attributes({Attr("unspecified-status-code-action").values(actions),
                                 errorsVariable()}),
            Element("validate-odata-request").policy(inbound, "Validates an OData request.").open(),
            Element("validate-graphql-request")
                    .policy(inbound, "Validates a GraphQL request.")
                    .open(),
            Element("invoke-dapr-binding")
                    .policy(exceptBackend, "Calls a Dapr output binding.")
                    .open()
                    .anyContent(),
            Element("publish-to-dapr")
                    .policy(exceptBackend, "Publishes a message to a Dapr topic.")
                    .open()
                    .anyContent(),
            Element("azure-openai-token-limit")
                    .policy(inbound, "Limits Azure OpenAI token consumption per key.")
                    .open(),
            Element("llm-token-limit")
                    .policy(inbound, "Limits language model token consumption per key.")
                    .open(),
            Element("azure-openai-emit-token-metric")
                    .policy(inbound, "Emits Azure OpenAI token metrics.")
                    .open(),
            Element("llm-emit-token-metric")
                    .policy(inbound, "Emits language model token metrics.")
                    .open(),
            Element("azure-openai-semantic-cache-lookup")
                    .policy(inbound, "Looks up Azure OpenAI responses in the semantic cache.")
                    .open(),
            Element("azure-openai-semantic-cache-store")
                    .policy(outbound, "Stores Azure OpenAI responses in the semantic cache.")
                    .open(),
            Element("llm-semantic-cache-lookup")
                    .policy(inbound, "Looks up language model responses in the semantic cache.")
                    .open(),
            Element("llm-semantic-cache-store")
                    .policy(outbound, "Stores language model responses in the semantic cache.")
                    .open(),
            Element("llm-content-safety")
                    .policy(inbound, "Checks prompts with Azure AI Content Safety.")
                    .open(),
    };
}

} // namespace

PolicySchema::PolicySchema()
{
    for (const auto &group : {routingPolicies(),
                              flowPolicies(),
                              cachingPolicies(),
                              limitPolicies(),
                              accessPolicies(),
                              transformationPolicies(),
                              loggingPolicies(),
                              openPolicies()}) {
        m_policies.append(group);
    }
    for (PolicyElementSpec &spec : m_policies) {
        spec.attributes.append(Attr("id").doc("Names the policy in context.LastError.PolicyId."));
    }
    std::sort(
            m_policies.begin(),
            m_policies.end(),
            [](const PolicyElementSpec &a, const PolicyElementSpec &b) { return a.name < b.name; });
}

const PolicySchema &PolicySchema::builtin()
{
    static const PolicySchema schema;
    return schema;
}

QList<const PolicyElementSpec *> PolicySchema::policies() const
{
    QList<const PolicyElementSpec *> result;
    for (const PolicyElementSpec &spec : m_policies)
        result.append(&spec);
    return result;
}

const PolicyElementSpec *PolicySchema::policy(QStringView name) const
{
    auto it = std::lower_bound(m_policies.cbegin(),
                               m_policies.cend(),
                               name,
                               [](const PolicyElementSpec &spec, QStringView key) {
                                   return QStringView(spec.name) < key;
                               });
    return it != m_policies.cend() && it->name == name ? &*it : nullptr;
}

QList<const PolicyElementSpec *> PolicySchema::policiesFor(PolicySection section,
                                                           PolicyScope scope) const
{
    QList<const PolicyElementSpec *> result;
    for (const PolicyElementSpec &spec : m_policies) {
        const bool sectionOk = section == PolicySection::None || spec.sections.testFlag(section);
        const bool scopeOk = scope == PolicyScope::None || spec.scopes.isEmpty()
                             || spec.scopes.contains(scope);
        if (sectionOk && scopeOk)
            result.append(&spec);
    }
    return result;
}

const PolicyElementSpec *PolicySchema::resolve(const PolicyElementSpec &spec) const
{
    return spec.policyReference ? policy(spec.name) : &spec;
}

QList<const PolicyElementSpec *> PolicySchema::childrenOf(const PolicyElementSpec &parent,
                                                          PolicySection section) const
{
    switch (parent.childMode) {
    case PolicyElementSpec::Children::Policies:
        return policiesFor(section);
    case PolicyElementSpec::Children::Any:
        return {};
    case PolicyElementSpec::Children::Listed:
        break;
    }
    QList<const PolicyElementSpec *> result;
    for (const PolicyElementSpec &child : parent.children) {
        if (const PolicyElementSpec *resolved = resolve(child))
            result.append(resolved);
    }
    return result;
}

const PolicyElementSpec *PolicySchema::elementAt(const QStringList &path) const
{
    if (path.isEmpty())
        return nullptr;
    const PolicyElementSpec *current = policy(path.first());
    for (qsizetype i = 1; current && i < path.size(); ++i) {
        switch (current->childMode) {
        case PolicyElementSpec::Children::Policies:
            current = policy(path.at(i));
            break;
        case PolicyElementSpec::Children::Any:
            return nullptr;
        case PolicyElementSpec::Children::Listed: {
            const PolicyElementSpec *child = current->child(path.at(i));
            current = child ? resolve(*child) : nullptr;
            break;
        }
        }
    }
    return current;
}

QString PolicySchema::defaultValue(const QStringList &path, QStringView attribute) const
{
    const PolicyElementSpec *element = elementAt(path);
    const PolicyAttributeSpec *spec = element ? element->attribute(attribute) : nullptr;
    return spec ? spec->defaultValue : QString();
}

bool PolicySchema::isSectionName(QStringView name)
{
    return policySectionFromName(name) != PolicySection::None;
}
