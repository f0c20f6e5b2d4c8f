// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/expressioncompiler.h"
#include "expr/expressioncontext.h"
#include "expr/expressionlibrary.h"
#include "expr/jsontoken.h"

#include <QString>

// Shared by the expression tests: compile-and-evaluate in one call and a compact description of a
// result ("Int32:42", "String:abc", "null", "JObject:{"a":1}", "error:System.FormatException").
namespace ExpressionTestHelpers {

inline QString describe(const Value &v)
{
    if (v.isNull())
        return QStringLiteral("null");
    QString type = v.typeName();
    if (const auto *token = v.as<JsonToken>()) {
        type = type.section(u'.', -1);
        return type + u':' + (token->isValue() ? token->scalar().toString() : token->toJson(false));
    }
    if (type.startsWith(QLatin1String("System.")) && !type.contains(u'`'))
        type = type.mid(7);
    return type + u':' + v.toString();
}

struct Outcome
{
    QString compileError; // first diagnostic, "LINE:COL: message"
    EvaluationResult result;
};

inline Outcome run(const QString &code, ExpressionContext &context)
{
    Outcome outcome;
    const ExpressionCompileResult compiled = ExpressionCompiler::compile(
            code, SourcePosition{1, 1, 0}, QStringLiteral("test.xml"));
    if (!compiled.ok()) {
        const Diagnostic &d = compiled.diagnostics.first();
        outcome.compileError = QStringLiteral("%1:%2: %3")
                                       .arg(d.range.begin.line)
                                       .arg(d.range.begin.column)
                                       .arg(d.message);
        return outcome;
    }
    outcome.result = compiled.expression->evaluate(context);
    return outcome;
}

// "compile:..." / "error:Type: message" / describe(value).
inline QString evaluate(const QString &code, ExpressionContext &context)
{
    const Outcome o = run(code, context);
    if (!o.compileError.isEmpty())
        return QStringLiteral("compile:") + o.compileError;
    if (!o.result.ok())
        return QStringLiteral("error:") + o.result.error.type + QLatin1String(": ")
               + o.result.error.message;
    return describe(o.result.value);
}

} // namespace ExpressionTestHelpers
