// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/mockbackend.h"
#include "loadrunnerwidget.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class tst_LoadRunnerWidget : public QObject
{
    Q_OBJECT

private:
    static LoadRunnerWidget::RequestSource sourceFor(const MockBackend &backend)
    {
        const QUrl url = backend.url().resolved(QUrl(QStringLiteral("/hello")));
        return [url](QString *) {
            LoadRunner::Request request;
            request.url = url;
            return QList<LoadRunner::Request>{request};
        };
    }

private Q_SLOTS:
    void completesNRequests()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        LoadRunnerWidget widget;
        widget.show();
        widget.setRequestSource(sourceFor(backend));
        widget.setTotal(120);
        widget.setConcurrency(8);
        QSignalSpy finished(&widget, &LoadRunnerWidget::runFinished);
        auto *run = widget.findChild<QPushButton *>();
        QCOMPARE(run->text(), QStringLiteral("Run"));
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(!run->isEnabled());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(widget.progressBar()->maximum(), 120);
        QCOMPARE(widget.progressBar()->value(), 120);
        QCOMPARE(backend.hits().total, quint64(120));
        QVERIFY(widget.statisticsText().contains(u"Completed</td><td><b>120</b>"));
        QVERIFY(run->isEnabled());
    }

    void cancels()
    {
        MockBackend backend(QStringLiteral("eus"), QStringLiteral("East US"));
        QVERIFY(backend.start());
        MockBackend::Behaviour slow;
        slow.latency = std::chrono::milliseconds(50);
        backend.setBehaviour(slow);
        LoadRunnerWidget widget;
        widget.setRequestSource(sourceFor(backend));
        widget.setTotal(10'000);
        widget.setConcurrency(2);
        QSignalSpy finished(&widget, &LoadRunnerWidget::runFinished);
        QVERIFY(widget.start());
        QTRY_VERIFY_WITH_TIMEOUT(widget.runner()->completed() >= 2, 10000);
        widget.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(widget.runner()->completed() < 10'000);
        QVERIFY(!widget.runner()->isRunning());
    }

    void reportsWhyItCannotStart()
    {
        LoadRunnerWidget widget;
        widget.setRequestSource([](QString *error) {
            *error = QStringLiteral("header line 2 is not \"Name: value\"");
            return QList<LoadRunner::Request>();
        });
        QVERIFY(!widget.start());
        QVERIFY(!widget.runner()->isRunning());
    }
};

QTEST_MAIN(tst_LoadRunnerWidget)
#include "tst_loadrunnerwidget.moc"
