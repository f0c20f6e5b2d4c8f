// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httppiecebuffer.h"

#include <algorithm>

void HttpPieceBuffer::append(const char *at, qsizetype count)
{
    if (m_bytes.size() - m_size < count)
        m_bytes.resize(std::max(m_size + count, 2 * m_bytes.size()));
    std::copy_n(at, count, m_bytes.data() + m_size);
    m_size += count;
}

QByteArray HttpPieceBuffer::take(const QByteArray *previous)
{
    const QByteArrayView gathered = bytes();
    m_size = 0;
    if (gathered.isEmpty())
        return QByteArray();
    if (previous && *previous == gathered)
        return *previous;
    return gathered.toByteArray();
}

QByteArray HttpPieceBuffer::takeField(const HttpHeaders &previous,
                                      qsizetype index,
                                      QByteArray HttpHeaders::Field::*member)
{
    return take(index < previous.size() ? &(previous.at(index).*member) : nullptr);
}
