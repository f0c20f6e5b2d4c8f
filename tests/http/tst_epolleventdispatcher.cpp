// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/epolleventdispatcher.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    int m_pair[2] = {-1, -1};

private Q_SLOTS:
    void init()
    {
        m_thread = std::make_unique<QThread>();
        auto *dispatcher = new EpollEventDispatcher;
        QVERIFY(dispatcher->isValid());
        m_thread->setEventDispatcher(dispatcher);
        m_thread->start();
        m_context = new QObject;
        m_context->moveToThread(m_thread.get());
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, m_pair), 0);
    }

    void cleanup()
    {
        QMetaObject::invokeMethod(
                m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        QVERIFY(m_thread->wait(5000));
        m_thread.reset();
        ::close(m_pair[0]);
        ::close(m_pair[1]);
    }

    void runsPostedEventsFromOtherThreads()
    {
        std::atomic<int> ran = 0;
        for (int i = 0; i < 100; ++i)
            QMetaObject::invokeMethod(
                    m_context, [&ran] { ++ran; }, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(ran.load(), 100, 5000);
        QCOMPARE(QAbstractEventDispatcher::instance(m_thread.get())->metaObject()->className(),
                 "EpollEventDispatcher");
    }

    void readNotifierFollowsTheSocket()
    {
        std::atomic<int> activations = 0;
        QSocketNotifier *notifier = nullptr;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    notifier = new QSocketNotifier(m_pair[0], QSocketNotifier::Read, m_context);
                    connect(notifier, &QSocketNotifier::activated, m_context, [&] {
                        char buffer[64];
                        while (::read(m_pair[0], buffer, sizeof buffer) > 0) {
                        }
                        ++activations;
                    });
                },
                Qt::BlockingQueuedConnection);
        QCOMPARE(::write(m_pair[1], "x", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 1, 5000);
        QTest::qWait(50); // read empty: no more activations
        QCOMPARE(activations.load(), 1);

        QMetaObject::invokeMethod(
                m_context, [&] { notifier->setEnabled(false); }, Qt::BlockingQueuedConnection);
        QCOMPARE(::write(m_pair[1], "y", 1), 1);
        QTest::qWait(50);
        QCOMPARE(activations.load(), 1); // disabled: the data waits

        QMetaObject::invokeMethod(
                m_context, [&] { notifier->setEnabled(true); }, Qt::BlockingQueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 2, 5000);
    }

    void readAndWriteNotifiersShareADescriptor()
    {
        std::atomic<int> reads = 0;
        std::atomic<int> writes = 0;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    auto *reader = new QSocketNotifier(m_pair[0], QSocketNotifier::Read, m_context);
                    connect(reader, &QSocketNotifier::activated, m_context, [&] {
                        char buffer[64];
                        while (::read(m_pair[0], buffer, sizeof buffer) > 0) {
                        }
                        ++reads;
                    });
                    auto *writer
                            = new QSocketNotifier(m_pair[0], QSocketNotifier::Write, m_context);
                    connect(writer, &QSocketNotifier::activated, m_context, [&, writer] {
                        ++writes;
                        writer->setEnabled(false); // writable at once: once is enough
                    });
                },
                Qt::BlockingQueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(writes.load(), 1, 5000);
        QCOMPARE(reads.load(), 0);
        QCOMPARE(::write(m_pair[1], "x", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(reads.load(), 1, 5000);
        QCOMPARE(writes.load(), 1); // the disabled writer stayed quiet while the reader ran
    }

    void aDeletedNotifierIsNotActivated()
    {
        std::atomic<int> activations = 0;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    auto *first = new QSocketNotifier(m_pair[0], QSocketNotifier::Read, m_context);
                    connect(first, &QSocketNotifier::activated, m_context, [&, first] {
                        ++activations;
                        delete first; // from inside its own activation
                    });
                },
                Qt::BlockingQueuedConnection);
        QCOMPARE(::write(m_pair[1], "x", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(activations.load(), 1, 5000);
        QTest::qWait(50); // still readable, but nobody listens: no busy loop, no activation
        QCOMPARE(activations.load(), 1);
    }

    void timersFireWhenDue_data()
    {
        QTest::addColumn<int>("interval");
        QTest::addColumn<Qt::TimerType>("type");
        QTest::newRow("zero") << 0 << Qt::CoarseTimer;
        QTest::newRow("precise 30 ms") << 30 << Qt::PreciseTimer;
        QTest::newRow("coarse 30 ms") << 30 << Qt::CoarseTimer;
    }
    void timersFireWhenDue()
    {
        QFETCH(int, interval);
        QFETCH(Qt::TimerType, type);
        std::atomic<qint64> elapsedMs = -1;
        std::atomic<int> fired = 0;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    const auto start = std::chrono::steady_clock::now();
                    auto *timer = new QTimer(m_context);
                    timer->setTimerType(type);
                    timer->setSingleShot(true);
                    connect(timer, &QTimer::timeout, m_context, [&, start] {
                        elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count();
                        ++fired;
                    });
                    timer->start(interval);
                },
                Qt::BlockingQueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 1, 5000);
        QVERIFY2(elapsedMs >= interval, qPrintable(QString::number(elapsedMs)));
        QTest::qWait(interval + 50);
        QCOMPARE(fired.load(), 1); // single shot
    }

    void repeatingTimersRepeatUntilStopped()
    {
        std::atomic<int> fired = 0;
        QTimer *timer = nullptr;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    timer = new QTimer(m_context);
                    connect(timer, &QTimer::timeout, m_context, [&] { ++fired; });
                    timer->start(5);
                },
                Qt::BlockingQueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(fired.load() >= 3, 5000);
        int remaining = -2;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    remaining = timer->remainingTime();
                    timer->stop();
                },
                Qt::BlockingQueuedConnection);
        QVERIFY2(remaining >= 0 && remaining <= 5, qPrintable(QString::number(remaining)));
        const int stoppedAt = fired.load();
        QTest::qWait(50);
        QCOMPARE(fired.load(), stoppedAt);
    }

    void listsAndKillsAnObjectsTimers()
    {
        QMetaObject::invokeMethod(
                m_context,
                [] {
                    auto *dispatcher = QAbstractEventDispatcher::instance();
                    QObject owner;
                    const int first = owner.startTimer(1000ms);
                    const int second = owner.startTimer(50ms, Qt::PreciseTimer);
                    const auto timers = dispatcher->registeredTimers(&owner);
                    QCOMPARE(timers.size(), 2);
                    QCOMPARE(timers.at(0).timerId, first);
                    QCOMPARE(timers.at(1).interval, 50);
                    QCOMPARE(timers.at(1).timerType, Qt::PreciseTimer);
                    QVERIFY(dispatcher->remainingTime(first) > 900);
                    QVERIFY(dispatcher->unregisterTimers(&owner));
                    QVERIFY(dispatcher->registeredTimers(&owner).isEmpty());
                    QCOMPARE(dispatcher->remainingTime(second), -1);
                    QVERIFY(!dispatcher->unregisterTimer(second));
                },
                Qt::BlockingQueuedConnection);
    }

    void deleteLaterAndQuitWork()
    {
        QPointer<QObject> doomed;
        QMetaObject::invokeMethod(
                m_context,
                [&] {
                    doomed = new QObject;
                    doomed->deleteLater();
                },
                Qt::BlockingQueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(doomed.isNull(), 5000);
        // cleanup() quits the thread and waits for it: a lost interrupt would hang there.
    }
};

QTEST_GUILESS_MAIN(tst_EpollEventDispatcher)
#include "tst_epolleventdispatcher.moc"
