// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// The APIM `context` object model as types and members (shared/notes/apim-policy-reference.md
// §1.3), for completion inside expressions: the interpreter resolves members by name at run time
// and has no static types, but completing "context.Request." needs to know that Request is an
// IRequest. Only members the expression subset implements are listed.
class ContextMemberTable
{
public:
    struct Member
    {
        QString name;
        // The member's type name, a key of members() for object types ("IUrl"), a .NET name
        // otherwise ("string", "int").
        QString type;
        bool isMethod = false;
        // For methods: the call as typed, "GetValueOrDefault(name, default)".
        QString signature;
        // For methods whose call needs more than "Name()": what completion types.
        QString insertText;
    };

    static QString contextType() { return QStringLiteral("IContext"); }
    // The members of type, sorted by name; empty for an unknown type.
    static QList<Member> members(QStringView type);
    // The type reached from the context by the member names in chain ({"Request", "Url"} ->
    // "IUrl"); empty when the chain leaves the table.
    static QString typeOf(const QStringList &chain);
    // Every type with members, for tests.
    static QStringList types();
};
