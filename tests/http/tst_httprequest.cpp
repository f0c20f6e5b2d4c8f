// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequest.h"

#include <QTest>

class tst_HttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesMethods_data();
    void namesMethods();
    void splitsTarget_data();
    void splitsTarget();
};

void tst_HttpRequest::namesMethods_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("GET") << QByteArray("GET");
    QTest::newRow("DELETE") << QByteArray("DELETE");
    QTest::newRow("CONNECT") << QByteArray("CONNECT");
    QTest::newRow("extension method") << QByteArray("PROPFIND");
    QTest::newRow("lower case is another method") << QByteArray("get");
    QTest::newRow("prefix of a standard one") << QByteArray("GE");
    QTest::newRow("empty") << QByteArray();
}

void tst_HttpRequest::namesMethods()
{
    QFETCH(QByteArray, method);
    HttpRequest request;
    request.method = method;
    QCOMPARE(request.methodName(), QString::fromLatin1(method));
    QCOMPARE(HttpRequest::methodBytes(request.methodName()), method);
}

void tst_HttpRequest::splitsTarget_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("hasQuery");
    QTest::newRow("path only") << QByteArray("/a%20b") << QByteArray("/a%20b") << QByteArray()
                               << false;
    QTest::newRow("query") << QByteArray("/p?x=1&y") << QByteArray("/p") << QByteArray("x=1&y")
                           << true;
    QTest::newRow("empty query") << QByteArray("/p?") << QByteArray("/p") << QByteArray() << true;
    QTest::newRow("second ? belongs to the query")
            << QByteArray("/p?a=?") << QByteArray("/p") << QByteArray("a=?") << true;
}

void tst_HttpRequest::splitsTarget()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(bool, hasQuery);
    HttpRequest request;
    request.target = target;
    QCOMPARE(request.path(), path);
    QCOMPARE(request.query(), query);
    QCOMPARE(request.hasQuery(), hasQuery);
}

QTEST_GUILESS_MAIN(tst_HttpRequest)
#include "tst_httprequest.moc"
