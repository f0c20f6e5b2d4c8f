// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Base of every reference-typed value an expression can hold (arrays, JSON tokens, the context
// model, closures ...). The interpreter dispatches on kind() rather than through virtual member
// tables, so adding a .NET member touches one switch in the library, not a class hierarchy.
class ScriptObject
{
public:
    enum class Kind {
        Array,
        Dictionary,
        MultiMap,
        Json,
        Function,
        Context,
        Message,
        Url,
        Body,
        Record,
        StringBuilder,
        Random,
        Hash,
        Xml,
        Regex,
    };

    explicit ScriptObject(Kind kind)
        : m_kind(kind)
    {}
    virtual ~ScriptObject() = default;
    ScriptObject(const ScriptObject &) = delete;
    ScriptObject &operator=(const ScriptObject &) = delete;

    Kind kind() const { return m_kind; }
    // The .NET type name, as shown in cast error messages ("System.String[]").
    virtual QString typeName() const = 0;

private:
    Kind m_kind;
};
