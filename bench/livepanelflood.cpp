// SPDX-License-Identifier: GPL-3.0-or-later
// How the live views hold up under a flood of requests: a worker thread appends traces to a
// TraceBuffer at a fixed rate while the trace view, the plots and the breaker view follow it, and
// a 10 ms timer on the GUI thread measures how late the event loop gets to it. The same run with
// no views attached is the baseline; the ratio is what the views cost the event loop.
//   bench_livepanelflood [traces-per-second] [seconds]
#include "breakerview.h"
#include "engine/tracebuffer.h"
#include "live/tracemodel.h"
#include "liveplots.h"
#include "traceview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

struct Lateness
{
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    quint64 traces = 0;
};

RequestTrace sampleTrace(quint64 sequence)
{
    RequestTrace t;
    t.sequence = sequence;
    t.region = QStringLiteral("East US");
    t.method = QStringLiteral("GET");
    t.url = QStringLiteral("/hello");
    t.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    t.durationUs = 800 + qint64(sequence % 400);
    t.status = sequence % 10 == 0 ? 404 : 200;
    t.servedBy = sequence % 10 == 0 ? QStringLiteral("eus") : QStringLiteral("weu");
    t.attempts = 1;
    TraceEvent forward;
    forward.kind = TraceEvent::Kind::Forward;
    forward.backend = t.servedBy;
    forward.status = t.status;
    t.events = {forward, forward};
    return t;
}

Lateness run(bool withViews, int perSecond, int seconds)
{
    TraceBuffer buffer(10000, 100);
    std::unique_ptr<TraceView> traceView;
    std::unique_ptr<LivePlots> plots;
    std::unique_ptr<BreakerView> breakers;
    if (withViews) {
        traceView = std::make_unique<TraceView>();
        plots = std::make_unique<LivePlots>();
        breakers = std::make_unique<BreakerView>();
        traceView->setTraceBuffer(&buffer);
        plots->setTraceBuffer(&buffer);
        breakers->setTraceBuffer(&buffer);
        for (QWidget *w : {static_cast<QWidget *>(traceView.get()),
                           static_cast<QWidget *>(plots.get()),
                           static_cast<QWidget *>(breakers.get())}) {
            w->resize(900, 600);
            w->show();
        }
    }
    std::atomic<bool> stop{false};
    QThread *producer = QThread::create([&] {
        QElapsedTimer clock;
        clock.start();
        quint64 sent = 0;
        while (!stop.load()) {
            const quint64 due = quint64(double(clock.nsecsElapsed()) / 1e9 * perSecond);
            while (sent < due)
                buffer.append(sampleTrace(++sent));
            QThread::usleep(200);
        }
    });
    producer->start();
    QList<double> lateMs;
    QElapsedTimer since;
    since.start();
    qint64 expected = 10;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QEventLoop loop;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 now = since.elapsed();
        lateMs.append(double(qMax<qint64>(0, now - expected)));
        expected = now + 10;
        if (now >= seconds * 1000LL)
            loop.quit();
    });
    tick.start();
    loop.exec();
    stop = true;
    producer->wait();
    delete producer;
    std::sort(lateMs.begin(), lateMs.end());
    Lateness result;
    result.p50Ms = lateMs.at(lateMs.size() / 2);
    result.p99Ms = lateMs.at(qMin(lateMs.size() - 1, qsizetype(lateMs.size() * 0.99)));
    result.maxMs = lateMs.last();
    result.traces = buffer.totalAppended();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int perSecond = argc > 1 ? std::max(1, atoi(argv[1])) : 20000;
    const int seconds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    const Lateness baseline = run(false, perSecond, seconds);
    const Lateness views = run(true, perSecond, seconds);
    std::printf("traces/s target %d for %d s\n", perSecond, seconds);
    std::printf("%-22s %10s %10s %10s %10s\n", "", "traces", "late p50", "late p99", "late max");
    std::printf("%-22s %10llu %8.1fms %8.1fms %8.1fms\n",
                "buffer only (baseline)",
                static_cast<unsigned long long>(baseline.traces),
                baseline.p50Ms,
                baseline.p99Ms,
                baseline.maxMs);
    std::printf("%-22s %10llu %8.1fms %8.1fms %8.1fms\n",
                "trace+plots+breakers",
                static_cast<unsigned long long>(views.traces),
                views.p50Ms,
                views.p99Ms,
                views.maxMs);
    std::printf("event-loop lateness p99 ratio (views / baseline, +1 ms each): %.2f\n",
                (views.p99Ms + 1.0) / (baseline.p99Ms + 1.0));
    return 0;
}
