// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacescope.h"

#include <QHash>

namespace {

QString nameOf(const Workspace::PolicySource &source, const QString &fallback)
{
    return source.file.isEmpty() ? fallback : source.file;
}

template<typename List, typename Id>
auto findById(List &list, const Id &id) -> decltype(&list.first())
{
    for (auto &entry : list) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

// One implementation for the const and the mutable source().
template<typename W>
auto sourceIn(W &workspace, const WorkspaceScope &scope) -> decltype(&workspace.global)
{
    switch (scope.kind) {
    case PolicyScope::Global:
        return &workspace.global;
    case PolicyScope::Product: {
        auto *product = findById(workspace.products, scope.id);
        return product ? &product->policy : nullptr;
    }
    case PolicyScope::Api: {
        auto *api = findById(workspace.apis, scope.id);
        return api ? &api->policy : nullptr;
    }
    case PolicyScope::Operation: {
        auto *api = findById(workspace.apis, scope.id);
        auto *operation = api ? findById(api->operations, scope.operationId) : nullptr;
        return operation ? &operation->policy : nullptr;
    }
    case PolicyScope::Fragment: {
        auto *fragment = findById(workspace.fragments, scope.id);
        return fragment ? &fragment->policy : nullptr;
    }
    case PolicyScope::None:
        break;
    }
    return nullptr;
}

} // namespace

WorkspaceScope WorkspaceScope::product(const QString &productId)
{
    return {PolicyScope::Product, productId, {}};
}

WorkspaceScope WorkspaceScope::api(const QString &apiId)
{
    return {PolicyScope::Api, apiId, {}};
}

WorkspaceScope WorkspaceScope::operation(const QString &apiId, const QString &operationId)
{
    return {PolicyScope::Operation, apiId, operationId};
}

WorkspaceScope WorkspaceScope::fragment(const QString &fragmentId)
{
    return {PolicyScope::Fragment, fragmentId, {}};
}

const Workspace::PolicySource *WorkspaceScope::source(const Workspace &workspace) const
{
    return sourceIn(workspace, *this);
}

Workspace::PolicySource *WorkspaceScope::source(Workspace &workspace) const
{
    return sourceIn(workspace, *this);
}

QString WorkspaceScope::documentName(const Workspace &workspace) const
{
    const Workspace::PolicySource *policy = source(workspace);
    if (!policy)
        return {};
    switch (kind) {
    case PolicyScope::Global:
        return nameOf(*policy, QStringLiteral("global"));
    case PolicyScope::Operation:
        return nameOf(*policy, id + u'/' + operationId);
    default:
        return nameOf(*policy, id);
    }
}

QString WorkspaceScope::title(const Workspace &workspace) const
{
    auto named = [](const QString &name, const QString &fallback) {
        return name.isEmpty() ? fallback : name;
    };
    switch (kind) {
    case PolicyScope::Global:
        return QStringLiteral("Global (all APIs)");
    case PolicyScope::Product:
        if (const auto *product = findById(workspace.products, id))
            return QStringLiteral("Product %1").arg(named(product->name, id));
        break;
    case PolicyScope::Api:
        if (const Workspace::Api *api = workspace.api(id))
            return QStringLiteral("API %1").arg(named(api->name, id));
        break;
    case PolicyScope::Operation:
        if (const Workspace::Api *api = workspace.api(id)) {
            if (const auto *operation = findById(api->operations, operationId))
                return QStringLiteral("Operation %1").arg(named(operation->name, operationId));
        }
        break;
    case PolicyScope::Fragment:
        return QStringLiteral("Fragment %1").arg(id);
    case PolicyScope::None:
        break;
    }
    return {};
}

QList<WorkspaceScope> WorkspaceScope::all(const Workspace &workspace)
{
    QList<WorkspaceScope> scopes{global()};
    for (const Workspace::Product &p : workspace.products)
        scopes.append(product(p.id));
    for (const Workspace::Api &a : workspace.apis) {
        scopes.append(api(a.id));
        for (const Workspace::Operation &o : a.operations)
            scopes.append(operation(a.id, o.id));
    }
    for (const Workspace::Fragment &f : workspace.fragments)
        scopes.append(fragment(f.id));
    return scopes;
}

WorkspaceScope WorkspaceScope::fromOrigin(const Workspace &workspace,
                                          PolicyScope kind,
                                          const QString &documentName)
{
    for (const WorkspaceScope &scope : all(workspace)) {
        if (scope.kind == kind && scope.documentName(workspace) == documentName)
            return scope;
    }
    return {};
}

size_t qHash(const WorkspaceScope &scope, size_t seed)
{
    return qHashMulti(seed, int(scope.kind), scope.id, scope.operationId);
}
