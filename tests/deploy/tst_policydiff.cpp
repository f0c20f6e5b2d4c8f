// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/apiopsexporter.h"
#include "deploy/policydiff.h"
#include "deploytestdata.h"
#include "policy/policyparser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(FileDiff::Status)

class tst_PolicyDiff : public QObject
{
    Q_OBJECT

private:
    static const FileDiff *find(const QList<FileDiff> &diffs, const QString &path)
    {
        for (const FileDiff &d : diffs) {
            if (d.path == path)
                return &d;
        }
        return nullptr;
    }

private Q_SLOTS:
    void exportedFolderHasNoChanges()
    {
        QTemporaryDir dir;
        const Workspace w = DeployTestData::richWorkspace();
        QVERIFY(ApiOpsExporter::exportTo(w, dir.path()).ok());
        // Artifacts the workspace does not manage are not its differences.
        QFile other(dir.filePath(QStringLiteral("loggers.json")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QList<Diagnostic> diagnostics;
        const QList<FileDiff> diffs
                = PolicyDiff::compareWithApiOpsFolder(w, dir.path(), &diagnostics);
        QVERIFY(!PolicyDiff::hasChanges(diffs));
        QCOMPARE(diffs.size(), ApiOpsExporter::files(w).files.size());
    }

    void folderChanges_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content"); // empty: delete the file
        QTest::addColumn<FileDiff::Status>("status");
        QTest::newRow("changed policy") << QStringLiteral("apis/orders/policy.xml")
                                        << QByteArray("<policies>\n    <inbound />\n</policies>\n")
                                        << FileDiff::Status::Changed;
        QTest::newRow("policy only in folder")
                << QStringLiteral("apis/orders/operations/create-order/policy.xml")
                << QByteArray("<policies />\n") << FileDiff::Status::Added;
        QTest::newRow("policy missing in folder")
                << QStringLiteral("policy.xml") << QByteArray() << FileDiff::Status::Removed;
    }
    void folderChanges()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(FileDiff::Status, status);
        QTemporaryDir dir;
        const Workspace w = DeployTestData::richWorkspace();
        QVERIFY(ApiOpsExporter::exportTo(w, dir.path()).ok());
        QFile file(dir.filePath(path));
        if (content.isEmpty()) {
            QVERIFY(file.remove());
        } else {
            QDir().mkpath(QFileInfo(file).absolutePath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            file.close();
        }
        const QList<FileDiff> diffs = PolicyDiff::compareWithApiOpsFolder(w, dir.path());
        const FileDiff *diff = find(diffs, path);
        QVERIFY(diff);
        QCOMPARE(diff->status, status);
        QVERIFY(!diff->lines.isEmpty());
        const int changedFiles
                = int(std::count_if(diffs.cbegin(), diffs.cend(), [](const FileDiff &d) {
                      return d.status != FileDiff::Status::Unchanged;
                  }));
        QCOMPARE(changedFiles, 1);
    }

    void documents()
    {
        const QString text
                = QStringLiteral("<policies>\n    <inbound>\n        <set-method>GET</set-method>\n"
                                 "    </inbound>\n</policies>\n");
        const PolicyParseResult left = PolicyParser::parse(text);
        // Parsed twice: PolicyDocument::section() does not detach a shared copy.
        PolicyParseResult right = PolicyParser::parse(text);
        right.document.section(u"inbound")
                ->elements()
                .first()
                ->setTextContent(QStringLiteral("POST"));
        QVERIFY(left.ok());
        const FileDiff diff = PolicyDiff::compareDocuments(
                QStringLiteral("api"), left.document, right.document);
        QCOMPARE(diff.status, FileDiff::Status::Changed);
        QCOMPARE(std::count_if(diff.lines.cbegin(),
                               diff.lines.cend(),
                               [](const DiffLine &l) { return l.kind == DiffLine::Kind::Removed; }),
                 1);
        QCOMPARE(PolicyDiff::compareDocuments(QStringLiteral("api"), left.document, left.document)
                         .status,
                 FileDiff::Status::Unchanged);
    }
};

QTEST_GUILESS_MAIN(tst_PolicyDiff)
#include "tst_policydiff.moc"
