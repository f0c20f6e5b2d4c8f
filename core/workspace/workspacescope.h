// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyscope.h"
#include "workspace.h"

#include <QList>
#include <QString>

// One policy document of a workspace, named by what it belongs to: the global scope, a product,
// an API, an operation of an API, or a fragment. A value type that stays meaningful while the
// workspace's texts change (it holds ids, not indexes).
struct WorkspaceScope
{
    PolicyScope kind = PolicyScope::None;
    // Product, API or fragment id; for an operation its API's id.
    QString id;
    QString operationId;

    static WorkspaceScope global() { return {PolicyScope::Global, {}, {}}; }
    static WorkspaceScope product(const QString &productId);
    static WorkspaceScope api(const QString &apiId);
    static WorkspaceScope operation(const QString &apiId, const QString &operationId);
    static WorkspaceScope fragment(const QString &fragmentId);

    bool isValid() const { return kind != PolicyScope::None; }
    // Null when the workspace has no such scope.
    const Workspace::PolicySource *source(const Workspace &workspace) const;
    Workspace::PolicySource *source(Workspace &workspace) const;
    // The name the gateway gives this document in PolicyOrigin::document and trace events: its
    // file relative to the workspace, or for an inline document its id ("api/operation" for an
    // operation, "global" for the global scope).
    QString documentName(const Workspace &workspace) const;
    // What the user calls it, e.g. "API Hello" or "Operation GET /hello".
    QString title(const Workspace &workspace) const;

    // Every policy document of the workspace: global, products, APIs each followed by their
    // operations, fragments.
    static QList<WorkspaceScope> all(const Workspace &workspace);
    // The scope an effective-policy origin names (scope kind and document name); when several
    // scopes share a document file the first in all() order. Invalid when none matches.
    static WorkspaceScope fromOrigin(const Workspace &workspace,
                                     PolicyScope kind,
                                     const QString &documentName);

    friend bool operator==(const WorkspaceScope &, const WorkspaceScope &) = default;
};

size_t qHash(const WorkspaceScope &scope, size_t seed = 0);
