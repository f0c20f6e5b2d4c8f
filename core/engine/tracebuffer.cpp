// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracebuffer.h"

#include <QIODevice>

TraceBuffer::TraceBuffer(qsizetype capacity, int publishIntervalMs, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax<qsizetype>(1, capacity))
{
    qRegisterMetaType<QList<RequestTrace>>();
    m_timer.setInterval(publishIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TraceBuffer::flush);
    m_timer.start();
}

void TraceBuffer::append(RequestTrace trace)
{
    // The ring holds thousands of traces: keep no spare capacity (outside the lock).
    trace.events.squeeze();
    QMutexLocker lock(&m_mutex);
    ++m_total;
    // Numbered in arrival order unless the producer numbered it already.
    if (trace.sequence == 0)
        trace.sequence = m_total;
    m_pending.append(std::move(trace));
    // Under a flood the views only need the newest; never let the pending list outgrow the ring.
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
}

void TraceBuffer::setJsonLinesOutput(QIODevice *device)
{
    QMutexLocker lock(&m_mutex);
    m_output = device;
}

QList<RequestTrace> TraceBuffer::traces() const
{
    QMutexLocker lock(&m_mutex);
    return QList<RequestTrace>(m_ring.cbegin(), m_ring.cend());
}

quint64 TraceBuffer::totalAppended() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

void TraceBuffer::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_ring.clear();
        m_pending.clear();
    }
    Q_EMIT cleared();
}

void TraceBuffer::flush()
{
    QList<RequestTrace> batch;
    QIODevice *output = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.isEmpty())
            return;
        batch.swap(m_pending);
        for (const RequestTrace &trace : std::as_const(batch))
            m_ring.push_back(trace);
        while (qsizetype(m_ring.size()) > m_capacity)
            m_ring.pop_front();
        output = m_output;
    }
    if (output) {
        QByteArray lines;
        for (const RequestTrace &trace : std::as_const(batch))
            trace.appendJsonLine(lines);
        output->write(lines); // one write per batch
    }
    Q_EMIT tracesAdded(batch);
}
