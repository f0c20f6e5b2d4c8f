// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpaddressmap.h"

#include <QTest>

class tst_HttpAddressMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port"); // 0: unreachable

        QTest::newRow("mapped https") << "https://hello-eus.azurewebsites.net/api?x=1"
                                      << "127.0.0.1" << 4100;
        QTest::newRow("mapped, host case") << "https://HELLO-EUS.azurewebsites.net:443/"
                                           << "127.0.0.1" << 4100;
        QTest::newRow("mapped http with port") << "http://api.internal:8080/x"
                                               << "127.0.0.1" << 4200;
        QTest::newRow("other port unmapped") << "http://api.internal:9090/x"
                                             << "api.internal" << 9090;
        QTest::newRow("plain http") << "http://example.org/"
                                    << "example.org" << 80;
        QTest::newRow("unmapped https") << "https://hello-weu.azurewebsites.net/"
                                        << "" << 0;
        QTest::newRow("no host") << "http:///path"
                                 << "" << 0;
    }

    void resolve()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(int, port);
        HttpAddressMap map;
        map.insert(QUrl(QStringLiteral("https://hello-eus.azurewebsites.net")),
                   QUrl(QStringLiteral("http://127.0.0.1:4100")));
        map.insert(QUrl(QStringLiteral("http://api.internal:8080/ignored/path")),
                   QUrl(QStringLiteral("http://127.0.0.1:4200")));
        const auto endpoint = map.resolve(QUrl(url));
        QCOMPARE(endpoint.has_value(), port != 0);
        if (endpoint) {
            QCOMPARE(endpoint->host, host);
            QCOMPARE(int(endpoint->port), port);
        }
    }

    void originKeyIsNormalised()
    {
        QCOMPARE(HttpAddressMap::originKey(QUrl(QStringLiteral("HTTPS://Hello.Example/a"))),
                 QStringLiteral("https://hello.example:443"));
        QCOMPARE(HttpAddressMap::originKey(QUrl(QStringLiteral("http://h:81"))),
                 QStringLiteral("http://h:81"));
    }
};

QTEST_GUILESS_MAIN(tst_HttpAddressMap)
#include "tst_httpaddressmap.moc"
