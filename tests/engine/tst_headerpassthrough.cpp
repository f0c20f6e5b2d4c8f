// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionharness.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

// Headers no policy touches travel as bytes from the client to the backend and from the backend
// to the client; headers a policy reads or sets behave as they did when every header was
// converted to a string. A raw loopback backend records the exact request it gets and answers
// with fixed bytes.
class tst_HeaderPassThrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void untouchedHeadersPassByteIdentical();
    void readAndChangedHeaders_data();
    void readAndChangedHeaders();

private:
    QString policy(const QString &inbound, const QString &outbound) const;
    // The header lines of the request the backend got, without the request line.
    QList<QByteArray> backendHeaderLines() const;

    std::unique_ptr<QTcpServer> m_backend;
    QByteArray m_received;
};

namespace {
const QByteArray BackendAnswer = "HTTP/1.1 200 OK\r\n"
                                 "Server: raw\r\n"
                                 "x-lower-Case: v\xe9rbatim, with,commas \r\n"
                                 "Set-Cookie: a=1; Path=/\r\n"
                                 "Content-Length: 2\r\n"
                                 "X-Empty: \r\n"
                                 "set-cookie: b=2\r\n"
                                 "\r\n"
                                 "ok";
const HttpHeaders ClientHeaders{{"Accept", "*/*"},
                                {"x-Mixed-CASE", " spaced ,value"},
                                {"X-Latin1", "caf\xe9"},
                                {"Host", "gateway.example"},
                                {"X-Empty", ""}};
} // namespace

void tst_HeaderPassThrough::init()
{
    m_received.clear();
    m_backend = std::make_unique<QTcpServer>();
    QVERIFY(m_backend->listen(QHostAddress::LocalHost, 0));
    connect(m_backend.get(), &QTcpServer::newConnection, this, [this] {
        QTcpSocket *socket = m_backend->nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_received += socket->readAll();
            if (m_received.contains("\r\n\r\n"))
                socket->write(BackendAnswer);
        });
    });
}

QString tst_HeaderPassThrough::policy(const QString &inbound, const QString &outbound) const
{
    return QStringLiteral(
                   "<policies><inbound><set-backend-service base-url=\"http://127.0.0.1:%1\" "
                   "/>%2</inbound><backend><forward-request /></backend>"
                   "<outbound>%3</outbound></policies>")
            .arg(m_backend->serverPort())
            .arg(inbound, outbound);
}

QList<QByteArray> tst_HeaderPassThrough::backendHeaderLines() const
{
    QByteArray head = m_received.left(m_received.indexOf("\r\n\r\n"));
    QList<QByteArray> lines = head.replace("\r\n", "\n").split('\n');
    lines.removeFirst();
    return lines;
}

void tst_HeaderPassThrough::untouchedHeadersPassByteIdentical()
{
    ExecutionHarness harness;
    const auto outcome = harness.run(policy({}, {}), "GET", "/items/7?x=1", ClientHeaders);
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 200);
    const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(m_backend->serverPort());
    QCOMPARE(backendHeaderLines(),
             (QList<QByteArray>{host,
                                "Accept: */*",
                                "x-Mixed-CASE:  spaced ,value",
                                "X-Latin1: caf\xe9",
                                "X-Empty: "}));
    // Repeats of Set-Cookie go out as lines of their own (after the first of the name), values
    // and spelling as the backend sent them; framing is the gateway's own.
    QCOMPARE(outcome->response.headers,
             (HttpHeaders{{"Server", "raw"},
                          {"x-lower-Case", "v\xe9rbatim, with,commas "},
                          {"Set-Cookie", "a=1; Path=/"},
                          {"Set-Cookie", "b=2"},
                          {"X-Empty", ""}}));
    QCOMPARE(outcome->response.body, QByteArray("ok"));
}

void tst_HeaderPassThrough::readAndChangedHeaders_data()
{
    QTest::addColumn<QString>("inbound");
    QTest::addColumn<QString>("outbound");
    QTest::addColumn<QByteArray>("backendLine");
    QTest::addColumn<QByteArray>("responseName");
    QTest::addColumn<QByteArray>("responseValue");
    QTest::newRow("read in a condition")
            << QStringLiteral(
                       "<choose><when condition=\"@(context.Request.Headers.GetValueOrDefault("
                       "&quot;x-latin1&quot;, &quot;&quot;) == &quot;caf\u00e9&quot;)\">"
                       "<set-header name=\"X-Seen\"><value>yes</value></set-header>"
                       "</when></choose>")
            << QString() << QByteArray("X-Seen: yes") << QByteArray("Server") << QByteArray("raw");
    QTest::newRow("overridden") << QStringLiteral(
            "<set-header name=\"ACCEPT\" exists-action=\"override\">"
            "<value>application/json</value></set-header>")
                                << QStringLiteral(
                                           "<set-header name=\"server\" exists-action=\"override\">"
                                           "<value>gateway</value></set-header>")
                                << QByteArray("Accept: application/json") << QByteArray("Server")
                                << QByteArray("gateway");
    QTest::newRow("appended") << QStringLiteral(
            "<set-header name=\"x-mixed-case\" exists-action=\"append\">"
            "<value>more</value></set-header>")
                              << QStringLiteral(
                                         "<set-header name=\"Set-Cookie\" exists-action=\"append\">"
                                         "<value>c=3</value></set-header>")
                              << QByteArray("x-Mixed-CASE:  spaced ,value,more")
                              << QByteArray("Set-Cookie") << QByteArray("a=1; Path=/");
    QTest::newRow("response header read")
            << QString()
            << QStringLiteral("<set-header name=\"X-Copied\"><value>@(context.Response.Headers."
                              "GetValueOrDefault(&quot;X-LOWER-CASE&quot;, &quot;-&quot;))"
                              "</value></set-header>")
            << QByteArray("Accept: */*") << QByteArray("X-Copied")
            << QByteArray("v\xe9rbatim, with,commas ");
}

void tst_HeaderPassThrough::readAndChangedHeaders()
{
    QFETCH(QString, inbound);
    QFETCH(QString, outbound);
    QFETCH(QByteArray, backendLine);
    QFETCH(QByteArray, responseName);
    QFETCH(QByteArray, responseValue);
    ExecutionHarness harness;
    const auto outcome
            = harness.run(policy(inbound, outbound), "GET", "/items/7?x=1", ClientHeaders);
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 200);
    QVERIFY2(backendHeaderLines().contains(backendLine), m_received.constData());
    QCOMPARE(outcome->response.headers.value(responseName), responseValue);
}

QTEST_GUILESS_MAIN(tst_HeaderPassThrough)
#include "tst_headerpassthrough.moc"
