// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyattribute.h"
#include "policyscope.h"
#include "sourcerange.h"

#include <QList>
#include <QString>

// A node of a policy document: an element (a policy, a section, or a policy's child element such as
// <when> or <value>), or the text, comments, CDATA and processing instructions between them, in
// document order. A value type: copy it, edit it, compare it.
struct PolicyNode
{
    enum class Kind { Element, Text, Comment, CData, ProcessingInstruction };

    Kind kind = Kind::Element;
    // Element: tag name. ProcessingInstruction: target (e.g. "xml").
    QString name;
    QList<PolicyAttribute> attributes;
    QList<PolicyNode> children;
    // Text: as APIM reads it (entities decoded; an expression's C# text as written). Comment,
    // CData, ProcessingInstruction: the content between the delimiters.
    QString text;
    // Text: exactly as written in the source.
    QString rawText;
    // Element: whitespace after the last attribute before '>' or '/>'.
    QString startTagTail;
    bool selfClosing = false;
    // Element: whitespace inside the end tag before '>' ("</inbound >").
    QString endTagTail;
    SourceRange range;         // the whole node
    SourceRange startTagRange; // Element: '<' .. '>' of the start tag
    SourceRange endTagRange;   // Element: the end tag (invalid when self-closing)
    PolicyOrigin origin;       // set by scope merging; None in a parsed document

    bool isElement() const { return kind == Kind::Element; }
    bool isElement(QStringView tagName) const { return isElement() && name == tagName; }
    // Whitespace-only text, which the diagram and engine ignore but the writer keeps.
    bool isWhitespace() const;

    const PolicyAttribute *findAttribute(QStringView attributeName) const;
    PolicyAttribute *findAttribute(QStringView attributeName);
    bool hasAttribute(QStringView attributeName) const { return findAttribute(attributeName); }
    QString attribute(QStringView attributeName, const QString &fallback = {}) const;
    // Replaces the value of an existing attribute or appends a new one.
    void setAttribute(const QString &attributeName, const QString &value);
    bool removeAttribute(QStringView attributeName);

    // The element children, skipping text and comments.
    QList<const PolicyNode *> elements() const;
    QList<PolicyNode *> elements();
    const PolicyNode *firstElement(QStringView tagName) const;
    // Concatenated Text and CData children, e.g. the expression of <set-body>@{...}</set-body>.
    QString textContent() const;
    // Replaces all children with one text node holding value (raw form derived as for attributes).
    void setTextContent(const QString &value);

    static PolicyNode element(const QString &tagName);
    static PolicyNode textNode(const QString &value);

    // Not defaulted: QList<PolicyNode>'s operator== cannot see a defaulted one while PolicyNode
    // is still being defined, so the defaulted operator would be deleted. Compares every member.
    friend bool operator==(const PolicyNode &, const PolicyNode &);
};

// Made of Qt containers and plain values, so QList may move it with memmove when it grows.
Q_DECLARE_TYPEINFO(PolicyNode, Q_RELOCATABLE_TYPE);
