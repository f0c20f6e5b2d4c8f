// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/messageconverter.h"

#include "expr/headermap.h"
#include "expr/httpmessage.h"

#include <QTest>

#include <memory>

// Headers from the wire stay bytes in a HeaderMap until something reads or changes them: these
// tests hold the lazy path to what converting every header (the former behaviour) gives.
class tst_MessageConverter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untouchedHeadersPassThrough_data();
    void untouchedHeadersPassThrough();
    void lazyMatchesConverted_data();
    void lazyMatchesConverted();
    void readsSeeWireHeaders();
    void changesReplaceWireHeaders();
    void responseRoundTrip();

private:
    static std::unique_ptr<HeaderMap> wireMap(const HttpHeaders &fields)
    {
        auto map = std::make_unique<HeaderMap>();
        map->setWireHeaders(fields);
        return map;
    }
};

void tst_MessageConverter::untouchedHeadersPassThrough_data()
{
    QTest::addColumn<HttpHeaders>("in");
    QTest::addColumn<bool>("forBackend");
    QTest::addColumn<HttpHeaders>("out");
    const HttpHeaders plain{{"Accept", "*/*"},
                            {"X-Odd-CASE", "a,b;  q=0.5 "},
                            {"X-Latin1", "caf\xe9"},
                            {"X-Empty", ""}};
    QTest::newRow("kept as sent") << plain << true << plain;
    QTest::newRow("framing dropped") << HttpHeaders{{"Host", "h"},
                                                    {"Content-Length", "3"},
                                                    {"Accept", "a"},
                                                    {"connection", "keep-alive"},
                                                    {"Keep-Alive", "5"},
                                                    {"Transfer-Encoding", "chunked"}}
                                     << true << HttpHeaders{{"Accept", "a"}};
    QTest::newRow("host kept towards the client")
            << HttpHeaders{{"Host", "h"}, {"Server", "nginx"}} << false
            << HttpHeaders{{"Host", "h"}, {"Server", "nginx"}};
}

void tst_MessageConverter::untouchedHeadersPassThrough()
{
    QFETCH(HttpHeaders, in);
    QFETCH(bool, forBackend);
    QFETCH(HttpHeaders, out);
    const std::unique_ptr<HeaderMap> map = wireMap(in);
    QCOMPARE(MessageConverter::toWire(*map, forBackend), out);
    QVERIFY(map->wireHeaders()); // still bytes: nothing was converted
}

void tst_MessageConverter::lazyMatchesConverted_data()
{
    QTest::addColumn<HttpHeaders>("in");
    QTest::newRow("repeat joined") << HttpHeaders{{"Accept", "a"}, {"X", "1"}, {"accept", "b"}};
    QTest::newRow("repeat as lines")
            << HttpHeaders{{"Set-Cookie", "a=1"}, {"Date", "d"}, {"set-cookie", "b=2"}};
    QTest::newRow("non-ASCII name") << HttpHeaders{{"X-\xc9t\xe9", "1"}, {"x-\xe9t\xe9", "2"}};
    QTest::newRow("repeated framing") << HttpHeaders{{"Connection", "a"}, {"connection", "b"}};
    QTest::newRow("empty") << HttpHeaders{};
}

void tst_MessageConverter::lazyMatchesConverted()
{
    QFETCH(HttpHeaders, in);
    for (const bool forBackend : {true, false}) {
        const std::unique_ptr<HeaderMap> lazy = wireMap(in);
        const std::unique_ptr<HeaderMap> converted = wireMap(in);
        converted->entries(); // converts
        QVERIFY(!converted->wireHeaders());
        QCOMPARE(MessageConverter::toWire(*lazy, forBackend),
                 MessageConverter::toWire(*converted, forBackend));
    }
}

void tst_MessageConverter::readsSeeWireHeaders()
{
    const std::unique_ptr<HeaderMap> map
            = wireMap({{"Accept", "a"}, {"X-Latin1", "caf\xe9"}, {"accept", "b"}, {"Empty", ""}});
    QCOMPARE(map->size(), 3);
    QVERIFY(map->contains(QStringLiteral("ACCEPT")));
    QCOMPARE(map->values(QStringLiteral("accept")),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(map->joined(QStringLiteral("Accept")), QStringLiteral("a,b"));
    QCOMPARE(map->joined(QStringLiteral("x-latin1")), QString::fromLatin1("caf\xe9"));
    QCOMPARE(map->joined(QStringLiteral("Empty")), QStringLiteral(""));
    QVERIFY(!map->joined(QStringLiteral("Empty")).isNull());
    QVERIFY(map->joined(QStringLiteral("Missing")).isNull());
    QCOMPARE(map->entries().first().first, QStringLiteral("Accept"));
}

void tst_MessageConverter::changesReplaceWireHeaders()
{
    const HttpHeaders in{{"Accept", "a"}, {"X-Keep", "k"}};
    const std::unique_ptr<HeaderMap> set = wireMap(in);
    set->set(QStringLiteral("accept"), {QStringLiteral("json")});
    QCOMPARE(MessageConverter::toWire(*set, true),
             (HttpHeaders{{"Accept", "json"}, {"X-Keep", "k"}}));

    const std::unique_ptr<HeaderMap> appended = wireMap(in);
    appended->append(QStringLiteral("X-New"), QStringLiteral("n"));
    QCOMPARE(MessageConverter::toWire(*appended, true),
             (HttpHeaders{{"Accept", "a"}, {"X-Keep", "k"}, {"X-New", "n"}}));

    const std::unique_ptr<HeaderMap> removed = wireMap(in);
    QVERIFY(removed->remove(QStringLiteral("ACCEPT")));
    QCOMPARE(MessageConverter::toWire(*removed, true), (HttpHeaders{{"X-Keep", "k"}}));

    const std::unique_ptr<HeaderMap> cleared = wireMap(in);
    cleared->clear();
    QVERIFY(!cleared->wireHeaders());
    QCOMPARE(cleared->size(), 0);
    QCOMPARE(MessageConverter::toWire(*cleared, true), HttpHeaders());

    const std::unique_ptr<HeaderMap> replaced = wireMap(in);
    replaced->setWireHeaders({{"Other", "o"}});
    QCOMPARE(replaced->values(QStringLiteral("Accept")), QStringList());
    QCOMPARE(MessageConverter::toWire(*replaced, true), (HttpHeaders{{"Other", "o"}}));
}

void tst_MessageConverter::responseRoundTrip()
{
    HttpResponse response(404, "eus down", "text/plain");
    response.headers.append("Server", "nginx/1.22.1");
    response.headers.append("Content-Length", "8");
    response.headers.append("Connection", "keep-alive");
    const std::shared_ptr<HttpMessage> message = MessageConverter::responseMessage(response);
    const HttpResponse out = MessageConverter::toResponse(*message);
    QCOMPARE(out.status, 404);
    QCOMPARE(out.body, QByteArray("eus down"));
    QCOMPARE(out.headers,
             (HttpHeaders{{"Content-Type", "text/plain"}, {"Server", "nginx/1.22.1"}}));
    QCOMPARE(message->headers->joined(QStringLiteral("server")), QStringLiteral("nginx/1.22.1"));
}

QTEST_GUILESS_MAIN(tst_MessageConverter)
#include "tst_messageconverter.moc"
