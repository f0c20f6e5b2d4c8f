// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "completionitem.h"

#include <QList>
#include <QStringList>

class PolicySchema;
struct PolicyElementSpec;

// What the editor can complete at a cursor position, from the policy schema, the `context` model
// and the workspace's named values: element names valid where the cursor is (after '<'), the
// attributes an element does not have yet, enum values inside an attribute's quotes, `context`
// members inside @(...)/@{...} (a typed chain: context.Request.Url.), named values after "{{".
// Pure: the text and the offset in, a result value out, so every position is unit-testable.
class CompletionEngine
{
public:
    enum class Context {
        None,
        ElementName,
        ClosingTag,
        AttributeName,
        AttributeValue,
        ContextMember,
        NamedValue,
    };

    struct Result
    {
        Context context = Context::None;
        // What accepting an item replaces: the word typed before the cursor and the rest of it
        // after the cursor.
        qsizetype replaceBegin = -1;
        qsizetype replaceEnd = -1;
        // The text from replaceBegin to the cursor; items are filtered by it.
        QString prefix;
        // ElementName: the open elements around the cursor, outermost first. AttributeName and
        // AttributeValue: those and the element whose tag the cursor is in.
        QStringList elementPath;
        // AttributeValue: the attribute's name.
        QString attribute;
        QList<CompletionItem> items;
    };

    // A workspace named value as completion shows it: a secret's value is never shown.
    struct NamedValue
    {
        QString name;
        QString value;
        bool secret = false;
    };

    explicit CompletionEngine(const PolicySchema &schema);

    // Offered after "{{", each with its value as detail, or marked secret without it.
    void setNamedValues(const QList<NamedValue> &namedValues);
    Result complete(QStringView text, qsizetype offset) const;

private:
    QList<CompletionItem> elementItems(const QStringList &open,
                                       const QStringList &siblings,
                                       QStringView textAfter) const;
    QList<CompletionItem> attributeItems(const QStringList &path,
                                         const QStringList &present,
                                         QStringView textAfter) const;
    QList<CompletionItem> valueItems(const QStringList &path, const QString &attribute) const;
    QList<CompletionItem> memberItems(const QStringList &chain) const;
    QList<CompletionItem> namedValueItems(QStringView textAfter) const;
    const PolicyElementSpec *specAt(const QStringList &path) const;

    const PolicySchema &m_schema;
    QList<NamedValue> m_namedValues;
};
