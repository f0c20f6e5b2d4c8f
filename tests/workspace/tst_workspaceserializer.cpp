// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceserializer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_WorkspaceSerializer : public QObject
{
    Q_OBJECT

private:
    static QString bundled(const QString &name)
    {
        return QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/") + name;
    }

private Q_SLOTS:
    void bundledWorkspacesLoad_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(bundled({}));
        const QStringList files = dir.entryList({QStringLiteral("*.apimws")}, QDir::Files);
        QVERIFY(files.size() >= 5);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void bundledWorkspacesLoad()
    {
        QFETCH(QString, path);
        const WorkspaceLoadResult result = WorkspaceSerializer::load(path);
        QVERIFY2(result.ok(),
                 qPrintable(result.diagnostics.isEmpty() ? QString()
                                                         : result.diagnostics.first().toString()));
        const Workspace &w = result.workspace;
        QCOMPARE(w.regions.size(), 2);
        QCOMPARE(w.mocks.size(), 2);
        QVERIFY(!w.global.xml.isEmpty());
        QCOMPARE(w.apis.size(), 1);
        QVERIFY(w.apis.first().policy.xml.contains(QLatin1String("<policies>")));
        QCOMPARE(w.apis.first().operations.first().urlTemplate, QStringLiteral("/hello"));
        QVERIFY(w.namedValue(QStringLiteral("hello-key"))->secret);
    }

    void jsonRoundTrip()
    {
        WorkspaceLoadResult loaded
                = WorkspaceSerializer::load(bundled(QStringLiteral("article-step2.apimws")));
        QVERIFY(loaded.ok());
        Workspace w = loaded.workspace;
        Workspace::Backend pool;
        pool.id = QStringLiteral("pool");
        pool.type = Workspace::Backend::Type::Pool;
        pool.members = {{QStringLiteral("eus"), 1, 3}, {QStringLiteral("weu"), 2, 1}};
        pool.hasCircuitBreaker = true;
        pool.circuitBreaker.failureCount = 3;
        pool.circuitBreaker.statusRanges = {{404, 404}, {500, 599}};
        w.backends.append(pool);
        w.cacheMode = Workspace::CacheMode::Shared;
        w.mocks[0].mode = Workspace::MockBackend::Mode::Flap;
        w.mocks[0].flapEvery = 3;
        const WorkspaceLoadResult again
                = WorkspaceSerializer::fromJson(WorkspaceSerializer::toJson(w), bundled({}));
        QVERIFY(again.ok());
        QCOMPARE(again.workspace, w);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray head = R"("format": "apim-designer-workspace", "version": 1)";
        QTest::newRow("syntax") << QByteArray("{\n  \"format\": \n}") << "<input>:3:";
        QTest::newRow("not object") << QByteArray("[]") << "a workspace is a JSON object";
        QTest::newRow("format") << QByteArray(R"({"version": 1})") << "format: not an APIM";
        QTest::newRow("newer") << QByteArray(
                R"({"format": "apim-designer-workspace", "version": 9})")
                               << "version: unsupported version 9";
        QTest::newRow("mode") << "{" + head + R"(, "mocks": [{"name": "a", "mode": "sleepy"}]})"
                              << "mocks[0].mode: unknown mock mode \"sleepy\"";
        QTest::newRow("duplicate") << "{" + head + R"(, "regions": [{"name": "a"}, {"name": "a"}]})"
                                   << "regions: \"a\" is defined twice";
        QTest::newRow("missing file") << "{" + head + R"(, "global": {"policyFile": "nope.xml"}})"
                                      << "global.policyFile: cannot read";
        QTest::newRow("port") << "{" + head + R"(, "regions": [{"name": "a", "port": 70000}]})"
                              << "regions[0].port: must be 0 to 65535";
        QTest::newRow("operation template")
                << "{" + head
                           + R"(, "apis": [{"id": "a", "operations": [{"id": "o", "urlTemplate": "x"}]}]})"
                << "apis[0].operations[0].urlTemplate: must start with /";
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const WorkspaceLoadResult result = WorkspaceSerializer::fromJson(json, dir.path());
        QVERIFY(!result.ok());
        QVERIFY2(result.diagnostics.first().toString().contains(expected),
                 qPrintable(result.diagnostics.first().toString()));
    }

    void saveWritesPolicyFilesAtomically()
    {
        QTemporaryDir dir;
        WorkspaceLoadResult loaded
                = WorkspaceSerializer::load(bundled(QStringLiteral("article-step1.apimws")));
        QVERIFY(loaded.ok());
        Workspace w = loaded.workspace;
        w.apis[0].policy.xml += QStringLiteral("<!-- edited -->\n");
        const QString path = dir.filePath(QStringLiteral("copy.apimws"));
        QCOMPARE(WorkspaceSerializer::save(w, path), QString());
        const WorkspaceLoadResult reloaded = WorkspaceSerializer::load(path);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded.workspace, w);
    }

    void failedSaveKeepsPreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.apimws"));
        Workspace w;
        w.name = QStringLiteral("first");
        QCOMPARE(WorkspaceSerializer::save(w, path), QString());
        // A policy file whose folder cannot be created makes the save fail before the workspace
        // file is touched.
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        w.name = QStringLiteral("second");
        w.global = {QStringLiteral("blocker/global.xml"), QStringLiteral("<policies/>")};
        QVERIFY(!WorkspaceSerializer::save(w, path).isEmpty());
        QCOMPARE(WorkspaceSerializer::load(path).workspace.name, QStringLiteral("first"));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceSerializer)
#include "tst_workspaceserializer.moc"
