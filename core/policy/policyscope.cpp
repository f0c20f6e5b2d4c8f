// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyscope.h"

QString policyScopeName(PolicyScope scope)
{
    switch (scope) {
    case PolicyScope::None:
        return {};
    case PolicyScope::Global:
        return QStringLiteral("global");
    case PolicyScope::Product:
        return QStringLiteral("product");
    case PolicyScope::Api:
        return QStringLiteral("api");
    case PolicyScope::Operation:
        return QStringLiteral("operation");
    case PolicyScope::Fragment:
        return QStringLiteral("fragment");
    }
    return {};
}

PolicyScope policyScopeFromName(const QString &name)
{
    for (PolicyScope scope : {PolicyScope::Global,
                              PolicyScope::Product,
                              PolicyScope::Api,
                              PolicyScope::Operation,
                              PolicyScope::Fragment}) {
        if (name.compare(policyScopeName(scope), Qt::CaseInsensitive) == 0)
            return scope;
    }
    return PolicyScope::None;
}
