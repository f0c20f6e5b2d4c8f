// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptdictionary.h"

qsizetype ScriptDictionary::indexOf(const Value &key) const
{
    if (key.isString())
        return indexOf(key.stringValue());
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).equals(key))
            return i;
    }
    return -1;
}

const Value *ScriptDictionary::find(const Value &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &m_values.at(i);
}

qsizetype ScriptDictionary::indexOf(const QString &key) const
{
    // Policies hold a handful of variables: comparing strings beats hashing them.
    if (m_keys.size() <= linearLimit) {
        const Qt::CaseSensitivity cs = m_caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive;
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            const Value &k = m_keys.at(i);
            if (k.isString() && k.stringValue().size() == key.size()
                && k.stringValue().compare(key, cs) == 0)
                return i;
        }
        return -1;
    }
    return m_index.value(hashKey(key), -1);
}

const Value *ScriptDictionary::find(const QString &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &m_values.at(i);
}

void ScriptDictionary::set(const Value &key, const Value &value)
{
    const qsizetype i = indexOf(key);
    if (i >= 0) {
        m_values[i] = value;
        return;
    }
    m_keys.append(key);
    m_values.append(value);
    // The index exists only past the linear limit: building a hash for a request's two or
    // three variables cost more than all their lookups.
    if (m_keys.size() == linearLimit + 1)
        reindex();
    else if (m_keys.size() > linearLimit && key.isString())
        m_index.insert(hashKey(key.stringValue()), m_keys.size() - 1);
}

bool ScriptDictionary::remove(const Value &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return false;
    m_keys.removeAt(i);
    m_values.removeAt(i);
    reindex();
    return true;
}

void ScriptDictionary::clear()
{
    m_keys.clear();
    m_values.clear();
    m_index.clear();
}

void ScriptDictionary::reindex()
{
    m_index.clear();
    if (m_keys.size() <= linearLimit)
        return;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).isString())
            m_index.insert(hashKey(m_keys.at(i).stringValue()), i);
    }
}
