// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionast.h"
#include "value.h"

#include <QList>
#include <QString>

#include <span>

class ExpressionInterpreter;

// The .NET members expressions may call, implemented over Qt: string, Convert, DateTime, TimeSpan,
// Guid, Math, Uri, WebUtility, Regex, Encoding, hashing/HMAC (QCryptographicHash,
// QMessageAuthenticationCode), Newtonsoft JSON, LINQ over arrays/lists/JSON, collections, XML
// (QDomDocument) and the APIM helpers (AsJwt, AsBasic, As<T>, GetValueOrDefault ...).
// Errors are raised through the interpreter as .NET exceptions with .NET messages.
// Methods with out parameters write them back into args.
class ExpressionLibrary
{
public:
    // Enum members (StringComparison.Ordinal, RegexOptions.IgnoreCase ...) and string.Empty:
    // compile-time constants, folded by the compiler. Enum values are their names as strings
    // (flags for RegexOptions).
    static bool enumValue(const QString &type, const QString &name, Value *out);
    static Value staticMember(ExpressionInterpreter &in, const QString &type, const QString &name);
    static Value callStatic(ExpressionInterpreter &in,
                            const QString &type,
                            const ExpressionNode *call,
                            QList<Value> &args);
    static Value member(ExpressionInterpreter &in, const Value &receiver, const QString &name);
    static Value callMethod(ExpressionInterpreter &in,
                            const Value &receiver,
                            const ExpressionNode *call,
                            QList<Value> &args);
    // Indexes as a span: the interpreter keeps them on its stack (one, nearly always).
    static Value index(ExpressionInterpreter &in,
                       const Value &receiver,
                       std::span<const Value> indexes);
    static void setIndex(ExpressionInterpreter &in,
                         const Value &receiver,
                         std::span<const Value> indexes,
                         const Value &value);
    static void setMember(ExpressionInterpreter &in,
                          const Value &receiver,
                          const QString &name,
                          const Value &value);
    static Value construct(ExpressionInterpreter &in,
                           const ExpressionType &type,
                           QList<Value> &args);
    // Explicit cast "(T)value"; raises InvalidCastException like .NET.
    static Value convert(ExpressionInterpreter &in, const Value &value, const ExpressionType &type);
    // "value as T": the value, or null when it is not a T.
    static Value tryAs(const Value &value, const ExpressionType &type);
    static bool isInstance(const Value &value, const ExpressionType &type);
    static Value defaultValue(const ExpressionType &type);
    // Items of an IEnumerable (arrays, lists, dictionaries as KeyValuePairs, JSON containers,
    // strings as chars, header maps as KeyValuePairs).
    static QList<Value> enumerate(ExpressionInterpreter &in, const Value &value);
    // Collection-initializer Add(item) / Add(key, value).
    static void add(ExpressionInterpreter &in, const Value &collection, const QList<Value> &args);
    // value.ToString(format) (format may be empty): JSON tokens as Newtonsoft writes them, dates
    // and numbers with .NET format strings, null as "".
    static QString format(ExpressionInterpreter &in, const Value &value, const QString &format);
    // Conversion of an expression result to JSON (JObject.FromObject, JValue from primitives).
    static Value toJsonToken(ExpressionInterpreter &in, const Value &value);
};
