// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpheaders.h"

HttpHeaders::HttpHeaders(std::initializer_list<Field> fields)
    : m_fields(fields)
{}

void HttpHeaders::append(QByteArray name, QByteArray value)
{
    m_fields.append(Field{std::move(name), std::move(value)});
}

void HttpHeaders::set(const QByteArray &name, const QByteArray &value)
{
    qsizetype index = 0;
    for (; index < m_fields.size(); ++index) {
        if (namesEqual(m_fields.at(index).name, name))
            break;
    }
    if (index == m_fields.size()) {
        append(name, value);
        return;
    }
    m_fields[index].value = value;
    for (qsizetype i = m_fields.size() - 1; i > index; --i) {
        if (namesEqual(m_fields.at(i).name, name))
            m_fields.removeAt(i);
    }
}

qsizetype HttpHeaders::remove(QByteArrayView name)
{
    return m_fields.removeIf([name](const Field &field) { return namesEqual(field.name, name); });
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (namesEqual(field.name, name))
            return true;
    }
    return false;
}

QByteArray HttpHeaders::value(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (namesEqual(field.name, name))
            return field.value;
    }
    return {};
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &field : m_fields) {
        if (namesEqual(field.name, name))
            result.append(field.value);
    }
    return result;
}

QByteArray HttpHeaders::combinedValue(QByteArrayView name) const
{
    return values(name).join(", ");
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const Field &field : m_fields) {
        if (!namesEqual(field.name, name))
            continue;
        QByteArrayView rest(field.value);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView part = comma < 0 ? rest : rest.first(comma);
            if (namesEqual(part.trimmed(), token))
                return true;
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    return false;
}

bool HttpHeaders::equalIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}
