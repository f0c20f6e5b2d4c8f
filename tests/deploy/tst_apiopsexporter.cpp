// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/apiopsexporter.h"
#include "deploytestdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class tst_ApiOpsExporter : public QObject
{
    Q_OBJECT

private:
    static QJsonObject jsonFile(const ExportResult &result, const QString &path)
    {
        const ExportFile *file = result.file(path);
        return file ? QJsonDocument::fromJson(file->content).object() : QJsonObject();
    }

private Q_SLOTS:
    void layoutFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("present");
        for (const char *path : {"policy.xml",
                                 "products/starter/productInformation.json",
                                 "products/starter/policy.xml",
                                 "products/starter/apis.json",
                                 "products/unlimited/apis.json",
                                 "products/unlimited/productInformation.json",
                                 "apis/orders/apiInformation.json",
                                 "apis/orders/specification.json",
                                 "apis/orders/policy.xml",
                                 "apis/orders/operations/get-order/policy.xml",
                                 "apis/health/apiInformation.json",
                                 "policy fragments/correlation/policyFragmentInformation.json",
                                 "policy fragments/correlation/policy.xml",
                                 "named values/orders-url/namedValueInformation.json",
                                 "named values/orders-key/namedValueInformation.json",
                                 "backends/pool/backendInformation.json"}) {
            QTest::newRow(path) << QString::fromLatin1(path) << true;
        }
        // Empty documents and an API without operations have no file.
        for (const char *path : {"products/unlimited/policy.xml",
                                 "apis/orders/operations/create-order/policy.xml",
                                 "apis/health/policy.xml",
                                 "apis/health/specification.json"}) {
            QTest::newRow(path) << QString::fromLatin1(path) << false;
        }
    }
    void layoutFiles()
    {
        QFETCH(QString, path);
        QFETCH(bool, present);
        const ExportResult result = ApiOpsExporter::files(DeployTestData::richWorkspace());
        QVERIFY(result.ok());
        QCOMPARE(result.file(path) != nullptr, present);
    }

    void policiesAreByteIdentical()
    {
        const Workspace w = DeployTestData::richWorkspace();
        const ExportResult result = ApiOpsExporter::files(w);
        QCOMPARE(
                result.file(QStringLiteral("apis/orders/operations/get-order/policy.xml"))->content,
                w.apis.first().operations.first().policy.xml.toUtf8());
        QCOMPARE(result.file(QStringLiteral("policy.xml"))->content, w.global.xml.toUtf8());
        // Named value references stay references.
        QVERIFY(result.file(QStringLiteral("apis/orders/policy.xml"))
                        ->content.contains("{{orders-key}}"));
    }

    void informationFiles()
    {
        const ExportResult result = ApiOpsExporter::files(DeployTestData::richWorkspace());
        const QJsonObject api = jsonFile(result, QStringLiteral("apis/orders/apiInformation.json"));
        QCOMPARE(api.value(QLatin1String("name")).toString(), QStringLiteral("orders"));
        const QJsonObject props = api.value(QLatin1String("properties")).toObject();
        QCOMPARE(props.value(QLatin1String("displayName")).toString(),
                 QStringLiteral("Orders API"));
        QCOMPARE(props.value(QLatin1String("path")).toString(), QStringLiteral("orders"));
        QCOMPARE(props.value(QLatin1String("serviceUrl")).toString(),
                 QStringLiteral("https://orders.example.com"));

        const QJsonObject spec = jsonFile(result, QStringLiteral("apis/orders/specification.json"));
        const QJsonObject get = spec.value(QLatin1String("paths"))
                                        .toObject()
                                        .value(QLatin1String("/orders/{id}"))
                                        .toObject()
                                        .value(QLatin1String("get"))
                                        .toObject();
        QCOMPARE(get.value(QLatin1String("operationId")).toString(), QStringLiteral("get-order"));
        QCOMPARE(get.value(QLatin1String("summary")).toString(), QStringLiteral("Get order"));

        const QJsonDocument apis = QJsonDocument::fromJson(
                result.file(QStringLiteral("products/starter/apis.json"))->content);
        QCOMPARE(apis.array().size(), 1);
        QCOMPARE(apis.array().first().toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("orders"));

        const QJsonObject fragment = jsonFile(
                result,
                QStringLiteral("policy fragments/correlation/policyFragmentInformation.json"));
        QCOMPARE(fragment.value(QLatin1String("properties"))
                         .toObject()
                         .value(QLatin1String("description"))
                         .toString(),
                 QStringLiteral("Adds a correlation id"));
    }

    void namedValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::addColumn<bool>("hasValue");
        QTest::newRow("plain") << QStringLiteral("orders-url") << false << true;
        QTest::newRow("secret") << QStringLiteral("orders-key") << true << false;
    }
    void namedValues()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QFETCH(bool, hasValue);
        const ExportResult result = ApiOpsExporter::files(DeployTestData::richWorkspace());
        const QJsonObject props
                = jsonFile(result,
                           QStringLiteral("named values/%1/namedValueInformation.json").arg(name))
                          .value(QLatin1String("properties"))
                          .toObject();
        QCOMPARE(props.value(QLatin1String("displayName")).toString(), name);
        QCOMPARE(props.value(QLatin1String("secret")).toBool(), secret);
        QCOMPARE(props.contains(QLatin1String("value")), hasValue);
    }

    void lintErrorsBlockTheExport()
    {
        Workspace w = DeployTestData::richWorkspace();
        w.apis.first().policy.xml.replace(QLatin1String("{{orders-key}}"),
                                          DeployTestData::secretValue());
        QTemporaryDir dir;
        const ExportResult result = ApiOpsExporter::exportTo(w, dir.path());
        QVERIFY(!result.ok());
        QVERIFY(std::any_of(
                result.diagnostics.cbegin(), result.diagnostics.cend(), [](const Diagnostic &d) {
                    return d.code == u"deploy.secret-inlined";
                }));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void secretValueIsWrittenNowhere()
    {
        const ExportResult result = ApiOpsExporter::files(DeployTestData::richWorkspace());
        for (const ExportFile &file : result.files)
            QVERIFY2(!file.content.contains(DeployTestData::secretValue().toUtf8()),
                     qPrintable(file.path));
        QVERIFY(std::any_of(
                result.diagnostics.cbegin(), result.diagnostics.cend(), [](const Diagnostic &d) {
                    return d.code == u"deploy.secret-omitted";
                }));
    }

    void invalidFolderName_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("dotdot") << QStringLiteral("..");
        QTest::newRow("backslash") << QStringLiteral("a\\b");
    }
    void invalidFolderName()
    {
        QFETCH(QString, id);
        Workspace w = DeployTestData::richWorkspace();
        w.apis.first().id = id;
        const ExportResult result = ApiOpsExporter::files(w);
        QVERIFY(!result.ok());
        QVERIFY(result.diagnostics.first().message.contains(id));
    }

    void uncarriedPartsAreReported()
    {
        const Workspace w
                = DeployTestData::loadBundled(DeployTestData::bundledWorkspaces().first());
        const ExportResult result = ApiOpsExporter::files(w);
        QStringList notes;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.code == u"deploy.not-exported")
                notes.append(d.message);
        }
        QCOMPARE(notes.size(), 3); // regions, mocks, backend mappings
        QVERIFY(notes.join(u' ').contains(QLatin1String("mock")));
    }

    void writesFilesToFolder()
    {
        QTemporaryDir dir;
        const ExportResult result
                = ApiOpsExporter::exportTo(DeployTestData::richWorkspace(), dir.path());
        QVERIFY(result.ok());
        QFile file(dir.filePath(QStringLiteral("apis/orders/operations/get-order/policy.xml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), result.file(file.fileName().mid(dir.path().size() + 1))->content);
    }

    void writeFailureNamesTheFile()
    {
        QTemporaryDir dir;
        // A file where the export needs a folder.
        QFile blocker(dir.filePath(QStringLiteral("apis")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const ExportResult result
                = ApiOpsExporter::exportTo(DeployTestData::richWorkspace(), dir.path());
        QVERIFY(!result.ok());
        const auto failed = std::find_if(result.diagnostics.cbegin(),
                                         result.diagnostics.cend(),
                                         [](const Diagnostic &d) { return d.isError(); });
        QCOMPARE(failed->code, QStringLiteral("deploy.write-failed"));
        QVERIFY(failed->file.contains(QLatin1String("apis/")));
    }
};

QTEST_GUILESS_MAIN(tst_ApiOpsExporter)
#include "tst_apiopsexporter.moc"
