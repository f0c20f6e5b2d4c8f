// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/tracebuffer.h"
#include "live/tracemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class tst_TraceModel : public QObject
{
    Q_OBJECT

private:
    static QList<RequestTrace> batch(quint64 first, int count)
    {
        QList<RequestTrace> result;
        for (int i = 0; i < count; ++i) {
            RequestTrace t;
            t.sequence = first + quint64(i);
            t.status = 200;
            t.servedBy = QStringLiteral("eus");
            result.append(t);
        }
        return result;
    }

private Q_SLOTS:
    void oneInsertPerBatch()
    {
        TraceModel model(100);
        QAbstractItemModelTester tester(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendBatch(batch(1, 40));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 40);
    }

    void boundedKeepsNewest_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QList<int>>("batches");
        QTest::addColumn<quint64>("firstKept");
        QTest::newRow("fits") << 10 << QList<int>{3, 4} << quint64(1);
        QTest::newRow("overflow across batches") << 10 << QList<int>{8, 5} << quint64(4);
        QTest::newRow("batch larger than capacity") << 10 << QList<int>{3, 25} << quint64(19);
    }
    void boundedKeepsNewest()
    {
        QFETCH(int, capacity);
        QFETCH(QList<int>, batches);
        QFETCH(quint64, firstKept);
        TraceModel model(capacity);
        QAbstractItemModelTester tester(&model);
        quint64 next = 1;
        int total = 0;
        for (int size : batches) {
            model.appendBatch(batch(next, size));
            next += quint64(size);
            total += size;
        }
        QCOMPARE(model.rowCount(), qMin(capacity, total));
        QCOMPARE(model.traceAt(0).sequence, firstKept);
        QCOMPARE(model.traceAt(model.rowCount() - 1).sequence, next - 1);
    }

    void followsBuffer()
    {
        TraceBuffer buffer(100, 3600'000);
        for (const RequestTrace &t : batch(1, 3))
            buffer.append(t);
        buffer.flush();
        TraceModel model;
        model.follow(&buffer);
        QCOMPARE(model.rowCount(), 3);
        for (const RequestTrace &t : batch(4, 2))
            buffer.append(t);
        buffer.flush();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.data(model.index(4, TraceModel::ServedByColumn)).toString(),
                 QStringLiteral("eus"));
        buffer.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TraceModel)
#include "tst_tracemodel.moc"
