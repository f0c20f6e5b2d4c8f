// SPDX-License-Identifier: GPL-3.0-or-later
// "apim-designer serve" as a process: it prints its URLs, answers over HTTP through the policy
// and a mock backend, and exits 0 on SIGTERM.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_ServeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesUntilSigterm();
    void workspaceMocksAndRegionsAreOverridden();
    void badOptionIsUsageError_data();
    void badOptionIsUsageError();
    void demoTellsTheArticlesStory();
};

void tst_ServeCommand::servesUntilSigterm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile api(dir.filePath(QStringLiteral("api.xml")));
    QVERIFY(api.open(QIODevice::WriteOnly));
    api.write("<policies><inbound><set-backend-service base-url=\"https://backend.example\" />"
              "<set-header name=\"X-Key\"><value>{{key}}</value></set-header></inbound>"
              "<backend><forward-request timeout=\"5\" /></backend><outbound /><on-error "
              "/></policies>");
    api.close();

    QProcess process;
    process.start(QStringLiteral(APIM_DESIGNER_BINARY),
                  {QStringLiteral("serve"),
                   QStringLiteral("--api"),
                   api.fileName(),
                   QStringLiteral("--region"),
                   QStringLiteral("Local=0"),
                   QStringLiteral("--mock"),
                   QStringLiteral("echo=0"),
                   QStringLiteral("--map-backend"),
                   QStringLiteral("https://backend.example=mock:echo"),
                   QStringLiteral("--named-value"),
                   QStringLiteral("key=secret")});
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    const QRegularExpression urlLine(QStringLiteral("Local: (http://127\\.0\\.0\\.1:(\\d+))"));
    QRegularExpressionMatch match;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput(),
                              match = urlLine.match(QString::fromUtf8(output)),
                              match.hasMatch()),
                             10000);
    const quint16 port = quint16(match.captured(2).toUInt());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /anything?a=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    QTRY_VERIFY_WITH_TIMEOUT((socket.waitForReadyRead(100),
                              reply += socket.readAll(),
                              socket.state() == QAbstractSocket::UnconnectedState),
                             10000);
    QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
    const QJsonObject echo
            = QJsonDocument::fromJson(reply.mid(reply.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(echo.value("path").toString(), QStringLiteral("/anything"));
    QCOMPARE(echo.value("headers").toObject().value("X-Key").toString(), QStringLiteral("secret"));

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

// --region and --mock naming what the workspace already has reconfigure it instead of adding a
// second one: the article's primary knocked out from the command line.
void tst_ServeCommand::workspaceMocksAndRegionsAreOverridden()
{
    QProcess process;
    process.start(QStringLiteral(APIM_DESIGNER_BINARY),
                  {QStringLiteral("serve"),
                   QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"),
                   QStringLiteral("--region"),
                   QStringLiteral("East US=0"),
                   QStringLiteral("--region"),
                   QStringLiteral("West Europe=0"),
                   QStringLiteral("--mock"),
                   QStringLiteral("eus=0,status=404")});
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    const QRegularExpression urlLine(QStringLiteral("East US: http://127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch match;
    QTRY_VERIFY_WITH_TIMEOUT(
            (output += process.readAllStandardOutput(),
             match = urlLine.match(QString::fromUtf8(output)),
             match.hasMatch() && output.contains("mock weu") && output.contains("mock eus")),
            10000);
    QCOMPARE(output.count("mock eus"), 1);
    QCOMPARE(output.count("East US:"), 1);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(match.captured(1).toUInt()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    QTRY_VERIFY_WITH_TIMEOUT((socket.waitForReadyRead(100),
                              reply += socket.readAll(),
                              socket.state() == QAbstractSocket::UnconnectedState),
                             10000);
    QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
    const QJsonObject echo
            = QJsonDocument::fromJson(reply.mid(reply.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(echo.value("backend").toString(), QStringLiteral("weu"));

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
}

void tst_ServeCommand::badOptionIsUsageError_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown") << QStringLiteral("--bogus") << QStringLiteral("x")
                             << QByteArray("unknown option --bogus");
    QTest::newRow("max-connections not a number")
            << QStringLiteral("--max-connections") << QStringLiteral("many")
            << QByteArray("--max-connections expects a positive number, got 'many'");
    QTest::newRow("max-connections zero")
            << QStringLiteral("--max-connections") << QStringLiteral("0")
            << QByteArray("--max-connections expects a positive number, got '0'");
    QTest::newRow("workers negative")
            << QStringLiteral("--workers") << QStringLiteral("-1")
            << QByteArray("--workers expects a positive number, got '-1'");
}

void tst_ServeCommand::badOptionIsUsageError()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(QByteArray, message);
    QProcess process;
    process.start(QStringLiteral(APIM_DESIGNER_BINARY), {QStringLiteral("serve"), option, value});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains(message));
}

void tst_ServeCommand::demoTellsTheArticlesStory()
{
    QProcess process;
    process.start(QStringLiteral(APIM_DESIGNER_BINARY),
                  {QStringLiteral("demo"), QStringLiteral("4")});
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(output.contains(QLatin1String("#2 GET /hello at East US: 200 from weu, 2 attempt(s)")),
             qPrintable(output));
    QVERIFY(output.contains(QLatin1String("cache [East US] eus-down = True, expires in 10.0 s")));
    QVERIFY(output.contains(QLatin1String("#3 GET /hello at East US: 200 from weu, 1 attempt(s)")));
    QVERIFY(output.contains(QLatin1String("#5 GET /hello at East US: 200 from eus")));
}

QTEST_GUILESS_MAIN(tst_ServeCommand)
#include "tst_servecommand.moc"
