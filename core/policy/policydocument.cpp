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
    return const_cast<PolicyNode *>(std::as_const(*this).section(sectionName));
}

const QList<QString> &PolicyDocument::sectionNames()
{
    static const QList<QString> names = {QStringLiteral("inbound"),
                                         QStringLiteral("backend"),
                                         QStringLiteral("outbound"),
                                         QStringLiteral("on-error")};
    return names;
}
