// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/exportlint.h"
#include "deploytestdata.h"

#include <QTest>

Q_DECLARE_METATYPE(PolicyLocation)

class tst_ExportLint : public QObject
{
    Q_OBJECT

private:
    static QString policies(const QString &inbound)
    {
        return QStringLiteral("<policies>\n    <inbound>\n        <base />\n%1\n    </inbound>\n"
                              "    <backend>\n        <base />\n    </backend>\n"
                              "    <outbound>\n        <base />\n    </outbound>\n"
                              "    <on-error>\n        <base />\n    </on-error>\n</policies>\n")
                .arg(inbound);
    }

private Q_SLOTS:
    void richWorkspaceIsClean()
    {
        const QList<Diagnostic> diagnostics = ExportLint::lint(DeployTestData::richWorkspace());
        for (const Diagnostic &d : diagnostics)
            QVERIFY2(!d.isError(), qPrintable(d.toString()));
    }

    void bundledWorkspacesAreClean_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : DeployTestData::bundledWorkspaces())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
    void bundledWorkspacesAreClean()
    {
        QFETCH(QString, path);
        for (const Diagnostic &d : ExportLint::lint(DeployTestData::loadBundled(path)))
            QVERIFY2(!d.isError(), qPrintable(d.toString()));
    }

    void rules_data()
    {
        QTest::addColumn<PolicyLocation>("location");
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("error");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const PolicyLocation api = PolicyLocation::api(QStringLiteral("orders"));
        QTest::newRow("named value undefined")
                << api
                << policies(QStringLiteral(
                           "        <set-header name=\"a\" "
                           "exists-action=\"override\"><value>{{nope}}</value></set-header>"))
                << QStringLiteral("deploy.named-value-undefined") << true << 4 << 62;
        QTest::newRow("named value inside an expression")
                << api
                << policies(QStringLiteral("        <set-variable name=\"a\" "
                                           "value=\"@(&quot;{{missing-one}}&quot;)\" />"))
                << QStringLiteral("deploy.named-value-undefined") << true << 4 << 47;
        QTest::newRow("fragment undefined")
                << api
                << policies(QStringLiteral("        <include-fragment fragment-id=\"ghost\" />"))
                << QStringLiteral("deploy.fragment-undefined") << true << 4 << 40;
        QTest::newRow("secret inlined")
                << api
                << policies(QStringLiteral("        <set-header name=\"k\" "
                                           "exists-action=\"override\"><value>")
                            + DeployTestData::secretValue()
                            + QStringLiteral("</value></set-header>"))
                << QStringLiteral("deploy.secret-inlined") << true << 4 << 62;
        QTest::newRow("rate-limit at global")
                << PolicyLocation::global()
                << policies(QStringLiteral(
                           "        <rate-limit calls=\"5\" renewal-period=\"60\" />"))
                << QStringLiteral("schema.misplaced-scope") << true << 4 << 9;
        QTest::newRow("quota at api")
                << api
                << policies(QStringLiteral("        <quota calls=\"5\" renewal-period=\"60\" />"))
                << QStringLiteral("schema.misplaced-scope") << true << 4 << 9;
        QTest::newRow("fragment with rate-limit included at global")
                << PolicyLocation::global()
                << policies(QStringLiteral("        <include-fragment fragment-id=\"limited\" />"))
                << QStringLiteral("schema.misplaced-scope") << true << 4 << 9;
        QTest::newRow("xml declaration")
                << api << QStringLiteral("<?xml version=\"1.0\"?>\n") + policies({})
                << QStringLiteral("deploy.reencoded") << false << 1 << 1;
        QTest::newRow("single-quoted attribute")
                << api << policies(QStringLiteral("        <set-variable name='a' value=\"b\" />"))
                << QStringLiteral("deploy.reencoded") << false << 4 << 23;
        QTest::newRow("escaped expression")
                << api
                << policies(QStringLiteral(
                           "        <set-variable name=\"a\" value=\"@(&quot;b&quot;)\" />"))
                << QStringLiteral("deploy.reencoded") << false << 4 << 39;
        QTest::newRow("too large")
                << api
                << policies(QStringLiteral("        <!-- %1 -->")
                                    .arg(QString(ExportLint::maxPolicyBytes, u'x')))
                << QStringLiteral("deploy.too-large") << true << 0 << 0;
        QTest::newRow("parse error")
                << api << QStringLiteral("<policies>\n    <inbound>\n</policies>\n") << QString()
                << true << 3 << 1;
    }
    void rules()
    {
        QFETCH(PolicyLocation, location);
        QFETCH(QString, xml);
        QFETCH(QString, code);
        QFETCH(bool, error);
        QFETCH(int, line);
        QFETCH(int, column);
        Workspace w = DeployTestData::richWorkspace();
        Workspace::Fragment limited{QStringLiteral("limited"), {}, {}};
        limited.policy.xml = QStringLiteral(
                "<fragment>\n    <rate-limit calls=\"1\" renewal-period=\"1\" />\n</fragment>\n");
        w.fragments.append(limited);
        location.find(w)->xml = xml;
        const QList<Diagnostic> diagnostics = ExportLint::lintPolicy(w, location);
        const Diagnostic *found = nullptr;
        for (const Diagnostic &d : diagnostics) {
            if (code.isEmpty() ? d.isError() : d.code == code)
                found = &d;
        }
        QVERIFY2(found,
                 qPrintable(diagnostics.isEmpty() ? QStringLiteral("no diagnostics")
                                                  : diagnostics.first().toString()));
        QCOMPARE(found->isError(), error);
        QCOMPARE(found->range.begin.line, line);
        if (column)
            QCOMPARE(found->range.begin.column, column);
        QCOMPARE(found->file, location.displayName());
    }

    void liquidTemplatesAreNotNamedValues()
    {
        Workspace w = DeployTestData::richWorkspace();
        w.apis.first().policy.xml = policies(
                QStringLiteral("        <set-body template=\"liquid\">{\"id\": \"{{body.id}}\", "
                               "\"u\": \"{{orders-url}}\"}</set-body>"));
        for (const Diagnostic &d :
             ExportLint::lintPolicy(w, PolicyLocation::api(QStringLiteral("orders"))))
            QVERIFY2(d.code != u"deploy.named-value-undefined", qPrintable(d.toString()));
    }

    void shortSecretsAreNotSearched()
    {
        Workspace w = DeployTestData::richWorkspace();
        w.namedValues.append({QStringLiteral("pin"), QStringLiteral("id"), true});
        for (const Diagnostic &d : ExportLint::lint(w))
            QVERIFY2(d.code != u"deploy.secret-inlined", qPrintable(d.toString()));
    }

    void fileNameIsTheWorkspaceFile()
    {
        Workspace w = DeployTestData::richWorkspace();
        w.global.file = QStringLiteral("policies/global.xml");
        w.global.xml
                = policies(QStringLiteral("        <include-fragment fragment-id=\"ghost\" />"));
        const QList<Diagnostic> diagnostics = ExportLint::lintPolicy(w, PolicyLocation::global());
        QVERIFY(!diagnostics.isEmpty());
        QVERIFY(diagnostics.first().toString().startsWith(QLatin1String("policies/global.xml:4:")));
    }
};

QTEST_GUILESS_MAIN(tst_ExportLint)
#include "tst_exportlint.moc"
