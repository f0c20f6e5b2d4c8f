// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "policydocument.h"
#include "policyschema.h"
#include "policyscope.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>

// Computes the effective policy of an operation the way APIM does: start at the narrowest scope,
// replace each <base/> that is a direct child of a section by the parent scope's effective same
// section (recursively up to global), and insert policy fragments at their <include-fragment/>.
// A section without <base/> drops the parent's section. A missing scope document, and a missing
// section in a present document, behave as <section><base/></section> (the portal's default
// document), so inherited policies such as the global forward-request keep running.
// Every node of the result carries its origin (scope, document name, fragment id) and keeps its
// original source range; whitespace is laid out again so the merged document reads well.
class EffectivePolicyBuilder
{
public:
    struct Result
    {
        PolicyDocument document;
        // Unknown fragment ids, fragments including fragments, documents of the wrong kind.
        QList<Diagnostic> diagnostics;
    };

    explicit EffectivePolicyBuilder(const PolicySchema &schema = PolicySchema::builtin());

    // scope: Global, Product, Api or Operation. documentName names it in origins and diagnostics.
    void setScopeDocument(PolicyScope scope,
                          const PolicyDocument &document,
                          const QString &documentName);
    void addFragment(const QString &fragmentId,
                     const PolicyDocument &fragment,
                     const QString &documentName);
    // Inserts a comment such as <!-- api: orders.xml --> where the origin of the content changes.
    void setAnnotateOrigins(bool annotate) { m_annotateOrigins = annotate; }

    Result build() const;

private:
    struct Source
    {
        PolicyDocument document;
        QString name;
        bool present = false;
    };

    QList<PolicyNode> effectiveSection(int level,
                                       const QString &sectionName,
                                       QList<Diagnostic> &diagnostics) const;
    void expandFragments(QList<PolicyNode> &nodes,
                         const QString &documentName,
                         bool insideFragment,
                         QList<Diagnostic> &diagnostics) const;
    void layOut(PolicyNode &element, int depth) const;
    bool isOpaque(const PolicyNode &element) const;

    const PolicySchema &m_schema;
    // Broadest first: global, product, api, operation.
    std::array<Source, 4> m_scopes;
    QHash<QString, Source> m_fragments;
    bool m_annotateOrigins = false;
};
