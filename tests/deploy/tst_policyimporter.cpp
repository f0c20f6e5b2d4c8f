// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/policyimporter.h"
#include "deploytestdata.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(PolicyLocation)

class tst_PolicyImporter : public QObject
{
    Q_OBJECT

private:
    static const Diagnostic *find(const QList<Diagnostic> &diagnostics, const QString &code)
    {
        for (const Diagnostic &d : diagnostics) {
            if (d.code == code)
                return &d;
        }
        return nullptr;
    }

private Q_SLOTS:
    void importFile_data()
    {
        QTest::addColumn<PolicyLocation>("location");
        QTest::addColumn<QString>("xml");
        QTest::addColumn<bool>("imported");
        QTest::addColumn<QString>("code"); // a diagnostic expected, or empty for none
        const QString policies = QStringLiteral(
                "<policies>\n    <inbound>\n        <base />\n        <set-header name=\"a\" "
                "exists-action=\"override\">\n            <value>@(context.Request.Headers."
                "GetValueOrDefault(\"b\", \"\"))</value>\n        </set-header>\n    </inbound>\n"
                "</policies>\n");
        const QString fragment
                = QStringLiteral("<fragment>\n    <set-method>GET</set-method>\n</fragment>\n");
        QTest::newRow("api") << PolicyLocation::api(QStringLiteral("orders")) << policies << true
                             << QString();
        QTest::newRow("operation") << PolicyLocation::operation(QStringLiteral("orders"),
                                                                QStringLiteral("create-order"))
                                   << policies << true << QString();
        QTest::newRow("global") << PolicyLocation::global() << policies << true << QString();
        QTest::newRow("fragment") << PolicyLocation::fragment(QStringLiteral("correlation"))
                                  << fragment << true << QString();
        QTest::newRow("new product") << PolicyLocation::product(QStringLiteral("gold")) << policies
                                     << true << QStringLiteral("deploy.import-created");
        QTest::newRow("new operation")
                << PolicyLocation::operation(QStringLiteral("orders"), QStringLiteral("purge"))
                << policies << true << QStringLiteral("deploy.import-created");
        QTest::newRow("fragment into api")
                << PolicyLocation::api(QStringLiteral("orders")) << fragment << false
                << QStringLiteral("deploy.import-wrong-kind");
        QTest::newRow("policies into fragment")
                << PolicyLocation::fragment(QStringLiteral("correlation")) << policies << false
                << QStringLiteral("deploy.import-wrong-kind");
        QTest::newRow("undefined named value")
                << PolicyLocation::api(QStringLiteral("orders"))
                << QStringLiteral("<policies>\n    <inbound>\n        <set-backend-service "
                                  "base-url=\"{{elsewhere}}\" />\n    </inbound>\n</policies>\n")
                << true << QStringLiteral("deploy.named-value-undefined");
        QTest::newRow("not allowed at scope")
                << PolicyLocation::global()
                << QStringLiteral("<policies>\n    <inbound>\n        <quota calls=\"1\" "
                                  "renewal-period=\"60\" />\n    </inbound>\n</policies>\n")
                << true << QStringLiteral("schema.misplaced-scope");
    }
    void importFile()
    {
        QFETCH(PolicyLocation, location);
        QFETCH(QString, xml);
        QFETCH(bool, imported);
        QFETCH(QString, code);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.xml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(xml.toUtf8());
        file.close();
        Workspace w = DeployTestData::richWorkspace();
        const Workspace before = w;
        const QList<Diagnostic> diagnostics = PolicyImporter::importFile(w, location, path);
        QCOMPARE(!Diagnostic::hasErrors(diagnostics) || code == u"deploy.named-value-undefined"
                         || code == u"schema.misplaced-scope",
                 imported);
        if (imported) {
            QVERIFY(location.find(w));
            QCOMPARE(location.find(w)->xml, xml);
        } else {
            QVERIFY(w == before);
        }
        if (code.isEmpty()) {
            for (const Diagnostic &d : diagnostics)
                QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
        } else {
            const Diagnostic *d = find(diagnostics, code);
            QVERIFY2(d, qPrintable(code));
            QCOMPARE(d->file, path);
        }
    }

    void parseErrorLeavesWorkspaceUnchanged()
    {
        Workspace w = DeployTestData::richWorkspace();
        const Workspace before = w;
        const QList<Diagnostic> diagnostics
                = PolicyImporter::importXml(w,
                                            PolicyLocation::api(QStringLiteral("orders")),
                                            QStringLiteral("<policies>\n  <inbound>\n</policies>"),
                                            QStringLiteral("bad.xml"));
        QVERIFY(Diagnostic::hasErrors(diagnostics));
        QCOMPARE(diagnostics.first().file, QStringLiteral("bad.xml"));
        QVERIFY(diagnostics.first().range.begin.line > 0);
        QVERIFY(w == before);
    }

    void unreadableFile()
    {
        Workspace w;
        const QList<Diagnostic> diagnostics = PolicyImporter::importFile(
                w, PolicyLocation::global(), QStringLiteral("/nonexistent/policy.xml"));
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().file, QStringLiteral("/nonexistent/policy.xml"));
    }

    void invalidUtf8()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("latin1.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<policies><!-- caf\xe9 --></policies>");
        file.close();
        Workspace w;
        const QList<Diagnostic> diagnostics
                = PolicyImporter::importFile(w, PolicyLocation::global(), file.fileName());
        QCOMPARE(diagnostics.first().code, QStringLiteral("deploy.import-encoding"));
    }
};

QTEST_GUILESS_MAIN(tst_PolicyImporter)
#include "tst_policyimporter.moc"
