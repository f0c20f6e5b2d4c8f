// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "deploy/apiopsexporter.h"
#include "workspace/workspaceserializer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class tst_ImportDialog final : public QObject
{
    Q_OBJECT

private:
    static Workspace article()
    {
        return WorkspaceSerializer::load(
                       QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"))
                .workspace;
    }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    static QPushButton *button(const ImportDialog &dialog, const QString &text)
    {
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            if (b->text() == text)
                return b;
        }
        return nullptr;
    }

private Q_SLOTS:
    void policyIntoChosenScope()
    {
        QTemporaryDir dir;
        const QByteArray xml = "<policies>\n    <inbound>\n        <base />\n"
                               "        <set-header name=\"x-imported\" exists-action=\"override\">"
                               "<value>1</value></set-header>\n    </inbound>\n"
                               "    <backend>\n        <base />\n    </backend>\n"
                               "    <outbound>\n        <base />\n    </outbound>\n</policies>\n";
        write(dir.filePath(QStringLiteral("op.xml")), xml);
        const Workspace w = article();
        ImportDialog dialog(&w);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int operation
                = dialog.scopeCombo()->findText(QStringLiteral("operation hello/get-hello"));
        QVERIFY(operation >= 0);
        dialog.scopeCombo()->setCurrentIndex(operation);
        dialog.setSource(dir.filePath(QStringLiteral("op.xml")));
        QTest::mouseClick(button(dialog, QStringLiteral("&Import")), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.workspace().apis.first().operations.first().policy.xml,
                 QString::fromUtf8(xml));
        QCOMPARE(dialog.workspace().apis.first().policy, w.apis.first().policy);
    }

    void refusedDocumentStaysOpen()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("fragment.xml")), "<fragment><base /></fragment>");
        const Workspace w = article();
        ImportDialog dialog(&w);
        dialog.show();
        dialog.setScope(1);
        dialog.setSource(dir.filePath(QStringLiteral("fragment.xml")));
        QTest::mouseClick(button(dialog, QStringLiteral("&Import")), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findingsView()->topLevelItemCount() > 0);
        QCOMPARE(dialog.findingsView()->topLevelItem(0)->text(0), QStringLiteral("error"));
        QCOMPARE(dialog.workspace(), w);
    }

    void apiOpsFolderListsWhatIsNotMapped()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("apiops"));
        QVERIFY(ApiOpsExporter::exportTo(article(), folder).ok());
        write(folder + QStringLiteral("/loggers/appinsights/loggerInformation.json"), "{}");
        ImportDialog dialog(nullptr);
        dialog.show();
        QCOMPARE(dialog.mode(), ImportDialog::Mode::ApiOpsFolder);
        dialog.setSource(folder);
        const QString target = dir.filePath(QStringLiteral("imported.apimws"));
        dialog.setTargetWorkspaceFile(target);
        QTest::mouseClick(button(dialog, QStringLiteral("&Import")), Qt::LeftButton);
        // Imported, but what had no place is listed and the dialog waits for the user.
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.findingsView()
                         ->findItems(QStringLiteral("loggers"), Qt::MatchContains, 2)
                         .isEmpty()
                || !dialog.findingsView()
                            ->findItems(QStringLiteral("loggers"), Qt::MatchContains, 1)
                            .isEmpty());
        QCOMPARE(dialog.writtenWorkspaceFile(), target);
        const WorkspaceLoadResult imported = WorkspaceSerializer::load(target);
        QVERIFY(imported.ok());
        QCOMPARE(imported.workspace.apis.first().policy.xml, article().apis.first().policy.xml);
        QPushButton *done = button(dialog, QStringLiteral("&Done"));
        QVERIFY(done);
        QTest::mouseClick(done, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(tst_ImportDialog)
#include "tst_importdialog.moc"
