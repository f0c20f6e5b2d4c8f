// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"
#include "value.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

// Dictionary<K,V> and context.Variables: insertion-ordered entries with a hash index on string
// keys once there are more than a few (all keys the corpus uses are strings; other keys fall
// back to a linear search).
class ScriptDictionary final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Dictionary;

    explicit ScriptDictionary(
            const QString &typeName = QStringLiteral(
                    "System.Collections.Generic.Dictionary`2[System.String,System.Object]"),
            bool caseInsensitive = false)
        : ScriptObject(Kind::Dictionary)
        , m_typeName(typeName)
        , m_caseInsensitive(caseInsensitive)
    {}

    QString typeName() const override { return m_typeName; }

    qsizetype size() const { return m_keys.size(); }
    bool contains(const Value &key) const { return indexOf(key) >= 0; }
    // Null when missing; use contains() to tell a missing key from a null value.
    const Value *find(const Value &key) const;
    const Value *find(const QString &key) const;
    void set(const Value &key, const Value &value);
    void set(const QString &key, const Value &value) { set(Value::fromString(key), value); }
    bool remove(const Value &key);
    void clear();
    const QList<Value> &keys() const { return m_keys; }
    const QList<Value> &values() const { return m_values; }

private:
    static constexpr qsizetype linearLimit = 16;

    qsizetype indexOf(const Value &key) const;
    qsizetype indexOf(const QString &key) const;
    QString hashKey(const QString &key) const { return m_caseInsensitive ? key.toLower() : key; }
    void reindex();

    QString m_typeName;
    bool m_caseInsensitive;
    QList<Value> m_keys;
    QList<Value> m_values;
    QHash<QString, qsizetype> m_index;
};
