// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpresponse.h"

#include <QTest>

class tst_HttpResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesReasons_data();
    void namesReasons();
    void bodiesByStatus_data();
    void bodiesByStatus();
};

void tst_HttpResponse::namesReasons_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QString>("expected");
    QTest::newRow("standard") << 200 << QByteArray() << QStringLiteral("OK");
    QTest::newRow("standard, spelled out")
            << 404 << QByteArray("Not Found") << QStringLiteral("Not Found");
    QTest::newRow("own phrase") << 200 << QByteArray("Fine") << QStringLiteral("Fine");
    QTest::newRow("last code") << 599 << QByteArray() << QStringLiteral("Unknown");
    QTest::newRow("unassigned code") << 299 << QByteArray() << QStringLiteral("Unknown");
    QTest::newRow("below the range") << 99 << QByteArray() << QStringLiteral("Unknown");
    QTest::newRow("above the range") << 600 << QByteArray() << QStringLiteral("Unknown");
    QTest::newRow("teapot") << 418 << QByteArray()
                            << QString::fromLatin1(HttpResponse::standardReason(418));
}

void tst_HttpResponse::namesReasons()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QString, expected);
    HttpResponse response(status);
    response.reason = reason;
    QCOMPARE(response.reasonText(), expected);
    QCOMPARE(response.reasonText(), QString::fromLatin1(response.reasonPhrase()));
    QCOMPARE(HttpResponse::standardReasonText(status),
             QString::fromLatin1(HttpResponse::standardReason(status)));
}

void tst_HttpResponse::bodiesByStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("allowsBody");
    QTest::newRow("100") << 100 << false;
    QTest::newRow("200") << 200 << true;
    QTest::newRow("204") << 204 << false;
    QTest::newRow("304") << 304 << false;
    QTest::newRow("404") << 404 << true;
}

void tst_HttpResponse::bodiesByStatus()
{
    QFETCH(int, status);
    QFETCH(bool, allowsBody);
    QCOMPARE(HttpResponse(status).statusAllowsBody(), allowsBody);
}

QTEST_GUILESS_MAIN(tst_HttpResponse)
#include "tst_httpresponse.moc"
