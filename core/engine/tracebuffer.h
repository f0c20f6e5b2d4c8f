// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requesttrace.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <deque>

class QIODevice;

// Collects finished request traces from the gateway's worker threads into a bounded ring buffer and
// publishes them in batches at a bounded rate, so views under thousands of requests per second
// repaint a few times a second, not once per request. Optionally writes each trace as a JSON line
// (--trace). Lives in the thread that shows or writes the traces.
class TraceBuffer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceBuffer)

public:
    explicit TraceBuffer(qsizetype capacity = 10000,
                         int publishIntervalMs = 100,
                         QObject *parent = nullptr);

    // Thread-safe; cheap: the trace is moved into a pending list.
    void append(RequestTrace trace);
    // Every trace appended from now on is also written to device as one JSON line. Not owned.
    void setJsonLinesOutput(QIODevice *device);
    QList<RequestTrace> traces() const;
    qsizetype capacity() const { return m_capacity; }
    quint64 totalAppended() const;
    void clear();
    // Publishes what is pending now (also done by the timer).
    void flush();

Q_SIGNALS:
    void tracesAdded(const QList<RequestTrace> &batch);
    void cleared();

private:
    const qsizetype m_capacity;
    QTimer m_timer;
    mutable QMutex m_mutex;
    QList<RequestTrace> m_pending;
    std::deque<RequestTrace> m_ring;
    quint64 m_total = 0;
    QIODevice *m_output = nullptr;
};
