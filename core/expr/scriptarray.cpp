// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptarray.h"

std::shared_ptr<ScriptArray> ScriptArray::fromBytes(const QByteArray &bytes)
{
    auto a = std::make_shared<ScriptArray>(QStringLiteral("Byte"), false);
    a->m_bytes = bytes;
    return a;
}

std::shared_ptr<ScriptArray> ScriptArray::fromStrings(const QStringList &strings)
{
    auto a = std::make_shared<ScriptArray>(QStringLiteral("String"), false);
    a->m_items.reserve(strings.size());
    for (const QString &s : strings)
        a->m_items.append(Value::fromString(s));
    return a;
}

std::shared_ptr<ScriptArray> ScriptArray::fromValues(const QString &elementType,
                                                     const QList<Value> &values,
                                                     bool isList)
{
    auto a = std::make_shared<ScriptArray>(elementType, isList);
    if (a->isBytes()) {
        for (const Value &v : values)
            a->m_bytes.append(char(v.intValue()));
    } else {
        a->m_items = values;
    }
    return a;
}

QString ScriptArray::typeName() const
{
    const QString element = m_elementType.contains(u'.') ? m_elementType
                                                         : QLatin1String("System.") + m_elementType;
    if (m_isList)
        return QLatin1String("System.Collections.Generic.List`1[") + element + u']';
    return element + QLatin1String("[]");
}

Value ScriptArray::at(qsizetype i) const
{
    if (isBytes())
        return Value::fromInt(quint8(m_bytes.at(i)));
    return m_items.at(i);
}

void ScriptArray::set(qsizetype i, const Value &v)
{
    if (isBytes())
        m_bytes[i] = char(v.intValue());
    else
        m_items[i] = v;
}

void ScriptArray::append(const Value &v)
{
    if (isBytes())
        m_bytes.append(char(v.intValue()));
    else
        m_items.append(v);
}

void ScriptArray::insert(qsizetype i, const Value &v)
{
    if (isBytes())
        m_bytes.insert(i, char(v.intValue()));
    else
        m_items.insert(i, v);
}

void ScriptArray::removeAt(qsizetype i)
{
    if (isBytes())
        m_bytes.remove(i, 1);
    else
        m_items.removeAt(i);
}

void ScriptArray::clear()
{
    m_bytes.clear();
    m_items.clear();
}

QList<Value> ScriptArray::values() const
{
    if (!isBytes())
        return m_items;
    QList<Value> out;
    out.reserve(m_bytes.size());
    for (const char b : m_bytes)
        out.append(Value::fromInt(quint8(b)));
    return out;
}
