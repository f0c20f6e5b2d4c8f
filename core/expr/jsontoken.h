// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"
#include "value.h"

#include <QList>
#include <QString>

#include <memory>

// A Newtonsoft.Json.Linq token (JObject, JArray, JProperty, JValue) with Newtonsoft's semantics:
// properties keep insertion order, ToString() is indented with two spaces, ISO-8601 strings are
// read as dates, adding a token that already has a parent adds a copy. Hand-written because
// QJsonObject sorts keys and does not distinguish integers from floats.
class JsonToken final
    : public ScriptObject
    , public std::enable_shared_from_this<JsonToken>
{
public:
    static constexpr Kind staticKind = Kind::Json;
    enum class Type { Object, Array, Property, String, Integer, Float, Boolean, Null, Date };

    explicit JsonToken(Type type)
        : ScriptObject(Kind::Json)
        , m_type(type)
    {}

    static std::shared_ptr<JsonToken> makeObject()
    {
        return std::make_shared<JsonToken>(Type::Object);
    }
    static std::shared_ptr<JsonToken> makeArray()
    {
        return std::make_shared<JsonToken>(Type::Array);
    }
    static std::shared_ptr<JsonToken> makeProperty(const QString &name,
                                                   std::shared_ptr<JsonToken> value);
    // JValue from a primitive Value (string, number, bool, null, DateTime, Guid as string).
    static std::shared_ptr<JsonToken> makeValue(const Value &value);
    // Null with *error set (Newtonsoft's message) when text is not valid JSON.
    static std::shared_ptr<JsonToken> parse(const QString &text, QString *error);

    QString typeName() const override;
    Type type() const { return m_type; }
    bool isContainer() const { return m_type == Type::Object || m_type == Type::Array; }
    bool isValue() const { return !isContainer() && m_type != Type::Property; }
    // JTokenType name: "Object", "String", "Integer" ...
    QString tokenTypeName() const;

    // JValue: the primitive (string, Int64, Double, Boolean, DateTime or Null).
    const Value &scalar() const { return m_scalar; }
    // JProperty: name and value.
    const QString &name() const { return m_name; }
    std::shared_ptr<JsonToken> propertyValue() const { return m_children.value(0); }
    void setPropertyValue(std::shared_ptr<JsonToken> value);

    // JObject/JArray children (JProperty tokens for an object).
    const QList<std::shared_ptr<JsonToken>> &children() const { return m_children; }
    std::shared_ptr<JsonToken> parent() const { return m_parent.lock(); }

    // JObject
    std::shared_ptr<JsonToken> property(const QString &name) const;
    std::shared_ptr<JsonToken> value(const QString &name) const;
    // Replaces the value of an existing property or appends one (indexer set).
    void setValue(const QString &name, std::shared_ptr<JsonToken> value);
    // Add(name, value): throws in Newtonsoft when the name exists; returns false then.
    bool addProperty(const QString &name, std::shared_ptr<JsonToken> value);
    bool removeProperty(const QString &name);
    // JArray / JObject Add(token); for an object the token must be a JProperty.
    bool add(std::shared_ptr<JsonToken> token);
    // Removes this token from its parent.
    bool remove();
    qsizetype count() const { return m_children.size(); }
    std::shared_ptr<JsonToken> at(qsizetype index) const { return m_children.value(index); }
    void setAt(qsizetype index, std::shared_ptr<JsonToken> value);

    std::shared_ptr<JsonToken> deepClone() const;
    // SelectToken with the dotted/indexed subset of JSONPath ("a.b[0].c", "$.a", "['x y']").
    std::shared_ptr<JsonToken> selectToken(const QString &path, bool *ok) const;

    // JSON text: indented (Formatting.Indented, JToken.ToString()) or compact.
    QString toJson(bool indented) const;
    // JToken.ToString(): a JValue's plain text (no quotes), a container's indented JSON.
    QString toString() const;

private:
    void write(QString &out, bool indented, int depth) const;
    std::shared_ptr<JsonToken> adopt(std::shared_ptr<JsonToken> token);

    Type m_type;
    QString m_name;
    Value m_scalar;
    QList<std::shared_ptr<JsonToken>> m_children;
    std::weak_ptr<JsonToken> m_parent;
};
