// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/policyexporter.h"
#include "deploytestdata.h"
#include "policy/policyparser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_PolicyExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopePolicyIsTheWorkspaceText()
    {
        const Workspace w = DeployTestData::richWorkspace();
        const PolicyLocation location
                = PolicyLocation::operation(QStringLiteral("orders"), QStringLiteral("get-order"));
        const PolicyExporter::Result result = PolicyExporter::scopePolicy(w, location);
        QVERIFY(result.ok());
        QCOMPARE(result.xml, location.find(w)->xml);
        // The tolerant form: raw quotes and && inside the expression.
        QVERIFY(result.xml.contains(QLatin1String("\"x-mode\", \"\") == \"fast\" && true")));
    }

    void secretInlinedIsNotExported()
    {
        Workspace w = DeployTestData::richWorkspace();
        w.global.xml.replace(QLatin1String("<forward-request />"),
                             QStringLiteral("<forward-request /><!-- %1 -->")
                                     .arg(DeployTestData::secretValue()));
        const PolicyExporter::Result result
                = PolicyExporter::scopePolicy(w, PolicyLocation::global());
        QVERIFY(result.xml.isEmpty());
        QVERIFY(!result.ok());
    }

    void unknownLocation()
    {
        const PolicyExporter::Result result = PolicyExporter::scopePolicy(
                DeployTestData::richWorkspace(), PolicyLocation::api(QStringLiteral("nope")));
        QVERIFY(!result.ok());
        QVERIFY(result.diagnostics.first().message.contains(QLatin1String("api nope")));
    }

    void effectivePolicy_data()
    {
        QTest::addColumn<QString>("product");
        QTest::addColumn<bool>("hasQuota");
        QTest::newRow("without product") << QString() << false;
        QTest::newRow("starter") << QStringLiteral("starter") << true;
    }
    void effectivePolicy()
    {
        QFETCH(QString, product);
        QFETCH(bool, hasQuota);
        const PolicyExporter::Result result
                = PolicyExporter::effectivePolicy(DeployTestData::richWorkspace(),
                                                  QStringLiteral("orders"),
                                                  QStringLiteral("get-order"),
                                                  product);
        QVERIFY2(result.ok(),
                 qPrintable(result.diagnostics.isEmpty() ? QString()
                                                         : result.diagnostics.first().toString()));
        const PolicyParseResult parsed = PolicyParser::parse(result.xml);
        QVERIFY(parsed.ok());
        // Global's fragment, the API's header, the operation's rate limit, global's
        // forward-request.
        QVERIFY(result.xml.contains(QLatin1String("x-correlation-id")));
        QVERIFY(!result.xml.contains(QLatin1String("include-fragment")));
        QVERIFY(result.xml.contains(QLatin1String("{{orders-key}}")));
        QVERIFY(result.xml.contains(QLatin1String("<rate-limit")));
        QVERIFY(result.xml.contains(QLatin1String("<forward-request")));
        QVERIFY(!result.xml.contains(QLatin1String("<base")));
        QCOMPARE(result.xml.contains(QLatin1String("<quota")), hasQuota);
    }

    void writeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out/policy.xml"));
        QVERIFY(PolicyExporter::writeFile(path, QStringLiteral("<policies />")).isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("<policies />"));
        const QList<Diagnostic> failed
                = PolicyExporter::writeFile(path + QStringLiteral("/x.xml"), {});
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().file.endsWith(QLatin1String("policy.xml/x.xml")));
    }
};

QTEST_GUILESS_MAIN(tst_PolicyExporter)
#include "tst_policyexporter.moc"
