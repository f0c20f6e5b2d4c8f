// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/expressioncompiler.h"
#include "expr/expressioncontext.h"
#include "expr/jsontoken.h"
#include "http/httprequestparser.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"
#include "policy/policywriter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUrl>

// What every fuzz target checks for one input, shared by the libFuzzer programs (which abort on a
// violation) and tst_FuzzCorpus (which replays the checked-in seeds and kept crashers in the normal
// suite, so each crasher stays a regression test without clang). Each check returns an empty
// string when the input was handled correctly, else what went wrong.
namespace FuzzOracles {

// ---- policy parser

inline QString checkPolicy(QByteArrayView input)
{
    const QByteArray bytes = input.toByteArray();
    const PolicyParseResult result = PolicyParser::parse(bytes, QStringLiteral("fuzz.xml"));
    if (!result.ok())
        return {};
    if (PolicyWriter::writeUtf8(result.document) != bytes)
        return QStringLiteral("accepted document is not written back byte-identical");
    PolicyValidator().validate(result.document);
    return {};
}

// ---- expression compiler and evaluator

// A context like the one the engine builds for a POST with a JSON body, after a 404 from the
// backend, with a few variables of each kind; the clock is fixed so runs repeat.
inline void fillContext(ExpressionContext &c)
{
    c.clock = [] {
        return QDateTime(QDate(2026, 11, 27), QTime(8, 5, 3, 250), QTimeZone::utc());
    };
    c.timestamp = QDateTime(QDate(2026, 11, 27), QTime(8, 5, 0), QTimeZone::utc());
    c.requestId = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    c.traceSink = [](const QString &) {
    };
    // Small limits: the fuzzer must reach them quickly, and a unit must stay fast even when it
    // runs to the step budget copying strings of the maximum length.
    c.stepBudget = 20000;
    c.recursionLimit = 64;
    c.maxStringLength = 64 * 1024;
    c.maxCollectionSize = 10000;

    HttpMessage &r = *c.request;
    r.method = QStringLiteral("POST");
    r.url = HttpUrl::fromUrl(
            QUrl(QStringLiteral("https://api.contoso.com/echo/resource?param1=a&param1=b&x=1")));
    r.originalUrl
            = HttpUrl::fromUrl(QUrl(QStringLiteral("https://gw.contoso.com:8443/api/echo?x=1")));
    r.headers->set(QStringLiteral("Authorization"),
                   {QStringLiteral("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln")});
    r.headers->set(QStringLiteral("Content-Type"), {QStringLiteral("application/json")});
    r.headers->set(QStringLiteral("Accept"), {QStringLiteral("a/b"), QStringLiteral("c/d")});
    r.headers->set(QStringLiteral("Cookie"), {QStringLiteral("session=abc; theme=dark")});
    r.ipAddress = QStringLiteral("10.1.2.3");
    r.matchedParameters->set(QStringLiteral("id"), {QStringLiteral("42")});
    r.body = std::make_shared<MessageBody>(
            QByteArray(R"({"name":"Widget","price":9.5,"tags":["a","b"],"count":3})"));
    c.deployment->set(QStringLiteral("Region"), Value::fromString(QStringLiteral("West Europe")));
    c.setVariable(QStringLiteral("backend"), Value::fromString(QStringLiteral("eus")));
    c.setVariable(QStringLiteral("is-eus-down"), Value::fromBool(true));
    c.setVariable(QStringLiteral("num"), Value::fromInt(42));
    c.setVariable(QStringLiteral("big"), Value::fromLong(5000000000LL));
    QString error;
    c.setVariable(QStringLiteral("json"),
                  Value::fromObject(JsonToken::parse(
                          QStringLiteral(R"({"a":1,"b":{"c":"x"},"arr":[1,2,3]})"), &error)));
    c.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
    c.response->statusCode = 404;
    c.response->headers->set(QStringLiteral("Content-Type"), {QStringLiteral("text/xml")});
    c.response->body = std::make_shared<MessageBody>(QByteArray("<a><b>1</b></a>"));
}

inline QString checkDiagnostics(const ExpressionCompileResult &compiled, qsizetype codeSize)
{
    if (compiled.ok() == Diagnostic::hasErrors(compiled.diagnostics))
        return QStringLiteral("compile result and error diagnostics disagree");
    for (const Diagnostic &d : compiled.diagnostics) {
        if (d.message.isEmpty() || !d.range.isValid() || d.range.begin.offset > codeSize
            || d.range.end.offset > codeSize || d.file != u"fuzz.xml")
            return QStringLiteral("diagnostic without a place in the code: ") + d.toString();
    }
    return {};
}

inline QString checkEvaluation(const CompiledExpression &expression)
{
    ExpressionContext context;
    fillContext(context);
    const EvaluationResult result = expression.evaluate(context);
    if (result.ok()) {
        // What the engine does with a value (header, variable, body): it must not crash either.
        (void)result.value.toString();
        return {};
    }
    if (!result.error.type.contains(u'.') || result.error.message.isEmpty()
        || !result.error.range.isValid())
        return QStringLiteral("evaluation error without type, message or place: ")
               + result.error.toString();
    return {};
}

// The input is the inside of an expression: compiled as "@(...)" and as "@{...}".
inline QString checkExpression(QByteArrayView input)
{
    const QString inner = QString::fromUtf8(input);
    const QString wrapped[] = {QString(QStringLiteral("@(") + inner + u')'),
                               QString(QStringLiteral("@{") + inner + u'}')};
    for (const QString &code : wrapped) {
        const ExpressionCompileResult compiled = ExpressionCompiler::compile(
                code, SourcePosition{1, 1, 0}, QStringLiteral("fuzz.xml"));
        QString problem = checkDiagnostics(compiled, code.size());
        if (problem.isEmpty() && compiled.ok())
            problem = checkEvaluation(*compiled.expression);
        if (!problem.isEmpty())
            return code.left(2) + QStringLiteral(": ") + problem;
    }
    return {};
}

// ---- HTTP request parsing, as HttpServerConnection drives it

// Small limits, so short inputs reach every answer: 413, 414, 431 as well as 400.
inline HttpRequestParser::Limits fuzzLimits()
{
    HttpRequestParser::Limits limits;
    limits.maxTargetBytes = 256;
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderCount = 16;
    limits.maxBodyBytes = 4096;
    return limits;
}

struct ParseOutcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0; // 0: ended without error (possibly inside a partial request)
    bool partial = false;
};

// Feeds input in chunks of the given sizes (cycled) into a buffer as the server connection does,
// re-feeding the bytes after each complete request, and stops after an error or a request that
// closes the connection. problem receives any broken parser contract.
inline ParseOutcome parseInChunks(QByteArrayView input,
                                  const QList<qsizetype> &chunkSizes,
                                  QString *problem)
{
    const HttpRequestParser::Limits limits = fuzzLimits();
    HttpRequestParser parser(limits);
    ParseOutcome outcome;
    QByteArray buffer;
    qsizetype pos = 0;
    qsizetype offered = 0;
    bool closed = false;
    for (qsizetype chunk = 0; offered < input.size() && !closed; ++chunk) {
        const qsizetype size
                = qMin(chunkSizes.at(chunk % chunkSizes.size()), input.size() - offered);
        buffer.append(input.sliced(offered, size));
        offered += size;
        while (pos < buffer.size() && !closed) {
            const QByteArrayView view = QByteArrayView(buffer).sliced(pos);
            HttpRequestParser::Result result = parser.feed(view);
            if (result.consumed < 0 || result.consumed > view.size()) {
                *problem = QStringLiteral("consumed %1 of %2 bytes")
                                   .arg(result.consumed)
                                   .arg(view.size());
                return outcome;
            }
            pos += result.consumed;
            if (result.status == HttpRequestParser::Status::NeedMore) {
                if (result.consumed != view.size())
                    *problem = QStringLiteral("NeedMore left bytes unconsumed");
                break;
            }
            if (result.status == HttpRequestParser::Status::Error) {
                static const QList<int> statuses = {400, 413, 414, 417, 431, 501, 505};
                if (!statuses.contains(result.errorStatus)
                    || !result.errorMessage.contains(u"at byte"))
                    *problem = QStringLiteral("error %1 \"%2\"")
                                       .arg(result.errorStatus)
                                       .arg(result.errorMessage);
                outcome.errorStatus = result.errorStatus;
                closed = true;
                break;
            }
            const HttpRequest &request = result.request;
            if (result.consumed == 0)
                *problem = QStringLiteral(
                        "a complete request consumed no byte: the server would loop");
            else if (request.method.isEmpty() || request.versionMajor != 1
                     || request.target.size() > limits.maxTargetBytes
                     || request.body.size() > limits.maxBodyBytes
                     || request.headers.size() > limits.maxHeaderCount)
                *problem = QStringLiteral("complete request outside the limits");
            if (!problem->isEmpty())
                return outcome;
            closed = !request.keepAlive;
            outcome.requests.append(result.request);
        }
        if (!problem->isEmpty())
            return outcome;
    }
    outcome.partial = outcome.errorStatus == 0 && parser.hasPartialMessage();
    return outcome;
}

// The same bytes give the same requests however TCP splits them. Only the kind of ending is
// compared, not the error status: split input lets a limit callback run before llhttp reaches a
// malformed byte later in the same token, so "too large" and "malformed" may swap, both correct.
inline QString checkHttpRequest(QByteArrayView input)
{
    QList<qsizetype> pseudoRandom;
    quint32 state = 2166136261u;
    for (const char c : input)
        state = (state ^ quint8(c)) * 16777619u;
    for (int i = 0; i < 16; ++i) {
        state = state * 1103515245u + 12345u;
        pseudoRandom.append(1 + qsizetype((state >> 16) % 97));
    }
    QList<QList<qsizetype>> splits = {{qMax<qsizetype>(input.size(), 1)}, pseudoRandom};
    if (input.size() <= 4096)
        splits.append(QList<qsizetype>{1});
    QString problem;
    const ParseOutcome whole = parseInChunks(input, splits.first(), &problem);
    for (qsizetype i = 1; i < splits.size() && problem.isEmpty(); ++i) {
        const ParseOutcome split = parseInChunks(input, splits.at(i), &problem);
        if (!problem.isEmpty())
            break;
        if (split.requests != whole.requests || (split.errorStatus == 0) != (whole.errorStatus == 0)
            || split.partial != whole.partial)
            problem = QStringLiteral(
                              "split %1 parses differently (%2 vs %3 requests, error %4 vs %5)")
                              .arg(i)
                              .arg(split.requests.size())
                              .arg(whole.requests.size())
                              .arg(split.errorStatus)
                              .arg(whole.errorStatus);
    }
    return problem;
}

} // namespace FuzzOracles
