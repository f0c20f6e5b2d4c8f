// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyprogram.h"

#include "policy/diagnostic.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

struct PolicyDocument;
struct PolicyNode;
class PolicySchema;

struct PolicyCompileResult
{
    std::shared_ptr<const PolicyProgram> program; // null when diagnostics hold errors
    QList<Diagnostic> diagnostics;

    bool ok() const { return program != nullptr; }
};

// Turns an effective policy (EffectivePolicyBuilder's output) into a PolicyProgram: named values
// substituted, every expression compiled once, attribute defaults taken from the schema, comments
// and whitespace dropped. Pure: the same input gives the same program.
class PolicyCompiler
{
public:
    // namedValues: display name -> value.
    PolicyCompiler(const PolicySchema &schema, QHash<QString, QString> namedValues);

    PolicyCompileResult compile(const PolicyDocument &effective, const QString &fileName) const;

private:
    ProgramNode compileNode(const PolicyNode &element,
                            const QStringList &schemaPath,
                            const QString &path,
                            const QString &fileName,
                            QList<Diagnostic> &diagnostics) const;
    ProgramValue compileValue(const QString &text,
                              const SourcePosition &start,
                              const QString &fileName,
                              QList<Diagnostic> &diagnostics) const;

    const PolicySchema &m_schema;
    QHash<QString, QString> m_namedValues;
};
