// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/apiopsexporter.h"
#include "deploy/apiopsimporter.h"
#include "deploytestdata.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_ApiOpsImporter : public QObject
{
    Q_OBJECT

private:
    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    static const Diagnostic *find(const QList<Diagnostic> &diagnostics, const QString &code)
    {
        for (const Diagnostic &d : diagnostics) {
            if (d.code == code)
                return &d;
        }
        return nullptr;
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Workspace>("workspace");
        for (const QString &path : DeployTestData::bundledWorkspaces())
            QTest::newRow(qPrintable(QFileInfo(path).fileName()))
                    << DeployTestData::loadBundled(path);
        QTest::newRow("rich") << DeployTestData::richWorkspace();
    }
    void roundTrip()
    {
        QFETCH(Workspace, workspace);
        QVERIFY(!workspace.global.isEmpty());
        QTemporaryDir dir;
        QVERIFY(ApiOpsExporter::exportTo(workspace, dir.path()).ok());
        const WorkspaceLoadResult imported = ApiOpsImporter::import(dir.path());
        QVERIFY2(imported.ok(),
                 qPrintable(imported.diagnostics.isEmpty()
                                    ? QString()
                                    : imported.diagnostics.first().toString()));
        QVERIFY(!find(imported.diagnostics, QStringLiteral("deploy.not-imported")));
        const Workspace expected = ApiOpsExporter::carriedPart(workspace);
        const Workspace actual = ApiOpsExporter::carriedPart(imported.workspace);
        QCOMPARE(actual.apis, expected.apis);
        QCOMPARE(actual.products, expected.products);
        QCOMPARE(actual.fragments, expected.fragments);
        QCOMPARE(actual.namedValues, expected.namedValues);
        QVERIFY(actual == expected);
    }

    void secretArrivesWithoutValue()
    {
        QTemporaryDir dir;
        QVERIFY(ApiOpsExporter::exportTo(DeployTestData::richWorkspace(), dir.path()).ok());
        const WorkspaceLoadResult imported = ApiOpsImporter::import(dir.path());
        const Workspace::NamedValue *secret
                = imported.workspace.namedValue(QStringLiteral("orders-key"));
        QVERIFY(secret && secret->secret && secret->value.isEmpty());
        const Diagnostic *note
                = find(imported.diagnostics, QStringLiteral("deploy.import-secret-empty"));
        QVERIFY(note
                && note->file.endsWith(
                        QLatin1String("named values/orders-key/namedValueInformation.json")));
    }

    void unmappedFilesAreReported_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QTest::newRow("gateway") << QStringLiteral("gateways/edge/gatewayInformation.json")
                                 << QByteArray("{}") << QStringLiteral("deploy.not-imported");
        QTest::newRow("logger") << QStringLiteral("loggers/ai/loggerInformation.json")
                                << QByteArray("{}") << QStringLiteral("deploy.not-imported");
        QTest::newRow("yaml specification")
                << QStringLiteral("apis/orders/specification.yaml") << QByteArray("openapi: 3.0.1")
                << QStringLiteral("deploy.not-imported");
        QTest::newRow("api diagnostic")
                << QStringLiteral(
                           "apis/orders/diagnostics/applicationinsights/diagnosticInformation.json")
                << QByteArray("{}") << QStringLiteral("deploy.not-imported");
        QTest::newRow("key vault named value")
                << QStringLiteral("named values/kv/namedValueInformation.json")
                << QByteArray("{\"name\":\"kv\",\"properties\":{\"displayName\":\"kv\",\"secret\":"
                              "true,"
                              "\"keyVault\":{\"secretIdentifier\":\"https://v.vault.azure.net/"
                              "secrets/x\"}}}")
                << QStringLiteral("deploy.import-keyvault");
        QTest::newRow("operation not in specification")
                << QStringLiteral("apis/orders/operations/delete-order/policy.xml")
                << QByteArray("<policies />") << QStringLiteral("deploy.import-operation-unknown");
        QTest::newRow("product lists unknown api")
                << QStringLiteral("products/gold/apis.json") << QByteArray("[{\"name\":\"nope\"}]")
                << QStringLiteral("deploy.import-api-unknown");
    }
    void unmappedFilesAreReported()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QTemporaryDir dir;
        QVERIFY(ApiOpsExporter::exportTo(DeployTestData::richWorkspace(), dir.path()).ok());
        QVERIFY(writeFile(dir.filePath(path), content));
        const WorkspaceLoadResult imported = ApiOpsImporter::import(dir.path());
        const Diagnostic *d = find(imported.diagnostics, code);
        QVERIFY2(d, qPrintable(code));
        QVERIFY2(d->file.endsWith(path), qPrintable(d->file));
        QCOMPARE(d->severity, Diagnostic::Severity::Warning);
    }

    void malformedJsonNamesFileAndLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("apis/broken/apiInformation.json"));
        QVERIFY(writeFile(path, "{\n  \"name\": \"broken\",\n  \"properties\": {,}\n}\n"));
        const WorkspaceLoadResult imported = ApiOpsImporter::import(dir.path());
        QVERIFY(!imported.ok());
        const Diagnostic *d = find(imported.diagnostics, QStringLiteral("deploy.import-json"));
        QVERIFY(d);
        QCOMPARE(d->file, path);
        QCOMPARE(d->range.begin.line, 3);
    }

    void missingFolder()
    {
        const WorkspaceLoadResult imported
                = ApiOpsImporter::import(QStringLiteral("/nonexistent/apiops/folder"));
        QVERIFY(!imported.ok());
        QCOMPARE(imported.diagnostics.first().file, QStringLiteral("/nonexistent/apiops/folder"));
    }

    void camelCaseFolders()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("policyFragments/f/policy.xml")),
                          "<fragment><base /></fragment>"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("namedValues/n/namedValueInformation.json")),
                          "{\"properties\":{\"displayName\":\"n\",\"value\":\"v\"}}"));
        const WorkspaceLoadResult imported = ApiOpsImporter::import(dir.path());
        QVERIFY(imported.ok());
        QVERIFY(imported.workspace.fragment(QStringLiteral("f")));
        QCOMPARE(imported.workspace.namedValue(QStringLiteral("n"))->value, QStringLiteral("v"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiOpsImporter)
#include "tst_apiopsimporter.moc"
