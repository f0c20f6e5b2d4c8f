// SPDX-License-Identifier: GPL-3.0-or-later
#include "policylocation.h"

#include <algorithm>

PolicyLocation PolicyLocation::product(const QString &productId)
{
    return {PolicyScope::Product, productId, {}};
}

PolicyLocation PolicyLocation::api(const QString &apiId)
{
    return {PolicyScope::Api, apiId, {}};
}

PolicyLocation PolicyLocation::operation(const QString &apiId, const QString &operationId)
{
    return {PolicyScope::Operation, apiId, operationId};
}

PolicyLocation PolicyLocation::fragment(const QString &fragmentId)
{
    return {PolicyScope::Fragment, fragmentId, {}};
}

QList<PolicyLocation> PolicyLocation::all(const Workspace &workspace)
{
    QList<PolicyLocation> result{global()};
    for (const Workspace::Product &p : workspace.products)
        result.append(product(p.id));
    for (const Workspace::Api &a : workspace.apis) {
        result.append(api(a.id));
        for (const Workspace::Operation &op : a.operations)
            result.append(operation(a.id, op.id));
    }
    for (const Workspace::Fragment &f : workspace.fragments)
        result.append(fragment(f.id));
    return result;
}

QString PolicyLocation::apiOpsPath() const
{
    switch (scope) {
    case PolicyScope::Product:
        return QStringLiteral("products/%1/policy.xml").arg(id);
    case PolicyScope::Api:
        return QStringLiteral("apis/%1/policy.xml").arg(id);
    case PolicyScope::Operation:
        return QStringLiteral("apis/%1/operations/%2/policy.xml").arg(id, operationId);
    case PolicyScope::Fragment:
        return QStringLiteral("policy fragments/%1/policy.xml").arg(id);
    case PolicyScope::Global:
    case PolicyScope::None:
        break;
    }
    return QStringLiteral("policy.xml");
}

QString PolicyLocation::displayName() const
{
    switch (scope) {
    case PolicyScope::Product:
    case PolicyScope::Api:
    case PolicyScope::Fragment:
        return policyScopeName(scope) + u' ' + id;
    case PolicyScope::Operation:
        return QStringLiteral("operation %1/%2").arg(id, operationId);
    case PolicyScope::Global:
    case PolicyScope::None:
        break;
    }
    return QStringLiteral("global");
}

const Workspace::PolicySource *PolicyLocation::find(const Workspace &workspace) const
{
    auto byId = [this](const auto &item) {
        return item.id == id;
    };
    switch (scope) {
    case PolicyScope::Global:
        return &workspace.global;
    case PolicyScope::Product: {
        const auto it = std::find_if(workspace.products.cbegin(), workspace.products.cend(), byId);
        return it == workspace.products.cend() ? nullptr : &it->policy;
    }
    case PolicyScope::Api:
    case PolicyScope::Operation: {
        const Workspace::Api *a = workspace.api(id);
        if (!a)
            return nullptr;
        if (scope == PolicyScope::Api)
            return &a->policy;
        const auto it = std::find_if(
                a->operations.cbegin(), a->operations.cend(), [&](const Workspace::Operation &op) {
                    return op.id == operationId;
                });
        return it == a->operations.cend() ? nullptr : &it->policy;
    }
    case PolicyScope::Fragment: {
        const Workspace::Fragment *f = workspace.fragment(id);
        return f ? &f->policy : nullptr;
    }
    case PolicyScope::None:
        break;
    }
    return nullptr;
}

Workspace::PolicySource *PolicyLocation::find(Workspace &workspace) const
{
    // The lists are implicitly shared: detach them before handing out a pointer to write through,
    // or an edit would reach every copy of the workspace.
    workspace.products.detach();
    workspace.fragments.detach();
    for (Workspace::Api &api : workspace.apis)
        api.operations.detach();
    return const_cast<Workspace::PolicySource *>(find(std::as_const(workspace)));
}
