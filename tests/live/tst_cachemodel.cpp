// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/manualclock.h"
#include "engine/valuecache.h"
#include "live/cachemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class tst_CacheModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEntriesAndCountsDown()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        CacheModel model(&cache, 3600'000);
        QAbstractItemModelTester tester(&model);
        cache.store(QStringLiteral("East US"),
                    QStringLiteral("is-eus-down-cache-key"),
                    true,
                    "true",
                    10'000);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex ttl = model.index(0, CacheModel::TtlColumn);
        QCOMPARE(model.data(ttl).toString(), QStringLiteral("10.0 s"));
        QCOMPARE(model.data(model.index(0, CacheModel::RegionColumn)).toString(),
                 QStringLiteral("East US"));
        clock.advance(2'500);
        model.refresh();
        QCOMPARE(model.data(ttl, CacheModel::RemainingMsRole).toLongLong(), 7'500);
        QCOMPARE(model.data(ttl).toString(), QStringLiteral("7.5 s"));
    }

    void entriesVanish_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("expired") << "expire";
        QTest::newRow("removed") << "remove";
        QTest::newRow("cleared") << "clear";
    }
    void entriesVanish()
    {
        QFETCH(QString, how);
        ManualClock clock;
        ValueCache cache(&clock);
        CacheModel model(&cache, 3600'000);
        QAbstractItemModelTester tester(&model);
        cache.store(QStringLiteral("r"), QStringLiteral("a"), 1, "1", 1'000);
        cache.store(QStringLiteral("r"), QStringLiteral("b"), 2, "2", 5'000);
        QCOMPARE(model.rowCount(), 2);
        if (how == u"expire") {
            clock.advance(1'000);
            model.refresh();
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.data(model.index(0, CacheModel::KeyColumn)).toString(),
                     QStringLiteral("b"));
        } else if (how == u"remove") {
            cache.remove(QStringLiteral("r"), QStringLiteral("b"));
            QCOMPARE(model.rowCount(), 1);
        } else {
            cache.clear();
            QCOMPARE(model.rowCount(), 0);
        }
    }

    void timerRefreshes()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        CacheModel model(&cache, 10);
        cache.store(QStringLiteral("r"), QStringLiteral("a"), 1, "1", 1'000);
        clock.advance(1'000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 2000);
    }

    void restoreUpdatesInPlace()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        CacheModel model(&cache, 3600'000);
        QAbstractItemModelTester tester(&model);
        cache.store(QStringLiteral("r"), QStringLiteral("a"), 1, "1", 1'000);
        cache.store(QStringLiteral("r"), QStringLiteral("a"), 2, "2", 1'000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, CacheModel::ValueColumn)).toString(),
                 QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(tst_CacheModel)
#include "tst_cachemodel.moc"
