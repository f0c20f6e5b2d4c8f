// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString seed(const char *name)
{
    return QStringLiteral(APIM_SHARED_DIR "/seed/") + QLatin1String(name);
}

} // namespace

// Runs the built apim-designer binary for each subcommand and checks output and exit codes.
class tst_CommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(contents);
        return path;
    }

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(APIM_DESIGNER_BINARY), arguments);
        Run result;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(QStringLiteral(APIM_DESIGNER_BINARY)));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutContains");
        QTest::addColumn<QString>("stderrContains");

        const QString broken = write("broken.xml", "<policies>\n  <inbound>\n</policies>\n");
        const QString misplaced = write("misplaced.xml",
                                        "<policies>\n  <inbound>\n    <forward-request />\n"
                                        "  </inbound>\n</policies>\n");
        const QString warning
                = write("warning.xml",
                        "<policies>\n  <backend>\n    <forward-request timeout=\"300\" />\n"
                        "  </backend>\n</policies>\n");
        const QString quota = write("quota.xml",
                                    "<policies><inbound><quota calls=\"1\" renewal-period=\"60\" />"
                                    "</inbound></policies>");
        const QString notUtf8 = write("latin1.xml",
                                      "<policies><inbound><set-header name=\"caf\xe9\" />"
                                      "</inbound></policies>");
        const QString missing = m_dir.filePath("missing.xml");

        QTest::newRow("help") << QStringList{"--help"} << 0 << "validate"
                              << "";
        QTest::newRow("version") << QStringList{"--version"} << 0 << "apim-designer 0.1.0"
                                 << "";
        QTest::newRow("validate seed")
                << QStringList{"validate", seed("00-default-api.xml")} << 0 << ""
                << "";
        QTest::newRow("validate expression errors")
                << QStringList{"validate",
                               QStringLiteral(APIM_SHARED_DIR "/policies/invalid/"
                                                              "Call out to an HTTP endpoint and "
                                                              "cache the response.policy.xml")}
                << 1 << ":17:67: error: Syntax error"
                << "";
        const QString step2
                = QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws");
        QTest::newRow("export apiops") << QStringList{"export",
                                                      step2,
                                                      "--format",
                                                      "apiops",
                                                      "--out",
                                                      m_dir.filePath("apiops")}
                                       << 0 << "8 files written"
                                       << "";
        QTest::newRow("export bicep") << QStringList{"export",
                                                     step2,
                                                     "--format",
                                                     "bicep",
                                                     "--out",
                                                     m_dir.filePath("bicep")}
                                      << 0 << "1 files written"
                                      << "";
        QTest::newRow("export xml")
                << QStringList{"export", step2, "--format", "xml", "--out", m_dir.filePath("xml")}
                << 0 << "3 files written"
                << "";
        QTest::newRow("export xml effective") << QStringList{"export",
                                                             step2,
                                                             "--format",
                                                             "xml",
                                                             "--effective",
                                                             "--out",
                                                             m_dir.filePath("effective")}
                                              << 0 << "1 files written"
                                              << "";
        QTest::newRow("export bad format")
                << QStringList{"export", step2, "--format", "yaml", "--out", m_dir.path()} << 2
                << ""
                << "Unknown format";
        QTest::newRow("export without out") << QStringList{"export", step2} << 2 << ""
                                            << "usage: export";
        QTest::newRow("validate deploy") << QStringList{"validate", "--deploy", step2} << 0 << ""
                                         << "";
        QTest::newRow("validate deploy broken workspace")
                << QStringList{"validate", "--deploy", write("bad.apimws", "{ nope")} << 1
                << "bad.apimws:1:"
                << "";
        QTest::newRow("import policy into a scope")
                << QStringList{"import",
                               "--policy",
                               seed("01-retry-failover-api.xml"),
                               "--scope",
                               "api",
                               "--id",
                               "hello",
                               "--out",
                               m_dir.filePath("imported.apimws")}
                << 1 << "named value"
                << "";
        QTest::newRow("validate several") << QStringList{"validate",
                                                         seed("00-default-api.xml"),
                                                         seed("04-article-published-api.xml")}
                                          << 0 << ""
                                          << "";
        QTest::newRow("validate misplaced")
                << QStringList{"validate", misplaced} << 1
                << misplaced
                           + ":3:5: error: Policy 'forward-request' is not allowed in the "
                             "inbound section"
                << "";
        QTest::newRow("validate warning only")
                << QStringList{"validate", warning} << 0 << warning + ":3:31: warning:"
                << "";
        QTest::newRow("validate parse error")
                << QStringList{"validate", broken} << 1 << broken + ":"
                << "";
        QTest::newRow("validate missing file")
                << QStringList{"validate", missing} << 2 << "" << missing + ": cannot read";
        QTest::newRow("validate not UTF-8")
                << QStringList{"validate", notUtf8} << 1 << notUtf8 + ":1:"
                << "";
        QTest::newRow("validate a directory") << QStringList{"validate", m_dir.path()} << 2 << ""
                                              << "cannot read";
        QTest::newRow("missing file wins over errors")
                << QStringList{"validate", misplaced, missing} << 2 << misplaced + ":3:5: error"
                << "cannot read";
        QTest::newRow("validate scope") << QStringList{"validate", "--scope", "api", quota} << 1
                                        << "not allowed at api scope"
                                        << "";
        QTest::newRow("validate product scope")
                << QStringList{"validate", "--scope", "product", quota} << 0 << ""
                << "";
        QTest::newRow("validate bad scope")
                << QStringList{"validate", "--scope", "moon", quota} << 2 << ""
                << "Unknown scope";
        QTest::newRow("validate nothing") << QStringList{"validate"} << 2 << ""
                                          << "no file";
        QTest::newRow("validate help") << QStringList{"validate", "--help"} << 0 << "--scope"
                                       << "";
        QTest::newRow("format broken") << QStringList{"format", broken} << 1 << "" << broken + ":";
        QTest::newRow("format missing") << QStringList{"format", missing} << 2 << ""
                                        << "cannot read";
        QTest::newRow("format two files") << QStringList{"format", broken, missing} << 2 << ""
                                          << "exactly one file";
        QTest::newRow("effective") << QStringList{"effective",
                                                  "--api",
                                                  seed("00-default-api.xml"),
                                                  "--operation",
                                                  seed("00-default-operation.xml")}
                                   << 0 << "<!-- api: "
                                   << "";
        QTest::newRow("effective plain")
                << QStringList{"effective", "--plain", "--api", seed("00-default-api.xml")} << 0
                << "<set-backend-service"
                << "";
        QTest::newRow("effective unknown fragment")
                << QStringList{"effective",
                               "--api",
                               write("include.xml",
                                     "<policies><inbound><include-fragment fragment-id=\"x\" />"
                                     "</inbound></policies>")}
                << 1 << "<include-fragment"
                << ":1:20: error: Unknown policy fragment 'x'";
        QTest::newRow("effective bad fragment option")
                << QStringList{"effective", "--fragment", "nofile"} << 2 << ""
                << "ID=FILE";
        QTest::newRow("effective missing file")
                << QStringList{"effective", "--api", missing} << 2 << ""
                << "cannot read";
        QTest::newRow("effective parse error")
                << QStringList{"effective", "--global", broken} << 1 << "" << broken + ":";
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutContains);
        QFETCH(QString, stderrContains);
        const Run result = run(arguments);
        QVERIFY2(result.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
                                    .arg(result.exitCode)
                                    .arg(QString::fromUtf8(result.out),
                                         QString::fromUtf8(result.err))));
        QVERIFY2(result.out.contains(stdoutContains.toUtf8()), result.out.constData());
        QVERIFY2(result.err.contains(stderrContains.toUtf8()), result.err.constData());
    }

    // format writes the corpus back byte for byte.
    void formatRoundTrips_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("seed") << seed("02-cached-failover-api.xml");
        QTest::newRow("raw expressions") << QStringLiteral(
                APIM_SHARED_DIR "/policies/oauth-proxy__oauth-proxy-callback.xml");
    }
    void formatRoundTrips()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Run result = run({QStringLiteral("format"), path});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, file.readAll());
    }

    // The effective policy of the article's step 0 re-parses, validates and is in merge order.
    void effectiveOutputIsAPolicy()
    {
        const Run result = run({QStringLiteral("effective"),
                                QStringLiteral("--api"),
                                seed("00-default-api.xml"),
                                QStringLiteral("--operation"),
                                seed("00-default-operation.xml")});
        QCOMPARE(result.exitCode, 0);
        const PolicyParseResult parsed = PolicyParser::parse(result.out);
        QVERIFY(parsed.ok());
        QVERIFY(!Diagnostic::hasErrors(PolicyValidator().validate(parsed.document)));
        QStringList inbound;
        for (const PolicyNode *policy : parsed.document.section(u"inbound")->elements())
            inbound.append(policy->name);
        QCOMPARE(inbound, QStringList({"set-backend-service", "set-method", "rewrite-uri"}));
        QVERIFY(parsed.document.section(u"backend")->firstElement(u"forward-request"));
    }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
