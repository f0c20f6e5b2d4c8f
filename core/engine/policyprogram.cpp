// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyprogram.h"

const ProgramValue *ProgramNode::attribute(QStringView attributeName) const
{
    // QHash on Qt 6.4 looks up only by QString: a raw-data one over the view saves an allocation
    // on every attribute read of every policy of every request.
    const auto it = attributes.constFind(
            QString::fromRawData(attributeName.data(), attributeName.size()));
    return it == attributes.constEnd() ? nullptr : &it.value();
}

const ProgramNode *ProgramNode::child(QStringView childName) const
{
    for (const ProgramNode &node : children) {
        if (node.name == childName)
            return &node;
    }
    return nullptr;
}

QList<const ProgramNode *> ProgramNode::childrenNamed(QStringView childName) const
{
    QList<const ProgramNode *> result;
    for (const ProgramNode &node : children) {
        if (node.name == childName)
            result.append(&node);
    }
    return result;
}

QString PolicyProgram::sectionName(int section)
{
    static const std::array<QString, SectionCount> names = {QStringLiteral("inbound"),
                                                            QStringLiteral("backend"),
                                                            QStringLiteral("outbound"),
                                                            QStringLiteral("on-error")};
    return section >= 0 && section < SectionCount ? names[section] : QString();
}
