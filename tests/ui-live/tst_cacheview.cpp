// SPDX-License-Identifier: GPL-3.0-or-later
#include "cacheview.h"
#include "engine/manualclock.h"
#include "engine/valuecache.h"
#include "live/cachemodel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QTableView>
#include <QTest>

class tst_CacheView : public QObject
{
    Q_OBJECT

private:
    static QString cell(const CacheView &view, int row, int column)
    {
        const QAbstractItemModel *model = view.tableView()->model();
        return model->data(model->index(row, column)).toString();
    }

private Q_SLOTS:
    void showsKeyThenDropsItWhenTheClockPassesItsTtl()
    {
        ManualClock clock(1'000);
        ValueCache cache(&clock);
        CacheView view;
        view.setCache(&cache, 20);
        QAbstractItemModelTester tester(view.model());
        view.show();
        cache.store(QStringLiteral("East US"),
                    QStringLiteral("is-eus-down-cache-key"),
                    true,
                    QStringLiteral("True"),
                    10'000);
        QCOMPARE(view.tableView()->model()->rowCount(), 1);
        QCOMPARE(cell(view, 0, CacheModel::KeyColumn), QStringLiteral("is-eus-down-cache-key"));
        QCOMPARE(cell(view, 0, CacheModel::ValueColumn), QStringLiteral("True"));
        QCOMPARE(cell(view, 0, CacheModel::RegionColumn), QStringLiteral("East US"));
        QCOMPARE(cell(view, 0, CacheModel::TtlColumn), QStringLiteral("10.0 s"));
        clock.advance(4'000);
        QTRY_COMPARE(cell(view, 0, CacheModel::TtlColumn), QStringLiteral("6.0 s"));
        clock.advance(6'000);
        QTRY_COMPARE(view.tableView()->model()->rowCount(), 0);
        QVERIFY(!cache.lookup(QStringLiteral("East US"), QStringLiteral("is-eus-down-cache-key")));
    }

    void clearButtonEmptiesTheCache()
    {
        ManualClock clock;
        ValueCache cache(&clock);
        CacheView view;
        view.setCache(&cache, 3'600'000);
        cache.store(QStringLiteral("East US"), QStringLiteral("a"), 1, QStringLiteral("1"), 5'000);
        cache.store(
                QStringLiteral("West Europe"), QStringLiteral("b"), 2, QStringLiteral("2"), 5'000);
        QCOMPARE(view.tableView()->model()->rowCount(), 2);
        auto *clear = view.findChild<QPushButton *>();
        QVERIFY(clear && clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(view.tableView()->model()->rowCount(), 0);
        QVERIFY(cache.entries().isEmpty());
    }

    void detachedViewIsEmpty()
    {
        CacheView view;
        view.setCache(nullptr);
        QVERIFY(!view.tableView()->model());
        QVERIFY(!view.findChild<QPushButton *>()->isEnabled());
    }
};

QTEST_MAIN(tst_CacheView)
#include "tst_cacheview.moc"
