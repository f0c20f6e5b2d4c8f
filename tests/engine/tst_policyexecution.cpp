// SPDX-License-Identifier: GPL-3.0-or-later
// The engine on its own: policies compiled from XML and run with a manual clock and scheduler,
// backend calls to mock backends on 127.0.0.1.
#include "engine/backendregistry.h"
#include "engine/circuitbreaker.h"
#include "engine/concurrencylimiter.h"
#include "engine/manualclock.h"
#include "engine/manualscheduler.h"
#include "engine/policycompiler.h"
#include "engine/policyexecution.h"
#include "engine/ratelimiter.h"
#include "engine/requestcontextcache.h"
#include "engine/urlparsecache.h"
#include "engine/valuecache.h"
#include "http/httpclient.h"
#include "http/mockbackend.h"
#include "policy/policyparser.h"
#include "policy/policyschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <numeric>

class tst_PolicyExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void retryDelays_data();
    void retryDelays();
    void retryConditionNotEvaluatedBeforeFirstRun();
    void onErrorSeesLastError();
    void chooseRecordsItsBranch_data();
    void chooseRecordsItsBranch();
    void errorInOnErrorAnswersGeneric500();
    void backendRefused();
    void backendTimeout();
    void failOnErrorStatusCode();
    void retryRunsFailedChildrenAgain();
    void returnResponseShortCircuits();
    void defaultErrorBodies_data();
    void defaultErrorBodies();
    void valueCacheAndVariables();
    void headersQueryAndBody();
    void requestIdIsOnePerRequest();
    void rewriteUri_data();
    void rewriteUri();
    void joinsBasePathAndOperationPath_data();
    void joinsBasePathAndOperationPath();
    void poolFailsOverThroughBreaker();
    void notEmulatedPolicyWarns();

private:
    struct Outcome
    {
        HttpResponse response;
        RequestTrace trace;
        bool done = false;
    };
    std::shared_ptr<Outcome> run(const QString &xml,
                                 const QByteArray &method = "GET",
                                 const QByteArray &target = "/items/7?x=1");
    QString mockUrl(MockBackend &mock) const { return mock.url().toString(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ManualScheduler> m_scheduler;
    std::unique_ptr<ValueCache> m_cache;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<ConcurrencyLimiter> m_concurrency;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<BackendRegistry> m_backends;
    std::unique_ptr<UrlParseCache> m_urls;
    std::unique_ptr<RequestContextCache> m_contexts;
    double m_random = 0.5;
    // What the operation's URL template matched (the gateway's OperationMatcher fills these).
    QHash<QString, QString> m_matched;
    QStringList m_templateQueryNames;
};

void tst_PolicyExecution::init()
{
    m_clock = std::make_unique<ManualClock>(1000);
    m_scheduler = std::make_unique<ManualScheduler>(m_clock.get());
    m_cache = std::make_unique<ValueCache>(m_clock.get());
    m_rateLimiter = std::make_unique<RateLimiter>(m_clock.get());
    m_concurrency = std::make_unique<ConcurrencyLimiter>();
    m_client = std::make_unique<HttpClient>();
    m_backends = std::make_unique<BackendRegistry>(QList<Workspace::Backend>(), m_clock.get());
    m_urls = std::make_unique<UrlParseCache>();
    m_contexts = std::make_unique<RequestContextCache>();
    m_matched.clear();
    m_templateQueryNames.clear();
}

std::shared_ptr<tst_PolicyExecution::Outcome> tst_PolicyExecution::run(const QString &xml,
                                                                       const QByteArray &method,
                                                                       const QByteArray &target)
{
    auto outcome = std::make_shared<Outcome>();
    const PolicyParseResult parsed = PolicyParser::parse(xml, QStringLiteral("test.xml"));
    if (!parsed.ok())
        return nullptr;
    const PolicyCompileResult compiled
            = PolicyCompiler(PolicySchema::builtin(),
                             {{QStringLiteral("nv"), QStringLiteral("named")}})
                      .compile(parsed.document, QStringLiteral("test.xml"));
    if (!compiled.ok())
        return nullptr;
    ExecutionServices services;
    services.clock = m_clock.get();
    services.scheduler = m_scheduler.get();
    services.httpClient = m_client.get();
    services.cache = m_cache.get();
    services.backends = m_backends.get();
    services.rateLimiter = m_rateLimiter.get();
    services.concurrency = m_concurrency.get();
    services.urls = m_urls.get();
    services.contexts = m_contexts.get();
    services.random01 = [this] {
        return m_random;
    };
    ExecutionInput input;
    input.request.method = method;
    input.request.target = target;
    input.request.peerAddress = QHostAddress::LocalHost;
    input.route.region = QStringLiteral("East US");
    input.frontEndUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    input.route.apiId = QStringLiteral("api");
    input.route.serviceUrl = QStringLiteral("http://127.0.0.1:9");
    input.route.operationId = QStringLiteral("op");
    input.operationPath = QString::fromLatin1(input.request.path());
    input.matchedParameters = m_matched;
    input.templateQueryNames = m_templateQueryNames;
    PolicyExecution::create(compiled.program,
                            services,
                            std::move(input),
                            [outcome](HttpResponse response, RequestTrace trace) {
                                outcome->response = std::move(response);
                                outcome->trace = std::move(trace);
                                outcome->done = true;
                            })
            ->start();
    return outcome;
}

void tst_PolicyExecution::retryDelays_data()
{
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QList<qint64>>("delays");
    QTest::newRow("fixed") << QStringLiteral("count=\"3\" interval=\"2\"")
                           << QList<qint64>{2000, 2000, 2000};
    QTest::newRow("linear") << QStringLiteral("count=\"3\" interval=\"1\" delta=\"2\"")
                            << QList<qint64>{1000, 3000, 5000};
    QTest::newRow("exponential") << QStringLiteral(
            "count=\"4\" interval=\"1\" delta=\"2\" max-interval=\"5\"")
                                 << QList<qint64>{1000, 3000, 5000, 5000};
    QTest::newRow("first-fast-retry")
            << QStringLiteral("count=\"3\" interval=\"2\" first-fast-retry=\"true\"")
            << QList<qint64>{0, 2000, 2000};
}

void tst_PolicyExecution::retryDelays()
{
    QFETCH(QString, attributes);
    QFETCH(QList<qint64>, delays);
    const auto outcome = run(QStringLiteral("<policies><inbound><retry condition=\"true\" %1>"
                                            "<set-variable name=\"x\" value=\"1\" /></retry>"
                                            "<return-response /></inbound></policies>")
                                     .arg(attributes));
    QVERIFY(outcome);
    for (int i = 0; i < 10 && m_scheduler->runNext(); ++i) {
    }
    QVERIFY(outcome->done);
    QList<qint64> observed;
    for (const TraceEvent &event : outcome->trace.events) {
        if (event.kind == TraceEvent::Kind::RetryAttempt && event.attempt > 1)
            observed.append(event.delayMs);
    }
    QCOMPARE(observed, delays);
    QCOMPARE(outcome->trace.attempts, delays.size() + 1);
    QCOMPARE(m_clock->nowMs() - 1000, std::accumulate(delays.begin(), delays.end(), qint64(0)));
}

void tst_PolicyExecution::retryConditionNotEvaluatedBeforeFirstRun()
{
    // Response is null before the first run: evaluating the condition first would fail.
    const auto outcome = run(QStringLiteral(
            "<policies><inbound><retry condition=\"@(context.Response.StatusCode == 500)\" "
            "count=\"2\" interval=\"0\"><set-status code=\"200\" reason=\"OK\" /></retry>"
            "</inbound></policies>"));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, 200);
    QCOMPARE(outcome->trace.attempts, 1);
}

void tst_PolicyExecution::onErrorSeesLastError()
{
    const auto outcome = run(QStringLiteral(
            "<policies><inbound><choose><when condition=\"true\">"
            "<set-variable id=\"boom\" name=\"x\" "
            "value=\"@((string)context.Variables[&quot;missing&quot;])\" />"
            "</when></choose><set-variable name=\"never\" value=\"1\" /></inbound>"
            "<on-error><return-response><set-status code=\"418\" reason=\"Teapot\" />"
            "<set-body>@(context.LastError.Source + \"|\" + context.LastError.Reason + \"|\" + "
            "context.LastError.Section + \"|\" + context.LastError.Path + \"|\" + "
            "context.LastError.PolicyId + \"|\" + context.Response.StatusCode + \"|\" + "
            "context.Variables.ContainsKey(\"never\"))</set-body></return-response></on-error></"
            "policies>"));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, 418);
    QCOMPARE(outcome->response.body,
             QByteArray("set-variable|ExpressionValueEvaluationFailure|inbound|"
                        "choose[1]/when[1]/set-variable[1]|boom|500|False"));
}

void tst_PolicyExecution::chooseRecordsItsBranch_data()
{
    QTest::addColumn<QString>("branches");
    QTest::addColumn<QString>("taken"); // value of the choose's Policy event
    QTest::newRow("empty first when") << "<when condition=\"true\" /><otherwise />"
                                      << "choose[1]/when[1]";
    QTest::newRow("second when") << "<when condition=\"false\" /><when condition=\"true\" />"
                                 << "choose[1]/when[2]";
    QTest::newRow("otherwise") << "<when condition=\"false\" /><otherwise />"
                               << "choose[1]/otherwise[1]";
    QTest::newRow("none") << "<when condition=\"false\" />"
                          << "";
}

void tst_PolicyExecution::chooseRecordsItsBranch()
{
    QFETCH(QString, branches);
    QFETCH(QString, taken);
    const auto outcome = run(QStringLiteral("<policies><inbound><choose>%1</choose>"
                                            "<return-response /></inbound></policies>")
                                     .arg(branches));
    QVERIFY(outcome && outcome->done);
    QStringList recorded;
    for (const TraceEvent &event : outcome->trace.events) {
        if (event.kind == TraceEvent::Kind::Policy && event.policy == u"choose")
            recorded.append(event.value);
    }
    QCOMPARE(recorded, QStringList{taken});
}

void tst_PolicyExecution::errorInOnErrorAnswersGeneric500()
{
    const auto outcome = run(QStringLiteral(
            "<policies><inbound><check-header name=\"X-Key\" failed-check-httpcode=\"401\" "
            "failed-check-error-message=\"no key\" ignore-case=\"true\" /></inbound>"
            "<on-error><set-variable name=\"x\" value=\"@(context.Variables[&quot;nope&quot;])\" />"
            "<set-status code=\"299\" reason=\"never\" /></on-error></policies>"));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, 500);
    QCOMPARE(QJsonDocument::fromJson(outcome->response.body).object().value("message").toString(),
             QStringLiteral("Internal server error"));
}

void tst_PolicyExecution::backendRefused()
{
    MockBackend mock(QStringLiteral("down"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    const QString url = mockUrl(mock);
    MockBackend::Behaviour refuse;
    refuse.mode = MockBackend::Mode::RefuseConnections;
    mock.setBehaviour(refuse);
    const auto outcome = run(
            QStringLiteral("<policies><inbound><set-backend-service base-url=\"%1\" /></inbound>"
                           "<backend><forward-request timeout=\"5\" /></backend>"
                           "<outbound><set-header "
                           "name=\"X-Outbound\"><value>ran</value></set-header></outbound>"
                           "<on-error><set-header "
                           "name=\"X-Source\"><value>@(context.LastError.Source)</value>"
                           "</set-header></on-error></policies>")
                    .arg(url));
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 500);
    QCOMPARE(outcome->trace.errorReason, QStringLiteral("BackendConnectionFailure"));
    QCOMPARE(outcome->response.headers.value("X-Source"), QByteArray("request-forwarder"));
    QVERIFY(!outcome->response.headers.contains("X-Outbound"));
    QCOMPARE(QJsonDocument::fromJson(outcome->response.body).object().value("statusCode").toInt(),
             500);
}

void tst_PolicyExecution::backendTimeout()
{
    MockBackend mock(QStringLiteral("slow"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    MockBackend::Behaviour hang;
    hang.mode = MockBackend::Mode::Hang;
    mock.setBehaviour(hang);
    const auto outcome = run(
            QStringLiteral("<policies><inbound><set-backend-service base-url=\"%1\" /></inbound>"
                           "<backend><forward-request timeout=\"1\" /></backend></policies>")
                    .arg(mockUrl(mock)));
    QVERIFY(outcome);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->done, 10000);
    QCOMPARE(outcome->response.status, 500);
    QCOMPARE(outcome->trace.errorReason, QStringLiteral("Timeout"));
}

void tst_PolicyExecution::failOnErrorStatusCode()
{
    MockBackend mock(QStringLiteral("failing"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    MockBackend::Behaviour failing;
    failing.mode = MockBackend::Mode::FixedStatus;
    failing.status = 502;
    mock.setBehaviour(failing);
    const auto outcome = run(
            QStringLiteral("<policies><inbound><set-backend-service base-url=\"%1\" /></inbound>"
                           "<backend><forward-request fail-on-error-status-code=\"true\" />"
                           "</backend><outbound><set-header name=\"X-Outbound\"><value>ran</value>"
                           "</set-header></outbound><on-error><set-header name=\"X-Error\">"
                           "<value>@(context.LastError.Source + &quot;/&quot; + "
                           "context.LastError.Reason)</value></set-header></on-error></policies>")
                    .arg(mockUrl(mock)));
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 502);
    QCOMPARE(outcome->response.headers.value("X-Error"),
             QByteArray("forward-request/BackendConnectionFailure"));
    QVERIFY(!outcome->response.headers.contains("X-Outbound"));
}

void tst_PolicyExecution::retryRunsFailedChildrenAgain()
{
    MockBackend mock(QStringLiteral("down"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    const QString url = mockUrl(mock);
    MockBackend::Behaviour refuse;
    refuse.mode = MockBackend::Mode::RefuseConnections;
    mock.setBehaviour(refuse);
    const auto outcome = run(
            QStringLiteral("<policies><inbound><set-backend-service base-url=\"%1\" /></inbound>"
                           "<backend><retry condition=\"@(context.LastError != null)\" count=\"1\" "
                           "interval=\"1\">"
                           "<forward-request timeout=\"5\" /></retry></backend></policies>")
                    .arg(url));
    QVERIFY(outcome);
    QTRY_COMPARE(m_scheduler->pendingCount(), 1);
    QCOMPARE(m_scheduler->requestedDelays(), QList<qint64>{1000});
    m_scheduler->advance(1000);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->trace.attempts, 2);
    QCOMPARE(outcome->response.status, 500);
    QCOMPARE(outcome->trace.errorReason, QStringLiteral("BackendConnectionFailure"));
}

void tst_PolicyExecution::returnResponseShortCircuits()
{
    MockBackend mock(QStringLiteral("b"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    const auto outcome
            = run(QStringLiteral(
                          "<policies><inbound><set-backend-service base-url=\"%1\" />"
                          "<return-response><set-status code=\"201\" reason=\"Created\" />"
                          "<set-header "
                          "name=\"X-A\"><value>{{nv}}</value></set-header><set-body>done</set-body>"
                          "</return-response><set-variable name=\"after\" value=\"1\" /></inbound>"
                          "<backend><forward-request /></backend>"
                          "<outbound><set-header "
                          "name=\"X-Outbound\"><value>ran</value></set-header></outbound>"
                          "</policies>")
                          .arg(mockUrl(mock)));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, 201);
    QCOMPARE(outcome->response.body, QByteArray("done"));
    QCOMPARE(outcome->response.headers.value("X-A"), QByteArray("named"));
    QVERIFY(!outcome->response.headers.contains("X-Outbound"));
    QCOMPARE(mock.hits().total, 0u);
}

void tst_PolicyExecution::defaultErrorBodies_data()
{
    QTest::addColumn<QString>("inbound");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::newRow("check-header") << QStringLiteral(
            "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" "
            "failed-check-error-message=\"Key missing\" ignore-case=\"true\" />")
                                  << 401 << QStringLiteral("HeaderNotFound")
                                  << QStringLiteral("Key missing");
    QTest::newRow("ip-filter") << QStringLiteral(
            "<ip-filter action=\"forbid\"><address>127.0.0.1</address></ip-filter>")
                               << 403 << QStringLiteral("CallerIpBlocked")
                               << QStringLiteral("Forbidden");
    QTest::newRow("expression") << QStringLiteral(
            "<set-variable name=\"x\" value=\"@(1 / int.Parse(&quot;0&quot;))\" />")
                                << 500 << QStringLiteral("ExpressionValueEvaluationFailure")
                                << QStringLiteral("Internal server error");
    QTest::newRow("relative base-url")
            << QStringLiteral("<set-backend-service base-url=\"/relative\" />") << 500
            << QStringLiteral("ExpressionValueEvaluationFailure")
            << QStringLiteral("Internal server error");
    QTest::newRow("base-url expression without a host")
            << QStringLiteral("<set-backend-service base-url=\"@(&quot;not a url&quot;)\" />")
            << 500 << QStringLiteral("ExpressionValueEvaluationFailure")
            << QStringLiteral("Internal server error");
}

void tst_PolicyExecution::defaultErrorBodies()
{
    QFETCH(QString, inbound);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    const auto outcome
            = run(QStringLiteral("<policies><inbound>%1</inbound></policies>").arg(inbound));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, status);
    QCOMPARE(outcome->trace.errorReason, reason);
    const QJsonObject body = QJsonDocument::fromJson(outcome->response.body).object();
    QCOMPARE(body.value("statusCode").toInt(), status);
    QCOMPARE(body.value("message").toString(), message);
}

void tst_PolicyExecution::valueCacheAndVariables()
{
    const QString xml = QStringLiteral(
            "<policies><inbound><cache-lookup-value key=\"k\" variable-name=\"v\" />"
            "<choose><when condition=\"@(context.Variables.ContainsKey(&quot;v&quot;))\">"
            "<return-response><set-body>@(&quot;hit:&quot; + "
            "context.Variables.GetValueOrDefault&lt;int&gt;(&quot;v&quot;))</set-body></"
            "return-response>"
            "</when></choose><cache-store-value key=\"k\" value=\"@(41 + 1)\" duration=\"5\" />"
            "<return-response><set-body>miss</set-body></return-response></inbound></policies>");
    auto outcome = run(xml);
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.body, QByteArray("miss"));
    QCOMPARE(m_cache->entries().size(), 1);
    QCOMPARE(m_cache->entries().first().expiresAtMs - m_clock->nowMs(), 5000);
    outcome = run(xml);
    QCOMPARE(outcome->response.body, QByteArray("hit:42"));
    m_clock->advance(5000);
    outcome = run(xml);
    QCOMPARE(outcome->response.body, QByteArray("miss"));
}

void tst_PolicyExecution::headersQueryAndBody()
{
    MockBackend mock(QStringLiteral("echo"), QStringLiteral("East US"));
    QVERIFY(mock.start());
    const auto outcome = run(
            QStringLiteral(
                    "<policies><inbound><set-backend-service base-url=\"%1/base\" />"
                    "<rewrite-uri template=\"/v2/things\" />"
                    "<set-query-parameter name=\"added\"><value>yes</value></set-query-parameter>"
                    "<set-header name=\"X-One\"><value>a</value><value>b</value></set-header>"
                    "<set-method>POST</set-method><set-body>hello world</set-body>"
                    "<find-and-replace from=\"world\" to=\"there\" />"
                    "<authentication-basic username=\"u\" password=\"p\" /></inbound>"
                    "<backend><forward-request /></backend>"
                    "<outbound><set-header "
                    "name=\"X-Status\"><value>@(context.Response.StatusCode.ToString())</value></"
                    "set-header>"
                    "</outbound></policies>")
                    .arg(mockUrl(mock)));
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 200);
    QCOMPARE(outcome->response.headers.value("X-Status"), QByteArray("200"));
    const QJsonObject echo = QJsonDocument::fromJson(outcome->response.body).object();
    QCOMPARE(echo.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(echo.value("path").toString(), QStringLiteral("/base/v2/things"));
    QCOMPARE(echo.value("queryString").toString(), QStringLiteral("x=1&added=yes"));
    QCOMPARE(echo.value("body").toString(), QStringLiteral("hello there"));
    const QJsonObject headers = echo.value("headers").toObject();
    QCOMPARE(headers.value("X-One").toString(), QStringLiteral("a,b"));
    QCOMPARE(headers.value("Authorization").toString(), QStringLiteral("Basic dTpw"));
}

// Made when first asked for: the expression, the trace and an error's activityId agree.
void tst_PolicyExecution::requestIdIsOnePerRequest()
{
    const QString xml = QStringLiteral(
            "<policies><inbound><return-response><set-body>@(context.RequestId.ToString() + \"|\" "
            "+ context.RequestId.ToString())</set-body></return-response></inbound></policies>");
    const auto first = run(xml);
    QVERIFY(first);
    QTRY_VERIFY(first->done);
    const QStringList ids = QString::fromUtf8(first->response.body).split(u'|');
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ids.at(0), ids.at(1));
    QVERIFY(!QUuid::fromString(ids.at(0)).isNull());
    QCOMPARE(first->trace.requestId, ids.at(0));
    const auto second = run(xml);
    QVERIFY(second);
    QTRY_VERIFY(second->done);
    QVERIFY(second->trace.requestId != first->trace.requestId);
    QVERIFY(!QUuid::fromString(second->trace.requestId).isNull());
}

using Parameters = QHash<QString, QString>;

void tst_PolicyExecution::rewriteUri_data()
{
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<Parameters>("matched");
    QTest::addColumn<QStringList>("templateQueryNames");
    QTest::addColumn<QString>("url");
    const QString service = QStringLiteral("http://127.0.0.1:9");
    QTest::newRow("literal, unmatched parameters copied")
            << "template=\"/api/Hello?code=k\"" << QByteArray("/hello?x=1") << Parameters()
            << QStringList() << service + "/api/Hello?code=k&x=1";
    QTest::newRow("copy-unmatched-params off")
            << "template=\"/api/Hello?code=k\" copy-unmatched-params=\"false\""
            << QByteArray("/hello?x=1") << Parameters() << QStringList()
            << service + "/api/Hello?code=k";
    QTest::newRow("template parameter, encoded")
            << "template=\"/users/{id}/orders\"" << QByteArray("/u/a%20b")
            << Parameters{{"id", "a b"}} << QStringList() << service + "/users/a%20b/orders";
    QTest::newRow("two parameters")
            << "template=\"/{a}-{b}/x\"" << QByteArray("/p?y=2")
            << Parameters{{"a", "1"}, {"b", "2"}} << QStringList() << service + "/1-2/x?y=2";
    QTest::newRow("template query names are matched, not copied")
            << "template=\"/orders\"" << QByteArray("/o?status=open&x=1")
            << Parameters{{"status", "open"}} << QStringList{"status"} << service + "/orders?x=1";
    QTest::newRow("template query wins over the request's")
            << "template=\"/p?x=2\"" << QByteArray("/o?x=1&y=3") << Parameters() << QStringList()
            << service + "/p?x=2&y=3";
}

void tst_PolicyExecution::rewriteUri()
{
    QFETCH(QString, attributes);
    QFETCH(QByteArray, target);
    QFETCH(Parameters, matched);
    QFETCH(QStringList, templateQueryNames);
    QFETCH(QString, url);
    m_matched = matched;
    m_templateQueryNames = templateQueryNames;
    const auto outcome = run(QStringLiteral("<policies><inbound><rewrite-uri %1 />"
                                            "<return-response><set-body>@(context.Request.Url."
                                            "ToString())</set-body></return-response>"
                                            "</inbound></policies>")
                                     .arg(attributes),
                             "GET",
                             target);
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(QString::fromUtf8(outcome->response.body), url);
}

void tst_PolicyExecution::joinsBasePathAndOperationPath_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("rewrite"); // a rewrite-uri template, or none
    QTest::addColumn<QString>("url");
    QTest::newRow("no base path") << "http://h.example:9"
                                  << "/a"
                                  << "http://h.example:9/a";
    QTest::newRow("base path /") << "http://h.example:9/"
                                 << "/a"
                                 << "http://h.example:9/a";
    QTest::newRow("base path") << "http://h.example:9/api"
                               << "/a"
                               << "http://h.example:9/api/a";
    QTest::newRow("template without a slash") << "http://h.example:9/api/"
                                              << "a"
                                              << "http://h.example:9/api/a";
    QTest::newRow("no base path, template without a slash") << "http://h.example:9"
                                                            << "a"
                                                            << "http://h.example:9/a";
    QTest::newRow("slashes at the base's end") << "http://h.example:9/api//"
                                               << "/"
                                               << "http://h.example:9/api/";
    QTest::newRow("request's own path")
            << "http://h.example:9/api/" << QString() << "http://h.example:9/api/items/7?x=1";
}

// context.Request.Url joins the backend's base path and the operation path with one slash,
// whichever of them has slashes of its own.
void tst_PolicyExecution::joinsBasePathAndOperationPath()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, rewrite);
    QFETCH(QString, url);
    const QString rewriteUri = rewrite.isNull()
                                       ? QString()
                                       : QStringLiteral("<rewrite-uri template=\"%1\" "
                                                        "copy-unmatched-params=\"false\" />")
                                                 .arg(rewrite);
    const auto outcome = run(QStringLiteral("<policies><inbound><set-backend-service "
                                            "base-url=\"%1\" />%2<return-response><set-body>@("
                                            "context.Request.Url.ToString())</set-body>"
                                            "</return-response></inbound></policies>")
                                     .arg(baseUrl, rewriteUri));
    QVERIFY(outcome);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(QString::fromUtf8(outcome->response.body), url);
}

void tst_PolicyExecution::poolFailsOverThroughBreaker()
{
    MockBackend primary(QStringLiteral("a"), QStringLiteral("East US"));
    MockBackend secondary(QStringLiteral("b"), QStringLiteral("West Europe"));
    QVERIFY(primary.start() && secondary.start());
    MockBackend::Behaviour failing;
    failing.mode = MockBackend::Mode::FixedStatus;
    failing.status = 500;
    primary.setBehaviour(failing);
    Workspace::Backend a{
            QStringLiteral("a"), Workspace::Backend::Type::Single, mockUrl(primary), {}, true, {}};
    a.circuitBreaker.failureCount = 1;
    a.circuitBreaker.tripDurationSeconds = 10;
    Workspace::Backend b{QStringLiteral("b"),
                         Workspace::Backend::Type::Single,
                         mockUrl(secondary),
                         {},
                         false,
                         {}};
    Workspace::Backend pool{QStringLiteral("pool"),
                            Workspace::Backend::Type::Pool,
                            {},
                            {{QStringLiteral("a"), 1, 1}, {QStringLiteral("b"), 2, 1}},
                            false,
                            {}};
    m_backends = std::make_unique<BackendRegistry>(QList<Workspace::Backend>{a, b, pool},
                                                   m_clock.get());
    const QString xml
            = QStringLiteral("<policies><inbound><set-backend-service backend-id=\"pool\" />"
                             "</inbound><backend><forward-request /></backend></policies>");
    auto outcome = run(xml);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 500);
    QCOMPARE(m_backends->breaker(QStringLiteral("a"))->state(), CircuitBreaker::State::Open);
    outcome = run(xml);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 200);
    QCOMPARE(outcome->trace.servedBy, QStringLiteral("b"));
    QCOMPARE(primary.hits().total, 1u);
    m_clock->advance(10000);
    primary.setBehaviour(MockBackend::Behaviour());
    outcome = run(xml);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->trace.servedBy, QStringLiteral("a"));
    QCOMPARE(m_backends->breaker(QStringLiteral("a"))->state(), CircuitBreaker::State::Closed);
    // A single backend whose breaker is open answers 503.
    primary.setBehaviour(failing);
    outcome = run(xml);
    QTRY_VERIFY(outcome->done);
    secondary.setBehaviour(failing);
    m_backends = std::make_unique<BackendRegistry>(QList<Workspace::Backend>{a}, m_clock.get());
    const QString single
            = QStringLiteral("<policies><inbound><set-backend-service backend-id=\"a\" />"
                             "</inbound><backend><forward-request /></backend></policies>");
    outcome = run(single);
    QTRY_VERIFY(outcome->done);
    outcome = run(single);
    QTRY_VERIFY(outcome->done);
    QCOMPARE(outcome->response.status, 503);
    QCOMPARE(outcome->trace.errorReason, QStringLiteral("BackendConnectionFailure"));
}

void tst_PolicyExecution::notEmulatedPolicyWarns()
{
    const auto outcome = run(QStringLiteral(
            "<policies><inbound><authentication-managed-identity resource=\"https://x\" />"
            "<return-response /></inbound></policies>"));
    QVERIFY(outcome && outcome->done);
    QCOMPARE(outcome->response.status, 200);
    bool warned = false;
    for (const TraceEvent &event : outcome->trace.events)
        warned = warned
                 || (event.kind == TraceEvent::Kind::Warning
                     && event.message.contains(QLatin1String("cannot be emulated")));
    QVERIFY(warned);
}

QTEST_GUILESS_MAIN(tst_PolicyExecution)
#include "tst_policyexecution.moc"
