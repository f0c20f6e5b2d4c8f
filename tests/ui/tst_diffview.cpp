// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include "deploy/apiopsexporter.h"
#include "workspace/workspaceserializer.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

class tst_DiffView final : public QObject
{
    Q_OBJECT

private:
    static Workspace article()
    {
        return WorkspaceSerializer::load(
                       QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step2.apimws"))
                .workspace;
    }
    static QString row(const DiffView &view, DiffView::Side side, int number)
    {
        return view.text(side)->document()->findBlockByNumber(number).text();
    }

private Q_SLOTS:
    void twoScopesSideBySide()
    {
        Workspace w = article();
        w.products.append({QStringLiteral("starter"), QStringLiteral("Starter"), {}});
        w.products[0].policy.xml
                = QStringLiteral("<policies>\n    <inbound>\n        <base />\n    </inbound>\n"
                                 "    <backend>\n        <base />\n    </backend>\n</policies>\n");
        w.global.xml = QStringLiteral(
                "<policies>\n    <inbound>\n        <set-header name=\"a\" />\n    </inbound>\n"
                "    <backend>\n        <forward-request />\n    </backend>\n</policies>\n");
        DiffView view;
        view.resize(1200, 500);
        view.setWorkspace(w);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // global is first, the product second (PolicyLocation::all order).
        view.scopeCombo(DiffView::Side::Left)->setCurrentIndex(0);
        view.scopeCombo(DiffView::Side::Right)->setCurrentIndex(1);
        QTest::mouseClick(view.compareButton(), Qt::LeftButton);

        QCOMPARE(view.changedRows(DiffView::Side::Left), (QList<int>{2, 5}));
        QCOMPARE(view.changedRows(DiffView::Side::Right), (QList<int>{2, 5}));
        QCOMPARE(row(view, DiffView::Side::Left, 2).trimmed(),
                 QStringLiteral("<set-header name=\"a\" />"));
        QCOMPARE(row(view, DiffView::Side::Right, 2).trimmed(), QStringLiteral("<base />"));
        QCOMPARE(row(view, DiffView::Side::Left, 5).trimmed(),
                 QStringLiteral("<forward-request />"));
        // Unchanged lines sit on the same row on both sides.
        QCOMPARE(row(view, DiffView::Side::Left, 3), row(view, DiffView::Side::Right, 3));
        QCOMPARE(view.text(DiffView::Side::Left)->blockCount(),
                 view.text(DiffView::Side::Right)->blockCount());
    }

    void workspaceAgainstExportedFolder()
    {
        QTemporaryDir dir;
        Workspace w = article();
        QVERIFY(ApiOpsExporter::exportTo(w, dir.path()).ok());
        // An edit after the export: one line changed, one added.
        w.apis[0].policy.xml.replace(QLatin1String("is-eus-down-cache-key\" value=\"true\" "
                                                   "duration=\"10\""),
                                     QLatin1String("is-eus-down-cache-key\" value=\"true\" "
                                                   "duration=\"30\""));
        w.apis[0].policy.xml.replace(
                QLatin1String("<outbound>"),
                QLatin1String("<outbound>\n        <set-header name=\"x\" />"));

        DiffView view;
        view.resize(1200, 500);
        view.setWorkspace(w);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.modeCombo()->setCurrentIndex(1);
        QTest::keyClicks(view.folderEdit(), dir.path());
        QTest::mouseClick(view.compareButton(), Qt::LeftButton);

        QCOMPARE(view.summaryLabel()->text(), QStringLiteral("1 file(s) differ"));
        const QList<QListWidgetItem *> changed
                = view.fileList()->findItems(QStringLiteral("~ "), Qt::MatchStartsWith);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first()->text(), QStringLiteral("~ apis/hello/policy.xml"));
        QVERIFY(view.fileList()->currentItem() == changed.first());

        // Left is the workspace, right the folder: the edit shows as the left's new lines.
        const QList<int> left = view.changedRows(DiffView::Side::Left);
        const QList<int> right = view.changedRows(DiffView::Side::Right);
        QCOMPARE(left.size(), 2);
        QCOMPARE(right.size(), 1);
        QVERIFY(row(view, DiffView::Side::Left, left.at(0)).contains(u"duration=\"30\""));
        QVERIFY(row(view, DiffView::Side::Right, right.at(0)).contains(u"duration=\"10\""));
        QCOMPARE(row(view, DiffView::Side::Left, left.at(1)).trimmed(),
                 QStringLiteral("<set-header name=\"x\" />"));
        QCOMPARE(row(view, DiffView::Side::Right, left.at(1)), QString());
    }
};

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
