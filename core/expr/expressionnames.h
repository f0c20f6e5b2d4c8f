// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The names the expression subset knows: .NET types (short names), namespaces, properties and
// methods. The compiler rejects anything else at its position, so an unsupported member is a
// diagnostic, never a run-time surprise. Member ids are indexes into one table; the context model's
// members come first so the interpreter can switch on them (the hot path of conditions).
class ExpressionNames
{
public:
    enum Member {
        Api,
        Deployment,
        Elapsed,
        LastError,
        Operation,
        Product,
        Request,
        RequestId,
        Response,
        Subscription,
        Timestamp,
        Tracing,
        User,
        Variables,
        Body,
        Headers,
        Method,
        Url,
        OriginalUrl,
        IpAddress,
        MatchedParameters,
        Certificate,
        StatusCode,
        StatusReason,
        Scheme,
        Host,
        Port,
        Path,
        Query,
        QueryString,
        Region,
        ServiceName,
        ServiceId,
        GatewayId,
        Source,
        Reason,
        Message,
        Scope,
        Section,
        PolicyId,
        FirstContextlessMember, // members below are dispatched by name
    };

    // -1 when the name is neither a known property nor a known method.
    static int memberId(const QString &name);
    static const QString &memberName(int id);
    static bool isProperty(const QString &name);
    static bool isMethod(const QString &name);
    // Short type name for a C# keyword or a (possibly namespace-qualified) known type; empty if
    // unknown. "string" -> "String", "System.Text.Encoding" -> "Encoding".
    static QString typeName(const QString &name);
    static bool isNamespace(const QString &dottedName);
};
