// SPDX-License-Identifier: GPL-3.0-or-later
// Policy expression benchmark: compile time over every expression of the corpus, and evaluation
// time of the article's conditions beside the same logic written as plain C++ lambdas over the
// same ExpressionContext, measured in the same run (targets: < 1 us per condition, within 30x).
#include "expr/expressioncompiler.h"
#include "expr/expressioncontext.h"
#include "expr/namedvaluesubstitution.h"
#include "policy/policyescaping.h"
#include "policy/policyparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>
#include <ctime>
#include <functional>

namespace {

QStringList corpusExpressions()
{
    QStringList out;
    static const QRegularExpression names(QStringLiteral(R"(\{\{([A-Za-z0-9._-]+)\}\})"));
    std::function<void(const PolicyNode &)> walk = [&](const PolicyNode &n) {
        for (const PolicyAttribute &a : n.attributes) {
            if (a.isExpression())
                out.append(a.value);
        }
        for (const PolicyNode &c : n.children) {
            if (c.kind == PolicyNode::Kind::Text && PolicyEscaping::isExpression(c.text))
                out.append(c.text);
            walk(c);
        }
    };
    for (const QString &dir :
         {QStringLiteral(APIM_SHARED_DIR "/policies"), QStringLiteral(APIM_SHARED_DIR "/seed")}) {
        for (const QString &name : QDir(dir).entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile f(dir + u'/' + name);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            for (const PolicyNode &n : PolicyParser::parse(f.readAll(), name).document.nodes)
                walk(n);
        }
    }
    for (QString &code : out) {
        QHash<QString, QString> values;
        for (const auto &m : names.globalMatch(code))
            values.insert(m.captured(1), QStringLiteral("1"));
        code = NamedValueSubstitution::substitute(code, values).text;
    }
    return out;
}

// Thread CPU time, not wall time: the build machines are shared, and time spent descheduled
// would otherwise be charged to whichever side of the comparison it fell on.
qint64 threadCpuNanos()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

template<typename F>
double nanosPerCall(int iterations, F &&f)
{
    const qint64 start = threadCpuNanos();
    for (int i = 0; i < iterations; ++i)
        f();
    return double(threadCpuNanos() - start) / iterations;
}

struct Condition
{
    const char *code;
    std::function<bool(const ExpressionContext &)> native;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList corpus = corpusExpressions();
    int compiled = 0;
    const int rounds = 20;
    const double compileNs
            = nanosPerCall(rounds,
                           [&] {
                               for (const QString &code : corpus)
                                   compiled += ExpressionCompiler::compile(code, {}, QString()).ok()
                                                       ? 1
                                                       : 0;
                           })
              / corpus.size();
    std::printf("compile: %lld expressions (%d compile), %.1f us per expression, %.2f ms for the "
                "whole corpus\n",
                static_cast<long long>(corpus.size()),
                compiled / rounds,
                compileNs / 1000.0,
                compileNs * corpus.size() / 1e6);

    ExpressionContext context;
    context.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
    context.response->statusCode = 404;
    context.deployment->set(QStringLiteral("Region"),
                            Value::fromString(QStringLiteral("West Europe")));
    context.setVariable(QStringLiteral("backend"), Value::fromString(QStringLiteral("eus")));
    context.setVariable(QStringLiteral("is-eus-down"), Value::fromBool(true));

    const auto variableBool = [](const ExpressionContext &c, const QString &name) {
        const Value *v = c.variables->find(name);
        return v && v->type() == Value::Type::Bool && v->boolValue();
    };
    const QString eus = QStringLiteral("eus");
    const QString westEurope = QStringLiteral("West Europe");
    const QList<Condition> conditions = {
            {"@(context.Response != null && context.Response.StatusCode == 404)",
             [](const ExpressionContext &c) {
                 return c.response && c.response->statusCode == 404;
             }},
            {"@(context.Response.StatusCode == 404)",
             [](const ExpressionContext &c) {
                 return c.response->statusCode == 404;
             }},
            {"@(context.Variables.GetValueOrDefault<bool>(\"is-eus-down\", false))",
             [&](const ExpressionContext &c) {
                 return variableBool(c, QStringLiteral("is-eus-down"));
             }},
            {"@(context.Response != null && context.Response.StatusCode == 404 && "
             "(string)context.Variables[\"backend\"] == \"eus\")",
             [&](const ExpressionContext &c) {
                 const Value *v = c.variables->find(QStringLiteral("backend"));
                 return c.response && c.response->statusCode == 404 && v && v->stringValue() == eus;
             }},
            {"@(context.Deployment.Region == \"West Europe\" && "
             "!context.Variables.GetValueOrDefault<bool>(\"is-weu-down\", false))",
             [&](const ExpressionContext &c) {
                 return c.deployment->get(QStringLiteral("Region")).stringValue() == westEurope
                        && !variableBool(c, QStringLiteral("is-weu-down"));
             }},
            {"@(context.Deployment.Region.Equals(\"east us\", "
             "System.StringComparison.InvariantCultureIgnoreCase))",
             [](const ExpressionContext &c) {
                 return c.deployment->get(QStringLiteral("Region"))
                                .stringValue()
                                .compare(QLatin1String("east us"), Qt::CaseInsensitive)
                        == 0;
             }},
    };
    const int iterations = 200000;
    volatile bool sink = false;
    // Fixed cost of one evaluation (frame set-up, result), for reading the figures below.
    const auto literal
            = ExpressionCompiler::compile(QStringLiteral("@(true)"), {}, QString()).expression;
    std::printf("%8.1f ns  fixed cost of an evaluation (@(true))\n", nanosPerCall(iterations, [&] {
                    sink = literal->evaluate(context).value.boolValue();
                }));
    double worstRatio = 0;
    double worstNs = 0;
    for (const Condition &condition : conditions) {
        const auto compiledCondition
                = ExpressionCompiler::compile(QString::fromUtf8(condition.code), {}, QString())
                          .expression;
        if (!compiledCondition) {
            std::printf("FAILED to compile %s\n", condition.code);
            return 1;
        }
        const EvaluationResult check = compiledCondition->evaluate(context);
        if (!check.ok() || check.value.boolValue() != condition.native(context)) {
            std::printf("MISMATCH for %s\n", condition.code);
            return 1;
        }
        const double expressionNs = nanosPerCall(
                iterations, [&] { sink = compiledCondition->evaluate(context).value.boolValue(); });
        const double nativeNs = nanosPerCall(iterations, [&] { sink = condition.native(context); });
        const double ratio = expressionNs / qMax(nativeNs, 0.1);
        worstRatio = qMax(worstRatio, ratio);
        worstNs = qMax(worstNs, expressionNs);
        std::printf("%8.1f ns  expression | %7.1f ns  C++ lambda | ratio %5.1fx | %s\n",
                    expressionNs,
                    nativeNs,
                    ratio,
                    condition.code);
    }
    Q_UNUSED(sink);
    std::printf(
            "worst: %.1f ns per condition (target < 1000 ns), %.1fx the lambda (target < 30x)\n",
            worstNs,
            worstRatio);
    return 0;
}
