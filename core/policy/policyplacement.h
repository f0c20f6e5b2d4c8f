// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policydocument.h"
#include "policysection.h"

#include <QString>
#include <QStringList>

class PolicySchema;
struct PolicyElementSpec;

// Where a policy may stand in a document, by the schema: which containers take policies
// (sections, a fragment, <when>, <retry>, ...), which sections allow the policy, and the
// once-per-section/document rules. The diagram asks it before it offers a drop position.
class PolicyPlacement
{
public:
    explicit PolicyPlacement(const PolicyDocument &document, const PolicySchema &schema);

    // Empty when policyName may become a child of container; otherwise why not. moved: the
    // element being moved there (it does not count against the once-per rules), or null.
    QString check(const PolicyNode &container,
                  const QString &policyName,
                  const PolicyNode *moved = nullptr) const;
    bool allows(const PolicyNode &container,
                const QString &policyName,
                const PolicyNode *moved = nullptr) const
    {
        return check(container, policyName, moved).isEmpty();
    }
    // As check, for a drop at position among container's element children as they are now
    // (0..count, a moved element still counted in its place). Also places the branches of a
    // <choose>: <when> anywhere before <otherwise>, at most one <otherwise>, and that one last.
    QString checkAt(const PolicyNode &container,
                    const QString &elementName,
                    qsizetype position,
                    const PolicyNode *moved = nullptr) const;
    // Empty when policyName may stand in sectionName, a section the document does not have yet.
    QString checkInNewSection(const QString &sectionName,
                              const QString &policyName,
                              const PolicyNode *moved = nullptr) const;
    // Whether a section created now for firstPolicy starts with <base />: when its sibling
    // sections inherit theirs and firstPolicy is not <base /> itself. A scope whose sections do
    // not (a global policy, or one cut off from its parents on purpose) gets none either.
    bool newSectionInherits(QStringView firstPolicy) const;
    static bool isBranchName(QStringView elementName);
    // Whether container holds policies at all (a section, a fragment, when, retry, ...).
    bool holdsPolicies(const PolicyNode &container) const;
    // The section enclosing node (or node itself); None in a fragment or snippet.
    PolicySection sectionOf(const PolicyNode &node) const;
    // The schema spec of an element of the document (null for sections and unknown elements).
    const PolicyElementSpec *specOf(const PolicyNode &element) const;

private:
    // The element names from inside the section down to element.
    QStringList schemaPath(const PolicyNode &element) const;
    QString checkBase(const PolicyNode &container, const PolicyNode *moved) const;
    QString checkBranch(const PolicyNode &choose,
                        const QString &branchName,
                        qsizetype position,
                        const PolicyNode *moved) const;
    qsizetype countNamed(const PolicyNode &within,
                         const QString &name,
                         const PolicyNode *excluded) const;

    const PolicyDocument &m_document;
    const PolicySchema &m_schema;
};
