// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <charconv>
#include <iterator>

// Writes a request or response head into an array sized once: the serialisers add up the sizes
// of the pieces first, then copy them in. Appending piece by piece cost a capacity check per
// piece, which added up to more than the copying itself.
class HttpWireWriter
{
public:
    // Resizes out (keeping its capacity) to size bytes, to be filled exactly.
    HttpWireWriter(QByteArray &out, qsizetype size)
        : m_out(out)
    {
        out.resize(size);
        m_at = out.data();
    }

    HttpWireWriter &operator<<(QByteArrayView bytes)
    {
        m_at = std::copy(bytes.begin(), bytes.end(), m_at);
        return *this;
    }
    HttpWireWriter &field(const HttpHeaders::Field &field)
    {
        return *this << field.name << ": " << field.value << "\r\n";
    }
    // Whether exactly the announced size was written.
    bool isFull() const { return m_at == m_out.constData() + m_out.size(); }

    static qsizetype fieldSize(const HttpHeaders::Field &field)
    {
        return field.name.size() + 2 + field.value.size() + 2;
    }

    // Decimal digits of a number, written into digits without allocating.
    struct Number
    {
        explicit Number(qint64 value)
            : m_size(std::to_chars(std::begin(m_digits), std::end(m_digits), value).ptr - m_digits)
        {}
        QByteArrayView view() const { return QByteArrayView(m_digits, m_size); }

    private:
        char m_digits[24];
        qsizetype m_size;
    };

private:
    QByteArray &m_out;
    char *m_at;
};
