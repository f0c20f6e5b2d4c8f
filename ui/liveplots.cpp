// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveplots.h"

#include "engine/tracebuffer.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLineSeries>

#include <QValueAxis>
#include <cmath>

namespace {

constexpr int refreshIntervalMs = 500;

QLineSeries *line(const QString &name,
                  const QColor &colour,
                  qreal width = 2,
                  Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    pen.setStyle(style);
    series->setPen(pen);
    return series;
}

QColor backendColour(int index)
{
    static const QList<QColor> colours = {QColor(0x1e, 0x88, 0xe5),
                                          QColor(0x43, 0xa0, 0x47),
                                          QColor(0x8e, 0x24, 0xaa),
                                          QColor(0xf4, 0x51, 0x1e),
                                          QColor(0x00, 0x89, 0x7b),
                                          QColor(0x6d, 0x4c, 0x41)};
    return colours.at(index % colours.size());
}

} // namespace

LivePlots::LivePlots(QWidget *parent)
    : QWidget(parent)
    , m_rateChart(new QChart)
    , m_latencyChart(new QChart)
    , m_rateX(new QValueAxis(this))
    , m_rateY(new QValueAxis(this))
    , m_latencyX(new QValueAxis(this))
    , m_latencyY(new QValueAxis(this))
    , m_total(line(tr("all requests"), QColor(0x61, 0x61, 0x61), 1.5, Qt::DashLine))
    , m_p50(line(tr("p50"), QColor(0x43, 0xa0, 0x47)))
    , m_p95(line(tr("p95"), QColor(0xfb, 0x8c, 0x00)))
    , m_p99(line(tr("p99"), QColor(0xe5, 0x39, 0x35)))
{
    m_rateChart->setTitle(tr("Requests per second, by the backend that served them"));
    m_latencyChart->setTitle(tr("Latency percentiles (ms)"));
    for (QValueAxis *x : {m_rateX, m_latencyX}) {
        x->setRange(-m_windowSeconds, 0);
        x->setLabelFormat(QStringLiteral("%d s"));
        x->setTickCount(7);
    }
    m_rateY->setLabelFormat(QStringLiteral("%d"));
    m_latencyY->setLabelFormat(QStringLiteral("%.1f"));
    m_rateChart->addAxis(m_rateX, Qt::AlignBottom);
    m_rateChart->addAxis(m_rateY, Qt::AlignLeft);
    m_latencyChart->addAxis(m_latencyX, Qt::AlignBottom);
    m_latencyChart->addAxis(m_latencyY, Qt::AlignLeft);
    m_rateChart->addSeries(m_total);
    m_total->attachAxis(m_rateX);
    m_total->attachAxis(m_rateY);
    for (QLineSeries *series : {m_p50, m_p95, m_p99}) {
        m_latencyChart->addSeries(series);
        series->attachAxis(m_latencyX);
        series->attachAxis(m_latencyY);
    }
    for (QChart *chart : {m_rateChart, m_latencyChart}) {
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
    }
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeView(m_rateChart, this), 1);
    layout->addWidget(makeView(m_latencyChart, this), 1);
    m_timer.setInterval(refreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LivePlots::refresh);
    m_timer.start();
    refresh();
}

LivePlots::~LivePlots() = default;

QChartView *LivePlots::makeView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

void LivePlots::setTraceBuffer(TraceBuffer *buffer)
{
    if (m_buffer)
        disconnect(m_buffer, nullptr, this, nullptr);
    m_buffer = buffer;
    if (buffer)
        connect(buffer, &TraceBuffer::tracesAdded, this, &LivePlots::addTraces);
}

void LivePlots::addTraces(const QList<RequestTrace> &batch)
{
    for (const RequestTrace &t : batch)
        addSample(t.startedAtMs + t.durationUs / 1000, t.durationUs, t.status, t.servedBy);
}

void LivePlots::addSample(qint64 wallMs, qint64 latencyUs, int status, const QString &servedBy)
{
    m_statistics.record(wallMs, latencyUs, status, servedBy);
}

void LivePlots::clear()
{
    m_statistics.clear();
    refresh();
}

void LivePlots::refresh()
{
    refreshAt(QDateTime::currentMSecsSinceEpoch());
}

void LivePlots::refreshAt(qint64 now)
{
    // The second under way is left out: its partial count would show as a drop at the right edge.
    const qint64 lastComplete = now - now % 1000 - 1000;
    const QList<RunStatistics::Second> seconds = m_statistics.seconds();
    QList<QPointF> total;
    QList<QPointF> p50;
    QList<QPointF> p95;
    QList<QPointF> p99;
    QHash<QString, QList<QPointF>> perBackend;
    for (const QString &backend : m_statistics.backends())
        perBackend.insert(backend, {});
    int peakRate = 1;
    double peakLatency = 1;
    qsizetype next = 0;
    const qint64 first = seconds.isEmpty() ? lastComplete + 1000
                                           : qMax(seconds.first().startMs,
                                                  lastComplete - m_windowSeconds * 1000LL);
    // Seconds without requests count as zero, so a backend that stops serving drops to the axis.
    for (qint64 at = first; at <= lastComplete; at += 1000) {
        while (next < seconds.size() && seconds.at(next).startMs < at)
            ++next;
        const RunStatistics::Second empty{at};
        const RunStatistics::Second &s = next < seconds.size() && seconds.at(next).startMs == at
                                                 ? seconds.at(next)
                                                 : empty;
        const double x = double(at - lastComplete) / 1000.0;
        total.append({x, double(s.requests)});
        for (auto it = perBackend.begin(); it != perBackend.end(); ++it)
            it->append({x, double(s.byBackend.value(it.key()))});
        if (s.requests > 0) {
            p50.append({x, s.p50Ms});
            p95.append({x, s.p95Ms});
            p99.append({x, s.p99Ms});
        }
        peakRate = qMax(peakRate, s.requests);
        peakLatency = qMax(peakLatency, s.p99Ms);
    }
    m_total->replace(total);
    m_p50->replace(p50);
    m_p95->replace(p95);
    m_p99->replace(p99);
    for (auto it = perBackend.cbegin(); it != perBackend.cend(); ++it)
        seriesFor(it.key())->replace(it.value());
    m_rateY->setRange(0, peakRate * 1.1);
    m_latencyY->setRange(0, peakLatency * 1.1);
    // A short run fills the plot rather than a sliver at its right edge; a long one scrolls.
    const double span = total.isEmpty() ? 0 : -total.first().x();
    const double shown = qBound(20.0, std::ceil(span / 10.0) * 10.0, double(m_windowSeconds));
    const int step = shown <= 30 ? 5 : 10;
    for (QValueAxis *x : {m_rateX, m_latencyX}) {
        x->setRange(-shown, 0);
        x->setTickCount(int(shown) / step + 1);
    }
}

QList<QPointF> LivePlots::backendPoints(const QString &backend) const
{
    const QLineSeries *series = m_backends.value(backend);
    return series ? series->points() : QList<QPointF>();
}

QLineSeries *LivePlots::seriesFor(const QString &backend)
{
    QLineSeries *&series = m_backends[backend];
    if (!series) {
        series = line(backend.isEmpty() ? tr("no backend") : backend,
                      backendColour(int(m_backends.size()) - 1),
                      2.5);
        m_rateChart->addSeries(series);
        series->attachAxis(m_rateX);
        series->attachAxis(m_rateY);
    }
    return series;
}
