// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyscope.h"
#include "workspace/workspace.h"

#include <QList>
#include <QString>

// Where a policy document is attached in a workspace (and in APIM): the scope and the ids that
// name it. Exporters, the importer, the lint and the diff all address policies this way.
struct PolicyLocation
{
    PolicyScope scope = PolicyScope::Global;
    // Product, API or fragment id; for an operation the API id.
    QString id;
    QString operationId;

    static PolicyLocation global() { return {PolicyScope::Global, {}, {}}; }
    static PolicyLocation product(const QString &productId);
    static PolicyLocation api(const QString &apiId);
    static PolicyLocation operation(const QString &apiId, const QString &operationId);
    static PolicyLocation fragment(const QString &fragmentId);

    // Every location of the workspace that holds a policy (empty documents included), in
    // workspace order: global, products, APIs each followed by their operations, fragments.
    static QList<PolicyLocation> all(const Workspace &workspace);

    // The policy file's path in the APIOps extractor layout, e.g. "apis/hello/policy.xml".
    QString apiOpsPath() const;
    // For messages: "global", "product starter", "operation hello/get-hello".
    QString displayName() const;

    const Workspace::PolicySource *find(const Workspace &workspace) const;
    Workspace::PolicySource *find(Workspace &workspace) const;

    friend bool operator==(const PolicyLocation &, const PolicyLocation &) = default;
};
