// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/httpurl.h"

#include <QTest>

class tst_HttpUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void copiesAreIndependent();
    void sharedQueryKeepsTheUrl();
};

void tst_HttpUrl::roundTrips_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default port") << QStringLiteral("https://h.example.net:443/a?x=1")
                                  << QStringLiteral("https://h.example.net/a?x=1");
    QTest::newRow("own port") << QStringLiteral("http://127.0.0.1:8080/a/b")
                              << QStringLiteral("http://127.0.0.1:8080/a/b");
    QTest::newRow("no path") << QStringLiteral("https://h.example.net")
                             << QStringLiteral("https://h.example.net/");
    QTest::newRow("repeated and encoded") << QStringLiteral("http://h/p?a=1&a=2&b=x%20y")
                                          << QStringLiteral("http://h/p?a=1&a=2&b=x%20y");
}

void tst_HttpUrl::roundTrips()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const std::shared_ptr<HttpUrl> parsed = HttpUrl::fromUrl(QUrl(url));
    QCOMPARE(parsed->toString(), expected);
    QCOMPARE(parsed->clone()->toString(), expected);
}

void tst_HttpUrl::copiesAreIndependent()
{
    const std::shared_ptr<HttpUrl> original
            = HttpUrl::fromUrl(QUrl(QStringLiteral("http://h/p?x=1")));
    const std::shared_ptr<HttpUrl> copy = original->clone();
    copy->query().set(QStringLiteral("x"), {QStringLiteral("2")});
    copy->query().append(QStringLiteral("y"), QStringLiteral("3"));
    QCOMPARE(copy->queryString(), QStringLiteral("?x=2&y=3"));
    QCOMPARE(original->queryString(), QStringLiteral("?x=1"));
    original->assign(*copy);
    QCOMPARE(original->queryString(), QStringLiteral("?x=2&y=3"));
}

// A script may keep context.Request.Url.Query after the request's URL is replaced.
void tst_HttpUrl::sharedQueryKeepsTheUrl()
{
    std::shared_ptr<HttpUrl> url = HttpUrl::fromUrl(QUrl(QStringLiteral("http://h/p?x=1")));
    const std::shared_ptr<HeaderMap> query = HttpUrl::sharedQuery(url);
    QCOMPARE(query.get(), &url->query());
    url.reset();
    QCOMPARE(query->joined(QStringLiteral("x")), QStringLiteral("1"));
    query->append(QStringLiteral("x"), QStringLiteral("2"));
    QCOMPARE(query->values(QStringLiteral("x")),
             QStringList({QStringLiteral("1"), QStringLiteral("2")}));
}

QTEST_GUILESS_MAIN(tst_HttpUrl)
#include "tst_httpurl.moc"
