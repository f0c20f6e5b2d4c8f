// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "policy/policyscope.h"
#include "policy/sourcerange.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <memory>

class CompiledExpression;

// An attribute value or element text ready to run: a literal (named values already substituted)
// or a compiled policy expression.
struct ProgramValue
{
    QString literal;
    std::shared_ptr<const CompiledExpression> expression;

    bool isExpression() const { return expression != nullptr; }
};

// One element of the effective policy, compiled: a policy, or a child element of one (<when>,
// <value>, <set-url>). Attributes absent from the XML carry the schema's defaults.
struct ProgramNode
{
    QString name;
    // Position among the section's policies, e.g. "retry[1]/choose[1]/when[2]" (1-based, counted
    // among siblings of the same name), as context.LastError.Path shows it.
    QString path;
    PolicyOrigin origin;
    SourceRange range;
    QString policyId;
    QHash<QString, ProgramValue> attributes;
    // Element text (set-body, set-method, value ...); unset when the element has none.
    ProgramValue text;
    bool hasText = false;
    QList<ProgramNode> children;

    const ProgramValue *attribute(QStringView attributeName) const;
    bool hasAttribute(QStringView attributeName) const { return attribute(attributeName); }
    const ProgramNode *child(QStringView childName) const;
    QList<const ProgramNode *> childrenNamed(QStringView childName) const;
};

// The effective policy of one operation compiled once: the engine runs it for every request
// and the gateway swaps whole programs (shared_ptr<const PolicyProgram>) when a policy changes.
struct PolicyProgram
{
    enum Section { Inbound, Backend, Outbound, OnError, SectionCount };

    std::array<QList<ProgramNode>, SectionCount> sections;
    QString fileName;

    static QString sectionName(int section);
};
