// SPDX-License-Identifier: GPL-3.0-or-later
#include "value.h"

#include "datetimeformat.h"
#include "httpurl.h"
#include "jsontoken.h"
#include "libraryobject.h"
#include "messagebody.h"
#include "scriptrecord.h"

#include <cmath>

Value Value::fromBool(bool b)
{
    Value v;
    v.m_type = Type::Bool;
    v.m_n.b = b;
    return v;
}

Value Value::fromChar(char16_t c)
{
    Value v;
    v.m_type = Type::Char;
    v.m_n.c = c;
    return v;
}

Value Value::fromInt(qint32 i)
{
    Value v;
    v.m_type = Type::Int32;
    v.m_n.i = i;
    return v;
}

Value Value::fromLong(qint64 i)
{
    Value v;
    v.m_type = Type::Int64;
    v.m_n.i = i;
    return v;
}

Value Value::fromDouble(double d)
{
    Value v;
    v.m_type = Type::Double;
    v.m_n.d = d;
    return v;
}

Value Value::fromDecimal(double d)
{
    Value v;
    v.m_type = Type::Decimal;
    v.m_n.d = d;
    return v;
}

Value Value::fromString(const QString &s)
{
    Value v;
    v.m_type = Type::String;
    v.m_string = s.isNull() ? QStringLiteral("") : s;
    return v;
}

Value Value::fromDateTime(qint64 ticks, DateKind kind)
{
    Value v;
    v.m_type = Type::DateTime;
    v.m_n.i = ticks;
    v.m_extra = qint32(kind);
    return v;
}

Value Value::fromDateTimeOffset(qint64 ticks, qint32 offsetMinutes)
{
    Value v;
    v.m_type = Type::DateTimeOffset;
    v.m_n.i = ticks;
    v.m_extra = offsetMinutes;
    return v;
}

Value Value::fromTimeSpan(qint64 ticks)
{
    Value v;
    v.m_type = Type::TimeSpan;
    v.m_n.i = ticks;
    return v;
}

Value Value::fromGuid(const QString &text)
{
    Value v;
    v.m_type = Type::Guid;
    v.m_string = text;
    return v;
}

Value Value::fromObject(std::shared_ptr<ScriptObject> object)
{
    Value v;
    if (!object)
        return v;
    v.m_type = Type::Object;
    v.m_object = std::move(object);
    return v;
}

double Value::toDouble() const
{
    switch (m_type) {
    case Type::Double:
    case Type::Decimal:
        return m_n.d;
    case Type::Char:
        return m_n.c;
    default:
        return double(m_n.i);
    }
}

QString Value::typeName() const
{
    switch (m_type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("System.Boolean");
    case Type::Char:
        return QStringLiteral("System.Char");
    case Type::Int32:
        return QStringLiteral("System.Int32");
    case Type::Int64:
        return QStringLiteral("System.Int64");
    case Type::Double:
        return QStringLiteral("System.Double");
    case Type::Decimal:
        return QStringLiteral("System.Decimal");
    case Type::String:
        return QStringLiteral("System.String");
    case Type::DateTime:
        return QStringLiteral("System.DateTime");
    case Type::DateTimeOffset:
        return QStringLiteral("System.DateTimeOffset");
    case Type::TimeSpan:
        return QStringLiteral("System.TimeSpan");
    case Type::Guid:
        return QStringLiteral("System.Guid");
    case Type::Object:
        return m_object->typeName();
    }
    return {};
}

static QString doubleToString(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("∞") : QStringLiteral("-∞");
    if (d == std::floor(d) && std::fabs(d) < 1e15)
        return QString::number(qint64(d));
    // .NET Core 3.0+ prints the shortest round-trippable form, switching to E notation at 1E+15.
    QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
    s.replace(QLatin1String("e+"), QLatin1String("E+"))
            .replace(QLatin1String("e-"), QLatin1String("E-"));
    return s;
}

QString Value::toString() const
{
    switch (m_type) {
    case Type::Null:
        return QString();
    case Type::Bool:
        return m_n.b ? QStringLiteral("True") : QStringLiteral("False");
    case Type::Char:
        return QString(QChar(m_n.c));
    case Type::Int32:
    case Type::Int64:
        return QString::number(m_n.i);
    case Type::Double:
    case Type::Decimal:
        return doubleToString(m_n.d);
    case Type::String:
    case Type::Guid:
        return m_string;
    case Type::DateTime:
        return DateTimeFormat::format(m_n.i, DateKind(m_extra), 0, false, QString());
    case Type::DateTimeOffset:
        return DateTimeFormat::format(m_n.i, DateKind::Unspecified, m_extra, true, QString());
    case Type::TimeSpan:
        return DateTimeFormat::formatTimeSpan(m_n.i);
    case Type::Object:
        return objectText();
    }
    return {};
}

QString Value::objectText() const
{
    switch (m_object->kind()) {
    case ScriptObject::Kind::Json:
        return static_cast<const JsonToken *>(m_object.get())->toString();
    case ScriptObject::Kind::StringBuilder:
        return static_cast<const LibraryObject *>(m_object.get())->text;
    case ScriptObject::Kind::Url:
        return static_cast<const HttpUrl *>(m_object.get())->toString();
    case ScriptObject::Kind::Body:
        return QString::fromUtf8(static_cast<const MessageBody *>(m_object.get())->content());
    case ScriptObject::Kind::Record: {
        const auto *r = static_cast<const ScriptRecord *>(m_object.get());
        if (const Value *text = r->find(QStringLiteral("$text")))
            return text->toString();
        if (const Value *value = r->find(QStringLiteral("Value"));
            value && r->typeName().contains(u"RegularExpressions"))
            return value->toString();
        return r->typeName();
    }
    default:
        return m_object->typeName();
    }
}

bool Value::equals(const Value &other) const
{
    if (isNumeric() && other.isNumeric()) {
        if (isIntegral() && other.isIntegral())
            return intValue() == other.intValue();
        return toDouble() == other.toDouble();
    }
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_n.b == other.m_n.b;
    case Type::String:
    case Type::Guid:
        return m_string == other.m_string;
    case Type::DateTime:
    case Type::TimeSpan:
        return m_n.i == other.m_n.i;
    case Type::DateTimeOffset:
        return m_n.i - qint64(m_extra) * 600000000LL
               == other.m_n.i - qint64(other.m_extra) * 600000000LL;
    case Type::Object:
        return m_object == other.m_object;
    default:
        return false;
    }
}
