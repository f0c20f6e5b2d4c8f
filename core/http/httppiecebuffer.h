// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QByteArrayView>

// Gathers the bytes of one request target, reason phrase, header name or value, which llhttp may
// hand over in several pieces, and turns them into an array. The parsers live as long as their
// connection, and a peer sends mostly the same fields on every message: an array equal to the
// previous message's is shared rather than allocated. The buffer's own memory is reused from
// field to field and written with plain copies (QByteArray::append cost more than the rest of a
// field's handling).
class HttpPieceBuffer
{
public:
    void append(const char *at, qsizetype count);
    qsizetype size() const { return m_size; }
    QByteArrayView bytes() const { return QByteArrayView(m_bytes.constData(), m_size); }
    // The gathered bytes: a null array when there are none, *previous itself when it holds the
    // same bytes, else a new array. Empties the buffer.
    QByteArray take(const QByteArray *previous = nullptr);
    // take() for the name or value (member) of the field at index, shared with the field at the
    // same index of the previous message's headers when equal.
    QByteArray takeField(const HttpHeaders &previous,
                         qsizetype index,
                         QByteArray HttpHeaders::Field::*member);
    void clear() { m_size = 0; }

private:
    QByteArray m_bytes; // never shared, so writing to it never detaches
    qsizetype m_size = 0;
};
