// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyattributespec.h"
#include "policyscope.h"
#include "policysection.h"
#include "policyvaluespec.h"

#include <QList>
#include <QString>
#include <QStringList>

// The schema of one element: a policy (<set-header>) or a child element of a policy (<value>,
// <when>, <allowed-origins>). Child element specs nest recursively in children; a child that is
// itself a policy (send-request's <set-header>) is a reference resolved through PolicySchema.
struct PolicyElementSpec
{
    enum class Children {
        Listed,   // only the elements in children (none when the list is empty)
        Policies, // any policy allowed in the enclosing section (when, retry, limit-concurrency)
        Any,      // opaque content not interpreted by APIM's schema (set-body, cross-domain)
    };
    enum class Text { None, Optional, Required };

    QString name;
    QString description;
    // A policy can stand directly in a section; otherwise this is a child element of a policy.
    bool isPolicy = false;
    // As a child: stands for the policy of the same name (only the occurrence fields below apply).
    bool policyReference = false;

    // Policies: where they may be used. allPolicySections() unless restricted.
    PolicySections sections = allPolicySections();
    // Policies: the scopes where they may be used; empty means every scope.
    QList<PolicyScope> scopes;
    bool oncePerSection = false;
    bool oncePerDocument = false;

    QList<PolicyAttributeSpec> attributes;
    // Groups of attributes of which at least one must be present (e.g. base-url or backend-id).
    QList<QStringList> requireOneOf;
    // Groups of attributes of which at most one may be present.
    QList<QStringList> mutuallyExclusive;

    Children childMode = Children::Listed;
    QList<PolicyElementSpec> children;
    Text text = Text::None;
    PolicyValueSpec textValue;

    // As a child: how often it may occur in its parent (maxOccurs < 0: unbounded), whether it must
    // be the parent's last element (<otherwise>), and the "attribute=value" of the parent that
    // makes a required child optional (send-request mode="copy" needs no <set-url>).
    int minOccurs = 0;
    int maxOccurs = -1;
    bool mustBeLast = false;
    QString optionalWhen;

    // Only partly documented: unknown attributes and child elements are accepted, not reported.
    bool open = false;

    const PolicyAttributeSpec *attribute(QStringView attributeName) const;
    // The child spec named childName in a Children::Listed element (possibly a policy reference).
    const PolicyElementSpec *child(QStringView childName) const;
    QStringList childNames() const;
};
