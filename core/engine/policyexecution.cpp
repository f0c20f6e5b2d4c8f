// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyexecution.h"

#include "backendregistry.h"
#include "bodyformatconverter.h"
#include "circuitbreaker.h"
#include "clock.h"
#include "concurrencylimiter.h"
#include "messageconverter.h"
#include "ratelimiter.h"
#include "requestcontextcache.h"
#include "scheduler.h"
#include "urlparsecache.h"
#include "valuecache.h"

#include "expr/compiledexpression.h"
#include "expr/headermap.h"
#include "expr/httpmessage.h"
#include "expr/httpurl.h"
#include "expr/messagebody.h"
#include "expr/scriptdictionary.h"
#include "expr/scriptrecord.h"
#include "http/httpclient.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

constexpr int defaultForwardTimeoutSeconds = 300;
constexpr int defaultSendTimeoutSeconds = 60;

QString defaultClientMessage(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("Access denied due to missing subscription key. Make sure to include "
                              "subscription key when making requests to an API.");
    case 404:
        return QStringLiteral("Resource not found");
    case 429:
        return QStringLiteral("Rate limit is exceeded.");
    case 503:
        return QStringLiteral("Service unavailable");
    default:
        return QStringLiteral("Internal server error");
    }
}

QVariant toVariant(const Value &value)
{
    switch (value.type()) {
    case Value::Type::Bool:
        return value.boolValue();
    case Value::Type::Int32:
        return int(value.intValue());
    case Value::Type::Int64:
        return value.intValue();
    case Value::Type::Double:
    case Value::Type::Decimal:
        return value.toDouble();
    case Value::Type::Null:
        return QVariant();
    default:
        return value.toString();
    }
}

Value fromVariant(const QVariant &variant)
{
    switch (variant.typeId()) {
    case QMetaType::Bool:
        return Value::fromBool(variant.toBool());
    case QMetaType::Int:
        return Value::fromInt(variant.toInt());
    case QMetaType::LongLong:
        return Value::fromLong(variant.toLongLong());
    case QMetaType::Double:
        return Value::fromDouble(variant.toDouble());
    case QMetaType::UnknownType:
        return Value();
    default:
        return Value::fromString(variant.toString());
    }
}

// Runs for every request, up to three times (service URL, set-backend-service, rewrite-uri): the
// usual base has no path, and then the operation path is shared rather than copied.
QString joinPaths(const QString &basePath, const QString &path)
{
    QStringView base = basePath;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (path.isEmpty()) {
        if (base.isEmpty())
            return QStringLiteral("/");
        return base.size() == basePath.size() ? basePath : base.toString();
    }
    const bool slash = path.startsWith(u'/');
    if (base.isEmpty() && slash)
        return path;
    QString joined;
    joined.reserve(base.size() + 1 + path.size());
    joined += base;
    if (!slash)
        joined += u'/';
    joined += path;
    return joined;
}

std::optional<quint32> ipv4(const QString &text)
{
    QHostAddress address(text.trimmed());
    bool ok = false;
    const quint32 value = address.toIPv4Address(&ok);
    return ok ? std::optional<quint32>(value) : std::nullopt;
}

} // namespace

PolicyExecution::PolicyExecution(std::shared_ptr<const PolicyProgram> program,
                                 const ExecutionServices &services,
                                 ExecutionInput input,
                                 Completion completion)
    : m_program(std::move(program))
    , m_services(services)
    , m_input(std::move(input))
    , m_completion(std::move(completion))
    , m_context(makeContext(m_services, m_input))
{
    // Deep enough for a section, a retry and a choose branch without regrowing as they push.
    m_mainStrand.frames.reserve(8);
    m_elapsed.start();
    const QDateTime wallStart = m_context.timestamp;
    m_clockStartMs = m_services.clock->nowMs();
    // Captures only this, which std::function stores without allocating.
    m_context.clock = [this] {
        return m_context.timestamp.addMSecs(m_services.clock->nowMs() - m_clockStartMs);
    };
    m_context.traceSink = [this](const QString &message) {
        TraceEvent e = event(TraceEvent::Kind::Info, m_currentNode);
        e.message = message;
        trace(e);
    };

    HttpMessage &request = *m_context.request;
    const HttpRequest &wire = m_input.request;
    request.method = wire.methodName();
    // Copied into the URL objects the request message already has: no allocation for them.
    const std::shared_ptr<const HttpUrl> original = m_services.contexts->originalUrl(m_input);
    request.originalUrl->assign(*original);
    request.url->assign(*original);
    request.ipAddress = m_services.contexts->addressText(wire.peerAddress);
    request.headers->setWireHeaders(wire.headers);
    if (!wire.body.isEmpty())
        request.body = std::make_shared<MessageBody>(wire.body);
    for (auto it = m_input.matchedParameters.cbegin(); it != m_input.matchedParameters.cend(); ++it)
        request.matchedParameters->set(it.key(), {it.value()});

    m_operationPath = m_input.operationPath;
    setBackendBase(m_input.route.serviceUrl);

    // The article's policies record about 20 events: grown one by one they cost six
    // reallocations per request. TraceBuffer trims the spare room when it keeps the trace.
    if (m_services.recordTraceEvents)
        m_trace.events.reserve(32);
    m_trace.region = m_input.route.region;
    m_trace.method = request.method;
    if (recording()) {
        m_trace.requestId = m_context.ensureRequestId();
        m_trace.url = request.originalUrl->toString();
    }
    m_trace.startedAtMs = wallStart.toMSecsSinceEpoch();
}

PolicyExecution::~PolicyExecution() = default;

ExpressionContext PolicyExecution::makeContext(const ExecutionServices &services,
                                               const ExecutionInput &input)
{
    RequestContextCache::Records records = services.contexts->records(input, services.urls);
    return ExpressionContext(
            std::move(records.deployment), std::move(records.api), std::move(records.operation));
}

std::shared_ptr<PolicyExecution> PolicyExecution::create(
        std::shared_ptr<const PolicyProgram> program,
        const ExecutionServices &services,
        ExecutionInput input,
        Completion completion)
{
    return std::make_shared<PolicyExecution>(
            std::move(program), services, std::move(input), std::move(completion));
}

void PolicyExecution::start()
{
    run();
}

// The run loop: one policy per turn on the active strand; container policies push frames,
// finished frames pop. When the active strand waits, the loop goes on with another runnable one.
void PolicyExecution::run()
{
    // A continuation completing inside the loop (a failure unwinding into a retry wait) only
    // changes state: the running loop carries on with it.
    if (m_running)
        return;
    const auto self = shared_from_this();
    m_running = true;
    while (!m_done) {
        Strand &strand = strandAt(m_active);
        if (strand.state != Strand::State::Runnable) {
            if (!activateRunnable())
                break;
            continue;
        }
        if (strand.frames.empty()) {
            if (m_active == 0)
                enterNextSection();
            else
                finishBranch();
            continue;
        }
        Frame &frame = strand.frames.back();
        if (frame.index >= frame.end) {
            finishFrame();
            continue;
        }
        step(frame.nodes->at(frame.index++));
    }
    m_running = false;
}

bool PolicyExecution::activate(int strand)
{
    if (m_done || strandAt(strand).state != Strand::State::Suspended)
        return false;
    m_active = strand;
    strandAt(strand).state = Strand::State::Runnable;
    strandAt(strand).exchange = 0;
    return true;
}

bool PolicyExecution::activateRunnable()
{
    for (int i = 0; i < strandCount(); ++i) {
        if (strandAt(i).state == Strand::State::Runnable) {
            m_active = i;
            return true;
        }
    }
    return false;
}

void PolicyExecution::resumeLater(qint64 delayMs)
{
    suspend();
    m_services.scheduler->schedule(delayMs, [self = shared_from_this(), strand = m_active] {
        if (self->activate(strand))
            self->run();
    });
}

void PolicyExecution::clearStrand(Strand &strand)
{
    for (const Frame &frame : strand.frames) {
        if (frame.kind == Frame::Kind::Concurrency)
            m_services.concurrency->release(frame.key);
    }
    strand.frames.clear();
}

// Ends a strand before its time, with the send-request it waits for and any wait it runs.
void PolicyExecution::cancelStrand(int strand)
{
    Strand &cancelled = strandAt(strand);
    if (cancelled.state == Strand::State::Finished)
        return;
    clearStrand(cancelled);
    if (cancelled.exchange != 0)
        m_services.httpClient->cancel(cancelled.exchange);
    cancelled.exchange = 0;
    cancelled.state = Strand::State::Finished;
    for (const WaitGroup &group : m_waits) {
        if (group.parent == strand) {
            for (const int branch : group.strands)
                cancelStrand(branch);
        }
    }
}

void PolicyExecution::clearAllStrands()
{
    for (int i = 1; i < strandCount(); ++i)
        cancelStrand(i);
    clearStrand(m_mainStrand);
    m_active = 0;
}

void PolicyExecution::finishBranch()
{
    Strand &strand = strandAt(m_active);
    strand.state = Strand::State::Finished;
    WaitGroup &group = m_waits[strand.group];
    --group.pending;
    if (group.any || group.pending == 0)
        endWait(strand.group, m_active);
}

void PolicyExecution::endWait(int groupIndex, int winner)
{
    const WaitGroup &group = m_waits[groupIndex];
    int cancelled = 0;
    for (const int branch : group.strands) {
        if (strandAt(branch).state != Strand::State::Finished) {
            cancelStrand(branch);
            ++cancelled;
        }
    }
    TraceEvent e = event(TraceEvent::Kind::Info, group.node);
    const qsizetype winnerIndex = group.strands.indexOf(winner);
    e.message = group.any ? QStringLiteral("wait for=\"any\": branch %1 (%2) finished first; %3 "
                                           "cancelled.")
                                    .arg(winnerIndex + 1)
                                    .arg(group.node->children.at(winnerIndex).name)
                                    .arg(cancelled)
                          : QStringLiteral("wait for=\"all\": %1 branches finished.")
                                    .arg(group.strands.size());
    trace(e);
    m_active = group.parent;
    strandAt(m_active).state = Strand::State::Runnable;
}

void PolicyExecution::enterNextSection()
{
    if (m_stopped || m_inOnError || m_section >= PolicyProgram::Outbound) {
        finish();
        return;
    }
    ++m_section;
    if (recording())
        trace(event(TraceEvent::Kind::Section));
    frames().push_back(Frame::make(Frame::Kind::Sequence, &m_program->sections[m_section]));
}

void PolicyExecution::step(const ProgramNode &node)
{
    m_currentNode = &node;
    const bool recorded = recording();
    const qint64 started = recorded ? elapsedUs() : 0;
    const qsizetype eventIndex = m_trace.events.size();
    if (recorded)
        trace(event(TraceEvent::Kind::Policy, &node));
    m_currentEvent = eventIndex < m_trace.events.size() ? eventIndex : -1;
    try {
        const auto &table = handlers();
        const Handler handler = node.handler >= 0 && size_t(node.handler) < table.size()
                                        ? table[size_t(node.handler)].handler
                                        : &PolicyExecution::runNotEmulated;
        (this->*handler)(node);
    } catch (const PolicyFailure &failure) {
        fail(node, failure);
    }
    if (recorded && !m_done && eventIndex < m_trace.events.size())
        m_trace.events[eventIndex].durationUs = elapsedUs() - started;
}

void PolicyExecution::finishFrame()
{
    Frame &frame = frames().back();
    if (frame.kind != Frame::Kind::Retry || frame.retriesDone >= frame.schedule.count) {
        popFrame();
        return;
    }
    const ProgramNode &retry = *frame.owner;
    m_currentNode = &retry;
    bool again = false;
    try {
        again = boolAttribute(retry, u"condition", false);
    } catch (const PolicyFailure &failure) {
        popFrame();
        fail(retry, failure);
        return;
    }
    if (again)
        startRetry(frame);
    else
        popFrame();
}

void PolicyExecution::popFrame()
{
    std::vector<Frame> &stack = frames();
    if (stack.back().kind == Frame::Kind::Concurrency)
        m_services.concurrency->release(stack.back().key);
    stack.pop_back();
}

void PolicyExecution::startRetry(Frame &frame)
{
    ++frame.retriesDone;
    frame.index = 0;
    const qint64 delay = frame.schedule.delayMs(frame.retriesDone, m_services.random01);
    record(TraceEvent::Kind::RetryAttempt, frame.owner, [&](TraceEvent &e) {
        e.attempt = frame.retriesDone + 1;
        e.delayMs = delay;
    });
    m_trace.attempts = qMax(m_trace.attempts, frame.retriesDone + 1);
    if (delay > 0)
        resumeLater(delay);
}

// A failed child of a retry runs again while retries remain, unless the retry's condition,
// evaluated with LastError describing the failure, says no (toolkit RetryHandler semantics).
bool PolicyExecution::retryAfterFailure(Frame &frame)
{
    if (frame.retriesDone >= frame.schedule.count)
        return false;
    try {
        if (!boolAttribute(*frame.owner, u"condition", true))
            return false;
    } catch (const PolicyFailure &) {
        // The condition cannot be evaluated against the failed state (e.g. no response yet): the
        // failure itself is the reason to try again.
    }
    startRetry(frame);
    return true;
}

void PolicyExecution::fail(const ProgramNode &node, const PolicyFailure &failure)
{
    const QString source = failure.source.isEmpty() ? node.name : failure.source;
    TraceEvent e = event(TraceEvent::Kind::Error, &node);
    e.key = failure.reason;
    e.message = failure.message;
    e.status = failure.status;
    trace(e);
    m_trace.errorReason = failure.reason;
    m_context.lastError = ExpressionContext::makeLastError(source,
                                                           failure.reason,
                                                           failure.message,
                                                           policyScopeName(node.origin.scope),
                                                           PolicyProgram::sectionName(m_section),
                                                           node.path,
                                                           node.policyId);
    if (m_inOnError) {
        // An error inside on-error does not enter on-error again: APIM answers a generic 500.
        clearAllStrands();
        m_error = PolicyFailure{source, failure.reason, failure.message, 500, {}, {}};
        m_onErrorAnswered = false;
        m_context.response.reset();
        ensureResponse().statusCode = 500;
        m_context.response->statusReason = QStringLiteral("Internal Server Error");
        finish();
        return;
    }
    for (;;) {
        while (!frames().empty()) {
            Frame &frame = frames().back();
            if (frame.kind == Frame::Kind::Retry && retryAfterFailure(frame))
                return;
            popFrame();
        }
        if (m_active == 0)
            break;
        // A failing branch ends its wait (the siblings are cancelled) and the error goes on
        // unwinding the line that ran the wait, where a retry may run the whole wait again.
        const WaitGroup &group = m_waits[strandAt(m_active).group];
        for (const int branch : group.strands)
            cancelStrand(branch);
        m_active = group.parent;
        strandAt(m_active).state = Strand::State::Runnable;
    }
    m_error = failure;
    m_error->source = source;
    HttpMessage &response = ensureResponse();
    response.statusCode = failure.status;
    response.statusReason = HttpResponse::standardReasonText(failure.status);
    for (const HttpHeaders::Field &field : failure.headers)
        response.headers->set(QString::fromLatin1(field.name), {QString::fromLatin1(field.value)});
    m_inOnError = true;
    m_section = PolicyProgram::OnError;
    trace(event(TraceEvent::Kind::Section));
    frames().push_back(
            Frame::make(Frame::Kind::Sequence, &m_program->sections[PolicyProgram::OnError]));
}

void PolicyExecution::stopPipeline()
{
    m_stopped = true;
    clearAllStrands();
    if (m_inOnError)
        m_onErrorAnswered = true;
    finish();
}

void PolicyExecution::finish()
{
    if (m_done)
        return;
    m_done = true;
    clearAllStrands();
    for (const DeferredIncrement &increment : m_deferredIncrements) {
        m_currentNode = increment.node;
        try {
            if (boolAttribute(*increment.node, u"increment-condition", true))
                m_services.rateLimiter->increment(
                        increment.key, increment.count, increment.periodMs);
        } catch (const PolicyFailure &failure) {
            warn(*increment.node, failure.message);
        }
    }
    HttpResponse response = m_context.response ? MessageConverter::toResponse(*m_context.response)
                                               : HttpResponse(200);
    if (m_error && !m_onErrorAnswered
        && !(m_context.response && m_context.response->body
             && !m_context.response->body->content().isEmpty())) {
        const QString message = m_error->clientMessage.isEmpty()
                                        ? defaultClientMessage(response.status)
                                        : m_error->clientMessage;
        QJsonObject body{{QStringLiteral("statusCode"), response.status},
                         {QStringLiteral("message"), message}};
        if (response.status >= 500)
            body.insert(QStringLiteral("activityId"), m_context.ensureRequestId());
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        response.headers.set("Content-Type", "application/json");
    }
    for (const HttpHeaders::Field &field : m_extraResponseHeaders)
        response.headers.set(field.name, field.value);
    m_trace.status = response.status;
    m_trace.durationUs = elapsedUs();
    Completion completion = std::move(m_completion);
    if (completion)
        completion(std::move(response), std::move(m_trace));
}

// ---- values

Value PolicyExecution::evaluate(const ProgramValue &value)
{
    if (!value.isExpression())
        return Value::fromString(value.literal);
    const EvaluationResult result = value.expression->evaluate(m_context);
    if (!result.ok())
        throw PolicyFailure{{},
                            QStringLiteral("ExpressionValueEvaluationFailure"),
                            QStringLiteral("Expression evaluation failed. ")
                                    + result.error.toString(),
                            500,
                            {},
                            {}};
    return result.value;
}

QString PolicyExecution::stringAttribute(const ProgramNode &node,
                                         QStringView name,
                                         const QString &fallback)
{
    const ProgramValue *value = node.attribute(name);
    return value ? textOf(*value) : fallback;
}

QString PolicyExecution::textOf(const ProgramValue &value)
{
    // A literal is its own text (never null, as from a Value): no Value made and converted back.
    if (!value.isExpression())
        return value.literal.isNull() ? QStringLiteral("") : value.literal;
    const Value result = evaluate(value);
    return result.isNull() ? QString() : result.toString();
}

bool PolicyExecution::toBool(const Value &value, bool *ok)
{
    *ok = true;
    if (value.type() == Value::Type::Bool)
        return value.boolValue();
    if (value.isString()) {
        if (const std::optional<bool> b = ProgramValue::parseBool(value.stringValue()))
            return *b;
    }
    *ok = false;
    return false;
}

bool PolicyExecution::boolAttribute(const ProgramNode &node, QStringView name, bool fallback)
{
    const ProgramValue *value = node.attribute(name);
    if (!value)
        return fallback;
    if (!value->isExpression() && value->literalBool)
        return *value->literalBool;
    bool ok = false;
    const Value result = evaluate(*value);
    const bool b = toBool(result, &ok);
    if (!ok)
        throw PolicyFailure{
                {},
                QStringLiteral("ExpressionValueEvaluationFailure"),
                QStringLiteral("Attribute '%1' of %2 needs true or false, got '%3' (%4).")
                        .arg(name.toString(), node.name, result.toString(), result.typeName()),
                500,
                {},
                {}};
    return b;
}

int PolicyExecution::intAttribute(const ProgramNode &node, QStringView name, int fallback)
{
    const ProgramValue *value = node.attribute(name);
    if (!value)
        return fallback;
    if (!value->isExpression() && value->literalInt)
        return *value->literalInt;
    const Value result = evaluate(*value);
    if (result.isIntegral())
        return int(result.intValue());
    if (result.isNumeric())
        return int(result.toDouble());
    const std::optional<int> number = ProgramValue::parseInt(result.toString());
    if (!number)
        throw PolicyFailure{{},
                            QStringLiteral("ExpressionValueEvaluationFailure"),
                            QStringLiteral("Attribute '%1' of %2 needs an integer, got '%3'.")
                                    .arg(name.toString(), node.name, result.toString()),
                            500,
                            {},
                            {}};
    return *number;
}

QString PolicyExecution::text(const ProgramNode &node)
{
    return node.hasText ? textOf(node.text) : QString();
}

// ---- messages

bool PolicyExecution::targetsRequest() const
{
    return m_section == PolicyProgram::Inbound || m_section == PolicyProgram::Backend;
}

HttpMessage &PolicyExecution::targetMessage()
{
    return targetsRequest() ? *m_context.request : ensureResponse();
}

HttpMessage &PolicyExecution::ensureResponse()
{
    if (!m_context.response) {
        m_context.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
        m_context.response->body = std::make_shared<MessageBody>();
    }
    return *m_context.response;
}

void PolicyExecution::setBackendBase(const QString &url)
{
    m_backendBase = url;
    refreshRequestUrl();
}

// context.Request.Url is what forward-request will call: the backend base URL joined with the
// operation path (rewrite-uri), keeping the current query.
// The same base comes back several times per request (service URL, set-backend-service,
// rewrite-uri): taken apart once.
void PolicyExecution::takeBaseApart(const QString &url)
{
    if (m_baseText != url) {
        m_base = m_services.urls->base(url);
        m_baseText = url;
    }
}

void PolicyExecution::refreshRequestUrl()
{
    takeBaseApart(m_backendBase);
    HttpUrl &url = *m_context.request->url;
    if (m_base.absolute) {
        url.scheme = m_base.scheme;
        url.host = m_base.host;
        url.port = m_base.port;
        url.path = joinPaths(m_base.path, m_operationPath);
    } else {
        url.path = joinPaths(QString(), m_operationPath);
    }
}

void PolicyExecution::applyHeader(const ProgramNode &node, HeaderMap &headers)
{
    const QString name = stringAttribute(node, u"name");
    const QString action
            = stringAttribute(node, u"exists-action", QStringLiteral("override")).toLower();
    if (MessageConverter::isFramingHeader(name)) {
        warn(node, QStringLiteral("APIM does not let policies change the %1 header.").arg(name));
        return;
    }
    QStringList values;
    for (const ProgramNode *value : node.childrenNamed(u"value"))
        values.append(text(*value));
    if (action == u"delete") {
        headers.remove(name);
    } else if (action == u"skip") {
        if (!headers.contains(name))
            headers.set(name, values.isEmpty() ? QStringList{QString()} : values);
    } else if (action == u"append") {
        for (const QString &value : values)
            headers.append(name, value);
    } else {
        headers.set(name, values.isEmpty() ? QStringList{QString()} : values);
    }
}

void PolicyExecution::applyBody(const ProgramNode &node, HttpMessage &message)
{
    if (stringAttribute(node, u"template").compare(u"liquid", Qt::CaseInsensitive) == 0)
        warn(node,
             QStringLiteral("Liquid templates are not emulated: the template text is sent as "
                            "the body."));
    MessageConverter::setBody(message, text(node).toUtf8());
}

void PolicyExecution::applyStatus(const ProgramNode &node, HttpMessage &message)
{
    message.statusCode = intAttribute(node, u"code", 200);
    const QString reason = stringAttribute(node, u"reason");
    message.statusReason
            = reason.isEmpty() ? HttpResponse::standardReasonText(message.statusCode) : reason;
}

// ---- trace

TraceEvent PolicyExecution::event(TraceEvent::Kind kind, const ProgramNode *node) const
{
    TraceEvent e;
    e.kind = kind;
    e.startUs = elapsedUs();
    e.section = PolicyProgram::sectionName(m_section);
    if (node) {
        e.policy = node->name;
        e.path = node->path;
        e.scope = node->origin.scope;
        e.document = node->origin.document;
        e.range = node->range;
    }
    return e;
}

void PolicyExecution::trace(TraceEvent e)
{
    if (recording())
        m_trace.events.append(std::move(e));
}

void PolicyExecution::warn(const ProgramNode &node, const QString &message)
{
    TraceEvent e = event(TraceEvent::Kind::Warning, &node);
    e.message = message;
    trace(e);
}

// ---- dispatch

const std::vector<PolicyExecution::HandlerEntry> &PolicyExecution::handlers()
{
    static const std::vector<HandlerEntry> table = {
            {u"set-backend-service", &PolicyExecution::runSetBackendService},
            {u"set-method", &PolicyExecution::runSetMethod},
            {u"rewrite-uri", &PolicyExecution::runRewriteUri},
            {u"set-header", &PolicyExecution::runSetHeader},
            {u"set-query-parameter", &PolicyExecution::runSetQueryParameter},
            {u"set-body", &PolicyExecution::runSetBody},
            {u"set-status", &PolicyExecution::runSetStatus},
            {u"set-variable", &PolicyExecution::runSetVariable},
            {u"choose", &PolicyExecution::runChoose},
            {u"retry", &PolicyExecution::runRetry},
            {u"forward-request", &PolicyExecution::runForwardRequest},
            {u"send-request", &PolicyExecution::runSendRequest},
            {u"send-one-way-request", &PolicyExecution::runSendRequest},
            {u"return-response", &PolicyExecution::runReturnResponse},
            {u"mock-response", &PolicyExecution::runMockResponse},
            {u"cache-lookup-value", &PolicyExecution::runCacheLookupValue},
            {u"cache-store-value", &PolicyExecution::runCacheStoreValue},
            {u"cache-remove-value", &PolicyExecution::runCacheRemoveValue},
            {u"cache-lookup", &PolicyExecution::runCacheLookup},
            {u"cache-store", &PolicyExecution::runCacheStore},
            {u"rate-limit", &PolicyExecution::runRateLimit},
            {u"rate-limit-by-key", &PolicyExecution::runRateLimitByKey},
            {u"limit-concurrency", &PolicyExecution::runLimitConcurrency},
            {u"check-header", &PolicyExecution::runCheckHeader},
            {u"ip-filter", &PolicyExecution::runIpFilter},
            {u"cors", &PolicyExecution::runCors},
            {u"find-and-replace", &PolicyExecution::runFindAndReplace},
            {u"json-to-xml", &PolicyExecution::runJsonToXml},
            {u"xml-to-json", &PolicyExecution::runXmlToJson},
            {u"wait", &PolicyExecution::runWait},
            {u"trace", &PolicyExecution::runTrace},
            {u"authentication-basic", &PolicyExecution::runAuthenticationBasic},
            {u"log-to-eventhub", &PolicyExecution::runLogToEventHub},
            {u"emit-metric", &PolicyExecution::runEmitMetric},
            {u"include-fragment", &PolicyExecution::runIncludeFragment},
    };
    return table;
}

int PolicyExecution::handlerIndex(QStringView policyName)
{
    const auto &table = handlers();
    for (size_t i = 0; i < table.size(); ++i) {
        if (table[i].policyName == policyName)
            return int(i);
    }
    return -1;
}

void PolicyExecution::runNotEmulated(const ProgramNode &node)
{
    warn(node,
         QStringLiteral("<%1> cannot be emulated locally (it needs Azure: identities, tenants, "
                        "certificates or service state); passed through without effect.")
                 .arg(node.name));
}

void PolicyExecution::runIncludeFragment(const ProgramNode &node)
{
    warn(node,
         QStringLiteral("Fragment '%1' was not expanded into the effective policy; skipped.")
                 .arg(stringAttribute(node, u"fragment-id")));
}

// ---- routing and message policies

void PolicyExecution::runSetBackendService(const ProgramNode &node)
{
    if (node.hasAttribute(u"backend-id")) {
        const QString id = stringAttribute(node, u"backend-id");
        if (!m_services.backends || !m_services.backends->contains(id))
            throw PolicyFailure{
                    {},
                    QStringLiteral("BackendNotFound"),
                    QStringLiteral("Backend '%1' is not defined in the workspace.").arg(id),
                    500,
                    {},
                    {}};
        m_backendId = id;
        const QString url = m_services.backends->url(id);
        if (!url.isEmpty())
            setBackendBase(url);
        return;
    }
    const QString url = stringAttribute(node, u"base-url");
    takeBaseApart(url); // valid with a host is absolute; refreshRequestUrl finds it taken apart
    if (!m_base.absolute)
        throw PolicyFailure{{},
                            QStringLiteral("ExpressionValueEvaluationFailure"),
                            QStringLiteral("base-url '%1' is not an absolute URL.").arg(url),
                            500,
                            {},
                            {}};
    m_backendId.clear();
    setBackendBase(url);
}

void PolicyExecution::runSetMethod(const ProgramNode &node)
{
    targetMessage().method = text(node).trimmed().toUpper();
}

void PolicyExecution::runRewriteUri(const ProgramNode &node)
{
    QString target = stringAttribute(node, u"template");
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]+)\\}"));
    const HeaderMap &matched = *m_context.request->matchedParameters;
    // Most templates have no {parameter}: they are used as they are, without the regular
    // expression or a copy.
    QString filled = target;
    if (target.contains(u'{')) {
        filled.clear();
        qsizetype last = 0;
        auto it = placeholder.globalMatch(target);
        while (it.hasNext()) {
            const auto match = it.next();
            filled += QStringView(target).mid(last, match.capturedStart() - last);
            filled += QString::fromUtf8(QUrl::toPercentEncoding(matched.joined(match.captured(1))));
            last = match.capturedEnd();
        }
        filled += QStringView(target).mid(last);
    }

    const UrlParseCache::RewriteTarget rewrite = m_services.urls->rewriteTarget(filled);
    m_operationPath = rewrite.path;
    HeaderMap &query = m_context.request->url->query();
    query.assign(*rewrite.query);
    if (boolAttribute(node, u"copy-unmatched-params", true)) {
        for (const auto &[name, values] : m_context.request->originalUrl->query().entries()) {
            if (m_input.templateQueryNames.contains(name) || query.contains(name))
                continue;
            query.set(name, values);
        }
    }
    refreshRequestUrl();
}

void PolicyExecution::runSetHeader(const ProgramNode &node)
{
    applyHeader(node, *targetMessage().headers);
}

void PolicyExecution::runSetQueryParameter(const ProgramNode &node)
{
    applyHeader(node, m_context.request->url->query());
}

void PolicyExecution::runSetBody(const ProgramNode &node)
{
    applyBody(node, targetMessage());
}

void PolicyExecution::runSetStatus(const ProgramNode &node)
{
    applyStatus(node, ensureResponse());
    if (m_inOnError)
        m_onErrorAnswered = true;
}

void PolicyExecution::runSetVariable(const ProgramNode &node)
{
    const QString name = node.attribute(u"name") ? node.attribute(u"name")->literal : QString();
    const ProgramValue *value = node.attribute(u"value");
    const Value result = value ? evaluate(*value) : Value();
    m_context.setVariable(name, result);
    record(TraceEvent::Kind::Variable, &node, [&](TraceEvent &e) {
        e.key = name;
        e.value = result.toString();
    });
}

void PolicyExecution::runChoose(const ProgramNode &node)
{
    for (const ProgramNode &branch : node.children) {
        if (branch.name == u"when" && !boolAttribute(branch, u"condition", false))
            continue;
        if (branch.name != u"when" && branch.name != u"otherwise")
            continue;
        // Which branch ran: the diagram lights it up even when it holds no policy.
        if (m_currentEvent >= 0)
            m_trace.events[m_currentEvent].value = branch.path;
        frames().push_back(Frame::make(Frame::Kind::Sequence, &branch.children));
        return;
    }
}

void PolicyExecution::runRetry(const ProgramNode &node)
{
    Frame frame = Frame::make(Frame::Kind::Retry, &node.children);
    frame.owner = &node;
    frame.schedule.count = qBound(0, intAttribute(node, u"count", 0), 50);
    frame.schedule.intervalSeconds = intAttribute(node, u"interval", 0);
    frame.schedule.maxIntervalSeconds = intAttribute(node, u"max-interval", -1);
    frame.schedule.deltaSeconds = intAttribute(node, u"delta", -1);
    frame.schedule.firstFastRetry = boolAttribute(node, u"first-fast-retry", false);
    record(TraceEvent::Kind::RetryAttempt, &node, [](TraceEvent &e) { e.attempt = 1; });
    m_trace.attempts = qMax(m_trace.attempts, 1);
    frames().push_back(frame);
}

// Each child becomes a strand; the run loop interleaves them (a send-request suspends its strand
// and the next one starts), so their backend calls are in flight together as in APIM.
void PolicyExecution::runWait(const ProgramNode &node)
{
    if (node.children.isEmpty())
        return;
    WaitGroup group;
    group.node = &node;
    group.parent = m_active;
    group.any = stringAttribute(node, u"for", QStringLiteral("all"))
                        .compare(u"any", Qt::CaseInsensitive)
                == 0;
    const int groupIndex = int(m_waits.size());
    for (qsizetype i = 0; i < node.children.size(); ++i) {
        Frame frame = Frame::make(Frame::Kind::Sequence, &node.children);
        frame.index = i;
        frame.end = i + 1;
        Strand strand;
        strand.group = groupIndex;
        strand.frames.push_back(frame);
        group.strands.append(strandCount());
        m_branches.push_back(std::make_unique<Strand>(std::move(strand)));
    }
    group.pending = int(group.strands.size());
    m_waits.push_back(std::move(group));
    strandAt(m_active).state = Strand::State::Parked;
}

// ---- backend calls

PolicyFailure PolicyExecution::clientFailure(const QString &source,
                                             const HttpClientResult &result) const
{
    if (result.error == HttpClientResult::Error::Timeout)
        return {source,
                QStringLiteral("Timeout"),
                QStringLiteral("Request to the backend service timed out: %1")
                        .arg(result.errorMessage),
                500,
                {},
                {}};
    return {source == u"forward-request" ? QStringLiteral("request-forwarder") : source,
            QStringLiteral("BackendConnectionFailure"),
            QStringLiteral("Error occurred while calling backend service: %1 (%2)")
                    .arg(result.errorMessage, HttpClientResult::errorName(result.error)),
            500,
            {},
            {}};
}

void PolicyExecution::runForwardRequest(const ProgramNode &node)
{
    const int timeout = intAttribute(node, u"timeout", defaultForwardTimeoutSeconds);
    const bool buffer = boolAttribute(node, u"buffer-request-body", false);
    QString backendLabel;
    CircuitBreaker *breaker = nullptr;
    if (!m_backendId.isEmpty()) {
        BackendRegistry::Target target = m_services.backends->resolve(m_backendId);
        // A tripped breaker (or a pool with every member tripped) answers 503 (learn.microsoft.com
        // api-management/backends, "Circuit breaker"). No LastError reason is documented for it:
        // it is reported as the documented reason for a backend call that could not be made,
        // BackendConnectionFailure (api-management-error-handling-policies, predefined errors).
        if (target.unavailable)
            throw PolicyFailure{QStringLiteral("forward-request"),
                                QStringLiteral("BackendConnectionFailure"),
                                target.error,
                                503,
                                {},
                                {}};
        if (!target.error.isEmpty())
            throw PolicyFailure{QStringLiteral("forward-request"),
                                QStringLiteral("BackendNotFound"),
                                target.error,
                                500,
                                {},
                                {}};
        breaker = target.breaker;
        backendLabel = target.backendId;
        setBackendBase(target.url);
    }
    HttpMessage &request = *m_context.request;
    HttpClientRequest outgoing;
    outgoing.method = HttpRequest::methodBytes(request.method);
    outgoing.url = m_services.urls->url(*request.url);
    if (backendLabel.isEmpty())
        backendLabel = outgoing.url.host();
    outgoing.headers = MessageConverter::toWire(*request.headers, true);
    // Without buffer-request-body the body stream is gone after the first call (APIM docs).
    if (m_forwardCount == 0 || m_bufferedBody)
        outgoing.body = MessageConverter::bodyOf(request);
    m_bufferedBody = m_bufferedBody || buffer;
    outgoing.timeout = std::chrono::seconds(qMax(0, timeout));
    ++m_forwardCount;
    suspend();
    strandAt(m_active).exchange = m_services.httpClient->send(
            outgoing,
            [self = shared_from_this(), strand = m_active, &node, backendLabel, breaker](
                    HttpClientResult result) {
                if (!self->activate(strand))
                    return;
                self->onForwardDone(node, result, backendLabel, breaker);
                self->run();
            });
}

void PolicyExecution::onForwardDone(const ProgramNode &node,
                                    const HttpClientResult &result,
                                    const QString &backendLabel,
                                    CircuitBreaker *breaker)
{
    m_currentNode = &node;
    if (breaker) {
        const CircuitBreaker::State before = breaker->state();
        breaker->recordResult(result.ok() ? result.response.status : 0);
        const CircuitBreaker::State after = breaker->state();
        if (before != after) {
            TraceEvent e = event(TraceEvent::Kind::Breaker, &node);
            e.backend = backendLabel;
            e.message = CircuitBreaker::stateName(before) + QStringLiteral(" -> ")
                        + CircuitBreaker::stateName(after);
            trace(e);
        }
    }
    record(TraceEvent::Kind::Forward, &node, [&](TraceEvent &e) {
        e.url = m_context.request->url->toString();
        e.backend = backendLabel;
        e.durationUs = result.elapsed.count();
        e.startUs = qMax<qint64>(0, e.startUs - e.durationUs);
        e.attempt = m_forwardCount;
        if (result.ok())
            e.status = result.response.status;
        else
            e.message = result.errorMessage;
    });
    if (!result.ok()) {
        fail(node, clientFailure(QStringLiteral("forward-request"), result));
        return;
    }
    m_context.response = MessageConverter::responseMessage(result.response);
    m_trace.servedBy = backendLabel;
    bool failOnError = false;
    try {
        failOnError = boolAttribute(node, u"fail-on-error-status-code", false);
    } catch (const PolicyFailure &failure) {
        fail(node, failure);
        return;
    }
    // fail-on-error-status-code documents only that 400-599 answers go to on-error
    // (forward-request-policy.md), not with which reason: the answer is reported as a backend call
    // that failed, with the documented BackendConnectionFailure, and the status in the message.
    if (failOnError && result.response.status >= 400)
        fail(node,
             {QStringLiteral("forward-request"),
              QStringLiteral("BackendConnectionFailure"),
              QStringLiteral("The backend answered %1 and fail-on-error-status-code is true.")
                      .arg(result.response.status),
              result.response.status,
              {},
              {}});
}

void PolicyExecution::runSendRequest(const ProgramNode &node)
{
    const bool oneWay = node.name == u"send-one-way-request";
    const QString variable = node.attribute(u"response-variable-name")
                                     ? node.attribute(u"response-variable-name")->literal
                                     : QString();
    const bool ignoreError = boolAttribute(node, u"ignore-error", false);
    const int timeout = intAttribute(node, u"timeout", defaultSendTimeoutSeconds);
    auto message = std::make_shared<HttpMessage>(HttpMessage::Role::Request);
    if (stringAttribute(node, u"mode", QStringLiteral("new")).compare(u"copy", Qt::CaseInsensitive)
        == 0) {
        message->method = m_context.request->method;
        message->url = m_context.request->url->clone();
        message->headers->clear();
        for (const auto &[name, values] : m_context.request->headers->entries())
            message->headers->set(name, values);
        if (targetsRequest())
            MessageConverter::setBody(*message, MessageConverter::bodyOf(*m_context.request));
    }
    for (const ProgramNode &child : node.children) {
        if (child.name == u"set-url")
            message->url = HttpUrl::fromUrl(QUrl(text(child).trimmed()));
        else if (child.name == u"set-method")
            message->method = text(child).trimmed().toUpper();
        else if (child.name == u"set-header")
            applyHeader(child, *message->headers);
        else if (child.name == u"set-query-parameter")
            applyHeader(child, message->url->query());
        else if (child.name == u"set-body")
            applyBody(child, *message);
        else
            warn(child,
                 QStringLiteral("<%1> inside send-request is not emulated.").arg(child.name));
    }
    HttpClientRequest outgoing;
    outgoing.method = HttpRequest::methodBytes(message->method);
    outgoing.url = m_services.urls->url(*message->url);
    outgoing.headers = MessageConverter::toWire(*message->headers, true);
    outgoing.body = MessageConverter::bodyOf(*message);
    outgoing.timeout = std::chrono::seconds(qMax(1, timeout));
    if (oneWay) {
        m_services.httpClient->send(outgoing, [](HttpClientResult) {});
        return;
    }
    suspend();
    const auto self = shared_from_this();
    strandAt(m_active).exchange = m_services.httpClient->send(
            outgoing,
            [self, strand = m_active, &node, variable, ignoreError](HttpClientResult result) {
                if (!self->activate(strand))
                    return;
                self->record(TraceEvent::Kind::Forward, &node, [&](TraceEvent &e) {
                    e.url = result.ok() ? QString() : result.errorMessage;
                    e.status = result.ok() ? result.response.status : 0;
                    e.durationUs = result.elapsed.count();
                });
                if (result.ok()) {
                    self->m_context.setVariable(
                            variable,
                            Value::fromObject(MessageConverter::responseMessage(result.response)));
                } else if (ignoreError) {
                    self->m_context.setVariable(variable, Value());
                } else {
                    self->fail(node, self->clientFailure(QStringLiteral("send-request"), result));
                }
                self->run();
            });
}

void PolicyExecution::runReturnResponse(const ProgramNode &node)
{
    auto response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
    response->body = std::make_shared<MessageBody>();
    if (const ProgramValue *name = node.attribute(u"response-variable-name")) {
        const Value *stored = m_context.variables->find(name->literal);
        if (HttpMessage *base = stored ? stored->as<HttpMessage>() : nullptr) {
            response->statusCode = base->statusCode;
            response->statusReason = base->statusReason;
            for (const auto &[header, values] : base->headers->entries())
                response->headers->set(header, values);
            MessageConverter::setBody(*response, MessageConverter::bodyOf(*base));
        }
    }
    for (const ProgramNode &child : node.children) {
        if (child.name == u"set-status")
            applyStatus(child, *response);
        else if (child.name == u"set-header")
            applyHeader(child, *response->headers);
        else if (child.name == u"set-body")
            applyBody(child, *response);
    }
    m_context.response = response;
    stopPipeline();
}

void PolicyExecution::runMockResponse(const ProgramNode &node)
{
    HttpMessage &response = ensureResponse();
    response.statusCode = intAttribute(node, u"status-code", 200);
    response.statusReason = HttpResponse::standardReasonText(response.statusCode);
    const QString contentType = stringAttribute(node, u"content-type");
    if (!contentType.isEmpty())
        response.headers->set(QStringLiteral("Content-Type"), {contentType});
    MessageConverter::setBody(response, {});
    warn(node,
         QStringLiteral("The workspace holds no response examples: mock-response answers with "
                        "an empty body."));
    stopPipeline();
}

// ---- caches

void PolicyExecution::runCacheLookupValue(const ProgramNode &node)
{
    const QString key = stringAttribute(node, u"key");
    const QString variable = node.attribute(u"variable-name")
                                     ? node.attribute(u"variable-name")->literal
                                     : QString();
    const std::optional<QVariant> found = m_services.cache->lookup(m_input.route.region, key);
    Value value;
    if (found) {
        value = fromVariant(*found);
        m_context.setVariable(variable, value);
    } else if (const ProgramValue *fallback = node.attribute(u"default-value")) {
        // A miss without default-value leaves the variable unset (ContainsKey tells).
        m_context.setVariable(variable, evaluate(*fallback));
    }
    record(TraceEvent::Kind::CacheLookup, &node, [&](TraceEvent &e) {
        e.key = key;
        e.hit = found.has_value();
        if (found)
            e.value = value.toString();
    });
}

void PolicyExecution::runCacheStoreValue(const ProgramNode &node)
{
    const QString key = stringAttribute(node, u"key");
    const ProgramValue *valueAttribute = node.attribute(u"value");
    Value value = valueAttribute ? evaluate(*valueAttribute) : Value();
    // A literal "true"/"false" is kept as a Boolean: the article's policy stores value="true" and
    // reads it back with GetValueOrDefault<bool>, which needs the exact type.
    bool isBool = false;
    if (valueAttribute && !valueAttribute->isExpression()) {
        const bool b = toBool(value, &isBool);
        if (isBool)
            value = Value::fromBool(b);
    }
    const int duration = intAttribute(node, u"duration", 0);
    m_services.cache->store(
            m_input.route.region, key, toVariant(value), value.toString(), duration * 1000LL);
    record(TraceEvent::Kind::CacheStore, &node, [&](TraceEvent &e) {
        e.key = key;
        e.value = value.toString();
        e.ttlMs = duration * 1000LL;
    });
}

void PolicyExecution::runCacheRemoveValue(const ProgramNode &node)
{
    const QString key = stringAttribute(node, u"key");
    const bool removed = m_services.cache->remove(m_input.route.region, key);
    record(TraceEvent::Kind::CacheRemove, &node, [&](TraceEvent &e) {
        e.key = key;
        e.hit = removed;
    });
}

void PolicyExecution::runCacheLookup(const ProgramNode &node)
{
    const HttpMessage &request = *m_context.request;
    if (request.method != u"GET")
        return;
    if (request.headers->contains(QStringLiteral("Authorization"))
        && !boolAttribute(node, u"allow-private-response-caching", false))
        return;
    const QString key = responseCacheKey(node);
    m_downstreamCaching
            = stringAttribute(node, u"downstream-caching-type", QStringLiteral("none")).toLower();
    m_mustRevalidate = boolAttribute(node, u"must-revalidate", true);
    const std::optional<QVariant> found = m_services.cache->lookup(m_input.route.region, key);
    TraceEvent e = event(TraceEvent::Kind::CacheLookup, &node);
    e.key = key;
    e.hit = found.has_value();
    trace(e);
    if (!found) {
        m_responseCacheKey = key;
        return;
    }
    const QVariantMap stored = found->toMap();
    HttpResponse cached(stored.value(QStringLiteral("status")).toInt(),
                        stored.value(QStringLiteral("body")).toByteArray());
    const QVariantList headers = stored.value(QStringLiteral("headers")).toList();
    for (const QVariant &header : headers) {
        const QStringList field = header.toStringList();
        cached.headers.append(field.value(0).toLatin1(), field.value(1).toLatin1());
    }
    m_context.response = MessageConverter::responseMessage(cached);
    m_trace.servedBy = QStringLiteral("cache");
    addDownstreamCacheControl(stored.value(QStringLiteral("duration")).toInt());
    continueAfterCacheStore(node);
}

// API, operation, path and the vary-by values (cache-lookup-policy.md; the exact format is not
// documented). Developers are told apart by their subscription key; developer groups are not
// modelled locally, so every caller is in the same groups and vary-by-developer-groups changes
// nothing.
QString PolicyExecution::responseCacheKey(const ProgramNode &node)
{
    const HttpMessage &request = *m_context.request;
    QStringList parts{QStringLiteral("response"),
                      m_input.route.apiId,
                      m_input.route.operationId,
                      request.originalUrl->path};
    if (boolAttribute(node, u"vary-by-developer", false))
        parts.append(QStringLiteral("developer=") + subscriptionKey());
    for (const ProgramNode &child : node.children) {
        const QString names = text(child);
        for (const QString &listed : names.split(u';', Qt::SkipEmptyParts)) {
            const QString name = listed.trimmed();
            if (child.name == u"vary-by-header")
                parts.append(QStringLiteral("header:") + name.toLower() + u'='
                             + request.headers->joined(name));
            else if (child.name == u"vary-by-query-parameter")
                parts.append(QStringLiteral("query:") + name + u'='
                             + request.originalUrl->query().joined(name));
        }
    }
    return parts.join(u'|');
}

// On a hit APIM skips the backend and the rest of inbound, and resumes the outbound section after
// the cache-store (its trace: "Cache lookup resulted in a hit! Cached response will be used.
// Processing will continue from the step in the response pipeline that is after the
// corresponding cache-store."). Without a cache-store in outbound nothing of it runs.
void PolicyExecution::continueAfterCacheStore(const ProgramNode &node)
{
    const QList<ProgramNode> &outbound = m_program->sections[PolicyProgram::Outbound];
    qsizetype resumeAt = outbound.size();
    for (qsizetype i = 0; i < outbound.size(); ++i) {
        if (containsPolicy(outbound.at(i), u"cache-store")) {
            resumeAt = i + 1;
            break;
        }
    }
    TraceEvent e = event(TraceEvent::Kind::Info, &node);
    e.message = QStringLiteral("Cache hit: the cached response is used; processing continues in "
                               "outbound after cache-store.");
    trace(e);
    clearAllStrands();
    m_section = PolicyProgram::Outbound;
    trace(event(TraceEvent::Kind::Section));
    Frame frame = Frame::make(Frame::Kind::Sequence, &outbound);
    frame.index = resumeAt;
    frames().push_back(frame);
}

bool PolicyExecution::containsPolicy(const ProgramNode &node, QStringView name)
{
    if (node.name == name)
        return true;
    for (const ProgramNode &child : node.children) {
        if (containsPolicy(child, name))
            return true;
    }
    return false;
}

// downstream-caching-type and must-revalidate shape the Cache-Control sent to the caller, with
// the cache-store duration as max-age (cache-lookup-policy.md).
void PolicyExecution::addDownstreamCacheControl(int durationSeconds)
{
    if (m_downstreamCaching != u"private" && m_downstreamCaching != u"public")
        return;
    QByteArray value
            = m_downstreamCaching.toLatin1() + ", max-age=" + QByteArray::number(durationSeconds);
    if (m_mustRevalidate)
        value += ", must-revalidate";
    m_extraResponseHeaders.set("Cache-Control", value);
}

void PolicyExecution::runCacheStore(const ProgramNode &node)
{
    if (m_responseCacheKey.isEmpty() || !m_context.response)
        return;
    const HttpMessage &response = *m_context.response;
    if (response.statusCode != 200 && !boolAttribute(node, u"cache-response", false))
        return;
    const int duration = intAttribute(node, u"duration", 0);
    const HttpResponse wire = MessageConverter::toResponse(response);
    QVariantList headers;
    for (const HttpHeaders::Field &field : wire.headers)
        headers.append(
                QStringList{QString::fromLatin1(field.name), QString::fromLatin1(field.value)});
    const QVariantMap stored{{QStringLiteral("status"), wire.status},
                             {QStringLiteral("headers"), headers},
                             {QStringLiteral("body"), wire.body},
                             {QStringLiteral("duration"), duration}};
    const QString display
            = QStringLiteral("%1 response, %2 bytes").arg(wire.status).arg(wire.body.size());
    m_services.cache->store(
            m_input.route.region, m_responseCacheKey, stored, display, duration * 1000LL);
    addDownstreamCacheControl(duration);
    TraceEvent e = event(TraceEvent::Kind::CacheStore, &node);
    e.key = m_responseCacheKey;
    e.value = display;
    e.ttlMs = duration * 1000LL;
    trace(e);
}

// ---- access control and limits

void PolicyExecution::rateLimit(const ProgramNode &node,
                                const QString &key,
                                int calls,
                                int periodSeconds,
                                int incrementCount,
                                bool deferIncrement)
{
    const qint64 periodMs = qMax(1, periodSeconds) * 1000LL;
    const RateLimiter::Decision decision = m_services.rateLimiter->check(key, calls, periodMs);
    const qint64 retryAfter = (decision.retryAfterMs + 999) / 1000;
    auto literal = [&node](QStringView name) {
        const ProgramValue *value = node.attribute(name);
        return value ? value->literal : QString();
    };
    if (const QString name = literal(u"remaining-calls-variable-name"); !name.isEmpty())
        m_context.setVariable(name, Value::fromInt(decision.remaining));
    if (const QString name = literal(u"remaining-calls-header-name"); !name.isEmpty())
        m_extraResponseHeaders.set(name.toLatin1(), QByteArray::number(decision.remaining));
    if (const QString name = literal(u"total-calls-header-name"); !name.isEmpty())
        m_extraResponseHeaders.set(name.toLatin1(), QByteArray::number(calls));
    if (!decision.allowed) {
        if (const QString name = literal(u"retry-after-variable-name"); !name.isEmpty())
            m_context.setVariable(name, Value::fromInt(int(retryAfter)));
        QString header = literal(u"retry-after-header-name");
        if (header.isEmpty())
            header = QStringLiteral("Retry-After");
        throw PolicyFailure{
                {},
                QStringLiteral("RateLimitExceeded"),
                QStringLiteral("Rate limit is exceeded"),
                429,
                QStringLiteral("Rate limit is exceeded. Try again in %1 seconds.").arg(retryAfter),
                {{header.toLatin1(), QByteArray::number(retryAfter)}}};
    }
    if (deferIncrement)
        m_deferredIncrements.append({&node, key, incrementCount, periodMs});
    else
        m_services.rateLimiter->increment(key, incrementCount, periodMs);
}

// The subscription key sent with the call, or "anonymous".
QString PolicyExecution::subscriptionKey() const
{
    QString subscription
            = m_context.request->headers->joined(QStringLiteral("Ocp-Apim-Subscription-Key"));
    if (subscription.isEmpty())
        subscription = m_context.request->originalUrl->query().joined(
                QStringLiteral("subscription-key"));
    return subscription.isEmpty() ? QStringLiteral("anonymous") : subscription;
}

void PolicyExecution::runRateLimit(const ProgramNode &node)
{
    // Per subscription: one counter per key sent with the call, or one anonymous counter.
    rateLimit(node,
              QStringLiteral("rate-limit|%1|%2").arg(subscriptionKey(), m_input.route.apiId),
              intAttribute(node, u"calls", 0),
              intAttribute(node, u"renewal-period", 1),
              1,
              false);
}

void PolicyExecution::runRateLimitByKey(const ProgramNode &node)
{
    rateLimit(node,
              QStringLiteral("rate-limit-by-key|") + stringAttribute(node, u"counter-key"),
              intAttribute(node, u"calls", 0),
              intAttribute(node, u"renewal-period", 1),
              intAttribute(node, u"increment-count", 1),
              node.hasAttribute(u"increment-condition"));
}

void PolicyExecution::runLimitConcurrency(const ProgramNode &node)
{
    const QString key = stringAttribute(node, u"key");
    const int max = intAttribute(node, u"max-count", 1);
    if (!m_services.concurrency->tryAcquire(key, max))
        throw PolicyFailure{{},
                            QStringLiteral("ConcurrencyLimitExceeded"),
                            QStringLiteral("Too many concurrent requests for key '%1' (max %2).")
                                    .arg(key)
                                    .arg(max),
                            429,
                            QStringLiteral("Too many requests"),
                            {}};
    Frame frame = Frame::make(Frame::Kind::Concurrency, &node.children);
    frame.owner = &node;
    frame.key = key;
    frames().push_back(frame);
}

void PolicyExecution::runCheckHeader(const ProgramNode &node)
{
    const QString name = stringAttribute(node, u"name");
    const int status = intAttribute(node, u"failed-check-httpcode", 401);
    const QString clientMessage = stringAttribute(node, u"failed-check-error-message");
    const bool ignoreCase = boolAttribute(node, u"ignore-case", false);
    const HeaderMap &headers = *m_context.request->headers;
    if (!headers.contains(name))
        throw PolicyFailure{
                {},
                QStringLiteral("HeaderNotFound"),
                QStringLiteral("Header %1 was not found in the request. Access denied.").arg(name),
                status,
                clientMessage,
                {}};
    QStringList allowed;
    for (const ProgramNode *value : node.childrenNamed(u"value"))
        allowed.append(text(*value));
    if (allowed.isEmpty())
        return;
    const Qt::CaseSensitivity sensitivity = ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (const QString &value : headers.values(name)) {
        if (allowed.contains(value, sensitivity))
            return;
    }
    throw PolicyFailure{{},
                        QStringLiteral("HeaderValueNotAllowed"),
                        QStringLiteral("Header %1 value of %2 is not allowed. Access denied.")
                                .arg(name, headers.joined(name)),
                        status,
                        clientMessage,
                        {}};
}

void PolicyExecution::runIpFilter(const ProgramNode &node)
{
    const bool allow = stringAttribute(node, u"action").compare(u"allow", Qt::CaseInsensitive) == 0;
    const QString callerText = m_context.request->ipAddress;
    const std::optional<quint32> caller = ipv4(callerText);
    if (!caller)
        throw PolicyFailure{
                {},
                QStringLiteral("FailedToParseCallerIP"),
                QStringLiteral("Failed to establish IP address for the caller. Access denied."),
                403,
                {},
                {}};
    bool listed = false;
    for (const ProgramNode &child : node.children) {
        if (child.name == u"address") {
            listed = listed || ipv4(text(child)) == caller;
        } else if (child.name == u"address-range") {
            const std::optional<quint32> from = ipv4(stringAttribute(child, u"from"));
            const std::optional<quint32> to = ipv4(stringAttribute(child, u"to"));
            listed = listed || (from && to && *caller >= *from && *caller <= *to);
        }
    }
    if (allow && !listed)
        throw PolicyFailure{{},
                            QStringLiteral("CallerIpNotAllowed"),
                            QStringLiteral("Caller IP address %1 is not allowed. Access denied.")
                                    .arg(callerText),
                            403,
                            QStringLiteral("Forbidden"),
                            {}};
    if (!allow && listed)
        throw PolicyFailure{{},
                            QStringLiteral("CallerIpBlocked"),
                            QStringLiteral("Caller IP address is blocked. Access denied."),
                            403,
                            QStringLiteral("Forbidden"),
                            {}};
}

void PolicyExecution::runCors(const ProgramNode &node)
{
    const HttpMessage &request = *m_context.request;
    const QString origin = request.headers->joined(QStringLiteral("Origin"));
    if (origin.isEmpty())
        return;
    auto listed = [this, &node](QStringView group, QStringView item) {
        QStringList values;
        if (const ProgramNode *parent = node.child(group)) {
            for (const ProgramNode *child : parent->childrenNamed(item))
                values.append(text(*child).trimmed());
        }
        return values;
    };
    const QStringList origins = listed(u"allowed-origins", u"origin");
    QStringList methods = listed(u"allowed-methods", u"method");
    if (methods.isEmpty())
        methods = {QStringLiteral("GET"), QStringLiteral("POST")};
    const QStringList headers = listed(u"allowed-headers", u"header");
    const QStringList exposed = listed(u"expose-headers", u"header");
    const bool credentials = boolAttribute(node, u"allow-credentials", false);
    const bool originAllowed = origins.contains(QStringLiteral("*"))
                               || origins.contains(origin, Qt::CaseInsensitive);
    const QString allowOrigin
            = origins.contains(QStringLiteral("*")) && !credentials ? QStringLiteral("*") : origin;
    const QString requestedMethod
            = request.headers->joined(QStringLiteral("Access-Control-Request-Method"));
    const bool preflight = request.method == u"OPTIONS" && !requestedMethod.isEmpty();
    if (preflight) {
        auto response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
        response->body = std::make_shared<MessageBody>();
        const bool methodAllowed = methods.contains(QStringLiteral("*"))
                                   || methods.contains(requestedMethod, Qt::CaseInsensitive);
        if (originAllowed && methodAllowed) {
            response->headers->set(QStringLiteral("Access-Control-Allow-Origin"), {allowOrigin});
            response->headers->set(
                    QStringLiteral("Access-Control-Allow-Methods"),
                    {methods.contains(QStringLiteral("*")) ? requestedMethod : methods.join(u',')});
            const QString requestedHeaders
                    = request.headers->joined(QStringLiteral("Access-Control-Request-Headers"));
            if (!requestedHeaders.isEmpty())
                response->headers->set(QStringLiteral("Access-Control-Allow-Headers"),
                                       {headers.contains(QStringLiteral("*"))
                                                ? requestedHeaders
                                                : headers.join(u',')});
            if (credentials)
                response->headers->set(QStringLiteral("Access-Control-Allow-Credentials"),
                                       {QStringLiteral("true")});
            if (const ProgramNode *group = node.child(u"allowed-methods")) {
                const QString maxAge = stringAttribute(*group, u"preflight-result-max-age");
                if (!maxAge.isEmpty())
                    response->headers->set(QStringLiteral("Access-Control-Max-Age"), {maxAge});
            }
        }
        m_context.response = response;
        stopPipeline();
        return;
    }
    if (!originAllowed) {
        if (boolAttribute(node, u"terminate-unmatched-request", true)) {
            m_context.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
            m_context.response->body = std::make_shared<MessageBody>();
            stopPipeline();
        }
        return;
    }
    m_extraResponseHeaders.set("Access-Control-Allow-Origin", allowOrigin.toLatin1());
    if (credentials)
        m_extraResponseHeaders.set("Access-Control-Allow-Credentials", "true");
    if (!exposed.isEmpty())
        m_extraResponseHeaders.set("Access-Control-Expose-Headers", exposed.join(u',').toLatin1());
}

// ---- bodies

void PolicyExecution::runFindAndReplace(const ProgramNode &node)
{
    HttpMessage &message = targetMessage();
    const QString from = stringAttribute(node, u"from");
    if (from.isEmpty())
        return;
    QString body = QString::fromUtf8(MessageConverter::bodyOf(message));
    body.replace(from, stringAttribute(node, u"to"));
    MessageConverter::setBody(message, body.toUtf8());
}

void PolicyExecution::runJsonToXml(const ProgramNode &node)
{
    HttpMessage &message = targetMessage();
    const QString apply = stringAttribute(node, u"apply", QStringLiteral("always"));
    const QString contentType = message.headers->joined(QStringLiteral("Content-Type"));
    if (apply == u"content-type-json" && !contentType.contains(u"json", Qt::CaseInsensitive))
        return;
    if (boolAttribute(node, u"consider-accept-header", true)) {
        const QString accept = m_context.request->headers->joined(QStringLiteral("Accept"));
        if (!accept.isEmpty() && !accept.contains(u"xml", Qt::CaseInsensitive)
            && !accept.contains(u"*/*"))
            return;
    }
    const std::optional<QByteArray> xml
            = BodyFormatConverter::jsonToXml(MessageConverter::bodyOf(message));
    if (!xml) {
        warn(node, QStringLiteral("The body is not valid JSON; left unchanged."));
        return;
    }
    MessageConverter::setBody(message, *xml);
    message.headers->set(QStringLiteral("Content-Type"), {QStringLiteral("application/xml")});
}

void PolicyExecution::runXmlToJson(const ProgramNode &node)
{
    HttpMessage &message = targetMessage();
    const QString apply = stringAttribute(node, u"apply", QStringLiteral("always"));
    const QString contentType = message.headers->joined(QStringLiteral("Content-Type"));
    if (apply == u"content-type-xml" && !contentType.contains(u"xml", Qt::CaseInsensitive))
        return;
    if (boolAttribute(node, u"consider-accept-header", true)) {
        const QString accept = m_context.request->headers->joined(QStringLiteral("Accept"));
        if (!accept.isEmpty() && !accept.contains(u"json", Qt::CaseInsensitive)
            && !accept.contains(u"*/*"))
            return;
    }
    const std::optional<QByteArray> json = BodyFormatConverter::xmlToJson(
            MessageConverter::bodyOf(message),
            boolAttribute(node, u"always-array-child-elements", false));
    if (!json) {
        warn(node, QStringLiteral("The body is not valid XML; left unchanged."));
        return;
    }
    MessageConverter::setBody(message, *json);
    message.headers->set(QStringLiteral("Content-Type"), {QStringLiteral("application/json")});
}

// ---- diagnostics and side channels

void PolicyExecution::runTrace(const ProgramNode &node)
{
    TraceEvent e = event(TraceEvent::Kind::Info, &node);
    e.key = stringAttribute(node, u"source");
    e.value = stringAttribute(node, u"severity", QStringLiteral("verbose"));
    if (const ProgramNode *message = node.child(u"message"))
        e.message = text(*message);
    for (const ProgramNode *metadata : node.childrenNamed(u"metadata"))
        e.message += QStringLiteral(" [%1=%2]")
                             .arg(stringAttribute(*metadata, u"name"),
                                  stringAttribute(*metadata, u"value"));
    trace(e);
}

void PolicyExecution::runAuthenticationBasic(const ProgramNode &node)
{
    const QString credentials
            = stringAttribute(node, u"username") + u':' + stringAttribute(node, u"password");
    m_context.request->headers->set(
            QStringLiteral("Authorization"),
            {QStringLiteral("Basic ") + QString::fromLatin1(credentials.toUtf8().toBase64())});
}

void PolicyExecution::runLogToEventHub(const ProgramNode &node)
{
    const QString logger
            = node.attribute(u"logger-id") ? node.attribute(u"logger-id")->literal : QString();
    const QString message = text(node).left(200 * 1024);
    if (m_services.eventSink)
        m_services.eventSink(logger, message);
    TraceEvent e = event(TraceEvent::Kind::Info, &node);
    e.key = logger;
    e.message = message;
    trace(e);
}

void PolicyExecution::runEmitMetric(const ProgramNode &node)
{
    const QString name = node.attribute(u"name") ? node.attribute(u"name")->literal : QString();
    QJsonObject record{{QStringLiteral("name"), name},
                       {QStringLiteral("namespace"),
                        stringAttribute(node, u"namespace", QStringLiteral("API Management"))},
                       {QStringLiteral("value"),
                        stringAttribute(node, u"value", QStringLiteral("1")).toDouble()}};
    QJsonObject dimensions;
    for (const ProgramNode *dimension : node.childrenNamed(u"dimension"))
        dimensions.insert(stringAttribute(*dimension, u"name"),
                          stringAttribute(*dimension, u"value"));
    record.insert(QStringLiteral("dimensions"), dimensions);
    const QString message = QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    if (m_services.eventSink)
        m_services.eventSink(QStringLiteral("metric:") + name, message);
    TraceEvent e = event(TraceEvent::Kind::Info, &node);
    e.key = QStringLiteral("metric:") + name;
    e.message = message;
    trace(e);
}
