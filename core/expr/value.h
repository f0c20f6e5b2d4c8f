// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

#include <QString>

#include <memory>

// A value of a policy expression: the .NET primitives APIM expressions use, held inline, and
// reference types (arrays, JSON tokens, the context model) shared through ScriptObject. Copying is
// cheap: numbers are inline, strings implicitly shared, objects reference-counted.
// Decimal is held as a double (documented limitation: 15-16 significant digits).
// DateTime/TimeSpan hold .NET ticks (100 ns units; DateTime counts from 0001-01-01).
class Value
{
public:
    enum class Type : quint8 {
        Null,
        Bool,
        Char,
        Int32,
        Int64,
        Double,
        Decimal,
        String,
        DateTime,
        DateTimeOffset,
        TimeSpan,
        Guid,
        Object,
    };
    // DateTime.Kind
    enum class DateKind : qint32 { Unspecified = 0, Utc = 1, Local = 2 };

    Value() = default;
    static Value fromBool(bool b);
    static Value fromChar(char16_t c);
    static Value fromInt(qint32 i);
    static Value fromLong(qint64 i);
    static Value fromDouble(double d);
    static Value fromDecimal(double d);
    static Value fromString(const QString &s);
    static Value fromDateTime(qint64 ticks, DateKind kind);
    // Ticks of the local clock time, and the offset from UTC in minutes.
    static Value fromDateTimeOffset(qint64 ticks, qint32 offsetMinutes);
    static Value fromTimeSpan(qint64 ticks);
    // Guid in its "D" form ("xxxxxxxx-xxxx-..."), lower case.
    static Value fromGuid(const QString &text);
    static Value fromObject(std::shared_ptr<ScriptObject> object);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isString() const { return m_type == Type::String; }
    bool isObject() const { return m_type == Type::Object; }
    bool isIntegral() const
    {
        return m_type == Type::Int32 || m_type == Type::Int64 || m_type == Type::Char;
    }
    bool isNumeric() const
    {
        return isIntegral() || m_type == Type::Double || m_type == Type::Decimal;
    }

    bool boolValue() const { return m_n.b; }
    char16_t charValue() const { return m_n.c; }
    // Int32, Int64, Char, DateTime, DateTimeOffset, TimeSpan: the integer payload.
    qint64 intValue() const { return m_type == Type::Char ? qint64(m_n.c) : m_n.i; }
    // Any numeric type widened to double.
    double toDouble() const;
    const QString &stringValue() const { return m_string; }
    qint32 extra() const { return m_extra; }
    ScriptObject *object() const { return m_object.get(); }
    const std::shared_ptr<ScriptObject> &objectPtr() const { return m_object; }
    // Object of a kind, or null.
    template<typename T>
    T *as() const
    {
        return m_object && m_object->kind() == T::staticKind ? static_cast<T *>(m_object.get())
                                                             : nullptr;
    }

    // "System.Int32", "System.String", "Newtonsoft.Json.Linq.JObject", ...
    QString typeName() const;
    // .NET ToString() with the invariant culture ("True", "1.5", DateTime as "MM/dd/yyyy
    // HH:mm:ss"); a JSON token as Newtonsoft writes it (indented), a StringBuilder's text, a URL.
    // What the engine uses to turn an expression result into an attribute value or a body.
    QString toString() const;
    // Object.Equals semantics: same type and value for primitives, reference for objects
    // (numeric types compare by value across widths).
    bool equals(const Value &other) const;

private:
    QString objectText() const;

    Type m_type = Type::Null;
    qint32 m_extra = 0; // DateTime kind, DateTimeOffset offset
    union
    {
        bool b;
        char16_t c;
        qint64 i;
        double d;
    } m_n{};
    QString m_string;
    std::shared_ptr<ScriptObject> m_object;
};
