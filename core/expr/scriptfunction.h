// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

struct ExpressionNode;
class ExpressionInterpreter;

// A lambda as a value (the argument of Where, Select, Any ...). Lambdas use the slots of the
// evaluation that created them, so they can only be invoked by that interpreter.
class ScriptFunction final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Function;

    ScriptFunction(const ExpressionNode *lambda, const ExpressionInterpreter *owner)
        : ScriptObject(Kind::Function)
        , lambda(lambda)
        , owner(owner)
    {}

    QString typeName() const override { return QStringLiteral("System.Func"); }

    const ExpressionNode *lambda;
    const ExpressionInterpreter *owner;
};
