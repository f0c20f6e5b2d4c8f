// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpheaders.h"

#include <QTest>

class tst_HttpHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookupIgnoresCaseKeepsOriginal()
    {
        HttpHeaders headers{{"Content-Type", "text/plain"}, {"X-A", "1"}, {"x-a", "2"}};
        QVERIFY(headers.contains("content-type"));
        QCOMPARE(headers.value("CONTENT-TYPE"), QByteArray("text/plain"));
        QCOMPARE(headers.values("X-a"), QList<QByteArray>({"1", "2"}));
        QCOMPARE(headers.at(2).name, QByteArray("x-a"));
        QVERIFY(headers.value("missing").isNull());
    }

    void setReplacesFirstAndDropsRepeats()
    {
        HttpHeaders headers{{"A", "1"}, {"B", "x"}, {"a", "2"}};
        headers.set("a", "new");
        QCOMPARE(headers.size(), 2);
        QCOMPARE(headers.at(0).name, QByteArray("A"));
        QCOMPARE(headers.at(0).value, QByteArray("new"));
        headers.set("C", "3");
        QCOMPARE(headers.at(2).name, QByteArray("C"));
    }

    void removeCountsAll()
    {
        HttpHeaders headers{{"A", "1"}, {"B", "x"}, {"a", "2"}};
        QCOMPARE(headers.remove("A"), 2);
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.remove("A"), 0);
    }

    void hasToken_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("expected");
        QTest::newRow("single") << QByteArray("close") << QByteArray("close") << true;
        QTest::newRow("case") << QByteArray("Keep-Alive") << QByteArray("keep-alive") << true;
        QTest::newRow("list") << QByteArray("Upgrade , close") << QByteArray("close") << true;
        QTest::newRow("prefix only") << QByteArray("closed") << QByteArray("close") << false;
        QTest::newRow("empty") << QByteArray() << QByteArray("close") << false;
    }

    void hasToken()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, token);
        QFETCH(bool, expected);
        const HttpHeaders headers{{"Connection", value}};
        QCOMPARE(headers.hasToken("connection", token), expected);
    }
};

QTEST_GUILESS_MAIN(tst_HttpHeaders)
#include "tst_httpheaders.moc"
