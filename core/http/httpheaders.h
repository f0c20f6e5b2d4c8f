// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// HTTP header fields in wire order. Names keep the case they were sent with and repeats stay
// separate entries, so a gateway can forward them exactly; lookups ignore case (RFC 9110 5.1).
class HttpHeaders
{
public:
    struct Field
    {
        QByteArray name;
        QByteArray value;
        friend bool operator==(const Field &, const Field &) = default;
    };

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Field> fields);

    void append(QByteArray name, QByteArray value);
    // Replaces the first field of that name (keeping its position) and drops the other repeats,
    // or appends when absent.
    void set(const QByteArray &name, const QByteArray &value);
    // Removes every field of that name; returns how many were removed.
    qsizetype remove(QByteArrayView name);
    void clear() { m_fields.clear(); }
    void reserve(qsizetype count) { m_fields.reserve(count); }

    bool contains(QByteArrayView name) const;
    // First value of that name, or an empty array.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // Repeats joined with ", " (RFC 9110 5.3), or an empty array.
    QByteArray combinedValue(QByteArrayView name) const;
    // True when the comma-separated value list of that name holds token, ignoring case
    // (e.g. hasToken("Connection", "close")).
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    const Field &at(qsizetype index) const { return m_fields.at(index); }
    const QList<Field> &fields() const { return m_fields; }
    QList<Field>::const_iterator begin() const { return m_fields.cbegin(); }
    QList<Field>::const_iterator end() const { return m_fields.cend(); }

    // Inline for the length test, which settles most comparisons of a header section's names.
    static bool namesEqual(QByteArrayView a, QByteArrayView b)
    {
        return a.size() == b.size() && equalIgnoringCase(a, b);
    }

    friend bool operator==(const HttpHeaders &, const HttpHeaders &) = default;

private:
    static bool equalIgnoringCase(QByteArrayView a, QByteArrayView b);

    QList<Field> m_fields;
};
