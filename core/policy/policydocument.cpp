// SPDX-License-Identifier: GPL-3.0-or-later
#include "policydocument.h"

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
