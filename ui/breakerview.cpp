// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakerview.h"

#include "engine/tracebuffer.h"
#include "live/breakerhistory.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

constexpr int rowHeight = 180;
constexpr int machineWidth = 360;
constexpr qsizetype maxRequestMarks = 20000;

QColor stateColour(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QColor(0x66, 0xbb, 0x6a);
    case CircuitBreaker::State::Open:
        return QColor(0xef, 0x53, 0x50);
    case CircuitBreaker::State::HalfOpen:
        return QColor(0xff, 0xa7, 0x26);
    }
    return Qt::gray;
}

QString stateLabel(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return BreakerView::tr("Closed");
    case CircuitBreaker::State::Open:
        return BreakerView::tr("Open");
    case CircuitBreaker::State::HalfOpen:
        return BreakerView::tr("Half-open");
    }
    return {};
}

// A transition: a quadratic curve bent sideways by bend pixels, its head, and its label centred on
// labelAt.
void arrow(
        QPainter &p, QPointF from, QPointF to, const QString &label, double bend, QPointF labelAt)
{
    const QPointF mid = (from + to) / 2;
    const QPointF normal(-(to.y() - from.y()), to.x() - from.x());
    const double length = std::hypot(normal.x(), normal.y());
    const QPointF unit = length > 0 ? normal / length : QPointF(0, -1);
    const QPointF control = mid + unit * bend;
    QPainterPath path(from);
    path.quadTo(control, to);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const QPointF tangent = to - path.pointAtPercent(0.9);
    const double angle = std::atan2(tangent.y(), tangent.x());
    const QPointF left = to - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * 8;
    const QPointF right = to - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * 8;
    p.setBrush(p.pen().color());
    p.drawPolygon(QPolygonF({to, left, right}));
    p.drawText(QRectF(labelAt.x() - 45, labelAt.y() - 8, 90, 16), Qt::AlignCenter, label);
}

} // namespace

BreakerView::BreakerView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(rowHeight);
    m_repaint.setInterval(250);
    connect(&m_repaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_repaint.start();
}

BreakerView::~BreakerView() = default;

void BreakerView::setHistory(BreakerHistory *history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    if (history) {
        connect(history, &BreakerHistory::breakersChanged, this, [this] {
            updateGeometry();
            update();
        });
    }
    updateGeometry();
    update();
}

void BreakerView::setTraceBuffer(TraceBuffer *buffer)
{
    if (m_buffer)
        disconnect(m_buffer, nullptr, this, nullptr);
    m_buffer = buffer;
    m_requests.clear();
    if (buffer)
        connect(buffer, &TraceBuffer::tracesAdded, this, &BreakerView::addRequests);
}

void BreakerView::setWindowSeconds(int seconds)
{
    m_windowSeconds = qMax(5, seconds);
    update();
}

QString BreakerView::stateText(const QString &backendId) const
{
    if (!m_history)
        return {};
    for (CircuitBreaker *breaker : m_history->breakers()) {
        if (breaker->backendId() != backendId)
            continue;
        QString text = tr("%1: %2, %3 of %4 calls failed in the window")
                               .arg(backendId, stateLabel(breaker->state()))
                               .arg(breaker->failuresInWindow())
                               .arg(breaker->callsInWindow());
        const qint64 left = breaker->remainingTripMs();
        if (left > 0)
            text += tr(", open for %1 s more").arg(double(left) / 1000.0, 0, 'f', 1);
        return text;
    }
    return {};
}

int BreakerView::transitionsShown(const QString &backendId) const
{
    if (!m_history)
        return 0;
    const auto &all = m_history->transitions();
    return int(std::count_if(all.cbegin(), all.cend(), [&](const BreakerHistory::Transition &t) {
        return t.backendId == backendId;
    }));
}

QSize BreakerView::sizeHint() const
{
    const int rows = m_history ? qMax(1, int(m_history->breakers().size())) : 1;
    return {900, rows * rowHeight + 48};
}

void BreakerView::addRequests(const QList<RequestTrace> &batch)
{
    for (const RequestTrace &trace : batch)
        m_requests.push_back({trace.startedAtMs, trace.status, trace.servedBy});
    while (qsizetype(m_requests.size()) > maxRequestMarks)
        m_requests.pop_front();
}

void BreakerView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QList<CircuitBreaker *> breakers
            = m_history ? m_history->breakers() : QList<CircuitBreaker *>();
    if (breakers.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(
                rect(),
                Qt::AlignCenter,
                tr("No circuit breakers: give a backend of the workspace a circuit-breaker rule."));
        return;
    }
    const qint64 nowWall = QDateTime::currentMSecsSinceEpoch();
    int y = 0;
    for (CircuitBreaker *breaker : breakers) {
        paintBreaker(p, QRect(0, y, width(), rowHeight), breaker, nowWall);
        y += rowHeight;
    }
    // The shared time axis under every strip.
    const QRect axis(machineWidth, y, width() - machineWidth - 10, 20);
    p.setPen(palette().color(QPalette::Text));
    for (int s = 0; s <= m_windowSeconds; s += qMax(5, m_windowSeconds / 6)) {
        const int x = xFor(axis, nowWall - s * 1000LL, nowWall);
        p.drawLine(x, axis.top(), x, axis.top() + 4);
        p.drawText(QRect(qMin(x - 30, width() - 62), axis.top() + 4, 60, 16),
                   Qt::AlignCenter,
                   s == 0 ? tr("now") : tr("-%1 s").arg(s));
    }
    int legendX = axis.left();
    const int legendY = axis.bottom() + 8;
    for (CircuitBreaker::State state : {CircuitBreaker::State::Closed,
                                        CircuitBreaker::State::Open,
                                        CircuitBreaker::State::HalfOpen}) {
        p.fillRect(QRect(legendX, legendY, 12, 12), stateColour(state));
        const QString label = stateLabel(state);
        p.drawText(QPoint(legendX + 16, legendY + 11), label);
        legendX += 28 + fontMetrics().horizontalAdvance(label);
    }
    p.drawText(QPoint(legendX + 10, legendY + 11),
               tr("ticks: requests it served (red: 5xx or none)"));
}

void BreakerView::paintBreaker(QPainter &p,
                               const QRect &row,
                               CircuitBreaker *breaker,
                               qint64 nowWall) const
{
    const CircuitBreaker::State state = breaker->state();
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(row.bottomLeft(), row.bottomRight());
    p.setPen(palette().color(QPalette::Text));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(row.left() + 8, row.top() + 4, machineWidth, 18),
               Qt::AlignLeft | Qt::AlignVCenter,
               breaker->backendId());
    p.setFont(font());
    QString detail = tr("%1 of %2 calls failed in the window")
                             .arg(breaker->failuresInWindow())
                             .arg(breaker->callsInWindow());
    const qint64 left = breaker->remainingTripMs();
    if (left > 0)
        detail += tr(" · open %1 s more").arg(double(left) / 1000.0, 0, 'f', 1);
    p.drawText(QRect(row.left() + 8, row.bottom() - 22, machineWidth, 18),
               Qt::AlignLeft | Qt::AlignVCenter,
               detail);
    paintMachine(
            p, QRect(row.left() + 8, row.top() + 24, machineWidth - 16, row.height() - 50), state);
    paintTimeline(
            p,
            QRect(machineWidth, row.top() + 12, row.width() - machineWidth - 10, row.height() - 24),
            breaker->backendId(),
            nowWall);
}

void BreakerView::paintMachine(QPainter &p, const QRect &area, CircuitBreaker::State state) const
{
    const QSizeF node(84, 30);
    const QPointF closed(area.left() + node.width() / 2 + 2, area.bottom() - node.height() / 2);
    const QPointF open(area.right() - node.width() / 2 - 2, area.bottom() - node.height() / 2);
    const QPointF half(area.center().x(), area.top() + node.height() / 2);
    const QList<QPair<CircuitBreaker::State, QPointF>> nodes
            = {{CircuitBreaker::State::Closed, closed},
               {CircuitBreaker::State::Open, open},
               {CircuitBreaker::State::HalfOpen, half}};
    p.setPen(palette().color(QPalette::Text));
    const QPointF dx(node.width() / 2, 0);
    const QPointF dy(0, node.height() / 2);
    const double midY = (half.y() + open.y()) / 2;
    const double rightX = (half.x() + open.x()) / 2;
    const double leftX = (half.x() + closed.x()) / 2;
    arrow(p, closed + dx, open - dx, tr("trip"), 0, (closed + open) / 2 - QPointF(0, 10));
    arrow(p,
          open - dy + QPointF(12, 0),
          half + dx,
          tr("after trip"),
          -22,
          {rightX + 52, midY - 14});
    arrow(p,
          half + dy,
          open - dy - QPointF(14, 0),
          tr("trial fails"),
          14,
          {rightX - 34, midY + 12});
    arrow(p, half - dx, closed - dy, tr("trial ok"), -22, {leftX - 44, midY - 14});
    for (const auto &[s, centre] : nodes) {
        const QRectF box(centre - QPointF(node.width() / 2, node.height() / 2), node);
        const bool current = s == state;
        p.setPen(QPen(current ? stateColour(s).darker(140) : palette().color(QPalette::Mid),
                      current ? 2.5 : 1));
        p.setBrush(current ? stateColour(s) : palette().color(QPalette::Window));
        p.drawRoundedRect(box, 14, 14);
        p.setPen(current ? QColor(Qt::white) : palette().color(QPalette::Text));
        p.drawText(box, Qt::AlignCenter, stateLabel(s));
    }
}

void BreakerView::paintTimeline(QPainter &p,
                                const QRect &area,
                                const QString &backendId,
                                qint64 nowWall) const
{
    const qint64 windowStart = nowWall - m_windowSeconds * 1000LL;
    const QRect band(area.left(), area.top() + area.height() / 2, area.width(), area.height() / 4);
    // State over time: walk the transitions, painting each span in its state's colour.
    CircuitBreaker::State state = CircuitBreaker::State::Closed;
    qint64 spanStart = windowStart;
    QList<const BreakerHistory::Transition *> mine;
    for (const BreakerHistory::Transition &t : m_history->transitions()) {
        if (t.backendId == backendId)
            mine.append(&t);
    }
    if (!mine.isEmpty())
        state = mine.first()->from;
    p.setPen(Qt::NoPen);
    for (const BreakerHistory::Transition *t : std::as_const(mine)) {
        if (t->wallMs > spanStart) {
            const int x0 = xFor(band, spanStart, nowWall);
            const int x1 = xFor(band, t->wallMs, nowWall);
            p.fillRect(QRect(x0, band.top(), qMax(1, x1 - x0), band.height()), stateColour(state));
            spanStart = t->wallMs;
        }
        state = t->to;
    }
    const int x0 = xFor(band, spanStart, nowWall);
    p.fillRect(QRect(x0, band.top(), band.right() - x0, band.height()), stateColour(state));
    p.setPen(palette().color(QPalette::Text));
    for (const BreakerHistory::Transition *t : std::as_const(mine)) {
        if (t->wallMs < windowStart)
            continue;
        const int x = xFor(band, t->wallMs, nowWall);
        p.drawLine(x, band.top() - 4, x, band.bottom() + 4);
    }
    // Requests this backend served (or that failed while it was the target), as ticks above.
    const QRect ticks(area.left(), area.top(), area.width(), area.height() / 2 - 6);
    for (auto it = m_requests.crbegin(); it != m_requests.crend() && it->wallMs >= windowStart;
         ++it) {
        if (it->servedBy != backendId)
            continue;
        const int x = xFor(ticks, it->wallMs, nowWall);
        const bool failed = it->status == 0 || it->status >= 500;
        p.setPen(failed ? QColor(0xc6, 0x28, 0x28) : QColor(0x43, 0x8a, 0x47));
        p.drawLine(x, ticks.top() + (failed ? 0 : ticks.height() / 2), x, ticks.bottom());
    }
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(Qt::NoBrush);
    p.drawRect(band);
}

int BreakerView::xFor(const QRect &area, qint64 wallMs, qint64 nowWall) const
{
    const double windowMs = m_windowSeconds * 1000.0;
    const double fraction = 1.0 - double(nowWall - wallMs) / windowMs;
    return area.left() + int(qBound(0.0, fraction, 1.0) * area.width());
}
