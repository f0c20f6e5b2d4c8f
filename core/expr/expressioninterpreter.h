// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compiledexpression.h"
#include "expressionast.h"
#include "value.h"

#include <QList>
#include <QString>

#include <vector>

class ExpressionContext;

// A .NET exception in flight inside the interpreter. Thrown as a C++ exception internally (so
// script try/catch maps onto it) and always caught by run(): callers only see EvaluationResult.
struct ScriptException
{
    QString type; // "System.NullReferenceException"
    QString message;
    const ExpressionNode *node = nullptr;
};

// Tree-walking evaluator of one CompiledExpression against one ExpressionContext. One instance
// per evaluation: it owns the frame (local slots), the step budget and the recursion depth.
class ExpressionInterpreter
{
public:
    ExpressionInterpreter(const CompiledExpression &expression, ExpressionContext &context);

    EvaluationResult run();

    ExpressionContext &context() { return m_context; }
    const ExpressionNode *currentNode() const { return m_current; }
    [[noreturn]] void raise(const QString &type, const QString &message) const;
    [[noreturn]] void raiseNullReference() const;
    // Invokes a lambda value with arguments (LINQ callbacks).
    Value invoke(const Value &function, const QList<Value> &arguments);
    // Raises when a string or collection would exceed the context's limits.
    void checkSize(qsizetype size, bool isString) const;
    void step();

private:
    enum class Flow { Normal, Return, Break, Continue };

    Value eval(const ExpressionNode *n);
    Flow exec(const ExpressionNode *n);
    Flow execTry(const ExpressionNode *n);
    Value member(const ExpressionNode *n);
    Value contextMember(int id);
    // The object behind context.<id> (Request, Response, Variables...) without taking a
    // reference: member reads and null tests on it need no reference-counted copy. Null for
    // members that are not objects, and for an object that is null (Response before forward).
    ScriptObject *contextObject(int id, bool *isObjectMember) const;
    Value memberOf(const ExpressionNode *n, ScriptObject *object, const Value *receiver);
    // Literals and locals by reference, anything else evaluated into scratch.
    const Value &evalRef(const ExpressionNode *n, Value &scratch);
    bool equality(const ExpressionNode *n);
    // A condition as a bool: &&, ||, ! and == / != are decided without materialising a Value for
    // each operand's truth.
    bool test(const ExpressionNode *n);
    Value index(const ExpressionNode *n);
    Value call(const ExpressionNode *n);
    Value callLocal(const ExpressionNode *n);
    Value binary(const QString &op, const Value &a, const Value &b);
    Value unary(const ExpressionNode *n);
    Value assign(const ExpressionNode *n);
    Value increment(const ExpressionNode *n);
    Value construct(const ExpressionNode *n);
    Value newArray(const ExpressionNode *n);
    Value interpolate(const ExpressionNode *n);
    void store(const ExpressionNode *target, const Value &value);
    bool truth(const Value &v, const ExpressionNode *at);
    QList<Value> evalArguments(const ExpressionNode *n);

    const CompiledExpression &m_expression;
    ExpressionContext &m_context;
    std::vector<Value> m_slots;
    Value m_returnValue;
    const ExpressionNode *m_current = nullptr;
    qint64 m_steps = 0;
    int m_depth = 0;
};
