// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioninterpreter.h"

#include "datetimeformat.h"
#include "expressioncontext.h"
#include "expressionlibrary.h"
#include "expressionnames.h"
#include "httpmessage.h"
#include "jsontoken.h"
#include "scriptarray.h"
#include "scriptfunction.h"
#include "scriptrecord.h"

#include <QVarLengthArray>

#include <cmath>

using Node = ExpressionNode;
using N = ExpressionNames;

namespace {

QString opTypeName(const Value &v)
{
    if (v.isNull())
        return QStringLiteral("<null>");
    const QString name = v.typeName();
    static const QHash<QString, QString> aliases = {{"System.String", "string"},
                                                    {"System.Int32", "int"},
                                                    {"System.Int64", "long"},
                                                    {"System.Boolean", "bool"},
                                                    {"System.Double", "double"},
                                                    {"System.Decimal", "decimal"},
                                                    {"System.Char", "char"}};
    return aliases.value(name, name);
}

} // namespace

ExpressionInterpreter::ExpressionInterpreter(const CompiledExpression &expression,
                                             ExpressionContext &context)
    : m_expression(expression)
    , m_context(context)
    , m_slots(size_t(expression.m_slotCount))
{}

EvaluationResult ExpressionInterpreter::run()
{
    EvaluationResult result;
    try {
        if (m_expression.m_mode == CompiledExpression::Mode::Expression) {
            result.value = eval(m_expression.m_root.get());
        } else {
            exec(m_expression.m_root.get());
            result.value = m_returnValue;
        }
    } catch (const ScriptException &e) {
        result.error.type = e.type;
        result.error.message = e.message;
        const Node *n = e.node ? e.node : m_expression.m_root.get();
        result.error.range = m_expression.rangeOf(n->offset, n->length);
    }
    return result;
}

void ExpressionInterpreter::raise(const QString &type, const QString &message) const
{
    throw ScriptException{type, message, m_current};
}

void ExpressionInterpreter::raiseNullReference() const
{
    raise(QStringLiteral("System.NullReferenceException"),
          QStringLiteral("Object reference not set to an instance of an object."));
}

void ExpressionInterpreter::step()
{
    if (++m_steps > m_context.stepBudget)
        raise(QStringLiteral("System.OperationCanceledException"),
              QStringLiteral(
                      "The expression exceeded its budget of %1 evaluation steps (endless loop?).")
                      .arg(m_context.stepBudget));
}

void ExpressionInterpreter::checkSize(qsizetype size, bool isString) const
{
    const qsizetype limit = isString ? m_context.maxStringLength : m_context.maxCollectionSize;
    if (size > limit)
        raise(QStringLiteral("System.OutOfMemoryException"),
              QStringLiteral("The expression exceeded the %1 size limit of %2.")
                      .arg(isString ? QStringLiteral("string") : QStringLiteral("collection"))
                      .arg(limit));
}

bool ExpressionInterpreter::truth(const Value &v, const Node *at)
{
    if (v.type() == Value::Type::Bool)
        return v.boolValue();
    m_current = at;
    if (v.isNull())
        raise(QStringLiteral("System.InvalidOperationException"),
              QStringLiteral("Nullable object must have a value."));
    raise(QStringLiteral("System.InvalidCastException"),
          QStringLiteral("Unable to cast object of type '%1' to type 'System.Boolean'.")
                  .arg(v.typeName()));
}

QList<Value> ExpressionInterpreter::evalArguments(const Node *n)
{
    QList<Value> args;
    args.reserve(qsizetype(n->children.size()));
    for (size_t i = n->kind == Node::Kind::Call ? 1 : 0; i < n->children.size(); ++i)
        args.append(eval(n->children[i].get()));
    return args;
}

Value ExpressionInterpreter::eval(const Node *n)
{
    switch (n->kind) {
    case Node::Kind::Literal:
        return n->literal;
    case Node::Kind::Local:
        return m_slots[size_t(n->id)];
    case Node::Kind::Member:
        return member(n);
    case Node::Kind::Index:
        return index(n);
    case Node::Kind::Call:
        return call(n);
    case Node::Kind::LocalCall:
        return callLocal(n);
    case Node::Kind::AndAlso:
    case Node::Kind::OrElse:
        return Value::fromBool(test(n));
    case Node::Kind::Binary: {
        if (n->id > 0)
            return Value::fromBool(equality(n) == (n->id == 1));
        const Value a = eval(n->child(0));
        const Value b = eval(n->child(1));
        m_current = n;
        return binary(n->name, a, b);
    }
    case Node::Kind::Unary:
        return unary(n);
    case Node::Kind::Coalesce: {
        Value a = eval(n->child(0));
        return a.isNull() ? eval(n->child(1)) : a;
    }
    case Node::Kind::Conditional:
        return test(n->child(0)) ? eval(n->child(1)) : eval(n->child(2));
    case Node::Kind::Assign:
        return assign(n);
    case Node::Kind::Increment:
        return increment(n);
    case Node::Kind::Cast: {
        const Value v = eval(n->child(0));
        m_current = n;
        if (n->flag && !v.isNull() && !v.isObject() && !n->type.nullable
            && !ExpressionLibrary::isInstance(v, n->type) && n->type.name != QLatin1String("Object")
            && n->type.name != QLatin1String("String"))
            raise(QStringLiteral("System.InvalidCastException"),
                  QStringLiteral("Unable to cast object of type '%1' to type 'System.%2'.")
                          .arg(v.typeName(), n->type.name));
        return ExpressionLibrary::convert(*this, v, n->type);
    }
    case Node::Kind::Is: {
        const Value v = eval(n->child(0));
        if (n->type.name == QLatin1String("null"))
            return Value::fromBool(v.isNull());
        const bool is = ExpressionLibrary::isInstance(v, n->type);
        if (is && n->id >= 0)
            m_slots[size_t(n->id)] = v;
        return Value::fromBool(is);
    }
    case Node::Kind::As:
        return ExpressionLibrary::tryAs(eval(n->child(0)), n->type);
    case Node::Kind::Interpolated:
        return interpolate(n);
    case Node::Kind::Default:
        return ExpressionLibrary::defaultValue(n->type);
    case Node::Kind::New:
        return construct(n);
    case Node::Kind::NewArray:
        return newArray(n);
    case Node::Kind::Anonymous: {
        auto record = std::make_shared<ScriptRecord>(QStringLiteral("<>f__AnonymousType"));
        for (size_t i = 0; i < n->children.size(); ++i)
            record->set(n->strings.at(qsizetype(i)), eval(n->children[i].get()));
        return Value::fromObject(record);
    }
    case Node::Kind::Lambda:
        return Value::fromObject(std::make_shared<ScriptFunction>(n, this));
    case Node::Kind::Context:
        m_current = n;
        raise(QStringLiteral("System.InvalidOperationException"),
              QStringLiteral("'context' cannot be used as a value"));
    case Node::Kind::TypeRef:
        m_current = n;
        raise(QStringLiteral("System.InvalidOperationException"),
              QStringLiteral("'%1' is a type, which is not valid in the given context")
                      .arg(n->name));
    default:
        m_current = n;
        raise(QStringLiteral("System.InvalidOperationException"),
              QStringLiteral("Statement used as an expression"));
    }
}

bool ExpressionInterpreter::test(const Node *n)
{
    switch (n->kind) {
    case Node::Kind::AndAlso:
        return test(n->child(0)) && test(n->child(1));
    case Node::Kind::OrElse:
        return test(n->child(0)) || test(n->child(1));
    case Node::Kind::Binary:
        if (n->id > 0)
            return equality(n) == (n->id == 1);
        break;
    default:
        break;
    }
    return truth(eval(n), n);
}

const Value &ExpressionInterpreter::evalRef(const Node *n, Value &scratch)
{
    if (n->kind == Node::Kind::Literal)
        return n->literal;
    if (n->kind == Node::Kind::Local)
        return m_slots[size_t(n->id)];
    scratch = eval(n);
    return scratch;
}

// == and != (n->id 1 and 2). A null test of a context object (context.Response != null, the
// commonest guard in real policies) compares its pointer instead of copying it into a Value.
bool ExpressionInterpreter::equality(const Node *n)
{
    const Node *left = n->child(0);
    const Node *right = n->child(1);
    const auto isNullLiteral = [](const Node *side) {
        return side->kind == Node::Kind::Literal && side->literal.isNull();
    };
    const Node *tested = isNullLiteral(right) ? left : isNullLiteral(left) ? right : nullptr;
    if (tested && tested->kind == Node::Kind::Member
        && tested->child(0)->kind == Node::Kind::Context) {
        bool isObjectMember = false;
        const ScriptObject *object = contextObject(tested->id, &isObjectMember);
        if (isObjectMember)
            return object == nullptr;
    }
    Value leftScratch;
    Value rightScratch;
    const Value &a = evalRef(left, leftScratch);
    const Value &b = evalRef(right, rightScratch);
    return a.isNull() || b.isNull() ? a.isNull() && b.isNull() : a.equals(b);
}

ScriptObject *ExpressionInterpreter::contextObject(int id, bool *isObjectMember) const
{
    *isObjectMember = true;
    switch (id) {
    case N::Request:
        return m_context.request.get();
    case N::Response:
        return m_context.response.get();
    case N::Variables:
        return m_context.variables.get();
    case N::Deployment:
        return m_context.deployment.get();
    case N::LastError:
        return m_context.lastError.get();
    case N::Api:
        return m_context.api.get();
    case N::Operation:
        return m_context.operation.get();
    case N::Product:
        return m_context.product.get();
    case N::Subscription:
        return m_context.subscription.get();
    case N::User:
        return m_context.user.get();
    default:
        *isObjectMember = false;
        return nullptr;
    }
}

Value ExpressionInterpreter::contextMember(int id)
{
    const auto obj = [](const auto &p) {
        return Value::fromObject(p);
    };
    switch (id) {
    case N::Request:
        return obj(m_context.request);
    case N::Response:
        return obj(m_context.response);
    case N::Variables:
        return obj(m_context.variables);
    case N::Deployment:
        return obj(m_context.deployment);
    case N::LastError:
        return obj(m_context.lastError);
    case N::Api:
        return obj(m_context.api);
    case N::Operation:
        return obj(m_context.operation);
    case N::Product:
        return obj(m_context.product);
    case N::Subscription:
        return obj(m_context.subscription);
    case N::User:
        return obj(m_context.user);
    case N::RequestId:
        return Value::fromGuid(m_context.ensureRequestId());
    case N::Timestamp:
        return Value::fromDateTime(DateTimeFormat::ticksFromDateTime(m_context.timestamp),
                                   Value::DateKind::Utc);
    case N::Elapsed:
        return Value::fromTimeSpan(m_context.timestamp.msecsTo(m_context.clock())
                                   * DateTimeFormat::TicksPerMillisecond);
    case N::Tracing:
        return Value::fromBool(m_context.tracing);
    default:
        raise(QStringLiteral("System.MissingMemberException"),
              QStringLiteral("'context' has no property '%1'").arg(N::memberName(id)));
    }
}

Value ExpressionInterpreter::member(const Node *n)
{
    const Node *target = n->child(0);
    if (target->kind == Node::Kind::Context) {
        m_current = n;
        return contextMember(n->id);
    }
    if (target->kind == Node::Kind::TypeRef) {
        m_current = n;
        return ExpressionLibrary::staticMember(*this, target->name, n->name);
    }
    if (target->kind == Node::Kind::Member && target->child(0)->kind == Node::Kind::Context) {
        bool isObjectMember = false;
        ScriptObject *object = contextObject(target->id, &isObjectMember);
        if (isObjectMember) {
            m_current = n;
            if (!object) {
                if (n->flag)
                    return Value();
                raiseNullReference();
            }
            return memberOf(n, object, nullptr);
        }
    }
    const Value receiver = eval(target);
    m_current = n;
    if (receiver.isNull()) {
        if (n->flag)
            return Value();
        raiseNullReference();
    }
    return memberOf(n, receiver.object(), &receiver);
}

// The members of the APIM model read directly; the rest through the library, which takes the
// receiver as a Value (made from the context's own pointer when the caller had none).
Value ExpressionInterpreter::memberOf(const Node *n, ScriptObject *object, const Value *receiver)
{
    if (object) {
        switch (object->kind()) {
        case HttpMessage::staticKind: {
            const auto *message = static_cast<HttpMessage *>(object);
            switch (n->id) {
            case N::StatusCode:
                return Value::fromInt(message->statusCode);
            case N::Headers:
                return Value::fromObject(message->headers);
            case N::Body:
                return Value::fromObject(message->body);
            case N::Method:
                return Value::fromString(message->method);
            case N::Url:
                if (message->url)
                    return Value::fromObject(message->url);
                break;
            case N::OriginalUrl:
                if (message->originalUrl)
                    return Value::fromObject(message->originalUrl);
                break;
            case N::StatusReason:
                return Value::fromString(message->statusReason);
            case N::IpAddress:
                return Value::fromString(message->ipAddress);
            case N::MatchedParameters:
                if (message->matchedParameters)
                    return Value::fromObject(message->matchedParameters);
                break;
            case N::Certificate:
                return Value();
            default:
                break;
            }
            break;
        }
        case HttpUrl::staticKind: {
            auto *url = static_cast<HttpUrl *>(object);
            switch (n->id) {
            case N::Host:
                return Value::fromString(url->host);
            case N::Path:
                return Value::fromString(url->path);
            case N::Scheme:
                return Value::fromString(url->scheme);
            case N::Port:
                return Value::fromInt(url->port);
            case N::Query:
                // URLs are never context members themselves: there is always a receiver.
                if (!receiver)
                    raiseNullReference();
                return Value::fromObject(HttpUrl::sharedQuery(
                        std::static_pointer_cast<HttpUrl>(receiver->objectPtr())));
            case N::QueryString:
                return Value::fromString(url->queryString());
            default:
                break;
            }
            break;
        }
        case ScriptRecord::staticKind:
            if (const Value *v = static_cast<ScriptRecord *>(object)->find(n->name))
                return *v;
            break;
        default:
            break;
        }
    }
    if (receiver)
        return ExpressionLibrary::member(*this, *receiver, n->name);
    return ExpressionLibrary::member(*this, contextMember(n->child(0)->id), n->name);
}

Value ExpressionInterpreter::index(const Node *n)
{
    const Value receiver = eval(n->child(0));
    QVarLengthArray<Value, 1> indexes;
    for (size_t i = 1; i < n->children.size(); ++i)
        indexes.append(eval(n->children[i].get()));
    m_current = n;
    if (receiver.isNull()) {
        if (n->flag)
            return Value();
        raiseNullReference();
    }
    return ExpressionLibrary::index(*this, receiver, indexes);
}

Value ExpressionInterpreter::call(const Node *n)
{
    step();
    const Node *target = n->child(0);
    if (target->kind == Node::Kind::Context) {
        QList<Value> args = evalArguments(n);
        m_current = n;
        if (n->name != QLatin1String("Trace") || args.size() != 1)
            raise(QStringLiteral("System.MissingMethodException"),
                  QStringLiteral("'context' has no method '%1' taking %2 arguments")
                          .arg(n->name)
                          .arg(args.size()));
        if (m_context.traceSink)
            m_context.traceSink(args.at(0).toString());
        return Value();
    }
    Value receiver;
    if (target->kind != Node::Kind::TypeRef) {
        receiver = eval(target);
        if (receiver.isNull() && n->flag)
            return Value();
    }
    QList<Value> args = evalArguments(n);
    m_current = n;
    Value result;
    if (target->kind == Node::Kind::TypeRef) {
        result = ExpressionLibrary::callStatic(*this, target->name, n, args);
    } else {
        if (receiver.isNull()
            && !(n->name == QLatin1String("AsJwt") || n->name == QLatin1String("AsBasic")
                 || n->name == QLatin1String("TryParseJwt")
                 || n->name == QLatin1String("TryParseBasic")
                 || n->name == QLatin1String("IsNullOrEmpty")))
            raiseNullReference();
        result = ExpressionLibrary::callMethod(*this, receiver, n, args);
    }
    for (qsizetype i = 0; i < n->ids.size(); ++i) {
        if (n->ids.at(i) == 1)
            store(n->children[size_t(i) + 1].get(), args.at(i));
    }
    return result;
}

Value ExpressionInterpreter::callLocal(const Node *n)
{
    step();
    const ExpressionFunction &fn = *m_expression.m_functions[size_t(n->id)];
    QList<Value> args = evalArguments(n);
    m_current = n;
    if (args.size() != fn.parameterSlots.size())
        raise(QStringLiteral("System.ArgumentException"),
              QStringLiteral("No overload for method '%1' takes %2 arguments")
                      .arg(fn.name)
                      .arg(args.size()));
    if (++m_depth > m_context.recursionLimit)
        raise(QStringLiteral("System.InsufficientExecutionStackException"),
              QStringLiteral("Recursion deeper than %1 calls in local function '%2'.")
                      .arg(m_context.recursionLimit)
                      .arg(fn.name));
    // Slots are per expression, so a (recursive) call saves the function's own slots.
    std::vector<Value> saved(m_slots.begin() + fn.firstSlot,
                             m_slots.begin() + fn.firstSlot + fn.slotCount);
    for (qsizetype i = 0; i < args.size(); ++i)
        m_slots[size_t(fn.parameterSlots.at(i))] = args.at(i);
    struct Restore
    {
        ExpressionInterpreter *self;
        const ExpressionFunction &fn;
        std::vector<Value> &saved;
        ~Restore()
        {
            std::copy(saved.begin(), saved.end(), self->m_slots.begin() + fn.firstSlot);
            --self->m_depth;
        }
    } restore{this, fn, saved};
    m_returnValue = Value();
    exec(fn.body);
    Value result = m_returnValue;
    m_returnValue = Value();
    return result;
}

Value ExpressionInterpreter::invoke(const Value &function, const QList<Value> &arguments)
{
    step();
    const auto *fn = function.as<ScriptFunction>();
    if (!fn || fn->owner != this)
        raise(QStringLiteral("System.ArgumentException"),
              QStringLiteral("A lambda expression was expected."));
    const Node *lambda = fn->lambda;
    if (arguments.size() < lambda->ids.size())
        raise(QStringLiteral("System.ArgumentException"),
              QStringLiteral("The lambda expects %1 parameters").arg(lambda->ids.size()));
    for (qsizetype i = 0; i < lambda->ids.size(); ++i)
        m_slots[size_t(lambda->ids.at(i))] = arguments.at(i);
    if (!lambda->flag)
        return eval(lambda->child(0));
    const Value savedReturn = m_returnValue;
    m_returnValue = Value();
    exec(lambda->child(0));
    Value result = m_returnValue;
    m_returnValue = savedReturn;
    return result;
}

Value ExpressionInterpreter::unary(const Node *n)
{
    const Value v = eval(n->child(0));
    m_current = n;
    const QString &op = n->name;
    if (op == QLatin1String("!")) {
        if (v.type() != Value::Type::Bool)
            raise(QStringLiteral("System.InvalidCastException"),
                  QStringLiteral("Operator '!' cannot be applied to operand of type '%1'")
                          .arg(opTypeName(v)));
        return Value::fromBool(!v.boolValue());
    }
    if (v.isNull())
        return Value();
    if (op == QLatin1String("~") && v.isIntegral())
        return v.type() == Value::Type::Int64 ? Value::fromLong(~v.intValue())
                                              : Value::fromInt(qint32(~v.intValue()));
    if (op == QLatin1String("-")) {
        switch (v.type()) {
        case Value::Type::Int32:
        case Value::Type::Char:
            return Value::fromInt(qint32(-quint32(v.intValue())));
        case Value::Type::Int64:
            return Value::fromLong(qint64(-quint64(v.intValue())));
        case Value::Type::Double:
            return Value::fromDouble(-v.toDouble());
        case Value::Type::Decimal:
            return Value::fromDecimal(-v.toDouble());
        case Value::Type::TimeSpan:
            return Value::fromTimeSpan(-v.intValue());
        default:
            break;
        }
    }
    if (op == QLatin1String("+") && v.isNumeric())
        return v.type() == Value::Type::Char ? Value::fromInt(v.intValue()) : v;
    raise(QStringLiteral("System.InvalidCastException"),
          QStringLiteral("Operator '%1' cannot be applied to operand of type '%2'")
                  .arg(op, opTypeName(v)));
}

Value ExpressionInterpreter::binary(const QString &op, const Value &a, const Value &b)
{
    using T = Value::Type;
    const QChar c0 = op.at(0);
    const bool isEquality = op == QLatin1String("==") || op == QLatin1String("!=");
    if (isEquality) {
        bool eq;
        if (a.isNull() || b.isNull())
            eq = a.isNull() && b.isNull();
        else
            eq = a.equals(b);
        return Value::fromBool(op == QLatin1String("==") ? eq : !eq);
    }
    if (c0 == u'+' && (a.isString() || b.isString())) {
        const QString s = ExpressionLibrary::format(*this, a, QString())
                          + ExpressionLibrary::format(*this, b, QString());
        checkSize(s.size(), true);
        return Value::fromString(s);
    }
    // Lifted operators: null operands give null (comparisons give false).
    if (a.isNull() || b.isNull()) {
        if (op == QLatin1String("<") || op == QLatin1String(">") || op == QLatin1String("<=")
            || op == QLatin1String(">="))
            return Value::fromBool(false);
        return Value();
    }
    if (a.type() == T::Bool && b.type() == T::Bool
        && (op == QLatin1String("&") || op == QLatin1String("|") || op == QLatin1String("^"))) {
        const bool x = a.boolValue(), y = b.boolValue();
        return Value::fromBool(op == QLatin1String("&")   ? (x && y)
                               : op == QLatin1String("|") ? (x || y)
                                                          : (x != y));
    }
    const auto compare = [&](auto x, auto y) {
        if (op == QLatin1String("<"))
            return Value::fromBool(x < y);
        if (op == QLatin1String(">"))
            return Value::fromBool(x > y);
        if (op == QLatin1String("<="))
            return Value::fromBool(x <= y);
        return Value::fromBool(x >= y);
    };
    const bool isComparison = op == QLatin1String("<") || op == QLatin1String(">")
                              || op == QLatin1String("<=") || op == QLatin1String(">=");
    // Dates and time spans.
    if (a.type() == T::DateTime || a.type() == T::DateTimeOffset || a.type() == T::TimeSpan) {
        const auto utc = [](const Value &v) {
            return v.type() == T::DateTimeOffset
                           ? v.intValue() - qint64(v.extra()) * DateTimeFormat::TicksPerMinute
                           : v.intValue();
        };
        if (isComparison
            && (b.type() == a.type()
                || (a.type() != T::TimeSpan
                    && (b.type() == T::DateTime || b.type() == T::DateTimeOffset))))
            return compare(utc(a), utc(b));
        if (b.type() == T::TimeSpan && (c0 == u'+' || c0 == u'-')) {
            const qint64 t = c0 == u'+' ? a.intValue() + b.intValue() : a.intValue() - b.intValue();
            if (a.type() == T::DateTime)
                return Value::fromDateTime(t, Value::DateKind(a.extra()));
            if (a.type() == T::DateTimeOffset)
                return Value::fromDateTimeOffset(t, a.extra());
            return Value::fromTimeSpan(t);
        }
        if (c0 == u'-' && op.size() == 1 && a.type() != T::TimeSpan
            && (b.type() == T::DateTime || b.type() == T::DateTimeOffset))
            return Value::fromTimeSpan(utc(a) - utc(b));
    }
    if (a.isNumeric() && b.isNumeric()) {
        const bool real = a.type() == T::Double || b.type() == T::Double;
        const bool dec = a.type() == T::Decimal || b.type() == T::Decimal;
        if (real || dec) {
            const double x = a.toDouble(), y = b.toDouble();
            if (isComparison)
                return compare(x, y);
            const auto make = [&](double d) {
                return dec && !real ? Value::fromDecimal(d) : Value::fromDouble(d);
            };
            if (dec && !real && (c0 == u'/' || c0 == u'%') && y == 0)
                raise(QStringLiteral("System.DivideByZeroException"),
                      QStringLiteral("Attempted to divide by zero."));
            switch (c0.unicode()) {
            case '+':
                return make(x + y);
            case '-':
                return make(x - y);
            case '*':
                return make(x * y);
            case '/':
                return make(x / y);
            case '%':
                return make(std::fmod(x, y));
            default:
                break;
            }
        } else {
            const bool wide = a.type() == T::Int64 || b.type() == T::Int64;
            const qint64 x = a.intValue(), y = b.intValue();
            if (isComparison)
                return compare(x, y);
            const auto make = [&](quint64 r) {
                return wide ? Value::fromLong(qint64(r)) : Value::fromInt(qint32(quint32(r)));
            };
            if ((c0 == u'/' || c0 == u'%') && y == 0)
                raise(QStringLiteral("System.DivideByZeroException"),
                      QStringLiteral("Attempted to divide by zero."));
            if (op == QLatin1String("<<") || op == QLatin1String(">>")) {
                const int shift = int(y & (wide || a.type() == T::Int64 ? 63 : 31));
                if (op == QLatin1String("<<"))
                    return make(quint64(x) << shift);
                return a.type() == T::Int64 ? Value::fromLong(x >> shift)
                                            : Value::fromInt(qint32(x) >> shift);
            }
            switch (c0.unicode()) {
            case '+':
                return make(quint64(x) + quint64(y));
            case '-':
                return make(quint64(x) - quint64(y));
            case '*':
                return make(quint64(x) * quint64(y));
            case '/':
                if (!wide && x == INT_MIN && y == -1)
                    raise(QStringLiteral("System.OverflowException"),
                          QStringLiteral("Arithmetic operation resulted in an overflow."));
                return make(quint64(x / y));
            case '%':
                return make(quint64(y == -1 ? 0 : x % y));
            case '&':
                return make(quint64(x & y));
            case '|':
                return make(quint64(x | y));
            case '^':
                return make(quint64(x ^ y));
            default:
                break;
            }
        }
    }
    raise(QStringLiteral("System.InvalidOperationException"),
          QStringLiteral("Operator '%1' cannot be applied to operands of type '%2' and '%3'")
                  .arg(op, opTypeName(a), opTypeName(b)));
}

void ExpressionInterpreter::store(const Node *target, const Value &value)
{
    switch (target->kind) {
    case Node::Kind::Local:
        m_slots[size_t(target->id)] = value;
        return;
    case Node::Kind::Index: {
        const Value receiver = eval(target->child(0));
        QVarLengthArray<Value, 1> indexes;
        for (size_t i = 1; i < target->children.size(); ++i)
            indexes.append(eval(target->children[i].get()));
        m_current = target;
        if (receiver.isNull())
            raiseNullReference();
        ExpressionLibrary::setIndex(*this, receiver, indexes, value);
        return;
    }
    case Node::Kind::Member: {
        const Value receiver = eval(target->child(0));
        m_current = target;
        if (receiver.isNull())
            raiseNullReference();
        ExpressionLibrary::setMember(*this, receiver, target->name, value);
        return;
    }
    default:
        m_current = target;
        raise(QStringLiteral("System.InvalidOperationException"),
              QStringLiteral("The target cannot be assigned"));
    }
}

Value ExpressionInterpreter::assign(const Node *n)
{
    const Node *target = n->child(0);
    if (n->name == QLatin1String("=")) {
        const Value v = eval(n->child(1));
        store(target, v);
        return v;
    }
    const Value current = eval(target);
    if (n->name == u"?\?=") {
        if (!current.isNull())
            return current;
        const Value v = eval(n->child(1));
        store(target, v);
        return v;
    }
    const Value rhs = eval(n->child(1));
    m_current = n;
    Value v = binary(n->name.chopped(1), current, rhs);
    // Compound assignment converts back to the target's type (byte b += 1, int i += 1L ...).
    if (current.type() == Value::Type::Int32 && v.type() == Value::Type::Int64)
        v = Value::fromInt(qint32(v.intValue()));
    if (current.type() == Value::Type::Char && v.isIntegral())
        v = Value::fromChar(char16_t(v.intValue()));
    store(target, v);
    return v;
}

Value ExpressionInterpreter::increment(const Node *n)
{
    const Node *target = n->child(0);
    const Value current = eval(target);
    m_current = n;
    const Value one = Value::fromInt(1);
    Value next = binary(n->name == QLatin1String("++") ? QStringLiteral("+") : QStringLiteral("-"),
                        current,
                        one);
    if (current.type() == Value::Type::Char)
        next = Value::fromChar(char16_t(next.intValue()));
    store(target, next);
    return n->flag ? next : current;
}

Value ExpressionInterpreter::construct(const Node *n)
{
    QList<Value> args = evalArguments(n);
    m_current = n;
    Value object = ExpressionLibrary::construct(*this, n->type, args);
    if (n->initializerKind == 1) {
        for (const auto &item : n->initializer) {
            const Value v = eval(item.get());
            m_current = n;
            ExpressionLibrary::add(*this, object, {v});
        }
    } else if (n->initializerKind == 3) {
        for (size_t i = 0; i + 1 < n->initializer.size(); i += 2) {
            const Value k = eval(n->initializer[i].get());
            const Value v = eval(n->initializer[i + 1].get());
            m_current = n;
            ExpressionLibrary::setIndex(*this, object, {&k, 1}, v);
        }
    } else if (n->initializerKind == 2) {
        for (size_t i = 0; i < n->initializer.size(); ++i) {
            const Value v = eval(n->initializer[i].get());
            m_current = n;
            ExpressionLibrary::setMember(*this, object, n->initializerNames.at(qsizetype(i)), v);
        }
    }
    return object;
}

Value ExpressionInterpreter::newArray(const Node *n)
{
    QString element = n->type.name;
    if (n->type.arrayRank > 0)
        element = n->type.displayName();
    if (!n->flag) {
        const Value size = eval(n->child(0));
        m_current = n;
        if (!size.isIntegral())
            raise(QStringLiteral("System.InvalidCastException"),
                  QStringLiteral("Array size must be an integer"));
        if (size.intValue() < 0)
            raise(QStringLiteral("System.OverflowException"),
                  QStringLiteral("Arithmetic operation resulted in an overflow."));
        checkSize(size.intValue(), false);
        auto array = std::make_shared<ScriptArray>(
                element.isEmpty() ? QStringLiteral("Object") : element, false);
        const Value fill = ExpressionLibrary::defaultValue(n->type);
        if (array->isBytes())
            array->bytes().fill(0, size.intValue());
        else
            array->items().fill(fill, size.intValue());
        return Value::fromObject(array);
    }
    QList<Value> items;
    for (const auto &item : n->initializer)
        items.append(eval(item.get()));
    m_current = n;
    if (element.isEmpty()) {
        // new [] { ... }: the best common type of the elements.
        element = QStringLiteral("Object");
        if (!items.isEmpty() && !items.at(0).isNull()) {
            const QString first = items.at(0).typeName();
            bool same = true;
            for (const Value &v : items)
                same &= v.typeName() == first;
            if (same)
                element = first.startsWith(QLatin1String("System.")) ? first.mid(7) : first;
        }
    }
    if (!n->type.name.isEmpty() && n->type.arrayRank == 0) {
        for (Value &v : items)
            v = ExpressionLibrary::convert(*this, v, n->type);
    }
    return Value::fromObject(ScriptArray::fromValues(element, items));
}

Value ExpressionInterpreter::interpolate(const Node *n)
{
    QString out = n->strings.at(0);
    const qsizetype holes = qsizetype(n->children.size());
    for (qsizetype i = 0; i < holes; ++i) {
        const Value v = eval(n->children[size_t(i)].get());
        m_current = n;
        const QString format = n->strings.at(holes + 1 + 2 * i);
        const QString alignment = n->strings.at(holes + 2 + 2 * i);
        QString text = ExpressionLibrary::format(*this, v, format);
        if (!alignment.isEmpty()) {
            const int width = alignment.toInt();
            text = width < 0 ? text.leftJustified(-width) : text.rightJustified(width);
        }
        out += text + n->strings.at(i + 1);
        checkSize(out.size(), true);
    }
    return Value::fromString(out);
}

ExpressionInterpreter::Flow ExpressionInterpreter::exec(const Node *n)
{
    step();
    switch (n->kind) {
    case Node::Kind::Block:
        for (const auto &s : n->children) {
            const Flow f = exec(s.get());
            if (f != Flow::Normal)
                return f;
        }
        return Flow::Normal;
    case Node::Kind::Declare:
        if (n->child(0)) {
            Value v = eval(n->child(0));
            if (n->type.isValid() && !v.isNull() && v.isNumeric() && !n->type.isArray()) {
                m_current = n;
                v = ExpressionLibrary::convert(*this, v, n->type);
            }
            m_slots[size_t(n->id)] = v;
        } else {
            m_slots[size_t(n->id)] = ExpressionLibrary::defaultValue(n->type);
        }
        return Flow::Normal;
    case Node::Kind::ExprStmt:
        eval(n->child(0));
        return Flow::Normal;
    case Node::Kind::If:
        if (test(n->child(0)))
            return exec(n->child(1));
        return n->child(2) ? exec(n->child(2)) : Flow::Normal;
    case Node::Kind::While:
        while (test(n->child(0))) {
            const Flow f = exec(n->child(1));
            if (f == Flow::Break)
                break;
            if (f == Flow::Return)
                return f;
        }
        return Flow::Normal;
    case Node::Kind::DoWhile:
        do {
            const Flow f = exec(n->child(0));
            if (f == Flow::Break)
                break;
            if (f == Flow::Return)
                return f;
        } while (test(n->child(1)));
        return Flow::Normal;
    case Node::Kind::For:
        exec(n->child(0));
        while (!n->child(1) || test(n->child(1))) {
            const Flow f = exec(n->child(3));
            if (f == Flow::Break)
                break;
            if (f == Flow::Return)
                return f;
            exec(n->child(2));
        }
        return Flow::Normal;
    case Node::Kind::Foreach: {
        const Value collection = eval(n->child(0));
        m_current = n->child(0);
        if (collection.isNull())
            raiseNullReference();
        const QList<Value> items = ExpressionLibrary::enumerate(*this, collection);
        for (const Value &item : items) {
            m_slots[size_t(n->id)] = n->type.isValid() && item.isNumeric()
                                             ? ExpressionLibrary::convert(*this, item, n->type)
                                             : item;
            const Flow f = exec(n->child(1));
            if (f == Flow::Break)
                break;
            if (f == Flow::Return)
                return f;
        }
        return Flow::Normal;
    }
    case Node::Kind::Return:
        m_returnValue = n->child(0) ? eval(n->child(0)) : Value();
        return Flow::Return;
    case Node::Kind::Break:
        return Flow::Break;
    case Node::Kind::Continue:
        return Flow::Continue;
    case Node::Kind::Throw: {
        m_current = n;
        if (!n->child(0))
            raise(QStringLiteral("System.Exception"),
                  QStringLiteral("Exception of type 'System.Exception' was thrown."));
        const Value e = eval(n->child(0));
        m_current = n;
        const auto *record = e.as<ScriptRecord>();
        if (!record)
            raise(QStringLiteral("System.InvalidCastException"),
                  QStringLiteral("The thrown value is not an exception"));
        raise(record->get(QStringLiteral("$type")).toString(),
              record->get(QStringLiteral("Message")).toString());
    }
    case Node::Kind::Try:
        return execTry(n);
    case Node::Kind::LocalFunction:
    case Node::Kind::Empty:
        return Flow::Normal;
    default:
        eval(n);
        return Flow::Normal;
    }
}

ExpressionInterpreter::Flow ExpressionInterpreter::execTry(const Node *n)
{
    const size_t catches = n->children.size() - (n->flag ? 2 : 1);
    Flow flow = Flow::Normal;
    try {
        flow = exec(n->child(0));
    } catch (const ScriptException &e) {
        // Budget and recursion limits are not catchable: they protect the gateway.
        const bool fatal = e.type == QLatin1String("System.OperationCanceledException")
                           || e.type == QLatin1String("System.InsufficientExecutionStackException")
                           || e.type == QLatin1String("System.OutOfMemoryException");
        bool handled = false;
        for (size_t i = 0; i < catches && !fatal; ++i) {
            const QString &type = n->strings.at(qsizetype(i));
            if (type != QLatin1String("Exception") && !e.type.endsWith(u'.' + type))
                continue;
            const int slot = n->ids.at(qsizetype(i));
            if (slot >= 0) {
                auto ex = std::make_shared<ScriptRecord>(e.type);
                ex->set(QStringLiteral("Message"), Value::fromString(e.message));
                ex->set(QStringLiteral("$type"), Value::fromString(e.type));
                m_slots[size_t(slot)] = Value::fromObject(ex);
            }
            handled = true;
            flow = exec(n->children[i + 1].get());
            break;
        }
        if (!handled) {
            if (n->flag)
                exec(n->children.back().get());
            throw;
        }
    }
    if (n->flag) {
        const Value saved = m_returnValue;
        const Flow f = exec(n->children.back().get());
        if (f != Flow::Normal)
            return f;
        m_returnValue = saved;
    }
    return flow;
}

EvaluationResult CompiledExpression::evaluate(ExpressionContext &context) const
{
    ExpressionInterpreter interpreter(*this, context);
    return interpreter.run();
}
