// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/circuitbreaker.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <deque>

class BreakerHistory;
class TraceBuffer;
struct RequestTrace;

// The circuit breakers as state machines (closed, open, half-open) with the current state lit,
// the failures inside the window and the time left in a trip; beside each, a strip of the last
// minute with its states over time and the requests it saw, on the same time axis for every
// breaker. Repaints on a timer at a bounded rate, never per request.
class BreakerView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreakerView)

public:
    explicit BreakerView(QWidget *parent = nullptr);
    ~BreakerView() override;

    // Neither is owned; null detaches.
    void setHistory(BreakerHistory *history);
    void setTraceBuffer(TraceBuffer *buffer);
    void setWindowSeconds(int seconds);

    // What the view shows for a backend's breaker, as drawn (for tests and accessibility).
    QString stateText(const QString &backendId) const;
    int transitionsShown(const QString &backendId) const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct RequestMark
    {
        qint64 wallMs;
        int status;
        QString servedBy;
    };
    void addRequests(const QList<RequestTrace> &batch);
    void paintBreaker(QPainter &p, const QRect &row, CircuitBreaker *breaker, qint64 nowWall) const;
    void paintMachine(QPainter &p, const QRect &area, CircuitBreaker::State state) const;
    void paintTimeline(QPainter &p,
                       const QRect &area,
                       const QString &backendId,
                       qint64 nowWall) const;
    int xFor(const QRect &area, qint64 wallMs, qint64 nowWall) const;

    QPointer<BreakerHistory> m_history;
    QPointer<TraceBuffer> m_buffer;
    std::deque<RequestMark> m_requests;
    QTimer m_repaint;
    int m_windowSeconds = 60;
};
