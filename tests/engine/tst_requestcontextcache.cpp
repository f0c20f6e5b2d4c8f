// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/requestcontextcache.h"

#include "engine/executioninput.h"
#include "engine/urlparsecache.h"

#include "expr/httpurl.h"
#include "expr/scriptrecord.h"

#include <QTest>

class tst_RequestContextCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsMatchBuilt();
    void recordsSharedPerOperationAndRegion();
    void originalUrlMatchesBuilt_data();
    void originalUrlMatchesBuilt();
    void originalUrlPerFrontEnd();
    void copiesDoNotChangeTheCachedUrl();
    void staysWithinCapacity();
    void addressText();

private:
    static ExecutionInput input(const QByteArray &target = "/hello?x=1")
    {
        ExecutionInput in;
        in.request.method = "GET";
        in.request.target = target;
        in.route.region = QStringLiteral("East US");
        in.frontEndUrl = QUrl(QStringLiteral("http://127.0.0.1:8081"));
        in.route.apiId = QStringLiteral("hello");
        in.route.apiName = QStringLiteral("Hello");
        in.route.serviceUrl = QStringLiteral("https://hello-eus.azurewebsites.net/base");
        in.route.operationId = QStringLiteral("get-hello");
        in.route.operationName = QStringLiteral("GET /hello");
        in.route.operationMethod = QStringLiteral("GET");
        in.route.operationTemplate = QStringLiteral("/hello");
        return in;
    }
    static QList<QPair<QString, QString>> fields(const ScriptRecord &record)
    {
        QList<QPair<QString, QString>> result;
        for (const auto &[name, value] : record.fields())
            result.append({name, value.isObject() ? value.typeName() : value.toString()});
        return result;
    }
    static QString text(const HttpUrl &url) { return url.toString(); }
};

void tst_RequestContextCache::recordsMatchBuilt()
{
    RequestContextCache cache;
    UrlParseCache urls;
    const RequestContextCache::Records cached = cache.records(input(), &urls);
    const RequestContextCache::Records built = RequestContextCache::buildRecords(input(), nullptr);
    QCOMPARE(fields(*cached.deployment), fields(*built.deployment));
    QCOMPARE(fields(*cached.api), fields(*built.api));
    QCOMPARE(fields(*cached.operation), fields(*built.operation));
    QCOMPARE(cached.deployment->get(QStringLiteral("Region")).toString(),
             QStringLiteral("East US"));
    QCOMPARE(cached.api->typeName(), QStringLiteral("IApi"));
    const auto *serviceUrl = cached.api->get(QStringLiteral("ServiceUrl")).as<HttpUrl>();
    QVERIFY(serviceUrl);
    QCOMPARE(serviceUrl->toString(), QStringLiteral("https://hello-eus.azurewebsites.net/base"));
}

void tst_RequestContextCache::recordsSharedPerOperationAndRegion()
{
    RequestContextCache cache;
    const RequestContextCache::Records first = cache.records(input(), nullptr);
    QCOMPARE(cache.records(input(), nullptr).api, first.api);
    ExecutionInput otherRegion = input();
    otherRegion.route.region = QStringLiteral("West Europe");
    const RequestContextCache::Records west = cache.records(otherRegion, nullptr);
    QVERIFY(west.deployment != first.deployment);
    QCOMPARE(west.deployment->get(QStringLiteral("Region")).toString(),
             QStringLiteral("West Europe"));
    ExecutionInput renamed = input();
    renamed.route.apiName = QStringLiteral("Renamed");
    QCOMPARE(cache.records(renamed, nullptr).api->get(QStringLiteral("Name")).toString(),
             QStringLiteral("Renamed"));
}

void tst_RequestContextCache::originalUrlMatchesBuilt_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("plain") << QByteArray("/hello");
    QTest::newRow("query") << QByteArray("/hello?x=1&y=a%20b&x=2");
    QTest::newRow("encoded path") << QByteArray("/a%20b/%2F/caf%C3%A9");
    QTest::newRow("odd") << QByteArray("/?&=&%zz");
}

void tst_RequestContextCache::originalUrlMatchesBuilt()
{
    QFETCH(QByteArray, target);
    RequestContextCache cache;
    const QString built = text(*RequestContextCache::buildOriginalUrl(input(target)));
    QCOMPARE(text(*cache.originalUrl(input(target))), built);
    QCOMPARE(text(*cache.originalUrl(input(target))), built); // from the cache
}

void tst_RequestContextCache::originalUrlPerFrontEnd()
{
    RequestContextCache cache;
    ExecutionInput east = input();
    ExecutionInput west = input();
    west.frontEndUrl = QUrl(QStringLiteral("http://127.0.0.1:8082"));
    QCOMPARE(text(*cache.originalUrl(east)), QStringLiteral("http://127.0.0.1:8081/hello?x=1"));
    QCOMPARE(text(*cache.originalUrl(west)), QStringLiteral("http://127.0.0.1:8082/hello?x=1"));
    QCOMPARE(text(*cache.originalUrl(east)), QStringLiteral("http://127.0.0.1:8081/hello?x=1"));
}

void tst_RequestContextCache::copiesDoNotChangeTheCachedUrl()
{
    RequestContextCache cache;
    const std::shared_ptr<const HttpUrl> cached = cache.originalUrl(input());
    HttpUrl copy;
    copy.assign(*cached);
    copy.query().set(QStringLiteral("x"), {QStringLiteral("changed")});
    copy.query().append(QStringLiteral("code"), QStringLiteral("k"));
    copy.path = QStringLiteral("/api/Hello");
    QCOMPARE(text(copy), QStringLiteral("http://127.0.0.1:8081/api/Hello?x=changed&code=k"));
    QCOMPARE(text(*cache.originalUrl(input())), QStringLiteral("http://127.0.0.1:8081/hello?x=1"));
}

void tst_RequestContextCache::staysWithinCapacity()
{
    RequestContextCache cache(4);
    for (int i = 0; i < 10; ++i) {
        const QByteArray target = "/hello?i=" + QByteArray::number(i);
        QCOMPARE(text(*cache.originalUrl(input(target))),
                 QStringLiteral("http://127.0.0.1:8081/hello?i=%1").arg(i));
        ExecutionInput in = input();
        in.route.operationId = QString::number(i);
        QCOMPARE(cache.records(in, nullptr).operation->get(QStringLiteral("Id")).toString(),
                 QString::number(i));
    }
    QVERIFY(cache.size() <= 8);
}

void tst_RequestContextCache::addressText()
{
    RequestContextCache cache;
    QCOMPARE(cache.addressText(QHostAddress::LocalHost), QStringLiteral("127.0.0.1"));
    QCOMPARE(cache.addressText(QHostAddress::LocalHost), QStringLiteral("127.0.0.1"));
    QCOMPARE(cache.addressText(QHostAddress(QStringLiteral("::1"))), QStringLiteral("::1"));
    QCOMPARE(cache.addressText(QHostAddress()), QHostAddress().toString());
}

QTEST_GUILESS_MAIN(tst_RequestContextCache)
#include "tst_requestcontextcache.moc"
