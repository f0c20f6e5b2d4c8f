// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextmembertable.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace {

using Member = ContextMemberTable::Member;

Member property(const char *name, const char *type)
{
    return {QString::fromLatin1(name), QString::fromLatin1(type), false, {}, {}};
}

Member method(const char *name,
              const char *type,
              const char *signature,
              const char *insertText = nullptr)
{
    return {QString::fromLatin1(name),
            QString::fromLatin1(type),
            true,
            QString::fromLatin1(signature),
            QString::fromLatin1(insertText)};
}

QList<Member> dictionary(const char *valueType)
{
    return {method("ContainsKey", "bool", "ContainsKey(key)"),
            property("Count", "int"),
            method("GetValueOrDefault", valueType, "GetValueOrDefault(key, defaultValue)"),
            property("Keys", "IEnumerable<string>"),
            method("TryGetValue", "bool", "TryGetValue(key, out value)"),
            property("Values", "IEnumerable")};
}

QHash<QString, QList<Member>> buildTable()
{
    QHash<QString, QList<Member>> t;
    t.insert(QStringLiteral("IContext"),
             {property("Api", "IApi"),
              property("Deployment", "IDeployment"),
              property("Elapsed", "TimeSpan"),
              property("LastError", "ILastError"),
              property("Operation", "IOperation"),
              property("Product", "IProduct"),
              property("Request", "IRequest"),
              property("RequestId", "Guid"),
              property("Response", "IResponse"),
              property("Subscription", "ISubscription"),
              property("Timestamp", "DateTime"),
              method("Trace", "void", "Trace(message)"),
              property("Tracing", "bool"),
              property("User", "IUser"),
              property("Variables", "IVariables")});
    t.insert(QStringLiteral("IApi"),
             {property("Id", "string"),
              property("IsCurrentRevision", "bool"),
              property("Name", "string"),
              property("Path", "string"),
              property("Protocols", "IEnumerable<string>"),
              property("Revision", "string"),
              property("ServiceUrl", "IUrl"),
              property("SubscriptionKeyParameterNames", "ISubscriptionKeyParameterNames"),
              property("Version", "string")});
    t.insert(QStringLiteral("IDeployment"),
             {property("Certificates", "IReadOnlyDictionary<string, X509Certificate2>"),
              property("GatewayId", "string"),
              property("Region", "string"),
              property("ServiceId", "string"),
              property("ServiceName", "string")});
    t.insert(QStringLiteral("ILastError"),
             {property("Message", "string"),
              property("Path", "string"),
              property("PolicyId", "string"),
              property("Reason", "string"),
              property("Scope", "string"),
              property("Section", "string"),
              property("Source", "string")});
    t.insert(QStringLiteral("IOperation"),
             {property("Id", "string"),
              property("Method", "string"),
              property("Name", "string"),
              property("UrlTemplate", "string")});
    t.insert(QStringLiteral("IProduct"),
             {property("Apis", "IEnumerable<IApi>"),
              property("ApprovalRequired", "bool"),
              property("Groups", "IEnumerable<IGroup>"),
              property("Id", "string"),
              property("Name", "string"),
              property("State", "ProductState"),
              property("SubscriptionLimit", "int?"),
              property("SubscriptionRequired", "bool")});
    t.insert(QStringLiteral("IRequest"),
             {property("Body", "IMessageBody"),
              property("Certificate", "X509Certificate2"),
              property("Headers", "IHeaders"),
              property("IpAddress", "string"),
              property("MatchedParameters", "IParameters"),
              property("Method", "string"),
              property("OriginalUrl", "IUrl"),
              property("Url", "IUrl")});
    t.insert(QStringLiteral("IResponse"),
             {property("Body", "IMessageBody"),
              property("Headers", "IHeaders"),
              property("StatusCode", "int"),
              property("StatusReason", "string")});
    t.insert(QStringLiteral("ISubscription"),
             {property("CreatedDate", "DateTime"),
              property("EndDate", "DateTime?"),
              property("Id", "string"),
              property("Key", "string"),
              property("Name", "string"),
              property("PrimaryKey", "string"),
              property("SecondaryKey", "string"),
              property("StartDate", "DateTime?")});
    t.insert(QStringLiteral("IUser"),
             {property("Email", "string"),
              property("FirstName", "string"),
              property("Groups", "IEnumerable<IGroup>"),
              property("Id", "string"),
              property("Identities", "IEnumerable<IUserIdentity>"),
              property("LastName", "string"),
              property("Note", "string"),
              property("RegistrationDate", "DateTime")});
    t.insert(QStringLiteral("IUrl"),
             {property("Host", "string"),
              property("Path", "string"),
              property("Port", "int"),
              property("Query", "IQuery"),
              property("QueryString", "string"),
              property("Scheme", "string")});
    t.insert(
            QStringLiteral("IMessageBody"),
            {method("As", "T", "As<T>(preserveContent: true)", "As<string>(preserveContent: true)"),
             method("AsFormUrlEncodedContent",
                    "IReadOnlyDictionary<string, IList<string>>",
                    "AsFormUrlEncodedContent(preserveContent: true)")});
    // Header and query values are string[]; GetValueOrDefault joins them with commas.
    t.insert(QStringLiteral("IHeaders"), dictionary("string"));
    t.insert(QStringLiteral("IQuery"), dictionary("string"));
    t.insert(QStringLiteral("IParameters"), dictionary("string"));
    t.insert(QStringLiteral("IVariables"), dictionary("object"));
    return t;
}

const QHash<QString, QList<Member>> &table()
{
    static const QHash<QString, QList<Member>> t = buildTable();
    return t;
}

} // namespace

QList<ContextMemberTable::Member> ContextMemberTable::members(QStringView type)
{
    return table().value(type.toString());
}

QString ContextMemberTable::typeOf(const QStringList &chain)
{
    QString type = contextType();
    for (const QString &name : chain) {
        const QList<Member> candidates = members(type);
        const auto it = std::find_if(candidates.cbegin(), candidates.cend(), [&](const Member &m) {
            return m.name == name && !m.isMethod;
        });
        if (it == candidates.cend())
            return {};
        type = it->type;
    }
    return type;
}

QStringList ContextMemberTable::types()
{
    QStringList names = table().keys();
    names.sort();
    return names;
}
