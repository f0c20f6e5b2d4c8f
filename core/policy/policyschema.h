// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyelementspec.h"

#include <QList>
#include <QStringList>

// What APIM accepts in a policy document, as data: every policy of the APIM reference (sections,
// scopes, attributes with types, defaults and enum values, child elements, text, once-per rules).
// The validator checks documents against it, the editor completes from it, the engine reads
// defaults.
class PolicySchema
{
public:
    // The built-in APIM schema.
    PolicySchema();
    // One shared instance of the built-in schema (a constant table).
    static const PolicySchema &builtin();

    // Every policy, sorted by name.
    QList<const PolicyElementSpec *> policies() const;
    const PolicyElementSpec *policy(QStringView name) const;
    // The policies that may stand in section at scope (PolicyScope::None: any scope), sorted.
    QList<const PolicyElementSpec *> policiesFor(PolicySection section,
                                                 PolicyScope scope = PolicyScope::None) const;
    // spec itself, or for a policy reference the full policy spec (null if unknown).
    const PolicyElementSpec *resolve(const PolicyElementSpec &spec) const;
    // The elements that may appear directly inside parent, resolved, for completion. For a policy
    // container (when, retry) the policies allowed in section; empty for opaque content.
    QList<const PolicyElementSpec *> childrenOf(const PolicyElementSpec &parent,
                                                PolicySection section = PolicySection::None) const;
    // The spec of the element reached by path, the element names from inside a section downwards
    // (e.g. {"send-request", "set-header", "value"}); null when the path leaves the schema.
    const PolicyElementSpec *elementAt(const QStringList &path) const;
    // The default value of attribute on the element at path; empty when it has none.
    QString defaultValue(const QStringList &path, QStringView attribute) const;

    static bool isSectionName(QStringView name);

private:
    QList<PolicyElementSpec> m_policies;
};
