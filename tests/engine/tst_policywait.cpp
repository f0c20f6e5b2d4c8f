// SPDX-License-Identifier: GPL-3.0-or-later
// <wait>: its children run concurrently on the engine's one thread. A held backend shows the
// overlap deterministically: every branch's request arrives before any is answered.
#include "executionharness.h"
#include "heldbackend.h"

#include <QTest>

class tst_PolicyWait : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allRunsBranchesTogether();
    void anyEndsWithTheFirstBranch();
    void synchronousBranchesAndChoose();
    void failingBranchGoesToOnError();
    void retryAroundWaitRunsItAgain();

private:
    static QString sendRequest(const QString &variable, const QString &url, int timeout = 20)
    {
        return QStringLiteral("<send-request mode=\"new\" response-variable-name=\"%1\" "
                              "timeout=\"%3\"><set-url>%2</set-url><set-method>GET</set-method>"
                              "</send-request>")
                .arg(variable, url)
                .arg(timeout);
    }
    static QString statusOf(const QString &variable)
    {
        return QStringLiteral("(context.Variables.ContainsKey(&quot;%1&quot;) ? "
                              "((IResponse)context.Variables[&quot;%1&quot;]).StatusCode"
                              ".ToString() : &quot;-&quot;)")
                .arg(variable);
    }
};

void tst_PolicyWait::allRunsBranchesTogether()
{
    HeldBackend backend;
    QVERIFY(backend.start());
    ExecutionHarness harness;
    const auto outcome = harness.run(
            QStringLiteral("<policies><inbound><wait for=\"all\">%1%2</wait>"
                           "<return-response><set-body>@(%3 + &quot;,&quot; + %4)</set-body>"
                           "</return-response></inbound></policies>")
                    .arg(sendRequest(QStringLiteral("a"), backend.url(QStringLiteral("/a"))),
                         sendRequest(QStringLiteral("b"), backend.url(QStringLiteral("/b"))),
                         statusOf(QStringLiteral("a")),
                         statusOf(QStringLiteral("b"))));
    QVERIFY(outcome);
    // Both requests are at the backend while neither has an answer: they are in flight together.
    QTRY_COMPARE(backend.arrivals().size(), 2);
    QCOMPARE(QSet<QString>(backend.arrivals().cbegin(), backend.arrivals().cend()),
             (QSet<QString>{QStringLiteral("/a"), QStringLiteral("/b")}));
    QVERIFY(!outcome->done);
    // b's answer has been handled once only a's exchange is left: the wait still needs a.
    backend.answer(QStringLiteral("/b"), 202);
    QTRY_COMPARE(harness.client.activeCount(), 1);
    QVERIFY(!outcome->done);
    backend.answer(QStringLiteral("/a"), 201);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("201,202"));
    const QList<TraceEvent> forwards = outcome->events(TraceEvent::Kind::Forward);
    QCOMPARE(forwards.size(), 2);
    QCOMPARE(forwards.at(0).status, 202);
    QCOMPARE(forwards.at(1).status, 201);
    bool joined = false;
    for (const TraceEvent &event : outcome->events(TraceEvent::Kind::Info))
        joined = joined || event.message == u"wait for=\"all\": 2 branches finished.";
    QVERIFY(joined);
}

void tst_PolicyWait::anyEndsWithTheFirstBranch()
{
    HeldBackend backend;
    QVERIFY(backend.start());
    ExecutionHarness harness;
    const auto outcome = harness.run(
            QStringLiteral("<policies><inbound><wait for=\"any\">%1%2</wait>"
                           "<return-response><set-body>@(%3 + &quot;,&quot; + %4)</set-body>"
                           "</return-response></inbound></policies>")
                    .arg(sendRequest(QStringLiteral("a"), backend.url(QStringLiteral("/a"))),
                         sendRequest(QStringLiteral("b"), backend.url(QStringLiteral("/b"))),
                         statusOf(QStringLiteral("a")),
                         statusOf(QStringLiteral("b"))));
    QVERIFY(outcome);
    QTRY_COMPARE(backend.arrivals().size(), 2);
    backend.answer(QStringLiteral("/b"), 202);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("-,202"));
    bool reported = false;
    for (const TraceEvent &event : outcome->events(TraceEvent::Kind::Info))
        reported = reported
                   || event.message
                              == u"wait for=\"any\": branch 2 (send-request) finished first; 1 "
                                 "cancelled.";
    QVERIFY(reported);
    // The losing branch's exchange was dropped with its connection.
    QTRY_COMPARE(harness.client.activeCount(), 0);
    backend.answer(QStringLiteral("/a"), 201);
}

void tst_PolicyWait::synchronousBranchesAndChoose()
{
    HeldBackend backend;
    QVERIFY(backend.start());
    ExecutionHarness harness;
    harness.cache.store(
            QStringLiteral("East US"), QStringLiteral("k"), 7, QStringLiteral("7"), 60000);
    const auto outcome = harness.run(
            QStringLiteral(
                    "<policies><inbound><wait>"
                    "<cache-lookup-value key=\"k\" variable-name=\"cached\" />"
                    "<choose><when condition=\"@(true)\">"
                    "<set-variable name=\"chosen\" value=\"yes\" />%1</when></choose>"
                    "</wait>"
                    "<return-response><set-body>@(context.Variables.GetValueOrDefault&lt;int&gt;("
                    "&quot;cached&quot;) + &quot;,&quot; + (string)context.Variables[&quot;chosen"
                    "&quot;] + &quot;,&quot; + %2)</set-body></return-response>"
                    "</inbound></policies>")
                    .arg(sendRequest(QStringLiteral("c"), backend.url(QStringLiteral("/c"))),
                         statusOf(QStringLiteral("c"))));
    QVERIFY(outcome);
    QTRY_COMPARE(backend.arrivals(), QStringList{QStringLiteral("/c")});
    QVERIFY(!outcome->done);
    backend.answer(QStringLiteral("/c"), 200);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("7,yes,200"));
}

void tst_PolicyWait::failingBranchGoesToOnError()
{
    HeldBackend backend;
    QVERIFY(backend.start());
    ExecutionHarness harness;
    const auto outcome = harness.run(
            QStringLiteral("<policies><inbound><wait>%1%2</wait>"
                           "<set-variable name=\"after\" value=\"ran\" /></inbound>"
                           "<on-error><return-response><set-body>@(context.LastError.Source + "
                           "&quot;/&quot;"
                           " + context.LastError.Reason + &quot;/&quot; + "
                           "context.Variables.ContainsKey(&quot;after&quot;))</set-body>"
                           "</return-response></on-error></policies>")
                    .arg(sendRequest(QStringLiteral("a"), backend.url(QStringLiteral("/a"))),
                         sendRequest(QStringLiteral("b"), QStringLiteral("http://127.0.0.1:1/b"))));
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("send-request/BackendConnectionFailure/False"));
    QTRY_COMPARE(harness.client.activeCount(), 0);
}

void tst_PolicyWait::retryAroundWaitRunsItAgain()
{
    HeldBackend backend;
    QVERIFY(backend.start());
    ExecutionHarness harness;
    const auto outcome = harness.run(
            QStringLiteral("<policies><inbound><retry condition=\"@(%1 != &quot;200&quot;)\" "
                           "count=\"1\" interval=\"2\"><wait>%2</wait></retry>"
                           "<return-response><set-body>@(%1)</set-body></return-response>"
                           "</inbound></policies>")
                    .arg(statusOf(QStringLiteral("a")),
                         sendRequest(QStringLiteral("a"), backend.url(QStringLiteral("/a")))));
    QVERIFY(outcome);
    QTRY_COMPARE(backend.arrivals().size(), 1);
    backend.answer(QStringLiteral("/a"), 503);
    QTRY_COMPARE(harness.scheduler.pendingCount(), 1);
    QCOMPARE(harness.scheduler.requestedDelays(), QList<qint64>{2000});
    harness.scheduler.advance(2000);
    QTRY_COMPARE(backend.arrivals().size(), 2);
    backend.answer(QStringLiteral("/a"), 200);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("200"));
}

QTEST_GUILESS_MAIN(tst_PolicyWait)
#include "tst_policywait.moc"
