// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/runstatistics.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class TraceBuffer;
struct RequestTrace;

// Requests per second (in all, and per backend that served them, so a failover shows as one line
// falling while another rises) and latency percentiles per second, over the last minute. Samples
// are aggregated per second and the charts redrawn on a timer, so the cost does not grow with the
// request rate.
class LivePlots final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePlots)

public:
    explicit LivePlots(QWidget *parent = nullptr);
    ~LivePlots() override;

    // Not owned; null detaches.
    void setTraceBuffer(TraceBuffer *buffer);
    void addTraces(const QList<RequestTrace> &batch);
    void addSample(qint64 wallMs, qint64 latencyUs, int status, const QString &servedBy);
    void clear();
    // Redraws now (also done by the timer).
    void refresh();
    // Redraws as at wall-clock time nowMs (ms since the epoch).
    void refreshAt(qint64 nowMs);

    const RunStatistics &statistics() const { return m_statistics; }
    // The per-backend series, for tests: name -> points (x: seconds before now, y: requests).
    QList<QPointF> backendPoints(const QString &backend) const;

private:
    QLineSeries *seriesFor(const QString &backend);
    static QChartView *makeView(QChart *chart, QWidget *parent);

    QPointer<TraceBuffer> m_buffer;
    RunStatistics m_statistics;
    QTimer m_timer;
    QChart *m_rateChart;
    QChart *m_latencyChart;
    QValueAxis *m_rateX;
    QValueAxis *m_rateY;
    QValueAxis *m_latencyX;
    QValueAxis *m_latencyY;
    QLineSeries *m_total;
    QLineSeries *m_p50;
    QLineSeries *m_p95;
    QLineSeries *m_p99;
    QHash<QString, QLineSeries *> m_backends;
    int m_windowSeconds = 60;
};
