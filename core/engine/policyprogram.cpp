// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyprogram.h"

#include <cstring>

ProgramValue ProgramValue::fromLiteral(const QString &text)
{
    ProgramValue value;
    value.literal = text;
    value.literalBool = parseBool(text);
    value.literalInt = parseInt(text);
    return value;
}

std::optional<bool> ProgramValue::parseBool(QStringView text)
{
    // The exact spellings first: most values are one of them.
    if (text == u"true")
        return true;
    if (text == u"false")
        return false;
    const QStringView trimmed = text.trimmed();
    if (trimmed.compare(u"true", Qt::CaseInsensitive) == 0)
        return true;
    if (trimmed.compare(u"false", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

std::optional<int> ProgramValue::parseInt(QStringView text)
{
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(number) : std::nullopt;
}

const ProgramValue *ProgramNode::attribute(QStringView attributeName) const
{
    // Sizes, then the bytes: QString's == goes through Qt's general comparison, which was most of
    // the cost of the thirty lookups a request makes.
    const qsizetype bytes = attributeName.size() * qsizetype(sizeof(QChar));
    for (const ProgramAttribute &attribute : attributes) {
        if (attribute.name.size() == attributeName.size()
            && std::memcmp(attribute.name.constData(), attributeName.data(), size_t(bytes)) == 0)
            return &attribute.value;
    }
    return nullptr;
}

void ProgramNode::setAttribute(const QString &attributeName, const ProgramValue &value)
{
    for (ProgramAttribute &attribute : attributes) {
        if (attribute.name == attributeName) {
            attribute.value = value;
            return;
        }
    }
    attributes.append({attributeName, value});
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
