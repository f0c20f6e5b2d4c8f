// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "executioninput.h"
#include "executionservices.h"
#include "policyfailure.h"
#include "policyprogram.h"
#include "requesttrace.h"
#include "retryschedule.h"
#include "urlparsecache.h"

#include "expr/expressioncontext.h"
#include "http/httpresponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

struct HttpClientResult;
class Value;

// Runs one request through a PolicyProgram: inbound, backend, outbound, and on-error when a
// policy fails, mutating the APIM context between policies. Asynchronous without nested event
// loops: the run loop walks an explicit frame stack and suspends at a backend call or a retry
// wait; the continuation (HttpClient callback, Scheduler task) resumes it on the same thread.
// <wait> runs its children as strands, each with its own frame stack, interleaved on that one
// thread while the line that ran the wait is parked until all (or any) of them are done.
// Keeps itself alive (shared_ptr) until the completion callback has run.
class PolicyExecution final : public std::enable_shared_from_this<PolicyExecution>
{
public:
    using Completion = std::function<void(HttpResponse response, RequestTrace trace)>;

    PolicyExecution(std::shared_ptr<const PolicyProgram> program,
                    const ExecutionServices &services,
                    ExecutionInput input,
                    Completion completion);
    ~PolicyExecution();
    Q_DISABLE_COPY_MOVE(PolicyExecution)

    static std::shared_ptr<PolicyExecution> create(std::shared_ptr<const PolicyProgram> program,
                                                   const ExecutionServices &services,
                                                   ExecutionInput input,
                                                   Completion completion);
    // Runs until the first suspension; the completion runs when the response is ready.
    void start();
    // Position of a policy's handler in the dispatch table, -1 for a policy not emulated: the
    // compiler stores it in ProgramNode::handler.
    static int handlerIndex(QStringView policyName);

    ExpressionContext &context() { return m_context; }

private:
    struct Frame
    {
        enum class Kind { Sequence, Retry, Concurrency };
        Kind kind = Kind::Sequence;
        const QList<ProgramNode> *nodes = nullptr;
        qsizetype index = 0;
        qsizetype end = 0; // one past the last node to run: a <wait> branch runs one child
        const ProgramNode *owner = nullptr;
        RetrySchedule schedule;
        int retriesDone = 0;
        QString key; // Concurrency: the limiter key to release

        static Frame make(Kind kind, const QList<ProgramNode> *nodes)
        {
            Frame frame;
            frame.kind = kind;
            frame.nodes = nodes;
            frame.end = nodes->size();
            return frame;
        }
    };
    // A line of execution: the request's own (strand 0) or a branch of a <wait>.
    struct Strand
    {
        enum class State { Runnable, Suspended, Parked, Finished };
        std::vector<Frame> frames;
        State state = State::Runnable;
        int group = -1;       // the <wait> this strand is a branch of (index into m_waits)
        quint64 exchange = 0; // the send-request in flight, cancelled with the strand
    };
    struct WaitGroup
    {
        const ProgramNode *node = nullptr;
        int parent = 0; // the strand parked until the group is done
        QList<int> strands;
        int pending = 0;
        bool any = false;
    };
    using Handler = void (PolicyExecution::*)(const ProgramNode &);

    void run();
    // Strand 0 is m_mainStrand, strand i > 0 the branch m_branches[i - 1].
    Strand &strandAt(int i) { return i == 0 ? m_mainStrand : *m_branches[size_t(i - 1)]; }
    int strandCount() const { return 1 + int(m_branches.size()); }
    void suspend() { strandAt(m_active).state = Strand::State::Suspended; }
    // Makes a suspended strand the active one again; false when it was cancelled meanwhile (a
    // sibling won a wait for="any", or the request was answered).
    bool activate(int strand);
    bool activateRunnable();
    void resumeLater(qint64 delayMs);
    std::vector<Frame> &frames() { return strandAt(m_active).frames; }
    void clearStrand(Strand &strand);
    void cancelStrand(int strand);
    void clearAllStrands();
    void finishBranch();
    void endWait(int group, int winner);
    void enterNextSection();
    void step(const ProgramNode &node);
    void finishFrame();
    void popFrame();
    void fail(const ProgramNode &node, const PolicyFailure &failure);
    bool retryAfterFailure(Frame &frame);
    void startRetry(Frame &frame);
    void stopPipeline();
    void finish();
    struct HandlerEntry
    {
        QStringView policyName;
        Handler handler;
    };
    static const std::vector<HandlerEntry> &handlers();

    // Values
    Value evaluate(const ProgramValue &value);
    QString stringAttribute(const ProgramNode &node,
                            QStringView name,
                            const QString &fallback = {});
    bool boolAttribute(const ProgramNode &node, QStringView name, bool fallback);
    int intAttribute(const ProgramNode &node, QStringView name, int fallback);
    QString text(const ProgramNode &node);
    QString textOf(const ProgramValue &value);
    static bool toBool(const Value &value, bool *ok);

    // Messages
    bool targetsRequest() const;
    HttpMessage &targetMessage();
    HttpMessage &ensureResponse();
    static ExpressionContext makeContext(const ExecutionServices &services,
                                         const ExecutionInput &input);
    void setBackendBase(const QString &url);
    void takeBaseApart(const QString &url);
    void refreshRequestUrl();
    void applyHeader(const ProgramNode &node, HeaderMap &headers);
    void applyBody(const ProgramNode &node, HttpMessage &message);
    void applyStatus(const ProgramNode &node, HttpMessage &message);

    // Trace
    TraceEvent event(TraceEvent::Kind kind, const ProgramNode *node = nullptr) const;
    void trace(TraceEvent e);
    // Builds an event (fill sets its fields) and keeps it, only while a trace is recorded: most
    // requests record none, and building one copies several strings.
    template<typename Fill>
    void record(TraceEvent::Kind kind, const ProgramNode *node, Fill &&fill)
    {
        if (!recording())
            return;
        TraceEvent e = event(kind, node);
        fill(e);
        trace(std::move(e));
    }
    void warn(const ProgramNode &node, const QString &message);
    qint64 elapsedUs() const { return m_elapsed.nsecsElapsed() / 1000; }
    // Trace events (and the strings they carry) are built only when someone reads them.
    bool recording() const { return m_services.recordTraceEvents; }

    // Backend calls
    void onForwardDone(const ProgramNode &node,
                       const HttpClientResult &result,
                       const QString &backendLabel,
                       class CircuitBreaker *breaker);
    PolicyFailure clientFailure(const QString &source, const HttpClientResult &result) const;

    // Policies
    void runSetBackendService(const ProgramNode &node);
    void runSetMethod(const ProgramNode &node);
    void runRewriteUri(const ProgramNode &node);
    void runSetHeader(const ProgramNode &node);
    void runSetQueryParameter(const ProgramNode &node);
    void runSetBody(const ProgramNode &node);
    void runSetStatus(const ProgramNode &node);
    void runSetVariable(const ProgramNode &node);
    void runChoose(const ProgramNode &node);
    void runRetry(const ProgramNode &node);
    void runForwardRequest(const ProgramNode &node);
    void runSendRequest(const ProgramNode &node);
    void runReturnResponse(const ProgramNode &node);
    void runMockResponse(const ProgramNode &node);
    void runCacheLookupValue(const ProgramNode &node);
    void runCacheStoreValue(const ProgramNode &node);
    void runCacheRemoveValue(const ProgramNode &node);
    void runCacheLookup(const ProgramNode &node);
    void runCacheStore(const ProgramNode &node);
    QString responseCacheKey(const ProgramNode &node);
    void continueAfterCacheStore(const ProgramNode &node);
    static bool containsPolicy(const ProgramNode &node, QStringView name);
    void addDownstreamCacheControl(int durationSeconds);
    QString subscriptionKey() const;
    void runRateLimit(const ProgramNode &node);
    void runRateLimitByKey(const ProgramNode &node);
    void runLimitConcurrency(const ProgramNode &node);
    void runCheckHeader(const ProgramNode &node);
    void runIpFilter(const ProgramNode &node);
    void runCors(const ProgramNode &node);
    void runFindAndReplace(const ProgramNode &node);
    void runJsonToXml(const ProgramNode &node);
    void runXmlToJson(const ProgramNode &node);
    void runWait(const ProgramNode &node);
    void runTrace(const ProgramNode &node);
    void runAuthenticationBasic(const ProgramNode &node);
    void runLogToEventHub(const ProgramNode &node);
    void runEmitMetric(const ProgramNode &node);
    void runIncludeFragment(const ProgramNode &node);
    void runNotEmulated(const ProgramNode &node);

    void rateLimit(const ProgramNode &node,
                   const QString &key,
                   int calls,
                   int periodSeconds,
                   int incrementCount,
                   bool deferIncrement);

    std::shared_ptr<const PolicyProgram> m_program;
    ExecutionServices m_services;
    ExecutionInput m_input;
    Completion m_completion;
    ExpressionContext m_context;
    RequestTrace m_trace;
    QElapsedTimer m_elapsed;
    qint64 m_clockStartMs = 0; // the injected clock's reading when the request arrived

    // The request's own strand is a member: most requests run no <wait>, and a container of
    // strands allocated at least once per request. Branches are held by pointer, so adding one
    // leaves the strands the run loop refers to in place.
    Strand m_mainStrand;
    std::vector<std::unique_ptr<Strand>> m_branches;
    std::vector<WaitGroup> m_waits;
    int m_active = 0;
    bool m_running = false;
    int m_section = -1;
    bool m_inOnError = false;
    bool m_done = false;
    bool m_stopped = false;
    bool m_onErrorAnswered = false;
    std::optional<PolicyFailure> m_error;
    const ProgramNode *m_currentNode = nullptr;
    // The trace event of the policy step() runs, for handlers that add to it; -1 when none.
    qsizetype m_currentEvent = -1;

    // The backend: base URL (set-backend-service, else the API's service URL), or a backend
    // entity resolved at each forward; and the operation path rewrite-uri changes.
    QString m_backendBase;
    // A base URL taken apart (m_baseText: which), by takeBaseApart.
    UrlParseCache::Base m_base;
    QString m_baseText;
    QString m_backendId;
    QString m_operationPath;
    int m_forwardCount = 0;
    bool m_bufferedBody = false;

    QString m_responseCacheKey;
    QString m_downstreamCaching; // cache-lookup downstream-caching-type: none, private, public
    bool m_mustRevalidate = true;
    HttpHeaders m_extraResponseHeaders;
    struct DeferredIncrement
    {
        const ProgramNode *node;
        QString key;
        int count;
        qint64 periodMs;
    };
    QList<DeferredIncrement> m_deferredIncrements;
};
