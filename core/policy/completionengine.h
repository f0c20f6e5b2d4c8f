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

    explicit CompletionEngine(const PolicySchema &schema);

    // Names offered after "{{" (the workspace's named values; secrets by name only).
    void setNamedValues(const QStringList &names);
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
    QStringList m_namedValues;
};
