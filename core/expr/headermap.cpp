// SPDX-License-Identifier: GPL-3.0-or-later
#include "headermap.h"

#include <utility>

QString HeaderMap::typeName() const
{
    return m_singleValued ? QStringLiteral(
                   "System.Collections.Generic.IReadOnlyDictionary`2[System.String,System.String]")
                          : QStringLiteral("System.Collections.Generic.IReadOnlyDictionary`2["
                                           "System.String,System.String[]]");
}

void HeaderMap::setWireHeaders(HttpHeaders fields)
{
    m_entries.clear();
    m_wire = std::move(fields);
    m_wirePending = true;
}

void HeaderMap::assign(const HeaderMap &other)
{
    m_entries = other.m_entries;
    m_wire = other.m_wire;
    m_wirePending = other.m_wirePending;
}

void HeaderMap::convertWireHeaders() const
{
    if (!m_wirePending)
        return;
    m_wirePending = false;
    const HttpHeaders fields = std::exchange(m_wire, HttpHeaders());
    m_entries.reserve(fields.size()); // an upper bound (repeats share an entry): no regrowth
    for (const HttpHeaders::Field &field : fields) {
        const QString name = QString::fromLatin1(field.name);
        const qsizetype i = find(name);
        if (i >= 0)
            m_entries[i].second.append(QString::fromLatin1(field.value));
        else
            m_entries.append({name, QStringList{QString::fromLatin1(field.value)}});
    }
}

const QList<QPair<QString, QStringList>> &HeaderMap::entries() const
{
    convertWireHeaders();
    return m_entries;
}

void HeaderMap::clear()
{
    m_wirePending = false;
    m_wire = HttpHeaders();
    m_entries.clear();
}

void HeaderMap::reserve(qsizetype count)
{
    convertWireHeaders();
    m_entries.reserve(count);
}

qsizetype HeaderMap::indexOf(const QString &name) const
{
    convertWireHeaders();
    return find(name);
}

qsizetype HeaderMap::find(const QString &name) const
{
    const Qt::CaseSensitivity cs = m_caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        // Case folding maps each UTF-16 unit to one unit, so names of other lengths never match:
        // the length test spares the slow case-insensitive compare for most entries.
        const QString &entry = m_entries.at(i).first;
        if (entry.size() == name.size() && entry.compare(name, cs) == 0)
            return i;
    }
    return -1;
}

QStringList HeaderMap::values(const QString &name) const
{
    const qsizetype i = indexOf(name);
    return i < 0 ? QStringList() : m_entries.at(i).second;
}

QString HeaderMap::joined(const QString &name) const
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return QString();
    const QString s = m_entries.at(i).second.join(u',');
    return s.isNull() ? QStringLiteral("") : s;
}

void HeaderMap::set(const QString &name, const QStringList &values)
{
    const qsizetype i = indexOf(name);
    if (i >= 0)
        m_entries[i].second = values;
    else
        m_entries.append({name, values});
}

void HeaderMap::append(const QString &name, const QString &value)
{
    const qsizetype i = indexOf(name);
    if (i >= 0)
        m_entries[i].second.append(value);
    else
        m_entries.append({name, QStringList{value}});
}

bool HeaderMap::remove(const QString &name)
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return false;
    m_entries.removeAt(i);
    return true;
}
