// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyplacement.h"

#include "policyelementspec.h"
#include "policyschema.h"

#include <algorithm>

PolicyPlacement::PolicyPlacement(const PolicyDocument &document, const PolicySchema &schema)
    : m_document(document)
    , m_schema(schema)
{}

QString PolicyPlacement::check(const PolicyNode &container,
                               const QString &policyName,
                               const PolicyNode *moved) const
{
    if (!holdsPolicies(container))
        return QStringLiteral("'%1' does not hold policies").arg(container.name);
    if (policyName == u"base")
        return checkBase(container, moved);
    const PolicyElementSpec *spec = m_schema.policy(policyName);
    if (!spec || !spec->isPolicy)
        return QStringLiteral("'%1' is not a policy").arg(policyName);
    if (moved && (moved == &container || m_document.ancestors(container).contains(moved)))
        return QStringLiteral("'%1' cannot be moved into itself").arg(policyName);
    const PolicySection section = sectionOf(container);
    if (section != PolicySection::None && !spec->sections.testFlag(section))
        return QStringLiteral("'%1' is not allowed in %2 (only in %3)")
                .arg(policyName, policySectionName(section), policySectionNames(spec->sections));

    const QList<const PolicyNode *> ancestors = m_document.ancestors(container);
    const PolicyNode *sectionNode = &container;
    for (const PolicyNode *ancestor : ancestors) {
        if (policySectionFromName(ancestor->name) != PolicySection::None) {
            sectionNode = ancestor;
            break;
        }
    }
    if (spec->oncePerSection && countNamed(*sectionNode, policyName, moved) > 0)
        return QStringLiteral("'%1' may appear only once per section").arg(policyName);
    if (spec->oncePerDocument && m_document.isValid()
        && countNamed(m_document.root(), policyName, moved) > 0)
        return QStringLiteral("'%1' may appear only once per document").arg(policyName);
    return {};
}

QString PolicyPlacement::checkAt(const PolicyNode &container,
                                 const QString &elementName,
                                 qsizetype position,
                                 const PolicyNode *moved) const
{
    if (isBranchName(elementName))
        return checkBranch(container, elementName, position, moved);
    return check(container, elementName, moved);
}

QString PolicyPlacement::checkBase(const PolicyNode &container, const PolicyNode *moved) const
{
    // <base /> is no policy of the schema: it stands once, directly in a section.
    const bool inSection = m_document.kind == PolicyDocument::Kind::Policies
                           && m_document.ancestors(container).size() == 1
                           && PolicySchema::isSectionName(container.name);
    if (!inSection)
        return QStringLiteral("'base' stands directly in a section");
    if (countNamed(container, QStringLiteral("base"), moved) > 0)
        return QStringLiteral("'base' may appear only once per section");
    return {};
}

QString PolicyPlacement::checkInNewSection(const QString &sectionName,
                                           const QString &policyName,
                                           const PolicyNode *moved) const
{
    const PolicySection section = policySectionFromName(sectionName);
    if (m_document.kind != PolicyDocument::Kind::Policies || !m_document.isValid()
        || section == PolicySection::None)
        return QStringLiteral("'%1' is not a section of this document").arg(sectionName);
    if (m_document.section(sectionName))
        return QStringLiteral("The document already has '%1'").arg(sectionName);
    if (policyName == u"base")
        return {};
    const PolicyElementSpec *spec = m_schema.policy(policyName);
    if (!spec || !spec->isPolicy)
        return QStringLiteral("'%1' is not a policy").arg(policyName);
    if (!spec->sections.testFlag(section))
        return QStringLiteral("'%1' is not allowed in %2 (only in %3)")
                .arg(policyName, policySectionName(section), policySectionNames(spec->sections));
    if (spec->oncePerDocument && countNamed(m_document.root(), policyName, moved) > 0)
        return QStringLiteral("'%1' may appear only once per document").arg(policyName);
    return {};
}

bool PolicyPlacement::newSectionInherits(QStringView firstPolicy) const
{
    if (m_document.kind != PolicyDocument::Kind::Policies || !m_document.isValid()
        || firstPolicy == u"base")
        return false;
    const QList<const PolicyNode *> sections = m_document.root().elements();
    return std::any_of(sections.cbegin(), sections.cend(), [](const PolicyNode *section) {
        return section->firstElement(u"base") != nullptr;
    });
}

bool PolicyPlacement::isBranchName(QStringView elementName)
{
    return elementName == u"when" || elementName == u"otherwise";
}

QString PolicyPlacement::checkBranch(const PolicyNode &choose,
                                     const QString &branchName,
                                     qsizetype position,
                                     const PolicyNode *moved) const
{
    if (!choose.isElement(u"choose"))
        return QStringLiteral("'%1' stands directly in a choose").arg(branchName);
    if (moved && (moved == &choose || m_document.ancestors(choose).contains(moved)))
        return QStringLiteral("'%1' cannot be moved into itself").arg(branchName);
    const QList<const PolicyNode *> branches = choose.elements();
    if (position < 0 || position > branches.size())
        return QStringLiteral("Position %1 is outside 'choose'").arg(position);
    // The branch names as they would be after the drop.
    QStringList names;
    for (qsizetype i = 0; i <= branches.size(); ++i) {
        if (i == position)
            names.append(branchName);
        if (i < branches.size() && branches.at(i) != moved)
            names.append(branches.at(i)->name);
    }
    const qsizetype otherwise = names.count(QStringLiteral("otherwise"));
    if (otherwise > 1)
        return QStringLiteral("A choose has at most one 'otherwise'");
    if (otherwise == 1 && names.constLast() != u"otherwise")
        return QStringLiteral("'otherwise' must be the last branch of a choose");
    return {};
}

bool PolicyPlacement::holdsPolicies(const PolicyNode &container) const
{
    if (!container.isElement())
        return false;
    if (m_document.isValid() && &container == &m_document.root())
        return m_document.kind == PolicyDocument::Kind::Fragment;
    const QList<const PolicyNode *> ancestors = m_document.ancestors(container);
    if (m_document.kind == PolicyDocument::Kind::Policies && ancestors.size() == 1
        && PolicySchema::isSectionName(container.name))
        return true;
    const PolicyElementSpec *spec = specOf(container);
    return spec && spec->childMode == PolicyElementSpec::Children::Policies;
}

PolicySection PolicyPlacement::sectionOf(const PolicyNode &node) const
{
    if (m_document.kind != PolicyDocument::Kind::Policies)
        return PolicySection::None;
    const QList<const PolicyNode *> ancestors = m_document.ancestors(node);
    if (ancestors.size() >= 2)
        return policySectionFromName(ancestors.at(1)->name);
    return ancestors.size() == 1 ? policySectionFromName(node.name) : PolicySection::None;
}

const PolicyElementSpec *PolicyPlacement::specOf(const PolicyNode &element) const
{
    const QStringList path = schemaPath(element);
    return path.isEmpty() ? nullptr : m_schema.elementAt(path);
}

QStringList PolicyPlacement::schemaPath(const PolicyNode &element) const
{
    QList<const PolicyNode *> chain = m_document.ancestors(element);
    chain.append(&element);
    // Policies documents: drop <policies> and the section. Fragments: drop <fragment>.
    // Snippets: the root is a policy itself.
    const qsizetype skip = m_document.kind == PolicyDocument::Kind::Policies   ? 2
                           : m_document.kind == PolicyDocument::Kind::Fragment ? 1
                                                                               : 0;
    QStringList path;
    for (qsizetype i = skip; i < chain.size(); ++i)
        path.append(chain.at(i)->name);
    return path;
}

qsizetype PolicyPlacement::countNamed(const PolicyNode &within,
                                      const QString &name,
                                      const PolicyNode *excluded) const
{
    qsizetype count = 0;
    for (const PolicyNode &child : within.children) {
        if (!child.isElement() || &child == excluded)
            continue;
        if (child.name == name)
            ++count;
        count += countNamed(child, name, excluded);
    }
    return count;
}
