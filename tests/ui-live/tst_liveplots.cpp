// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/tracebuffer.h"
#include "liveplots.h"

#include <QDateTime>
#include <QTest>

class tst_LivePlots : public QObject
{
    Q_OBJECT

private:
    static double at(const QList<QPointF> &points, double x)
    {
        for (const QPointF &p : points) {
            if (qFuzzyCompare(p.x(), x))
                return p.y();
        }
        return -1;
    }

private Q_SLOTS:
    void failoverShowsAsASwitchOfSeries()
    {
        LivePlots plots;
        plots.resize(800, 600);
        plots.show();
        TraceBuffer buffer(10'000, 3'600'000);
        plots.setTraceBuffer(&buffer);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 lastComplete = now - now % 1000 - 1000;
        // eus serves 4 requests a second for 5 s, then weu takes over for 4 s.
        for (int s = 9; s >= 0; --s) {
            for (int i = 0; i < 4; ++i) {
                RequestTrace t;
                t.startedAtMs = lastComplete - s * 1000 + i * 100;
                t.durationUs = 2'000 + i * 1'000;
                t.status = 200;
                t.servedBy = s >= 5 ? QStringLiteral("eus") : QStringLiteral("weu");
                buffer.append(t);
            }
        }
        buffer.flush();
        plots.refreshAt(now);
        const QList<QPointF> eus = plots.backendPoints(QStringLiteral("eus"));
        const QList<QPointF> weu = plots.backendPoints(QStringLiteral("weu"));
        QCOMPARE(at(eus, -9), 4.0);
        QCOMPARE(at(eus, -5), 4.0);
        QCOMPARE(at(eus, -4), 0.0); // drops to the axis, not a slope to the next sample
        QCOMPARE(at(eus, 0), 0.0);
        QCOMPARE(at(weu, -5), 0.0);
        QCOMPARE(at(weu, -4), 4.0);
        QCOMPARE(at(weu, 0), 4.0);
        QCOMPARE(plots.statistics().total(), 40);
        QVERIFY(plots.statistics().percentileMs(50) >= 2.0);
        QVERIFY(!plots.grab().isNull());
        plots.clear();
        QCOMPARE(plots.statistics().total(), 0);
    }
};

QTEST_MAIN(tst_LivePlots)
#include "tst_liveplots.moc"
