// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httppiecebuffer.h"

#include <QTest>

class tst_HttpPieceBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gathersPieces()
    {
        HttpPieceBuffer buffer;
        const QByteArray text("Content-Type");
        for (char c : text)
            buffer.append(&c, 1);
        QCOMPARE(buffer.size(), text.size());
        QCOMPARE(buffer.bytes(), QByteArrayView(text));
        QCOMPARE(buffer.take(), text);
        QCOMPARE(buffer.size(), 0);
    }

    void emptyIsNull()
    {
        HttpPieceBuffer buffer;
        QVERIFY(buffer.take().isNull());
        const QByteArray previous("x");
        QVERIFY(buffer.take(&previous).isNull());
    }

    void equalPreviousIsShared()
    {
        HttpPieceBuffer buffer;
        const QByteArray previous("nginx");
        buffer.append("ngi", 3);
        buffer.append("nx", 2);
        const QByteArray shared = buffer.take(&previous);
        QCOMPARE(shared, previous);
        QCOMPARE(shared.constData(), previous.constData());
    }

    void differentPreviousIsCopied_data()
    {
        QTest::addColumn<QByteArray>("previous");
        QTest::addColumn<QByteArray>("gathered");
        QTest::newRow("longer") << QByteArray("nginx/1") << QByteArray("nginx");
        QTest::newRow("shorter") << QByteArray("ngin") << QByteArray("nginx");
        QTest::newRow("case") << QByteArray("NGINX") << QByteArray("nginx");
    }

    void differentPreviousIsCopied()
    {
        QFETCH(QByteArray, previous);
        QFETCH(QByteArray, gathered);
        HttpPieceBuffer buffer;
        buffer.append(gathered.constData(), gathered.size());
        const QByteArray taken = buffer.take(&previous);
        QCOMPARE(taken, gathered);
        QVERIFY(taken.constData() != previous.constData());
    }

    // The buffer's memory is reused: a later, longer value overwrites an earlier one exactly.
    void reusedAcrossFields()
    {
        HttpPieceBuffer buffer;
        buffer.append("abcdef", 6);
        QCOMPARE(buffer.take(), QByteArray("abcdef"));
        buffer.append("xy", 2);
        QCOMPARE(buffer.take(), QByteArray("xy"));
        const QByteArray big(1000, 'z');
        buffer.append(big.constData(), 500);
        buffer.append(big.constData() + 500, 500);
        QCOMPARE(buffer.take(), big);
        buffer.append("q", 1);
        buffer.clear();
        QVERIFY(buffer.take().isNull());
    }
};

QTEST_GUILESS_MAIN(tst_HttpPieceBuffer)
#include "tst_httppiecebuffer.moc"
