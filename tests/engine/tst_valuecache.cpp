// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/manualclock.h"
#include "engine/valuecache.h"

#include <QSignalSpy>
#include <QTest>

class tst_ValueCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTypeUntilExpiry()
    {
        ManualClock clock(1000);
        ValueCache cache(&clock);
        cache.store(QStringLiteral("East US"), QStringLiteral("is-eus-down"), true, "true", 10'000);
        clock.advance(9'999);
        const auto hit = cache.lookup(QStringLiteral("East US"), QStringLiteral("is-eus-down"));
        QVERIFY(hit.has_value());
        QCOMPARE(hit->typeId(), QMetaType::Bool);
        QCOMPARE(cache.entries().constFirst().remainingMs(clock.nowMs()), 1);
        clock.advance(1);
        QVERIFY(!cache.lookup(QStringLiteral("East US"), QStringLiteral("is-eus-down")));
        QVERIFY(cache.entries().isEmpty());
    }

    void partitions_data()
    {
        QTest::addColumn<ValueCache::Mode>("mode");
        QTest::addColumn<bool>("otherRegionSees");
        QTest::newRow("per region") << ValueCache::Mode::PerRegion << false;
        QTest::newRow("shared") << ValueCache::Mode::Shared << true;
    }
    void partitions()
    {
        QFETCH(ValueCache::Mode, mode);
        QFETCH(bool, otherRegionSees);
        ManualClock clock;
        ValueCache cache(&clock, mode);
        cache.store(QStringLiteral("East US"), QStringLiteral("k"), 1, "1", 5000);
        QVERIFY(cache.lookup(QStringLiteral("East US"), QStringLiteral("k")).has_value());
        QCOMPARE(cache.lookup(QStringLiteral("West Europe"), QStringLiteral("k")).has_value(),
                 otherRegionSees);
    }

    void removeAndSignals()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        QSignalSpy stored(&cache, &ValueCache::entryStored);
        QSignalSpy removed(&cache, &ValueCache::entryRemoved);
        QSignalSpy expired(&cache, &ValueCache::entryExpired);
        cache.store(QStringLiteral("r"), QStringLiteral("a"), 1, "1", 100);
        cache.store(QStringLiteral("r"), QStringLiteral("b"), 2, "2", 200);
        QCOMPARE(stored.count(), 2);
        QVERIFY(cache.remove(QStringLiteral("r"), QStringLiteral("a")));
        QVERIFY(!cache.remove(QStringLiteral("r"), QStringLiteral("a")));
        QCOMPARE(removed.count(), 1);
        clock.advance(200);
        cache.purgeExpired();
        QCOMPARE(expired.count(), 1);
        QCOMPARE(expired.constFirst().at(1).toString(), QStringLiteral("b"));
    }

    void storeOverwritesAndRestartsTtl()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        cache.store(QStringLiteral("r"), QStringLiteral("k"), 1, "1", 100);
        clock.advance(90);
        cache.store(QStringLiteral("r"), QStringLiteral("k"), 2, "2", 100);
        clock.advance(50);
        QCOMPARE(cache.lookup(QStringLiteral("r"), QStringLiteral("k"))->toInt(), 2);
    }

    void switchingModeClears()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        cache.store(QStringLiteral("r"), QStringLiteral("k"), 1, "1", 100);
        cache.setMode(ValueCache::Mode::Shared);
        QVERIFY(cache.entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ValueCache)
#include "tst_valuecache.moc"
