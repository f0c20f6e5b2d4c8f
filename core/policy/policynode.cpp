// SPDX-License-Identifier: GPL-3.0-or-later
#include "policynode.h"

#include "policyescaping.h"

#include <algorithm>

bool PolicyNode::isWhitespace() const
{
    return kind == Kind::Text && text.trimmed().isEmpty();
}

const PolicyAttribute *PolicyNode::findAttribute(QStringView attributeName) const
{
    for (const PolicyAttribute &attribute : attributes) {
        if (attribute.name == attributeName)
            return &attribute;
    }
    return nullptr;
}

PolicyAttribute *PolicyNode::findAttribute(QStringView attributeName)
{
    return const_cast<PolicyAttribute *>(std::as_const(*this).findAttribute(attributeName));
}

QString PolicyNode::attribute(QStringView attributeName, const QString &fallback) const
{
    const PolicyAttribute *found = findAttribute(attributeName);
    return found ? found->value : fallback;
}

void PolicyNode::setAttribute(const QString &attributeName, const QString &value)
{
    if (PolicyAttribute *found = findAttribute(attributeName)) {
        found->setValue(value);
        return;
    }
    PolicyAttribute added;
    added.name = attributeName;
    added.setValue(value);
    attributes.append(added);
}

bool PolicyNode::removeAttribute(QStringView attributeName)
{
    return attributes.removeIf([&](const PolicyAttribute &a) { return a.name == attributeName; })
           > 0;
}

QList<const PolicyNode *> PolicyNode::elements() const
{
    QList<const PolicyNode *> result;
    for (const PolicyNode &child : children) {
        if (child.isElement())
            result.append(&child);
    }
    return result;
}

QList<PolicyNode *> PolicyNode::elements()
{
    QList<PolicyNode *> result;
    for (PolicyNode &child : children) {
        if (child.isElement())
            result.append(&child);
    }
    return result;
}

const PolicyNode *PolicyNode::firstElement(QStringView tagName) const
{
    auto it = std::find_if(children.cbegin(), children.cend(), [&](const PolicyNode &child) {
        return child.isElement(tagName);
    });
    return it == children.cend() ? nullptr : &*it;
}

QString PolicyNode::textContent() const
{
    QString result;
    for (const PolicyNode &child : children) {
        if (child.kind == Kind::Text || child.kind == Kind::CData)
            result += child.text;
    }
    return result;
}

void PolicyNode::setTextContent(const QString &value)
{
    children = {textNode(value)};
    selfClosing = false;
}

PolicyNode PolicyNode::element(const QString &tagName)
{
    PolicyNode node;
    node.kind = Kind::Element;
    node.name = tagName;
    return node;
}

PolicyNode PolicyNode::textNode(const QString &value)
{
    PolicyNode node;
    node.kind = Kind::Text;
    node.text = value;
    node.rawText = PolicyEscaping::textSource(value);
    return node;
}

bool operator==(const PolicyNode &a, const PolicyNode &b)
{
    return a.kind == b.kind && a.name == b.name && a.attributes == b.attributes && a.text == b.text
           && a.rawText == b.rawText && a.startTagTail == b.startTagTail
           && a.selfClosing == b.selfClosing && a.endTagTail == b.endTagTail && a.range == b.range
           && a.startTagRange == b.startTagRange && a.endTagRange == b.endTagRange
           && a.origin == b.origin && a.children == b.children;
}
