// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "deploy/routingpolicygenerator.h"

#include <algorithm>

template<typename List, typename Key>
static auto findIn(const List &list, Key key)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), key);
    return it == list.cend() ? nullptr : &*it;
}

const Workspace::NamedValue *Workspace::namedValue(const QString &valueName) const
{
    return findIn(namedValues, [&](const NamedValue &v) { return v.name == valueName; });
}

const Workspace::Api *Workspace::api(const QString &apiId) const
{
    return findIn(apis, [&](const Api &a) { return a.id == apiId; });
}

const Workspace::Fragment *Workspace::fragment(const QString &fragmentId) const
{
    return findIn(fragments, [&](const Fragment &f) { return f.id == fragmentId; });
}

const Workspace::Backend *Workspace::backend(const QString &backendId) const
{
    return findIn(backends, [&](const Backend &b) { return b.id == backendId; });
}

QList<Diagnostic> Workspace::generateRoutedPolicy()
{
    if (!routing)
        return {Diagnostic::error(QStringLiteral("routing.missing"),
                                  QStringLiteral("the workspace has no routing table"),
                                  {})};
    const auto target = std::find_if(
            apis.begin(), apis.end(), [&](const Api &a) { return a.id == routing->apiId; });
    if (target == apis.end()) {
        return {Diagnostic::error(QStringLiteral("routing.invalid"),
                                  QStringLiteral("routing.api: no API \"%1\"").arg(routing->apiId),
                                  {})};
    }
    const RoutingPolicyGenerator::Result generated
            = RoutingPolicyGenerator::generate(routing->table);
    if (generated.xml.isEmpty())
        return generated.diagnostics;
    target->policy.xml = generated.xml;
    return {};
}
