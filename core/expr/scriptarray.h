// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"
#include "value.h"

#include <QByteArray>
#include <QList>

#include <memory>

// A .NET array (fixed size) or List<T> (growable), e.g. string[] from Split, byte[] from
// Encoding.GetBytes (stored compactly as bytes), List<string>. elementType is the short .NET name
// ("String", "Byte", "Object").
class ScriptArray final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Array;

    ScriptArray(const QString &elementType, bool isList)
        : ScriptObject(Kind::Array)
        , m_elementType(elementType)
        , m_isList(isList)
    {}

    static std::shared_ptr<ScriptArray> fromBytes(const QByteArray &bytes);
    static std::shared_ptr<ScriptArray> fromStrings(const QStringList &strings);
    static std::shared_ptr<ScriptArray> fromValues(const QString &elementType,
                                                   const QList<Value> &values,
                                                   bool isList = false);

    QString typeName() const override;
    const QString &elementType() const { return m_elementType; }
    bool isList() const { return m_isList; }
    bool isBytes() const { return m_elementType == u"Byte"; }

    qsizetype size() const { return isBytes() ? m_bytes.size() : m_items.size(); }
    Value at(qsizetype i) const;
    void set(qsizetype i, const Value &v);
    void append(const Value &v);
    void insert(qsizetype i, const Value &v);
    void removeAt(qsizetype i);
    void clear();
    QList<Value> values() const;
    QByteArray &bytes() { return m_bytes; }
    const QByteArray &bytes() const { return m_bytes; }
    QList<Value> &items() { return m_items; }

private:
    QString m_elementType;
    bool m_isList;
    QList<Value> m_items;
    QByteArray m_bytes;
};
