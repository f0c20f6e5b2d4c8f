// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compiledexpression.h"

#include "policy/diagnostic.h"

#include <QList>
#include <QString>

#include <memory>

struct ExpressionCompileResult
{
    std::shared_ptr<const CompiledExpression> expression; // null when diagnostics has errors
    QList<Diagnostic> diagnostics;

    bool ok() const { return expression != nullptr; }
};

// Compiles a policy expression: "@(expression)" or "@{ statements }" exactly as it appears in the
// attribute value or element text (leading/trailing whitespace allowed). start is the document
// position of code's first character, so diagnostics point into the policy file. Named values
// must already be substituted (NamedValueSubstitution).
class ExpressionCompiler
{
public:
    static ExpressionCompileResult compile(const QString &code,
                                           const SourcePosition &start,
                                           const QString &fileName);
};
