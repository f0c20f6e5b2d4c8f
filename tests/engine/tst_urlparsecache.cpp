// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/urlparsecache.h"
#include "expr/headermap.h"
#include "expr/httpurl.h"

#include <QTest>

class tst_UrlParseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAsQUrl_data();
    void parsesAsQUrl();
    void staysWithinCapacity();
    void takesBasesApart_data();
    void takesBasesApart();
    void takesRewriteTargetsApart_data();
    void takesRewriteTargetsApart();
    void convertsRequestUrls_data();
    void convertsRequestUrls();
    void requestUrlChangesAreSeen_data();
    void requestUrlChangesAreSeen();
};

void tst_UrlParseCache::parsesAsQUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("https") << QStringLiteral("https://hello-eus.azurewebsites.net");
    QTest::newRow("port and path") << QStringLiteral("http://127.0.0.1:8080/api/v1?code=a%20b");
    QTest::newRow("relative") << QStringLiteral("/hello");
    QTest::newRow("invalid") << QStringLiteral("http://[::1");
    QTest::newRow("empty") << QString();
}

void tst_UrlParseCache::parsesAsQUrl()
{
    QFETCH(QString, text);
    UrlParseCache cache;
    const QUrl expected(text);
    QCOMPARE(cache.parse(text), expected); // parsed
    QCOMPARE(cache.parse(text), expected); // remembered
    QCOMPARE(cache.parse(text).isValid(), expected.isValid());
    QCOMPARE(cache.size(), 1);
}

void tst_UrlParseCache::staysWithinCapacity()
{
    UrlParseCache cache(4);
    for (int i = 0; i < 10; ++i) {
        const QString text = QStringLiteral("http://backend-%1.example/").arg(i);
        QCOMPARE(cache.parse(text).host(), QStringLiteral("backend-%1.example").arg(i));
        QVERIFY(cache.size() <= 4);
    }
}

void tst_UrlParseCache::takesBasesApart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::newRow("https, no path")
            << QStringLiteral("https://hello-eus.azurewebsites.net") << true << "https"
            << "hello-eus.azurewebsites.net" << 443 << "";
    QTest::newRow("http with port and path")
            << QStringLiteral("http://127.0.0.1:8080/api/v1") << true << "http"
            << "127.0.0.1" << 8080 << "/api/v1";
    QTest::newRow("http default port") << QStringLiteral("http://h.example/") << true << "http"
                                       << "h.example" << 80 << "/";
    QTest::newRow("escaped path") << QStringLiteral("https://h.example/a%20b") << true << "https"
                                  << "h.example" << 443 << "/a%20b";
    QTest::newRow("relative") << QStringLiteral("/api") << false << ""
                              << "" << 443 << "/api";
    QTest::newRow("empty") << QString() << false << ""
                           << "" << 443 << "";
}

void tst_UrlParseCache::takesBasesApart()
{
    QFETCH(QString, text);
    QFETCH(bool, absolute);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    UrlParseCache cache(2);
    for (int pass = 0; pass < 2; ++pass) { // parsed, then remembered
        const UrlParseCache::Base base = cache.base(text);
        QCOMPARE(base.absolute, absolute);
        QCOMPARE(base.scheme, scheme);
        QCOMPARE(base.host, host);
        QCOMPARE(base.port, port);
        QCOMPARE(base.path, path);
    }
    for (int i = 0; i < 5; ++i)
        cache.base(QStringLiteral("http://h%1/").arg(i));
    QCOMPARE(cache.base(text).host, host);
}

using Entries = QList<QPair<QString, QStringList>>;

void tst_UrlParseCache::takesRewriteTargetsApart_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Entries>("query");
    QTest::newRow("path only") << QStringLiteral("/api/Hello") << "/api/Hello" << Entries();
    QTest::newRow("empty query") << QStringLiteral("/a?") << "/a" << Entries();
    QTest::newRow("named value filled in")
            << QStringLiteral("/api/Hello?code=demo-function-key") << "/api/Hello"
            << Entries{{"code", {"demo-function-key"}}};
    QTest::newRow("encoded and repeated")
            << QStringLiteral("/x?a=x%20y&b=%C3%A9&a=2&flag") << "/x"
            << Entries{{"a", {"x y", "2"}}, {"b", {QString(QChar(0x00e9))}}, {"flag", {""}}};
    QTest::newRow("names differing in case")
            << QStringLiteral("/x?A=1&a=2") << "/x" << Entries{{"A", {"1"}}, {"a", {"2"}}};
}

// The path and the query map QUrlQuery makes of a target, whether parsed or remembered; a
// request URL's query that takes the map over and then changes leaves it as it was.
void tst_UrlParseCache::takesRewriteTargetsApart()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFETCH(Entries, query);
    UrlParseCache cache(2);
    for (int pass = 0; pass < 2; ++pass) {
        const UrlParseCache::RewriteTarget rewrite = cache.rewriteTarget(target);
        QCOMPARE(rewrite.path, path);
        QCOMPARE(rewrite.query->entries(), query);
    }
    HttpUrl url;
    url.query().assign(*cache.rewriteTarget(target).query);
    url.query().append(QStringLiteral("added"), QStringLiteral("1"));
    QCOMPARE(cache.rewriteTarget(target).query->entries(), query);
    // Other targets past the capacity start the cache over without changing answers.
    QCOMPARE(cache.rewriteTarget(QStringLiteral("/p?x=1")).query->entries(),
             Entries({{"x", {"1"}}}));
    QCOMPARE(cache.rewriteTarget(QStringLiteral("/q?y=2")).path, QStringLiteral("/q"));
    QVERIFY(cache.size() <= 2);
    QCOMPARE(cache.rewriteTarget(target).query->entries(), query);
}

void tst_UrlParseCache::convertsRequestUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("https, default port") << QStringLiteral("https://hello-eus.azurewebsites.net/");
    QTest::newRow("http with port, path and query")
            << QStringLiteral("http://127.0.0.1:8080/api/Hello?code=demo-function-key");
    QTest::newRow("escaped path, encoded and repeated query")
            << QStringLiteral("https://h.example/a%20b?a=x%20y&b=%C3%A9&a=2");
}

// What forward-request sends to: the same QUrl as writing the URL out and parsing it, whether
// converted the first time or remembered, and with more URLs in turn than it remembers.
void tst_UrlParseCache::convertsRequestUrls()
{
    QFETCH(QString, text);
    const std::shared_ptr<HttpUrl> url = HttpUrl::fromUrl(QUrl(text));
    const QUrl expected(url->toString());
    UrlParseCache cache;
    QCOMPARE(cache.url(*url), expected);
    QCOMPARE(cache.url(*url), expected);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 6; ++i) {
            const std::shared_ptr<HttpUrl> other
                    = HttpUrl::fromUrl(QUrl(QStringLiteral("http://backend-%1.example/x").arg(i)));
            QCOMPARE(cache.url(*other).host(), QStringLiteral("backend-%1.example").arg(i));
            QCOMPARE(cache.url(*url), expected);
        }
    }
}

void tst_UrlParseCache::requestUrlChangesAreSeen_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<QString>("expected");
    QTest::newRow("scheme") << "scheme"
                            << "https://h.example:8080/p?a=1";
    QTest::newRow("host") << "host"
                          << "http://other.example:8080/p?a=1";
    QTest::newRow("port") << "port"
                          << "http://h.example/p?a=1";
    QTest::newRow("path") << "path"
                          << "http://h.example:8080/q?a=1";
    QTest::newRow("query value") << "query value"
                                 << "http://h.example:8080/p?a=2";
    QTest::newRow("query added") << "query added"
                                 << "http://h.example:8080/p?a=1&b=x";
}

// A URL changed in place (rewrite-uri, set-backend-service, set-query-parameter do) is not
// answered from what the cache kept for it before.
void tst_UrlParseCache::requestUrlChangesAreSeen()
{
    QFETCH(QString, part);
    QFETCH(QString, expected);
    const std::shared_ptr<HttpUrl> url
            = HttpUrl::fromUrl(QUrl(QStringLiteral("http://h.example:8080/p?a=1")));
    UrlParseCache cache;
    QCOMPARE(cache.url(*url), QUrl(QStringLiteral("http://h.example:8080/p?a=1")));
    if (part == u"scheme")
        url->scheme = QStringLiteral("https");
    else if (part == u"host")
        url->host = QStringLiteral("other.example");
    else if (part == u"port")
        url->port = 80;
    else if (part == u"path")
        url->path = QStringLiteral("/q");
    else if (part == u"query value")
        url->query().set(QStringLiteral("a"), {QStringLiteral("2")});
    else
        url->query().append(QStringLiteral("b"), QStringLiteral("x"));
    QCOMPARE(cache.url(*url), QUrl(expected));
}

QTEST_GUILESS_MAIN(tst_UrlParseCache)
#include "tst_urlparsecache.moc"
