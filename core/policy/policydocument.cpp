// SPDX-License-Identifier: GPL-3.0-or-later
#include "policydocument.h"

namespace {

const PolicyNode *findStartingAt(const QList<PolicyNode> &nodes, qsizetype offset)
{
    for (const PolicyNode &node : nodes) {
        if (!node.isElement() || !node.range.isValid() || offset < node.range.begin.offset
            || offset >= node.range.end.offset)
            continue;
        if (node.range.begin.offset == offset)
            return &node;
        return findStartingAt(node.children, offset);
    }
    return nullptr;
}

bool pathTo(const QList<PolicyNode> &nodes,
            const PolicyNode *target,
            QList<const PolicyNode *> &path)
{
    for (const PolicyNode &node : nodes) {
        if (&node == target)
            return true;
        path.append(&node);
        if (pathTo(node.children, target, path))
            return true;
        path.removeLast();
    }
    return false;
}

} // namespace

const PolicyNode *PolicyDocument::section(QStringView sectionName) const
{
    if (kind != Kind::Policies || !isValid())
        return nullptr;
    return root().firstElement(sectionName);
}

PolicyNode *PolicyDocument::section(QStringView sectionName)
{
    // Non-const access must detach the implicitly shared lists, so it cannot reuse the const path.
    if (kind != Kind::Policies || !isValid())
        return nullptr;
    for (PolicyNode &child : root().children) {
        if (child.isElement(sectionName))
            return &child;
    }
    return nullptr;
}

const QList<QString> &PolicyDocument::sectionNames()
{
    static const QList<QString> names = {QStringLiteral("inbound"),
                                         QStringLiteral("backend"),
                                         QStringLiteral("outbound"),
                                         QStringLiteral("on-error")};
    return names;
}

const PolicyNode *PolicyDocument::elementStartingAt(qsizetype offset) const
{
    return offset >= 0 ? findStartingAt(nodes, offset) : nullptr;
}

QList<const PolicyNode *> PolicyDocument::ancestors(const PolicyNode &node) const
{
    QList<const PolicyNode *> path;
    if (!pathTo(nodes, &node, path))
        path.clear();
    return path;
}
