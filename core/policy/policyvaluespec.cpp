// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyvaluespec.h"

QString PolicyValueSpec::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return QStringLiteral("string");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Number:
        return QStringLiteral("number");
    case Type::Boolean:
        return QStringLiteral("boolean");
    case Type::Enum:
        return QStringLiteral("enumeration");
    case Type::Url:
        return QStringLiteral("URL");
    case Type::HttpMethod:
        return QStringLiteral("HTTP method");
    case Type::Char:
        return QStringLiteral("character");
    case Type::DateTime:
        return QStringLiteral("date-time");
    }
    return {};
}
