// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/effectivepolicybuilder.h"
#include "workspacescope.h"

#include <QList>
#include <QString>

// What a scope of a workspace inherits, computed from the workspace's current texts the way the
// gateway merges them (EffectivePolicyBuilder, the API's first product standing in for the
// subscription's): the policies a <base/> stands for, the policies a fragment inserts, and the
// effective policy with each line's origin, for views that show where a policy came from.
class ScopeInheritance
{
public:
    // The effective policy written out, and the origin of each of its lines (index 0 is line 1;
    // PolicyScope::None for section tags and blank lines).
    struct Text
    {
        QString text;
        QList<PolicyOrigin> lineOrigins;
        QList<Diagnostic> diagnostics;
    };

    // The workspace must outlive this object.
    explicit ScopeInheritance(const Workspace &workspace);

    // The scopes a policy of scope merges through <base/>, broadest first, ending with scope
    // itself: global, product, API, operation. Just scope for a fragment.
    QList<WorkspaceScope> chain(const WorkspaceScope &scope) const;
    // The elements a <base/> directly inside sectionName of scope's document stands for: the
    // parents' effective section, each element carrying its origin. Empty for the global scope.
    QList<PolicyNode> inherited(const WorkspaceScope &scope, const QString &sectionName) const;
    // The elements <include-fragment fragment-id="id"/> inserts, with the fragment's origin.
    QList<PolicyNode> fragmentContent(const QString &fragmentId) const;
    // The merged policy from the global scope down to scope (parse errors in diagnostics).
    EffectivePolicyBuilder::Result effective(const WorkspaceScope &scope) const;
    Text effectiveText(const WorkspaceScope &scope) const;

private:
    EffectivePolicyBuilder::Result build(const QList<WorkspaceScope> &scopes) const;

    const Workspace &m_workspace;
};
