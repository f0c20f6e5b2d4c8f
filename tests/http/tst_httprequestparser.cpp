// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequestparser.h"

#include <QTest>

using Status = HttpRequestParser::Status;

class tst_HttpRequestParser : public QObject
{
    Q_OBJECT

private:
    static HttpRequestParser::Limits smallLimits()
    {
        HttpRequestParser::Limits limits;
        limits.maxTargetBytes = 64;
        limits.maxHeaderBytes = 256;
        limits.maxHeaderCount = 5;
        limits.maxBodyBytes = 16;
        return limits;
    }

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<int>("minor");

        QTest::newRow("get") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
                             << QByteArray("GET") << QByteArray("/a") << QByteArray() << true << 1;
        QTest::newRow("query") << QByteArray("GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: x\r\n\r\n")
                               << QByteArray("GET") << QByteArray("/a/b?x=1&y=%20") << QByteArray()
                               << true << 1;
        QTest::newRow("content-length body")
                << QByteArray("POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                << QByteArray("POST") << QByteArray("/p") << QByteArray("hello") << true << 1;
        QTest::newRow("chunked body")
                << QByteArray("PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nTrailer: t\r\n\r\n")
                << QByteArray("PUT") << QByteArray("/c") << QByteArray("abcdefg") << true << 1;
        QTest::newRow("connection close")
                << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                << QByteArray("GET") << QByteArray("/") << QByteArray() << false << 1;
        QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                                  << QByteArray("/") << QByteArray() << false << 0;
        QTest::newRow("http/1.0 keep-alive")
                << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                << QByteArray("GET") << QByteArray("/") << QByteArray() << true << 0;
        QTest::newRow("empty header value")
                << QByteArray("DELETE /d HTTP/1.1\r\nHost: x\r\nX-Empty:\r\n\r\n")
                << QByteArray("DELETE") << QByteArray("/d") << QByteArray() << true << 1;
    }

    void complete()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        QFETCH(int, minor);

        // Whole buffer at once.
        HttpRequestParser whole;
        const HttpRequestParser::Result result = whole.feed(wire);
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.consumed, wire.size());
        QCOMPARE(result.request.method, method);
        QCOMPARE(result.request.target, target);
        QCOMPARE(result.request.body, body);
        QCOMPARE(result.request.keepAlive, keepAlive);
        QCOMPARE(result.request.versionMinor, minor);
        QVERIFY(!whole.hasPartialMessage());

        // Byte by byte: the same request, NeedMore before the last byte.
        HttpRequestParser trickle;
        HttpRequestParser::Result last;
        for (qsizetype i = 0; i < wire.size(); ++i) {
            last = trickle.feed(QByteArrayView(wire).sliced(i, 1));
            if (i + 1 < wire.size()) {
                QCOMPARE(last.status, Status::NeedMore);
                QVERIFY(trickle.hasPartialMessage());
            }
        }
        QCOMPARE(last.status, Status::Complete);
        QCOMPARE(last.request, result.request);
    }

    void headersKeepCaseOrderAndRepeats()
    {
        HttpRequestParser parser;
        const auto result = parser.feed("GET / HTTP/1.1\r\nHost: h\r\nX-Tag: a\r\nx-tag: b\r\n"
                                        "Accept: */*\r\n\r\n");
        QCOMPARE(result.status, Status::Complete);
        const HttpHeaders &headers = result.request.headers;
        QCOMPARE(headers.size(), 4);
        QCOMPARE(headers.at(1).name, QByteArray("X-Tag"));
        QCOMPARE(headers.at(2).name, QByteArray("x-tag"));
        QCOMPARE(headers.value("X-TAG"), QByteArray("a"));
        QCOMPARE(headers.values("x-Tag"), QList<QByteArray>({"a", "b"}));
        QCOMPARE(headers.combinedValue("x-tag"), QByteArray("a, b"));
        QCOMPARE(result.request.path(), QByteArray("/"));
        QVERIFY(!result.request.hasQuery());
    }

    void pipelining()
    {
        const QByteArray wire = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                                "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok"
                                "GET /3?q HTTP/1.1\r\nHost: x\r\n\r\n"
                                "GET /4 HT";
        HttpRequestParser parser;
        QByteArrayView rest(wire);
        QList<QByteArray> targets;
        for (int i = 0; i < 10 && !rest.isEmpty(); ++i) {
            const auto result = parser.feed(rest);
            rest = rest.sliced(result.consumed);
            if (result.status != Status::Complete)
                break;
            targets.append(result.request.target);
        }
        QCOMPARE(targets, QList<QByteArray>({"/1", "/2", "/3?q"}));
        QVERIFY(rest.isEmpty());
        QVERIFY(parser.hasPartialMessage());
        const auto fourth = parser.feed("TP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(fourth.status, Status::Complete);
        QCOMPARE(fourth.request.target, QByteArray("/4"));
    }

    void expectContinue()
    {
        HttpRequestParser parser;
        const auto head = parser.feed("POST /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                      "Content-Length: 3\r\n\r\n");
        QCOMPARE(head.status, Status::NeedMore);
        QVERIFY(head.expectContinue);
        QVERIFY(parser.headersComplete());
        const auto body = parser.feed("abc");
        QCOMPARE(body.status, Status::Complete);
        QVERIFY(!body.expectContinue);
        QCOMPARE(body.request.body, QByteArray("abc"));
        QVERIFY(!parser.headersComplete());

        // Body already there: nothing to wait for, no 100 Continue needed.
        HttpRequestParser eager;
        const auto all = eager.feed("POST /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                    "Content-Length: 3\r\n\r\nabc");
        QCOMPARE(all.status, Status::Complete);
        QVERIFY(!all.expectContinue);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("garbage") << QByteArray("\x01\x02garbage\r\n\r\n") << 400 << "malformed";
        QTest::newRow("bad version") << QByteArray("GET / HTTX/1.1\r\n\r\n") << 400 << "malformed";
        QTest::newRow("header line without colon")
                << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400 << "malformed";
        QTest::newRow("control byte in header name")
                << QByteArray("GET / HTTP/1.1\r\nBad\x01Name: x\r\n\r\n") << 400 << "malformed";
        QTest::newRow("bad content-length")
                << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400
                << "malformed";
        QTest::newRow("bad chunk size")
                << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400
                << "malformed";
        QTest::newRow("smuggling cl+te")
                << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: "
                              "chunked\r\n\r\n")
                << 400 << "malformed";
        QTest::newRow("target too long")
                << QByteArray("GET /" + QByteArray(100, 'a') + " HTTP/1.1\r\n\r\n") << 414
                << "request target";
        QTest::newRow("header section too large")
                << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(300, 'b') + "\r\n\r\n")
                << 431 << "header section";
        QTest::newRow("too many headers") << QByteArray(
                "GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\ne: 5\r\nf: 6\r\n\r\n")
                                          << 431 << "header fields";
        QTest::newRow("declared body too large")
                << QByteArray("POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\n") << 413
                << "Content-Length";
        QTest::newRow("chunked body too large")
                << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n")
                << 413 << "body";
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505 << "version";
        QTest::newRow("unknown expectation")
                << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx")
                << 417 << "expectation";
        QTest::newRow("connect") << QByteArray("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n") << 501
                                 << "CONNECT";
    }

    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        HttpRequestParser parser(smallLimits());
        const auto result = parser.feed(wire);
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.errorStatus, status);
        QVERIFY2(result.errorMessage.contains(messagePart), qPrintable(result.errorMessage));
        QVERIFY2(result.errorMessage.contains(QLatin1String("byte")),
                 qPrintable(result.errorMessage));
        // Failed for good: the connection must answer and close.
        const auto again = parser.feed("GET / HTTP/1.1\r\n\r\n");
        QCOMPARE(again.status, Status::Error);
        QCOMPARE(again.errorStatus, status);
    }

    void errorAfterGoodRequestInPipeline()
    {
        HttpRequestParser parser;
        const QByteArray wire = "GET /ok HTTP/1.1\r\nHost: x\r\n\r\nBROKEN\r\n\r\n";
        const auto first = parser.feed(wire);
        QCOMPARE(first.status, Status::Complete);
        const auto second = parser.feed(QByteArrayView(wire).sliced(first.consumed));
        QCOMPARE(second.status, Status::Error);
        QCOMPARE(second.errorStatus, 400);
    }

    void upgradeServedAsPlainRequest()
    {
        HttpRequestParser parser;
        const QByteArray wire = "GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                                "Upgrade: websocket\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n";
        const auto first = parser.feed(wire);
        QCOMPARE(first.status, Status::Complete);
        QCOMPARE(first.request.target, QByteArray("/ws"));
        const auto second = parser.feed(QByteArrayView(wire).sliced(first.consumed));
        QCOMPARE(second.status, Status::Complete);
        QCOMPARE(second.request.target, QByteArray("/next"));
    }

    // A connection's parser is reused for every request on it and shares arrays with the previous
    // request's target, method and fields: each result must equal a fresh parser's, byte for byte.
    void reusedMatchesFresh_data()
    {
        QTest::addColumn<QByteArrayList>("requests");
        const QByteArray wrk("GET /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
        QTest::newRow("same request") << QByteArrayList{wrk, wrk, wrk};
        QTest::newRow("target and values change")
                << QByteArrayList{wrk,
                                  "GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8081\r\n\r\n",
                                  "GET /hell HTTP/1.1\r\nHost: 127.0.0.1:808\r\n\r\n",
                                  wrk};
        QTest::newRow("methods and bodies")
                << QByteArrayList{wrk,
                                  "POST /hello HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                                  "Content-Length: 2\r\n\r\nok",
                                  "DELETE /hello HTTP/1.1\r\nhost: 127.0.0.1:8080\r\n\r\n",
                                  wrk};
        QTest::newRow("fields reordered, empty and repeated")
                << QByteArrayList{"GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nA: 3\r\n\r\n",
                                  "GET / HTTP/1.1\r\nB: 2\r\nA: 1\r\n\r\n",
                                  "GET / HTTP/1.1\r\nA:\r\nB: \r\nA: 3\r\n\r\n",
                                  "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nA: 3\r\n\r\n"};
    }

    void reusedMatchesFresh()
    {
        QFETCH(QByteArrayList, requests);
        HttpRequestParser whole;
        HttpRequestParser trickle;
        for (const QByteArray &wire : requests) {
            HttpRequestParser fresh;
            const auto expected = fresh.feed(wire);
            QCOMPARE(expected.status, Status::Complete);
            const auto got = whole.feed(wire);
            QCOMPARE(got.status, Status::Complete);
            QCOMPARE(got.consumed, expected.consumed);
            QCOMPARE(got.request, expected.request);
            HttpRequestParser::Result last;
            for (qsizetype i = 0; i < wire.size(); ++i)
                last = trickle.feed(QByteArrayView(wire).sliced(i, 1));
            QCOMPARE(last.status, Status::Complete);
            QCOMPARE(last.request, expected.request);
            for (qsizetype i = 0; i < expected.request.headers.size(); ++i) {
                QCOMPARE(got.request.headers.at(i).value.isNull(),
                         expected.request.headers.at(i).value.isNull());
            }
        }
    }

    // A target over the limit fails the same on a reused parser as on a fresh one.
    void targetLimitAfterReuse()
    {
        HttpRequestParser reused(smallLimits());
        QCOMPARE(reused.feed("GET /short HTTP/1.1\r\nHost: x\r\n\r\n").status, Status::Complete);
        const QByteArray tooLong = "GET /" + QByteArray(64, 'a') + " HTTP/1.1\r\n\r\n";
        HttpRequestParser fresh(smallLimits());
        const auto expected = fresh.feed(tooLong);
        const auto got = reused.feed(tooLong);
        QCOMPARE(got.status, Status::Error);
        QCOMPARE(got.errorStatus, 414);
        QCOMPARE(got.errorStatus, expected.errorStatus);
    }
};

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
