// SPDX-License-Identifier: GPL-3.0-or-later
#include "routingpolicygenerator.h"

#include "policy/policyescaping.h"

#include <QStringList>

namespace {

using Attributes = QList<QPair<QString, QString>>;

const QString backendVariable = QStringLiteral("routing-backend");
const QString regionVariable = QStringLiteral("routing-region");
const QString exhaustedVariable = QStringLiteral("routing-exhausted");
const QString attemptedVariable = QStringLiteral("routing-attempted");

// Indented policy XML, written as users write it: literals escaped, expressions raw.
class XmlOut
{
public:
    void open(const QString &tag, const Attributes &attributes = {})
    {
        line(u'<' + tag + attributeText(attributes) + u'>');
        ++m_depth;
    }
    void close(const QString &tag)
    {
        --m_depth;
        line(QStringLiteral("</%1>").arg(tag));
    }
    void empty(const QString &tag, const Attributes &attributes = {})
    {
        line(u'<' + tag + attributeText(attributes) + QLatin1String(" />"));
    }
    void comment(const QString &text) { line(QStringLiteral("<!-- %1 -->").arg(text)); }
    QString text() const { return m_text; }

private:
    static QString attributeText(const Attributes &attributes)
    {
        QString out;
        for (const auto &[name, value] : attributes) {
            const QString written = PolicyEscaping::isExpression(value)
                                            ? value
                                            : PolicyEscaping::escapeAttribute(value, u'"');
            out += QStringLiteral(" %1=\"%2\"").arg(name, written);
        }
        return out;
    }
    void line(const QString &content) { m_text += QString(m_depth * 4, u' ') + content + u'\n'; }

    QString m_text;
    int m_depth = 0;
};

// A bool variable the policy sets, false while unset.
QString flag(const QString &variable)
{
    return QStringLiteral("context.Variables.GetValueOrDefault<bool>(\"%1\", false)").arg(variable);
}

QString isDown(const QString &backend)
{
    return flag(RoutingPolicyGenerator::outageKey(backend));
}

QString failure(const RoutingTable &table)
{
    QStringList parts;
    for (const RoutingTable::StatusRange &range : table.failureStatuses) {
        parts.append(range.from == range.to
                             ? QStringLiteral("context.Response.StatusCode == %1").arg(range.from)
                             : QStringLiteral("(context.Response.StatusCode >= %1 && "
                                              "context.Response.StatusCode <= %2)")
                                       .arg(range.from)
                                       .arg(range.to));
    }
    return parts.size() == 1 ? parts.first() : u'(' + parts.join(QLatin1String(" || ")) + u')';
}

QString variableIs(const QString &variable, const QString &value)
{
    return QStringLiteral("@((string)context.Variables[\"%1\"] == \"%2\")").arg(variable, value);
}

void selectBackend(XmlOut &out, const RoutingTable::Backend &backend)
{
    out.empty(QStringLiteral("set-variable"),
              {{QStringLiteral("name"), backendVariable}, {QStringLiteral("value"), backend.name}});
    out.empty(QStringLiteral("set-backend-service"),
              {{QStringLiteral("base-url"), backend.baseUrl}});
}

// The first backend of the region not remembered as down; otherwise what the caller decides.
template<typename Otherwise>
void firstHealthy(XmlOut &out,
                  const QList<RoutingTable::Backend> &backends,
                  qsizetype candidates,
                  Otherwise otherwise)
{
    out.open(QStringLiteral("choose"));
    for (qsizetype i = 0; i < candidates; ++i) {
        out.open(QStringLiteral("when"),
                 {{QStringLiteral("condition"),
                   QStringLiteral("@(!%1)").arg(isDown(backends.at(i).name))}});
        selectBackend(out, backends.at(i));
        out.close(QStringLiteral("when"));
    }
    out.open(QStringLiteral("otherwise"));
    otherwise();
    out.close(QStringLiteral("otherwise"));
    out.close(QStringLiteral("choose"));
}

void inboundRegion(XmlOut &out, const RoutingTable::Region &region)
{
    out.empty(QStringLiteral("set-variable"),
              {{QStringLiteral("name"), regionVariable}, {QStringLiteral("value"), region.name}});
    if (region.backends.size() == 1) {
        selectBackend(out, region.backends.first());
        return;
    }
    QStringList allDown;
    for (const RoutingTable::Backend &backend : region.backends)
        allDown.append(isDown(backend.name));
    out.comment(QStringLiteral("All remembered as down: forget it and try every backend again."));
    out.open(QStringLiteral("choose"));
    out.open(QStringLiteral("when"),
             {{QStringLiteral("condition"),
               QStringLiteral("@(%1)").arg(allDown.join(QLatin1String(" && ")))}});
    for (const RoutingTable::Backend &backend : region.backends) {
        out.empty(QStringLiteral("set-variable"),
                  {{QStringLiteral("name"), RoutingPolicyGenerator::outageKey(backend.name)},
                   {QStringLiteral("value"), QStringLiteral("@(false)")}});
    }
    out.close(QStringLiteral("when"));
    out.close(QStringLiteral("choose"));
    // The last backend needs no test: when every other one is down, it is the one to try.
    firstHealthy(out, region.backends, region.backends.size() - 1, [&] {
        selectBackend(out, region.backends.last());
    });
}

void inbound(XmlOut &out, const RoutingTable &table)
{
    out.open(QStringLiteral("inbound"));
    out.empty(QStringLiteral("base"));
    out.comment(QStringLiteral("Outages remembered in the cache, one entry per backend."));
    for (const RoutingTable::Backend &backend : table.backends()) {
        const QString key = RoutingPolicyGenerator::outageKey(backend.name);
        out.empty(QStringLiteral("cache-lookup-value"),
                  {{QStringLiteral("key"), key}, {QStringLiteral("variable-name"), key}});
    }
    out.comment(QStringLiteral("The gateway's region decides the order: nearest backend first."));
    out.open(QStringLiteral("choose"));
    for (const RoutingTable::Region &region : table.regions) {
        out.open(QStringLiteral("when"),
                 {{QStringLiteral("condition"),
                   QStringLiteral("@(context.Deployment.Region.Equals(\"%1\", "
                                  "System.StringComparison.OrdinalIgnoreCase))")
                           .arg(region.name)}});
        inboundRegion(out, region);
        out.close(QStringLiteral("when"));
    }
    out.open(QStringLiteral("otherwise"));
    out.comment(QStringLiteral("A region the table does not list uses the first region's order."));
    inboundRegion(out, table.regions.first());
    out.close(QStringLiteral("otherwise"));
    out.close(QStringLiteral("choose"));
    out.close(QStringLiteral("inbound"));
}

void rememberOutage(XmlOut &out, const RoutingTable &table)
{
    out.open(QStringLiteral("choose"));
    for (const RoutingTable::Backend &backend : table.backends()) {
        const QString key = RoutingPolicyGenerator::outageKey(backend.name);
        out.open(QStringLiteral("when"),
                 {{QStringLiteral("condition"), variableIs(backendVariable, backend.name)}});
        out.empty(QStringLiteral("cache-store-value"),
                  {{QStringLiteral("key"), key},
                   {QStringLiteral("value"), QStringLiteral("@(true)")},
                   {QStringLiteral("duration"), QString::number(table.outageSeconds)}});
        out.empty(QStringLiteral("set-variable"),
                  {{QStringLiteral("name"), key},
                   {QStringLiteral("value"), QStringLiteral("@(true)")}});
        out.close(QStringLiteral("when"));
    }
    out.close(QStringLiteral("choose"));
}

void failOver(XmlOut &out, const RoutingTable &table)
{
    out.open(QStringLiteral("choose"));
    for (const RoutingTable::Region &region : table.regions) {
        out.open(QStringLiteral("when"),
                 {{QStringLiteral("condition"), variableIs(regionVariable, region.name)}});
        firstHealthy(out, region.backends, region.backends.size(), [&] {
            out.empty(QStringLiteral("set-variable"),
                      {{QStringLiteral("name"), exhaustedVariable},
                       {QStringLiteral("value"), QStringLiteral("@(true)")}});
        });
        out.close(QStringLiteral("when"));
    }
    out.close(QStringLiteral("choose"));
}

void backend(XmlOut &out, const RoutingTable &table)
{
    const QString failed = failure(table);
    const QString attempted = flag(attemptedVariable);
    const QString exhausted = flag(exhaustedVariable);
    out.open(QStringLiteral("backend"));
    out.comment(QStringLiteral("Fail over in the region's priority order until a backend answers "
                               "or none is left."));
    // A backend that cannot be reached leaves no response: forward-request fails, retry catches
    // it and asks the condition. So the failover runs at the start of the next attempt, after a
    // failure of either kind, and one attempt more than the backends marks the region exhausted.
    out.open(QStringLiteral("retry"),
             {{QStringLiteral("condition"),
               QStringLiteral("@(!%1 && (context.Response == null || %2))").arg(exhausted, failed)},
              {QStringLiteral("count"), QString::number(table.maxBackendsInRegion())},
              {QStringLiteral("interval"), QStringLiteral("0")},
              {QStringLiteral("first-fast-retry"), QStringLiteral("true")}});
    out.open(QStringLiteral("choose"));
    out.open(QStringLiteral("when"),
             {{QStringLiteral("condition"), QStringLiteral("@(%1)").arg(attempted)}});
    rememberOutage(out, table);
    failOver(out, table);
    out.close(QStringLiteral("when"));
    out.close(QStringLiteral("choose"));
    out.open(QStringLiteral("choose"));
    out.open(QStringLiteral("when"),
             {{QStringLiteral("condition"), QStringLiteral("@(!%1)").arg(exhausted)}});
    out.empty(QStringLiteral("set-variable"),
              {{QStringLiteral("name"), attemptedVariable},
               {QStringLiteral("value"), QStringLiteral("@(true)")}});
    // Retries resend the request, so its body must be kept.
    out.empty(QStringLiteral("forward-request"),
              {{QStringLiteral("buffer-request-body"), QStringLiteral("true")}});
    out.close(QStringLiteral("when"));
    out.close(QStringLiteral("choose"));
    out.close(QStringLiteral("retry"));
    out.comment(QStringLiteral("No backend of the region could be reached."));
    out.open(QStringLiteral("choose"));
    out.open(QStringLiteral("when"),
             {{QStringLiteral("condition"), QStringLiteral("@(context.Response == null)")}});
    out.open(QStringLiteral("return-response"));
    out.empty(QStringLiteral("set-status"),
              {{QStringLiteral("code"), QStringLiteral("502")},
               {QStringLiteral("reason"), QStringLiteral("Bad Gateway")}});
    out.close(QStringLiteral("return-response"));
    out.close(QStringLiteral("when"));
    out.close(QStringLiteral("choose"));
    out.close(QStringLiteral("backend"));
}

void outbound(XmlOut &out, const RoutingTable &table)
{
    out.open(QStringLiteral("outbound"));
    out.empty(QStringLiteral("base"));
    out.comment(QStringLiteral("A backend that answered is healthy again: forget its outage."));
    out.open(QStringLiteral("choose"));
    out.open(QStringLiteral("when"),
             {{QStringLiteral("condition"),
               QStringLiteral("@(context.Response != null && !(%1))").arg(failure(table))}});
    out.empty(QStringLiteral("cache-remove-value"),
              {{QStringLiteral("key"),
                QStringLiteral("@(\"%1\" + (string)context.Variables[\"%2\"])")
                        .arg(RoutingPolicyGenerator::outageKey({}), backendVariable)}});
    out.close(QStringLiteral("when"));
    out.close(QStringLiteral("choose"));
    out.close(QStringLiteral("outbound"));
}

} // namespace

RoutingPolicyGenerator::Result RoutingPolicyGenerator::generate(const RoutingTable &table)
{
    Result result;
    result.diagnostics = table.validate();
    if (!result.diagnostics.isEmpty())
        return result;
    XmlOut out;
    out.comment(QStringLiteral("Generated by APIM Policy Designer from a routing table: %1 "
                               "region(s), %2 backend(s), outages remembered for %3 s.")
                        .arg(table.regions.size())
                        .arg(table.backends().size())
                        .arg(table.outageSeconds));
    out.open(QStringLiteral("policies"));
    inbound(out, table);
    backend(out, table);
    outbound(out, table);
    out.open(QStringLiteral("on-error"));
    out.empty(QStringLiteral("base"));
    out.close(QStringLiteral("on-error"));
    out.close(QStringLiteral("policies"));
    result.xml = out.text();
    return result;
}

QString RoutingPolicyGenerator::outageKey(const QString &backendName)
{
    return QStringLiteral("routing-down-") + backendName;
}
