// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "policy/policyscope.h"
#include "policy/sourcerange.h"

#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <optional>

class CompiledExpression;

// An attribute value or element text ready to run: a literal (named values already substituted)
// or a compiled policy expression.
struct ProgramValue
{
    QString literal;
    std::shared_ptr<const CompiledExpression> expression;
    // A literal's readings as a Boolean and as an integer, parsed once when it is compiled:
    // handlers read attributes such as retry's count or first-fast-retry on every request.
    std::optional<bool> literalBool;
    std::optional<int> literalInt;

    static ProgramValue fromLiteral(const QString &text);
    // The spellings policies use for Booleans ("true", " False ") and integers (" 10 ").
    static std::optional<bool> parseBool(QStringView text);
    static std::optional<int> parseInt(QStringView text);
    bool isExpression() const { return expression != nullptr; }
};

struct ProgramAttribute
{
    QString name;
    ProgramValue value;
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
    // A list, not a hash: policies have a handful of attributes, and comparing a few names by
    // length first beats hashing the name on every attribute read of every request.
    QList<ProgramAttribute> attributes;
    // Index of the policy's handler in PolicyExecution's dispatch table (-1: not emulated),
    // resolved by the compiler so running a step does not look the name up.
    int handler = -1;
    // Element text (set-body, set-method, value ...); unset when the element has none.
    ProgramValue text;
    bool hasText = false;
    QList<ProgramNode> children;

    const ProgramValue *attribute(QStringView attributeName) const;
    void setAttribute(const QString &attributeName, const ProgramValue &value);
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
