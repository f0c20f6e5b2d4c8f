// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

// A type as written in an expression: "string", "JObject", "Dictionary<string, string>", "byte[]".
// name is the short .NET name without namespace ("String", "Int32", "JObject", "Dictionary").
struct ExpressionType
{
    QString name;
    QList<ExpressionType> arguments;
    int arrayRank = 0;
    bool nullable = false;

    bool isValid() const { return !name.isEmpty(); }
    bool isArray() const { return arrayRank > 0; }
    ExpressionType elementType() const
    {
        ExpressionType e = *this;
        --e.arrayRank;
        return e;
    }
    // C#-style display: "string[]", "Dictionary<string, int>".
    QString displayName() const;
};

// A node of a compiled expression: expressions and statements in one tree, evaluated by
// ExpressionInterpreter. Names are resolved at compile time: locals to slots, members to ids.
struct ExpressionNode
{
    enum class Kind {
        // expressions
        Literal,
        Local,
        Context,
        TypeRef,
        Member,
        Index,
        Call,      // name = method, children[0] = receiver (or null for static/local fn)
        LocalCall, // id = local function index
        New,       // type, children = ctor args, initializer in init
        NewArray,  // type = element type, children[0] = size or init list
        Anonymous, // names = property names, children = values
        Lambda,    // params in slots, children[0] = body
        Unary,     // name = operator
        Binary,    // name = operator
        AndAlso,
        OrElse,
        Coalesce,
        Conditional,
        Assign,    // children[0] = target, children[1] = value, name = op ("=", "+=", ...)
        Increment, // name = "++"/"--", flag = prefix
        Cast,
        Is,
        As,
        Interpolated, // strings = segments, children = holes, formats
        Default,
        // statements
        Block,
        Declare, // id = slot, children[0] = initializer (optional)
        ExprStmt,
        If,
        While,
        DoWhile,
        For,     // children: init(Block), cond (or null), iter(Block), body
        Foreach, // id = slot, children[0] = collection, children[1] = body
        Return,
        Break,
        Continue,
        Throw,
        Try, // children[0] = body, then catch pairs, names = catch types, ids = slots
        LocalFunction,
        Empty,
    };

    Kind kind = Kind::Literal;
    qsizetype offset = 0;
    qsizetype length = 0;
    QString name;
    int id = -1;
    bool flag = false; // conditional access (?. ?[), prefix increment, Try has finally
    Value literal;
    ExpressionType type;
    QList<ExpressionType> typeArguments;
    QStringList strings; // argument names, interpolation segments/formats, anonymous names
    QList<int> ids;      // lambda/function parameter slots, catch slots, out-argument flags
    std::vector<std::unique_ptr<ExpressionNode>> children;
    // New: collection/object initializer entries; for Dictionary initializers pairs of key,value.
    std::vector<std::unique_ptr<ExpressionNode>> initializer;
    QStringList initializerNames; // object initializer member names
    int initializerKind = 0;      // 0 none, 1 collection, 2 object, 3 dictionary pairs

    ExpressionNode *child(qsizetype i) const
    {
        return i < qsizetype(children.size()) ? children[size_t(i)].get() : nullptr;
    }
};

// One local function of a statement expression: its parameters' slots, the slots it owns (saved
// and restored around recursive calls) and its body.
struct ExpressionFunction
{
    QString name;
    QList<int> parameterSlots;
    int firstSlot = 0;
    int slotCount = 0;
    ExpressionNode *body = nullptr;
    bool returnsVoid = false;
};
