// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionast.h"
#include "expressionerror.h"
#include "value.h"

#include "policy/sourcerange.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

class ExpressionContext;

// The result of evaluating an expression: a value, or the .NET-style exception it raised (which
// the engine turns into context.LastError with reason ExpressionValueEvaluationFailure).
struct EvaluationResult
{
    Value value;
    ExpressionError error;

    bool ok() const { return error.isNull(); }
};

// An expression compiled once (names resolved, members checked) and evaluated many times without
// re-parsing. Immutable and shareable between threads; each evaluation uses its own frame.
class CompiledExpression
{
public:
    enum class Mode { Expression, Statements };

    Mode mode() const { return m_mode; }
    const QString &code() const { return m_code; }
    const QString &fileName() const { return m_fileName; }
    // Document range of code[offset, offset + length).
    SourceRange rangeOf(qsizetype offset, qsizetype length) const;

    EvaluationResult evaluate(ExpressionContext &context) const;

private:
    friend class ExpressionCompiler;
    friend class ExpressionInterpreter;

    Mode m_mode = Mode::Expression;
    QString m_code;
    QString m_fileName;
    SourcePosition m_start;
    std::unique_ptr<ExpressionNode> m_root;
    std::vector<std::unique_ptr<ExpressionFunction>> m_functions;
    int m_slotCount = 0;
};
