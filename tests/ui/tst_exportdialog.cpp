// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "workspace/workspaceserializer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class tst_ExportDialog final : public QObject
{
    Q_OBJECT

private:
    static QString article()
    {
        return QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step4.apimws");
    }

    // Relative path -> bytes of every file below directory.
    static QMap<QString, QByteArray> tree(const QString &directory)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                files.insert(QDir(directory).relativeFilePath(file.fileName()), file.readAll());
        }
        return files;
    }

    static Workspace load() { return WorkspaceSerializer::load(article()).workspace; }

    static void exportThroughWidgets(ExportDialog &dialog, int formatIndex, const QString &dir)
    {
        dialog.formatCombo()->setCurrentIndex(formatIndex);
        QTest::keyClicks(dialog.directoryEdit(), dir);
        QVERIFY(dialog.exportButton()->isEnabled());
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    }

private Q_SLOTS:
    void writesWhatTheCommandLineWrites_data()
    {
        QTest::addColumn<int>("formatIndex");
        QTest::addColumn<bool>("effective");
        QTest::addColumn<QString>("format");
        QTest::newRow("xml per scope") << 0 << false << "xml";
        QTest::newRow("xml effective") << 0 << true << "xml";
        QTest::newRow("apiops") << 1 << false << "apiops";
        QTest::newRow("bicep") << 2 << false << "bicep";
    }
    void writesWhatTheCommandLineWrites()
    {
        QFETCH(int, formatIndex);
        QFETCH(bool, effective);
        QFETCH(QString, format);
        QTemporaryDir dir;
        ExportDialog dialog(load());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (effective)
            dialog.contentCombo()->setCurrentIndex(1);
        exportThroughWidgets(dialog, formatIndex, dir.filePath(QStringLiteral("ui")));
        QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("written")),
                 qPrintable(dialog.statusLabel()->text()));

        QStringList arguments{QStringLiteral("export"),
                              article(),
                              QStringLiteral("--format"),
                              format,
                              QStringLiteral("--out"),
                              dir.filePath(QStringLiteral("cli"))};
        if (effective)
            arguments.append(QStringLiteral("--effective"));
        QProcess cli;
        cli.start(QStringLiteral(APIM_DESIGNER_BINARY), arguments);
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QMap<QString, QByteArray> written = tree(dir.filePath(QStringLiteral("ui")));
        QVERIFY(!written.isEmpty());
        QCOMPARE(written.keys(), tree(dir.filePath(QStringLiteral("cli"))).keys());
        QCOMPARE(written, tree(dir.filePath(QStringLiteral("cli"))));
        if (effective)
            QVERIFY(written.contains(QStringLiteral("effective/hello/get-hello.xml")));
    }

    void errorsNeedConfirmation()
    {
        Workspace w = load();
        w.apis[0].policy.xml.replace(QLatin1String("<inbound>"),
                                     QLatin1String("<inbound>\n<set-header name=\"x\" "
                                                   "exists-action=\"override\"><value>{{undefined-"
                                                   "value}}</value></set-header>"));
        QTemporaryDir dir;
        ExportDialog dialog(w);
        dialog.show();
        dialog.formatCombo()->setCurrentIndex(1);
        QTest::keyClicks(dialog.directoryEdit(), dir.path());
        const QList<QTreeWidgetItem *> undefined = dialog.findingsView()->findItems(
                QStringLiteral("undefined-value"), Qt::MatchContains, 2);
        QVERIFY(!undefined.isEmpty());
        QCOMPARE(undefined.first()->text(0), QStringLiteral("error"));
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY(dialog.confirmErrorsBox()->isVisible());
        QVERIFY(!dialog.exportFiles());
        QVERIFY(QDir(dir.path()).isEmpty());

        QTest::keyClick(dialog.confirmErrorsBox(), Qt::Key_Space);
        QVERIFY(dialog.confirmErrorsBox()->isChecked());
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("apis/hello/policy.xml"))));
    }

    void inlinedSecretIsRefused()
    {
        Workspace w = load();
        w.apis[0].operations[0].policy.xml.replace(QLatin1String("{{hello-key}}"),
                                                   QLatin1String("demo-function-key"));
        QTemporaryDir dir;
        ExportDialog dialog(w);
        dialog.show();
        QTest::keyClicks(dialog.directoryEdit(), dir.path());
        QVERIFY(!dialog.findingsView()
                         ->findItems(QStringLiteral("secret"), Qt::MatchContains, 2)
                         .isEmpty());
        QVERIFY(!dialog.confirmErrorsBox()->isEnabled());
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY(!dialog.exportFiles());
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
