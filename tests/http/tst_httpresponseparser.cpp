// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpresponseparser.h"

#include <QTest>

using Status = HttpResponseParser::Status;

class tst_HttpResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("content-length")
                << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc") << 200
                << QByteArray("OK") << QByteArray("abc") << true;
        QTest::newRow("chunked") << QByteArray(
                "HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n"
                "2\r\nab\r\n1\r\nc\r\n0\r\n\r\n")
                                 << 500 << QByteArray("Oops") << QByteArray("abc") << true;
        QTest::newRow("no content") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204
                                    << QByteArray("No Content") << QByteArray() << true;
        QTest::newRow("close") << QByteArray("HTTP/1.1 404 Not Found\r\nConnection: close\r\n"
                                             "Content-Length: 1\r\n\r\nx")
                               << 404 << QByteArray("Not Found") << QByteArray("x") << false;
        QTest::newRow("interim then final")
                << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                              "Content-Length: 0\r\n\r\n")
                << 201 << QByteArray("Created") << QByteArray() << true;
    }

    void complete()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        HttpResponseParser whole;
        const auto result = whole.feed(wire);
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.consumed, wire.size());
        QCOMPARE(result.response.status, status);
        QCOMPARE(result.response.reason, reason);
        QCOMPARE(result.response.body, body);
        QCOMPARE(result.keepAlive, keepAlive);

        HttpResponseParser trickle;
        HttpResponseParser::Result last;
        for (qsizetype i = 0; i < wire.size(); ++i)
            last = trickle.feed(QByteArrayView(wire).sliced(i, 1));
        QCOMPARE(last.status, Status::Complete);
        QCOMPARE(last.response, result.response);
    }

    void bodyUntilClose()
    {
        HttpResponseParser parser;
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\n\r\npart one, ").status, Status::NeedMore);
        QVERIFY(parser.headersComplete());
        QCOMPARE(parser.feed("part two").status, Status::NeedMore);
        const auto result = parser.finish();
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.response.body, QByteArray("part one, part two"));
        QVERIFY(!result.keepAlive);
    }

    void closeMidBodyIsError()
    {
        HttpResponseParser parser;
        parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc");
        const auto result = parser.finish();
        QCOMPARE(result.status, Status::Error);
        QVERIFY(result.errorMessage.contains(QLatin1String("before the response was complete")));
    }

    void headResponseSkipsBody()
    {
        HttpResponseParser parser;
        parser.setRequestMethod("HEAD");
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
        const auto result = parser.feed(wire);
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.consumed, wire.size());
        QVERIFY(result.response.body.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("tooLarge");
        QTest::newRow("garbage") << QByteArray("HTTX/1.1 200 OK\r\n\r\n") << false;
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false;
        QTest::newRow("bad chunk")
                << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nq\r\n")
                << false;
        QTest::newRow("declared too large")
                << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n") << true;
        QTest::newRow("headers too large")
                << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(200, 'x') + "\r\n\r\n") << true;
    }

    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, tooLarge);
        HttpResponseParser::Limits limits;
        limits.maxBodyBytes = 10;
        limits.maxHeaderBytes = 128;
        HttpResponseParser parser(limits);
        const auto result = parser.feed(wire);
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.tooLarge, tooLarge);
        QVERIFY(!result.errorMessage.isEmpty());
    }

    // A connection's parser is reused for every response on it and shares arrays with the fields
    // of the previous response: each result must equal a fresh parser's, byte for byte.
    void reusedMatchesFresh_data()
    {
        QTest::addColumn<QByteArrayList>("responses");
        const QByteArray nginx("HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Fri, 27 Nov 2026 "
                               "11:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n"
                               "Connection: keep-alive\r\n\r\neus");
        QTest::newRow("same fields") << QByteArrayList{nginx, nginx, nginx};
        QTest::newRow("values change")
                << QByteArrayList{nginx,
                                  "HTTP/1.1 404 Not Found\r\nServer: nginx\r\nDate: Fri, 27 Nov "
                                  "2026 11:00:01 GMT\r\nContent-Type: text/plain\r\n"
                                  "Content-Length: 8\r\nConnection: keep-alive\r\n\r\neus down",
                                  nginx};
        QTest::newRow("names reordered and recased")
                << QByteArrayList{nginx,
                                  "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nSERVER: nginx\r\n"
                                  "Content-Length: 3\r\n\r\nabc",
                                  nginx};
        QTest::newRow("fewer then more fields") << QByteArrayList{
                nginx, "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n", nginx};
        QTest::newRow("empty values and reasons")
                << QByteArrayList{"HTTP/1.1 200 OK\r\nX-Empty: v\r\nContent-Length: 0\r\n\r\n",
                                  "HTTP/1.1 200 \r\nX-Empty:\r\nContent-Length: 0\r\n\r\n",
                                  "HTTP/1.1 200\r\nX-Empty: \r\nContent-Length: 0\r\n\r\n",
                                  "HTTP/1.1 200 OK\r\nX-Empty: v\r\nContent-Length: 0\r\n\r\n"};
        QTest::newRow("prefixes") << QByteArrayList{
                "HTTP/1.1 200 OKAY\r\nX-Ab: abc\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: ab\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OKAY\r\nX-Ab: abc\r\nContent-Length: 0\r\n\r\n"};
        QTest::newRow("interim and chunked")
                << QByteArrayList{nginx,
                                  "HTTP/1.1 100 Continue\r\nServer: nginx\r\n\r\nHTTP/1.1 201 "
                                  "Created\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n",
                                  "HTTP/1.1 200 OK\r\nServer: nginx\r\nTransfer-Encoding: "
                                  "chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n",
                                  nginx};
    }

    void reusedMatchesFresh()
    {
        QFETCH(QByteArrayList, responses);
        HttpResponseParser whole;
        HttpResponseParser trickle;
        for (const QByteArray &wire : responses) {
            HttpResponseParser fresh;
            const auto expected = fresh.feed(wire);
            QCOMPARE(expected.status, Status::Complete);
            const auto got = whole.feed(wire);
            verifySame(got, expected);
            HttpResponseParser::Result last;
            for (qsizetype i = 0; i < wire.size(); ++i)
                last = trickle.feed(QByteArrayView(wire).sliced(i, 1));
            last.consumed = expected.consumed; // a byte at a time: each feed consumes one
            verifySame(last, expected);
        }
    }

    // After an error the connection is dropped: the reused parser keeps reporting that error.
    void errorAfterResponsesIsFinal()
    {
        const QByteArray ok("HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 0\r\n\r\n");
        const QByteArray bad("HTTP/1.1 200 OK\r\nServer nginx\r\n\r\n");
        HttpResponseParser reused;
        QCOMPARE(reused.feed(ok).status, Status::Complete);
        HttpResponseParser fresh;
        const auto expected = fresh.feed(bad);
        QCOMPARE(expected.status, Status::Error);
        const auto got = reused.feed(bad);
        QCOMPARE(got.status, Status::Error);
        QCOMPARE(got.errorMessage, expected.errorMessage);
        QCOMPARE(got.consumed, expected.consumed);
        QCOMPARE(reused.feed(ok).status, Status::Error);
        QCOMPARE(reused.finish().status, Status::Error);
    }

private:
    static void verifySame(const HttpResponseParser::Result &got,
                           const HttpResponseParser::Result &expected)
    {
        QCOMPARE(got.status, expected.status);
        QCOMPARE(got.consumed, expected.consumed);
        QCOMPARE(got.keepAlive, expected.keepAlive);
        QCOMPARE(got.response, expected.response);
        QCOMPARE(got.response.reason.isNull(), expected.response.reason.isNull());
        for (qsizetype i = 0; i < got.response.headers.size(); ++i) {
            QCOMPARE(got.response.headers.at(i).value.isNull(),
                     expected.response.headers.at(i).value.isNull());
        }
    }
};

QTEST_GUILESS_MAIN(tst_HttpResponseParser)
#include "tst_httpresponseparser.moc"
