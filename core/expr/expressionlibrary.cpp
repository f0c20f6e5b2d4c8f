// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionlibrary.h"

#include "datetimeformat.h"
#include "expressioncontext.h"
#include "expressioninterpreter.h"
#include "headermap.h"
#include "httpmessage.h"
#include "jsontoken.h"
#include "libraryobject.h"
#include "scriptarray.h"
#include "scriptdictionary.h"
#include "scriptfunction.h"
#include "scriptrecord.h"

#include <QCryptographicHash>
#include <QDomDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTextStream>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace {

using In = ExpressionInterpreter;
using T = Value::Type;

const QString kArgumentException = QStringLiteral("System.ArgumentException");
const QString kFormatException = QStringLiteral("System.FormatException");
const QString kInvalidCast = QStringLiteral("System.InvalidCastException");
const QString kInvalidOperation = QStringLiteral("System.InvalidOperationException");
const QString kNotSupported = QStringLiteral("System.NotSupportedException");
const QString kOutOfRange = QStringLiteral("System.ArgumentOutOfRangeException");
const QString kIndexOutOfRange = QStringLiteral("System.IndexOutOfRangeException");
const QString kKeyNotFound = QStringLiteral("System.Collections.Generic.KeyNotFoundException");

Value str(const QString &s)
{
    return Value::fromString(s);
}

Value obj(std::shared_ptr<ScriptObject> o)
{
    return Value::fromObject(std::move(o));
}

LibraryObject *lib(const Value &v)
{
    if (!v.isObject())
        return nullptr;
    switch (v.object()->kind()) {
    case ScriptObject::Kind::StringBuilder:
    case ScriptObject::Kind::Random:
    case ScriptObject::Kind::Hash:
    case ScriptObject::Kind::Xml:
    case ScriptObject::Kind::Regex:
        return static_cast<LibraryObject *>(v.object());
    default:
        return nullptr;
    }
}

[[noreturn]] void noMember(In &in, const Value &receiver, const QString &name, qsizetype argc = -1)
{
    if (argc >= 0)
        in.raise(QStringLiteral("System.MissingMethodException"),
                 QStringLiteral("'%1' does not contain a method '%2' taking %3 arguments")
                         .arg(receiver.typeName(), name)
                         .arg(argc));
    in.raise(QStringLiteral("System.MissingMemberException"),
             QStringLiteral("'%1' does not contain a definition for '%2'")
                     .arg(receiver.typeName(), name));
}

[[noreturn]] void notSupported(In &in, const QString &what)
{
    in.raise(kNotSupported,
             QStringLiteral(
                     "%1 is not supported by the local gateway (it needs a real Azure runtime).")
                     .arg(what));
}

[[noreturn]] void castError(In &in, const Value &v, const QString &target)
{
    in.raise(kInvalidCast,
             QStringLiteral("Unable to cast object of type '%1' to type '%2'.")
                     .arg(v.typeName(), target));
}

QString requireString(In &in, const Value &v, const char *what = "value")
{
    if (v.isString())
        return v.stringValue();
    if (v.isNull())
        in.raise(QStringLiteral("System.ArgumentNullException"),
                 QStringLiteral("Value cannot be null. (Parameter '%1')").arg(QLatin1String(what)));
    if (v.type() == T::Char)
        return v.toString();
    castError(in, v, QStringLiteral("System.String"));
}

qint64 requireInt(In &in, const Value &v)
{
    if (v.isIntegral())
        return v.intValue();
    if (v.isNull())
        in.raiseNullReference();
    castError(in, v, QStringLiteral("System.Int32"));
}

double requireNumber(In &in, const Value &v)
{
    if (v.isNumeric())
        return v.toDouble();
    castError(in, v, QStringLiteral("System.Double"));
}

QByteArray requireBytes(In &in, const Value &v)
{
    if (const auto *a = v.as<ScriptArray>()) {
        if (a->isBytes())
            return a->bytes();
        QByteArray out;
        for (const Value &item : a->values())
            out.append(char(requireInt(in, item)));
        return out;
    }
    if (v.isNull())
        in.raise(QStringLiteral("System.ArgumentNullException"),
                 QStringLiteral("Value cannot be null. (Parameter 'bytes')"));
    castError(in, v, QStringLiteral("System.Byte[]"));
}

Value bytesValue(const QByteArray &b)
{
    return obj(ScriptArray::fromBytes(b));
}

Value stringArray(In &in, const QStringList &list)
{
    in.checkSize(list.size(), false);
    return obj(ScriptArray::fromStrings(list));
}

// .NET StringComparison argument -> case sensitivity.
Qt::CaseSensitivity caseOf(const Value &v)
{
    return v.isString() && v.stringValue().endsWith(QLatin1String("IgnoreCase"))
                   ? Qt::CaseInsensitive
                   : Qt::CaseSensitive;
}

QString typeArgument(const ExpressionNode *call, int i = 0)
{
    return call && call->typeArguments.size() > i ? call->typeArguments.at(i).name : QString();
}

bool boolArg(const ExpressionNode *call,
             const QList<Value> &args,
             const QString &name,
             int position)
{
    if (call) {
        const qsizetype named = call->strings.indexOf(name);
        if (named >= 0 && named < args.size())
            return args.at(named).type() == T::Bool && args.at(named).boolValue();
    }
    return args.size() > position && args.at(position).type() == T::Bool
           && args.at(position).boolValue();
}

qint64 nowTicks(In &in)
{
    return DateTimeFormat::ticksFromDateTime(in.context().clock());
}

// ---------------------------------------------------------------- number formatting

QString formatNumber(In &in, const Value &v, const QString &fmt)
{
    if (fmt.isEmpty())
        return v.toString();
    const QChar f = fmt.at(0).toUpper();
    const QString rest = fmt.mid(1);
    bool hasPrecision = false;
    const int precision = rest.toInt(&hasPrecision);
    if (fmt.size() == 1 || hasPrecision) {
        switch (f.unicode()) {
        case 'D':
            if (!v.isIntegral())
                in.raise(kFormatException, QStringLiteral("Format specifier was invalid."));
            {
                QString s = QString::number(qAbs(v.intValue()))
                                    .rightJustified(hasPrecision ? precision : 0, u'0');
                return v.intValue() < 0 ? u'-' + s : s;
            }
        case 'X':
            if (!v.isIntegral())
                in.raise(kFormatException, QStringLiteral("Format specifier was invalid."));
            {
                const quint64 bits = v.type() == T::Int64 ? quint64(v.intValue())
                                                          : quint64(quint32(v.intValue()));
                QString s = QString::number(bits, 16).rightJustified(hasPrecision ? precision : 0,
                                                                     u'0');
                return fmt.at(0) == u'X' ? s.toUpper() : s;
            }
        case 'F':
            return QString::number(v.toDouble(), 'f', hasPrecision ? precision : 2);
        case 'N': {
            QLocale locale(QLocale::English, QLocale::UnitedStates);
            locale.setNumberOptions(QLocale::DefaultNumberOptions);
            return locale.toString(v.toDouble(), 'f', hasPrecision ? precision : 2);
        }
        case 'E':
            return QString::number(
                    v.toDouble(), fmt.at(0) == u'E' ? 'E' : 'e', hasPrecision ? precision : 6);
        case 'G':
            return v.toString();
        case 'P':
            return QString::number(v.toDouble() * 100, 'f', hasPrecision ? precision : 2)
                   + QLatin1String(" %");
        case 'R':
            return v.toString();
        default:
            break;
        }
    }
    // Custom numeric format: zeros and '#' before and after the decimal point.
    const qsizetype dot = fmt.indexOf(u'.');
    const QString intPart = dot < 0 ? fmt : fmt.left(dot);
    const QString fracPart = dot < 0 ? QString() : fmt.mid(dot + 1);
    if (!QRegularExpression(QStringLiteral("^[0#,]*$")).match(intPart).hasMatch()
        || !QRegularExpression(QStringLiteral("^[0#]*$")).match(fracPart).hasMatch())
        in.raise(kFormatException, QStringLiteral("Format string '%1' is not supported").arg(fmt));
    const int minFrac = int(fracPart.count(u'0'));
    const int maxFrac = int(fracPart.size());
    QString s = QString::number(std::fabs(v.toDouble()), 'f', maxFrac);
    if (maxFrac > minFrac) {
        while (s.contains(u'.') && s.endsWith(u'0') && s.size() - s.indexOf(u'.') - 1 > minFrac)
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    const int minInt = int(intPart.count(u'0'));
    qsizetype intDigits = s.indexOf(u'.') < 0 ? s.size() : s.indexOf(u'.');
    if (intDigits < minInt)
        s = QString(minInt - intDigits, u'0') + s;
    if (minInt == 0 && s.startsWith(QLatin1String("0")) && s.size() > 1 && s.at(1) == u'.')
        s.remove(0, 1);
    if (intPart.contains(u',')) {
        intDigits = s.indexOf(u'.') < 0 ? s.size() : s.indexOf(u'.');
        for (qsizetype i = intDigits - 3; i > 0; i -= 3)
            s.insert(i, u',');
    }
    return v.toDouble() < 0 ? u'-' + s : s;
}

// .NET composite formatting: "{0}", "{1:yyyy}", "{0,5}", "{{" and "}}".
QString compositeFormat(In &in, const QString &fmt, const QList<Value> &args)
{
    QString out;
    for (qsizetype i = 0; i < fmt.size(); ++i) {
        const QChar c = fmt.at(i);
        if (c == u'{' && i + 1 < fmt.size() && fmt.at(i + 1) == u'{') {
            out += u'{';
            ++i;
            continue;
        }
        if (c == u'}' && i + 1 < fmt.size() && fmt.at(i + 1) == u'}') {
            out += u'}';
            ++i;
            continue;
        }
        if (c == u'}')
            in.raise(kFormatException, QStringLiteral("Input string was not in a correct format."));
        if (c != u'{') {
            out += c;
            continue;
        }
        const qsizetype end = fmt.indexOf(u'}', i);
        if (end < 0)
            in.raise(kFormatException, QStringLiteral("Input string was not in a correct format."));
        QString spec = fmt.mid(i + 1, end - i - 1);
        QString format;
        const qsizetype colon = spec.indexOf(u':');
        if (colon >= 0) {
            format = spec.mid(colon + 1);
            spec = spec.left(colon);
        }
        int alignment = 0;
        const qsizetype comma = spec.indexOf(u',');
        if (comma >= 0) {
            alignment = spec.mid(comma + 1).trimmed().toInt();
            spec = spec.left(comma);
        }
        bool ok = false;
        const int index = spec.trimmed().toInt(&ok);
        if (!ok || index < 0)
            in.raise(kFormatException, QStringLiteral("Input string was not in a correct format."));
        if (index >= args.size())
            in.raise(kFormatException,
                     QStringLiteral("Index (zero based) must be greater than or equal to zero and "
                                    "less than the size of the argument list."));
        QString text = ExpressionLibrary::format(in, args.at(index), format);
        if (alignment)
            text = alignment < 0 ? text.leftJustified(-alignment) : text.rightJustified(alignment);
        out += text;
        i = end;
    }
    return out;
}

// ---------------------------------------------------------------- parsing helpers

bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool parseDouble(const QString &text, double *out)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (ok)
        *out = d;
    return ok;
}

// Parses text for a primitive type name ("Int32", "Boolean" ...); null Value if invalid.
Value parsePrimitive(const QString &type, const QString &text, bool *ok)
{
    *ok = true;
    qint64 i = 0;
    double d = 0;
    if (type == QLatin1String("Int32") && parseInteger(text, INT_MIN, INT_MAX, &i))
        return Value::fromInt(qint32(i));
    if (type == QLatin1String("Int64") && parseInteger(text, LLONG_MIN, LLONG_MAX, &i))
        return Value::fromLong(i);
    if (type == QLatin1String("Int16") && parseInteger(text, -32768, 32767, &i))
        return Value::fromInt(qint32(i));
    if ((type == QLatin1String("UInt16")) && parseInteger(text, 0, 65535, &i))
        return Value::fromInt(qint32(i));
    if ((type == QLatin1String("UInt32")) && parseInteger(text, 0, 4294967295LL, &i))
        return Value::fromLong(i);
    if ((type == QLatin1String("UInt64")) && parseInteger(text, 0, LLONG_MAX, &i))
        return Value::fromLong(i);
    if (type == QLatin1String("Byte") && parseInteger(text, 0, 255, &i))
        return Value::fromInt(qint32(i));
    if (type == QLatin1String("SByte") && parseInteger(text, -128, 127, &i))
        return Value::fromInt(qint32(i));
    if ((type == QLatin1String("Double") || type == QLatin1String("Single"))
        && parseDouble(text, &d))
        return Value::fromDouble(d);
    if (type == QLatin1String("Decimal") && parseDouble(text, &d))
        return Value::fromDecimal(d);
    if (type == QLatin1String("Boolean")) {
        const QString t = text.trimmed();
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return Value::fromBool(true);
        if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return Value::fromBool(false);
    }
    if (type == QLatin1String("DateTime") || type == QLatin1String("DateTimeOffset")) {
        qint64 ticks;
        Value::DateKind kind;
        qint32 offset;
        if (DateTimeFormat::parse(text, &ticks, &kind, &offset)) {
            if (type == QLatin1String("DateTimeOffset"))
                return Value::fromDateTimeOffset(ticks, offset);
            // DateTime.Parse converts an explicit offset to local time (UTC on the gateway).
            if (kind == Value::DateKind::Local)
                return Value::fromDateTime(ticks - qint64(offset) * DateTimeFormat::TicksPerMinute,
                                           Value::DateKind::Local);
            if (kind == Value::DateKind::Utc)
                return Value::fromDateTime(ticks, Value::DateKind::Local);
            return Value::fromDateTime(ticks, kind);
        }
    }
    if (type == QLatin1String("TimeSpan")) {
        qint64 ticks;
        if (DateTimeFormat::parseTimeSpan(text, &ticks))
            return Value::fromTimeSpan(ticks);
    }
    if (type == QLatin1String("Guid")) {
        const QUuid uuid(text.trimmed());
        if (!uuid.isNull()
            || text.trimmed().remove(u'-').remove(u'{').remove(u'}') == QString(32, u'0'))
            return Value::fromGuid(uuid.toString(QUuid::WithoutBraces));
    }
    *ok = false;
    return Value();
}

QString parseFailureMessage(const QString &type, const QString &text)
{
    if (type == QLatin1String("Boolean"))
        return QStringLiteral("String '%1' was not recognized as a valid Boolean.").arg(text);
    if (type == QLatin1String("DateTime") || type == QLatin1String("DateTimeOffset"))
        return QStringLiteral("String '%1' was not recognized as a valid DateTime.").arg(text);
    if (type == QLatin1String("Guid"))
        return QStringLiteral("Unrecognized Guid format.");
    if (type == QLatin1String("TimeSpan"))
        return QStringLiteral("String '%1' was not recognized as a valid TimeSpan.").arg(text);
    bool numeric = false;
    text.trimmed().toDouble(&numeric);
    if (numeric)
        return QStringLiteral("Value was either too large or too small for an %1.").arg(type);
    return QStringLiteral("The input string '%1' was not in a correct format.").arg(text);
}

// ---------------------------------------------------------------- JSON

QString tokenTypeOf(const JsonToken &t)
{
    return t.tokenTypeName();
}

// Newtonsoft's explicit conversions from a JToken to a primitive.
Value fromJson(In &in, const std::shared_ptr<JsonToken> &token, const QString &type)
{
    if (!token)
        return Value();
    if (!token->isValue())
        in.raise(kArgumentException,
                 QStringLiteral("Can not convert %1 to %2.").arg(tokenTypeOf(*token), type));
    const Value &s = token->scalar();
    if (type == QLatin1String("String") || type == QLatin1String("Object"))
        return s.isNull() ? Value() : (type == QLatin1String("Object") ? s : str(s.toString()));
    if (s.isNull()) {
        if (type == QLatin1String("Nullable"))
            return Value();
        in.raise(kArgumentException, QStringLiteral("Can not convert Null to %1.").arg(type));
    }
    if (type == QLatin1String("Boolean")) {
        if (s.type() == T::Bool)
            return s;
        if (s.isNumeric())
            return Value::fromBool(s.toDouble() != 0);
        bool ok;
        const Value v = parsePrimitive(type, s.toString(), &ok);
        if (ok)
            return v;
        in.raise(kFormatException, parseFailureMessage(type, s.toString()));
    }
    if (type == QLatin1String("Int32") || type == QLatin1String("Int64")
        || type == QLatin1String("Int16") || type == QLatin1String("Byte")
        || type == QLatin1String("Double") || type == QLatin1String("Decimal")
        || type == QLatin1String("Single") || type == QLatin1String("UInt32")
        || type == QLatin1String("UInt64")) {
        double d = 0;
        if (s.isNumeric()) {
            d = s.toDouble();
        } else if (s.type() == T::Bool) {
            d = s.boolValue() ? 1 : 0;
        } else {
            bool ok;
            const Value v = parsePrimitive(type, s.toString(), &ok);
            if (!ok)
                in.raise(kFormatException, parseFailureMessage(type, s.toString()));
            return v;
        }
        if (type == QLatin1String("Double") || type == QLatin1String("Single"))
            return Value::fromDouble(d);
        if (type == QLatin1String("Decimal"))
            return Value::fromDecimal(d);
        const qint64 i = s.isIntegral() ? s.intValue() : qint64(std::llround(d));
        if (type == QLatin1String("Int64") || type == QLatin1String("UInt32")
            || type == QLatin1String("UInt64"))
            return Value::fromLong(i);
        if (i < INT_MIN || i > INT_MAX)
            in.raise(QStringLiteral("System.OverflowException"),
                     QStringLiteral("Value was either too large or too small for an Int32."));
        return Value::fromInt(qint32(i));
    }
    if (type == QLatin1String("DateTime") || type == QLatin1String("DateTimeOffset")) {
        if (s.type() == T::DateTime)
            return type == QLatin1String("DateTime") ? s
                                                     : Value::fromDateTimeOffset(s.intValue(), 0);
        bool ok;
        const Value v = parsePrimitive(type, s.toString(), &ok);
        if (ok)
            return v;
        in.raise(kFormatException, parseFailureMessage(type, s.toString()));
    }
    if (type == QLatin1String("Guid")) {
        bool ok;
        const Value v = parsePrimitive(type, s.toString(), &ok);
        if (ok)
            return v;
        in.raise(kFormatException, parseFailureMessage(type, s.toString()));
    }
    if (type == QLatin1String("Char") && s.isString() && s.stringValue().size() == 1)
        return Value::fromChar(s.stringValue().at(0).unicode());
    in.raise(kArgumentException,
             QStringLiteral("Can not convert %1 to %2.").arg(tokenTypeOf(*token), type));
}

std::shared_ptr<JsonToken> jsonOf(const Value &v)
{
    if (v.as<JsonToken>())
        return std::static_pointer_cast<JsonToken>(v.objectPtr());
    return nullptr;
}

std::shared_ptr<JsonToken> parseJson(In &in, const QString &text)
{
    QString error;
    auto token = JsonToken::parse(text, &error);
    if (!token)
        in.raise(QStringLiteral("Newtonsoft.Json.JsonReaderException"), error);
    return token;
}

std::shared_ptr<JsonToken> expectJsonType(In &in,
                                          std::shared_ptr<JsonToken> token,
                                          const QString &type)
{
    if (type == QLatin1String("JObject") && token->type() != JsonToken::Type::Object)
        in.raise(QStringLiteral("Newtonsoft.Json.JsonReaderException"),
                 QStringLiteral("Error reading JObject from JsonReader. Current JsonReader item is "
                                "not an object: Start%1. Path '', line 1, position 1.")
                         .arg(token->tokenTypeName()));
    if (type == QLatin1String("JArray") && token->type() != JsonToken::Type::Array)
        in.raise(QStringLiteral("Newtonsoft.Json.JsonReaderException"),
                 QStringLiteral("Error reading JArray from JsonReader. Current JsonReader item is "
                                "not an array: Start%1. Path '', line 1, position 1.")
                         .arg(token->tokenTypeName()));
    return token;
}

// ---------------------------------------------------------------- JWT / Basic

QByteArray base64UrlDecode(QString s)
{
    s.replace(u'-', u'+').replace(u'_', u'/');
    while (s.size() % 4)
        s += u'=';
    return QByteArray::fromBase64(s.toLatin1());
}

Value parseJwt(const QString &input)
{
    QString text = input.trimmed();
    if (text.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        text = text.mid(7).trimmed();
    const QStringList parts = text.split(u'.');
    if (parts.size() != 3 && parts.size() != 5)
        return Value();
    QString error;
    const auto header = JsonToken::parse(QString::fromUtf8(base64UrlDecode(parts.at(0))), &error);
    const auto payload = JsonToken::parse(QString::fromUtf8(base64UrlDecode(parts.at(1))), &error);
    if (!header || !payload || header->type() != JsonToken::Type::Object
        || payload->type() != JsonToken::Type::Object)
        return Value();
    auto jwt = std::make_shared<ScriptRecord>(QStringLiteral("Jwt"));
    auto claims = std::make_shared<HeaderMap>(false);
    const auto text_ = [](const std::shared_ptr<JsonToken> &t) {
        if (!t || t->type() == JsonToken::Type::Null)
            return QString();
        if (t->type() == JsonToken::Type::Date)
            return DateTimeFormat::format(t->scalar().intValue(),
                                          Value::DateKind::Utc,
                                          0,
                                          false,
                                          QStringLiteral("yyyy-MM-ddTHH:mm:ssK"));
        return t->isValue() ? t->scalar().toString() : t->toJson(false);
    };
    for (const auto &property : payload->children()) {
        QStringList values;
        const auto v = property->propertyValue();
        if (v->type() == JsonToken::Type::Array) {
            for (const auto &item : v->children())
                values.append(text_(item));
        } else {
            values.append(text_(v));
        }
        claims->set(property->name(), values);
    }
    const auto claim = [&](const char *name) {
        const QStringList v = claims->values(QLatin1String(name));
        return v.isEmpty() ? Value() : str(v.join(u','));
    };
    const auto time = [&](const char *name) {
        const auto t = payload->value(QLatin1String(name));
        if (!t || !t->scalar().isNumeric())
            return Value();
        return Value::fromDateTime(DateTimeFormat::UnixEpochTicks
                                           + qint64(t->scalar().toDouble())
                                                     * DateTimeFormat::TicksPerSecond,
                                   Value::DateKind::Utc);
    };
    jwt->set(QStringLiteral("Id"), claim("jti"));
    jwt->set(QStringLiteral("Issuer"), claim("iss"));
    jwt->set(QStringLiteral("Subject"), claim("sub"));
    jwt->set(QStringLiteral("Audiences"),
             obj(ScriptArray::fromStrings(claims->values(QStringLiteral("aud")))));
    jwt->set(QStringLiteral("Claims"), obj(claims));
    jwt->set(QStringLiteral("ExpirationTime"), time("exp"));
    jwt->set(QStringLiteral("NotBefore"), time("nbf"));
    jwt->set(QStringLiteral("IssuedAt"), time("iat"));
    const auto alg = header->value(QStringLiteral("alg"));
    const auto typ = header->value(QStringLiteral("typ"));
    jwt->set(QStringLiteral("Algorithm"), alg ? str(alg->toString()) : Value());
    jwt->set(QStringLiteral("Type"), typ ? str(typ->toString()) : Value());
    return obj(jwt);
}

Value parseBasic(const QString &input)
{
    QString text = input.trimmed();
    if (text.startsWith(QLatin1String("Basic "), Qt::CaseInsensitive))
        text = text.mid(6).trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Value();
    const QString pair = QString::fromUtf8(*decoded);
    const qsizetype colon = pair.indexOf(u':');
    if (colon < 0)
        return Value();
    auto basic = std::make_shared<ScriptRecord>(QStringLiteral("BasicAuthCredentials"));
    basic->set(QStringLiteral("UserId"), str(pair.left(colon)));
    basic->set(QStringLiteral("Password"), str(pair.mid(colon + 1)));
    return obj(basic);
}

// ---------------------------------------------------------------- Regex

QRegularExpression makeRegex(In &in, const QString &pattern, int options)
{
    QRegularExpression::PatternOptions o = QRegularExpression::NoPatternOption;
    if (options & 1)
        o |= QRegularExpression::CaseInsensitiveOption;
    if (options & 2)
        o |= QRegularExpression::MultilineOption;
    if (options & 4)
        o |= QRegularExpression::DontCaptureOption;
    if (options & 16)
        o |= QRegularExpression::DotMatchesEverythingOption;
    if (options & 32)
        o |= QRegularExpression::ExtendedPatternSyntaxOption;
    QRegularExpression re(pattern, o);
    if (!re.isValid())
        in.raise(kArgumentException,
                 QStringLiteral("Invalid pattern '%1' at offset %2. %3")
                         .arg(pattern)
                         .arg(re.patternErrorOffset())
                         .arg(re.errorString()));
    return re;
}

int regexOptions(const QList<Value> &args, qsizetype position)
{
    return args.size() > position && args.at(position).isIntegral()
                   ? int(args.at(position).intValue())
                   : 0;
}

Value groupRecord(const QRegularExpressionMatch &m, int index)
{
    auto g = std::make_shared<ScriptRecord>(QStringLiteral("System.Text.RegularExpressions.Group"));
    const bool success = m.hasMatch() && m.capturedStart(index) >= 0;
    g->set(QStringLiteral("Success"), Value::fromBool(success));
    g->set(QStringLiteral("Value"), str(success ? m.captured(index) : QString()));
    g->set(QStringLiteral("Index"), Value::fromInt(success ? int(m.capturedStart(index)) : 0));
    g->set(QStringLiteral("Length"), Value::fromInt(success ? int(m.capturedLength(index)) : 0));
    return obj(g);
}

Value matchRecord(const QRegularExpression &re, const QRegularExpressionMatch &m)
{
    auto match = std::make_shared<ScriptRecord>(
            QStringLiteral("System.Text.RegularExpressions.Match"));
    auto groups = std::make_shared<ScriptDictionary>(
            QStringLiteral("System.Text.RegularExpressions.GroupCollection"));
    for (int i = 0; i <= re.captureCount(); ++i)
        groups->set(Value::fromInt(i), groupRecord(m, i));
    const QStringList names = re.namedCaptureGroups();
    for (int i = 1; i < names.size(); ++i) {
        if (!names.at(i).isEmpty())
            groups->set(str(names.at(i)), groupRecord(m, i));
    }
    const Value whole = groupRecord(m, 0);
    for (const auto &[name, value] : whole.as<ScriptRecord>()->fields())
        match->set(name, value);
    match->set(QStringLiteral("Groups"), obj(groups));
    return obj(match);
}

// Expands a .NET replacement pattern ($1, ${name}, $0, $&, $$) for one match.
QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &m)
{
    QString out;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c != u'$' || i + 1 >= replacement.size()) {
            out += c;
            continue;
        }
        const QChar n = replacement.at(i + 1);
        if (n == u'$') {
            out += u'$';
            ++i;
        } else if (n == u'&') {
            out += m.captured(0);
            ++i;
        } else if (n.isDigit()) {
            qsizetype j = i + 1;
            while (j < replacement.size() && replacement.at(j).isDigit())
                ++j;
            out += m.captured(replacement.mid(i + 1, j - i - 1).toInt());
            i = j - 1;
        } else if (n == u'{') {
            const qsizetype end = replacement.indexOf(u'}', i);
            if (end < 0) {
                out += c;
                continue;
            }
            const QString name = replacement.mid(i + 2, end - i - 2);
            bool isNumber = false;
            const int number = name.toInt(&isNumber);
            out += isNumber ? m.captured(number) : m.captured(name);
            i = end;
        } else {
            out += c;
        }
    }
    return out;
}

Value regexReplace(In &in,
                   const QString &input,
                   const QRegularExpression &re,
                   const Value &replacement)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(input);
    while (it.hasNext()) {
        in.step();
        const QRegularExpressionMatch m = it.next();
        out += QStringView(input).mid(last, m.capturedStart() - last);
        if (replacement.as<ScriptFunction>())
            out += in.invoke(replacement, {matchRecord(re, m)}).toString();
        else
            out += expandReplacement(replacement.toString(), m);
        last = m.capturedEnd();
        in.checkSize(out.size(), true);
    }
    out += QStringView(input).mid(last);
    return str(out);
}

// ---------------------------------------------------------------- hashing

std::optional<QCryptographicHash::Algorithm> hashAlgorithm(const QString &name)
{
    QString n = name;
    n.remove(QLatin1String("HMAC"))
            .remove(QLatin1String("Managed"))
            .remove(QLatin1String("CryptoServiceProvider"));
    if (n == QLatin1String("SHA256"))
        return QCryptographicHash::Sha256;
    if (n == QLatin1String("SHA1"))
        return QCryptographicHash::Sha1;
    if (n == QLatin1String("SHA384"))
        return QCryptographicHash::Sha384;
    if (n == QLatin1String("SHA512"))
        return QCryptographicHash::Sha512;
    if (n == QLatin1String("MD5"))
        return QCryptographicHash::Md5;
    return std::nullopt;
}

Value makeHash(const QString &typeName, const QString &algorithm, const QByteArray &key, bool keyed)
{
    auto h = std::make_shared<LibraryObject>(
            ScriptObject::Kind::Hash, QLatin1String("System.Security.Cryptography.") + typeName);
    h->algorithm = algorithm;
    h->key = key;
    h->options = keyed ? 1 : 0;
    return obj(h);
}

// ---------------------------------------------------------------- XML

Value xmlValue(const QDomNode &node, const QString &typeName)
{
    if (node.isNull())
        return Value();
    auto x = std::make_shared<LibraryObject>(ScriptObject::Kind::Xml, typeName);
    x->node = node;
    return obj(x);
}

Value xmlName(const QDomNode &node)
{
    auto name = std::make_shared<ScriptRecord>(QStringLiteral("System.Xml.Linq.XName"));
    const QString local
            = node.localName().isEmpty() ? node.nodeName().section(u':', -1) : node.localName();
    name->set(QStringLiteral("LocalName"), str(local));
    name->set(QStringLiteral("NamespaceName"), str(node.namespaceURI()));
    name->set(
            QStringLiteral("$text"),
            str(node.namespaceURI().isEmpty() ? local : u'{' + node.namespaceURI() + u'}' + local));
    return obj(name);
}

Value parseXml(In &in, const QString &text, const QString &typeName)
{
    QDomDocument doc;
    QString error;
    int line = 0, column = 0;
    if (!doc.setContent(text, true, &error, &line, &column))
        in.raise(QStringLiteral("System.Xml.XmlException"),
                 QStringLiteral("%1 Line %2, position %3.").arg(error).arg(line).arg(column));
    if (typeName.endsWith(QLatin1String("XElement")))
        return xmlValue(doc.documentElement(), typeName);
    return xmlValue(doc, typeName);
}

QString xmlInnerText(const QDomNode &node)
{
    if (node.isDocument())
        return node.toDocument().documentElement().text();
    return node.toElement().isNull() ? node.nodeValue() : node.toElement().text();
}

QString xmlLocal(const QDomNode &n)
{
    return n.localName().isEmpty() ? n.nodeName().section(u':', -1) : n.localName();
}

void xmlDescendants(const QDomNode &node, const QString &name, QList<Value> &out)
{
    for (QDomNode c = node.firstChild(); !c.isNull(); c = c.nextSibling()) {
        if (!c.isElement())
            continue;
        if (name.isEmpty() || xmlLocal(c) == name || c.nodeName() == name)
            out.append(xmlValue(c, QStringLiteral("System.Xml.Linq.XElement")));
        xmlDescendants(c, name, out);
    }
}

QString xmlString(const QDomNode &node)
{
    QString s;
    QTextStream stream(&s);
    node.save(stream, 2);
    return s.trimmed();
}

} // namespace

QString ExpressionLibrary::format(ExpressionInterpreter &in, const Value &value, const QString &fmt)
{
    switch (value.type()) {
    case T::Null:
        return QString();
    case T::Int32:
    case T::Int64:
    case T::Double:
    case T::Decimal:
        return formatNumber(in, value, fmt);
    case T::DateTime:
    case T::DateTimeOffset: {
        const QString s = DateTimeFormat::format(
                value.intValue(),
                Value::DateKind(value.type() == T::DateTime ? value.extra() : 0),
                value.type() == T::DateTimeOffset ? value.extra() : 0,
                value.type() == T::DateTimeOffset,
                fmt);
        if (s.isNull())
            in.raise(kFormatException, QStringLiteral("Input string was not in a correct format."));
        return s;
    }
    case T::TimeSpan:
        return DateTimeFormat::formatTimeSpan(value.intValue());
    case T::Guid: {
        const QString d = value.stringValue();
        if (fmt == QLatin1String("N") || fmt == QLatin1String("n"))
            return QString(d).remove(u'-');
        if (fmt == QLatin1String("B") || fmt == QLatin1String("b"))
            return u'{' + d + u'}';
        if (fmt == QLatin1String("P") || fmt == QLatin1String("p"))
            return u'(' + d + u')';
        return d;
    }
    case T::Object:
        break;
    default:
        return value.toString();
    }
    ScriptObject *o = value.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Json: {
        const auto *t = static_cast<JsonToken *>(o);
        if (fmt == QLatin1String("None"))
            return t->isValue() ? t->scalar().toString() : t->toJson(false);
        return t->toString();
    }
    case ScriptObject::Kind::StringBuilder:
        return static_cast<LibraryObject *>(o)->text;
    case ScriptObject::Kind::Url:
        return static_cast<HttpUrl *>(o)->toString();
    case ScriptObject::Kind::Xml: {
        const auto *x = static_cast<LibraryObject *>(o);
        return x->node.isDocument() ? xmlString(x->node.toDocument().documentElement())
                                    : xmlString(x->node);
    }
    case ScriptObject::Kind::Record: {
        const auto *r = static_cast<ScriptRecord *>(o);
        if (const Value *text = r->find(QStringLiteral("$text")))
            return text->toString();
        if (r->typeName().endsWith(QLatin1String("Match"))
            || r->typeName().endsWith(QLatin1String("Group")))
            return r->get(QStringLiteral("Value")).toString();
        if (r->typeName() == QLatin1String("<>f__AnonymousType")) {
            QStringList parts;
            for (const auto &[name, v] : r->fields())
                parts.append(name + QLatin1String(" = ") + format(in, v, QString()));
            return QLatin1String("{ ") + parts.join(QLatin1String(", ")) + QLatin1String(" }");
        }
        if (r->typeName().startsWith(QLatin1String("System.Collections.Generic.KeyValuePair")))
            return u'[' + format(in, r->get(QStringLiteral("Key")), {}) + QLatin1String(", ")
                   + format(in, r->get(QStringLiteral("Value")), {}) + u']';
        return r->typeName();
    }
    default:
        return o->typeName();
    }
}

Value ExpressionLibrary::defaultValue(const ExpressionType &type)
{
    if (type.isArray() || type.nullable)
        return Value();
    const QString &n = type.name;
    if (n == QLatin1String("Int32") || n == QLatin1String("Int16") || n == QLatin1String("Byte")
        || n == QLatin1String("SByte") || n == QLatin1String("UInt16"))
        return Value::fromInt(0);
    if (n == QLatin1String("Int64") || n == QLatin1String("UInt32") || n == QLatin1String("UInt64"))
        return Value::fromLong(0);
    if (n == QLatin1String("Double") || n == QLatin1String("Single"))
        return Value::fromDouble(0);
    if (n == QLatin1String("Decimal"))
        return Value::fromDecimal(0);
    if (n == QLatin1String("Boolean"))
        return Value::fromBool(false);
    if (n == QLatin1String("Char"))
        return Value::fromChar(0);
    if (n == QLatin1String("DateTime"))
        return Value::fromDateTime(0, Value::DateKind::Unspecified);
    if (n == QLatin1String("TimeSpan"))
        return Value::fromTimeSpan(0);
    if (n == QLatin1String("Guid"))
        return Value::fromGuid(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    return Value();
}

static bool isIntegralType(const QString &n)
{
    return n == QLatin1String("Int32") || n == QLatin1String("Int64") || n == QLatin1String("Int16")
           || n == QLatin1String("Byte") || n == QLatin1String("SByte")
           || n == QLatin1String("UInt16") || n == QLatin1String("UInt32")
           || n == QLatin1String("UInt64") || n == QLatin1String("Char");
}

static bool isNumericType(const QString &n)
{
    return isIntegralType(n) || n == QLatin1String("Double") || n == QLatin1String("Single")
           || n == QLatin1String("Decimal");
}

bool ExpressionLibrary::isInstance(const Value &v, const ExpressionType &type)
{
    if (v.isNull())
        return false;
    const QString &n = type.name;
    if (n == QLatin1String("Object"))
        return true;
    if (type.isArray()) {
        const auto *a = v.as<ScriptArray>();
        return a && !a->isList()
               && (type.elementType().name == a->elementType()
                   || type.elementType().name == QLatin1String("Object"));
    }
    switch (v.type()) {
    case T::Bool:
        return n == QLatin1String("Boolean");
    case T::Char:
        return n == QLatin1String("Char");
    case T::Int32:
        return n == QLatin1String("Int32");
    case T::Int64:
        return n == QLatin1String("Int64");
    case T::Double:
        return n == QLatin1String("Double");
    case T::Decimal:
        return n == QLatin1String("Decimal");
    case T::String:
        return n == QLatin1String("String") || n == QLatin1String("IEnumerable");
    case T::DateTime:
        return n == QLatin1String("DateTime");
    case T::DateTimeOffset:
        return n == QLatin1String("DateTimeOffset");
    case T::TimeSpan:
        return n == QLatin1String("TimeSpan");
    case T::Guid:
        return n == QLatin1String("Guid");
    default:
        break;
    }
    ScriptObject *o = v.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Json: {
        const auto *t = static_cast<JsonToken *>(o);
        if (n == QLatin1String("JToken"))
            return true;
        if (n == QLatin1String("JContainer"))
            return t->isContainer() || t->type() == JsonToken::Type::Property;
        if (n == QLatin1String("JObject") || n == QLatin1String("IDictionary"))
            return t->type() == JsonToken::Type::Object;
        if (n == QLatin1String("JArray") || n == QLatin1String("IEnumerable")
            || n == QLatin1String("IList"))
            return t->type() == JsonToken::Type::Array;
        if (n == QLatin1String("JProperty"))
            return t->type() == JsonToken::Type::Property;
        if (n == QLatin1String("JValue"))
            return t->isValue();
        return false;
    }
    case ScriptObject::Kind::Message: {
        const auto *m = static_cast<HttpMessage *>(o);
        return n == QLatin1String("IMessage")
               || (n == QLatin1String("IResponse") && m->role == HttpMessage::Role::Response)
               || (n == QLatin1String("IRequest") && m->role == HttpMessage::Role::Request);
    }
    case ScriptObject::Kind::Array: {
        const auto *a = static_cast<ScriptArray *>(o);
        if (n == QLatin1String("List"))
            return a->isList();
        return n == QLatin1String("IEnumerable") || n == QLatin1String("IList")
               || n == QLatin1String("ICollection") || n == QLatin1String("IReadOnlyList")
               || n == QLatin1String("IReadOnlyCollection")
               || (n == QLatin1String("Array") && !a->isList());
    }
    case ScriptObject::Kind::Dictionary:
    case ScriptObject::Kind::MultiMap:
        return n == QLatin1String("Dictionary") || n == QLatin1String("IDictionary")
               || n == QLatin1String("IReadOnlyDictionary") || n == QLatin1String("IEnumerable")
               || n == QLatin1String("ICollection")
               || (o->typeName().contains(u"GroupCollection")
                   && n == QLatin1String("GroupCollection"));
    case ScriptObject::Kind::Record: {
        const QString t = o->typeName();
        return t == n || t.endsWith(u'.' + n)
               || (n == QLatin1String("Exception") && t.endsWith(QLatin1String("Exception")))
               || (n == QLatin1String("KeyValuePair") && t.contains(QLatin1String("KeyValuePair")));
    }
    case ScriptObject::Kind::Url:
        return n == QLatin1String("IUrl");
    case ScriptObject::Kind::Body:
        return n == QLatin1String("IMessageBody");
    default: {
        const QString t = o->typeName();
        return t == n || t.endsWith(u'.' + n)
               || (n == QLatin1String("XNode") && t.contains(u"System.Xml.Linq"))
               || (n == QLatin1String("HashAlgorithm") && o->kind() == ScriptObject::Kind::Hash)
               || (n == QLatin1String("HMAC") && o->kind() == ScriptObject::Kind::Hash
                   && t.contains(u"HMAC"));
    }
    }
}

Value ExpressionLibrary::tryAs(const Value &value, const ExpressionType &type)
{
    return isInstance(value, type) ? value : Value();
}

Value ExpressionLibrary::convert(ExpressionInterpreter &in,
                                 const Value &v,
                                 const ExpressionType &type)
{
    const QString &n = type.name;
    if (n == QLatin1String("Object"))
        return v;
    if (const auto token = jsonOf(v)) {
        if (!type.isArray()
            && (isNumericType(n) || n == QLatin1String("String") || n == QLatin1String("Boolean")
                || n == QLatin1String("DateTime") || n == QLatin1String("DateTimeOffset")
                || n == QLatin1String("Guid"))) {
            if (type.nullable && token->type() == JsonToken::Type::Null)
                return Value();
            return fromJson(in, token, n);
        }
    }
    if (v.isNull()) {
        if (type.isArray() || type.nullable
            || !(isNumericType(n) || n == QLatin1String("Boolean") || n == QLatin1String("DateTime")
                 || n == QLatin1String("TimeSpan") || n == QLatin1String("Guid")
                 || n == QLatin1String("DateTimeOffset")))
            return Value();
        in.raiseNullReference();
    }
    if (isInstance(v, type))
        return v;
    if (isNumericType(n) && v.isNumeric()) {
        // Explicit numeric conversion: truncation towards zero, unchecked wrap-around.
        const bool fromReal = v.type() == T::Double || v.type() == T::Decimal;
        const qint64 i = fromReal ? qint64(std::trunc(v.toDouble())) : v.intValue();
        if (n == QLatin1String("Int32"))
            return Value::fromInt(qint32(quint32(i)));
        if (n == QLatin1String("Int64") || n == QLatin1String("UInt64"))
            return Value::fromLong(i);
        if (n == QLatin1String("UInt32"))
            return Value::fromLong(qint64(quint32(i)));
        if (n == QLatin1String("Int16"))
            return Value::fromInt(qint16(quint16(i)));
        if (n == QLatin1String("UInt16"))
            return Value::fromInt(quint16(i));
        if (n == QLatin1String("Byte"))
            return Value::fromInt(quint8(i));
        if (n == QLatin1String("SByte"))
            return Value::fromInt(qint8(quint8(i)));
        if (n == QLatin1String("Char"))
            return Value::fromChar(char16_t(i));
        if (n == QLatin1String("Double") || n == QLatin1String("Single"))
            return Value::fromDouble(v.toDouble());
        if (n == QLatin1String("Decimal"))
            return Value::fromDecimal(v.toDouble());
    }
    if (n == QLatin1String("DateTimeOffset") && v.type() == T::DateTime)
        return Value::fromDateTimeOffset(v.intValue(), 0);
    if (n == QLatin1String("DateTime") && v.type() == T::DateTimeOffset)
        return Value::fromDateTime(v.intValue(), Value::DateKind::Unspecified);
    if ((n == QLatin1String("JToken") || n == QLatin1String("JValue")) && !v.isObject())
        return toJsonToken(in, v);
    QString target = type.displayName();
    if (!target.contains(u'.'))
        target = (n.startsWith(u'J') ? QLatin1String("Newtonsoft.Json.Linq.")
                                     : QLatin1String("System."))
                 + target;
    castError(in, v, target);
}

QList<Value> ExpressionLibrary::enumerate(ExpressionInterpreter &in, const Value &v)
{
    if (v.isString()) {
        QList<Value> chars;
        for (const QChar c : v.stringValue())
            chars.append(Value::fromChar(c.unicode()));
        return chars;
    }
    const auto pair = [](const Value &key, const Value &value, const QString &type) {
        auto kv = std::make_shared<ScriptRecord>(
                QLatin1String("System.Collections.Generic.KeyValuePair`2[") + type + u']');
        kv->set(QStringLiteral("Key"), key);
        kv->set(QStringLiteral("Value"), value);
        return obj(kv);
    };
    switch (v.isObject() ? v.object()->kind() : ScriptObject::Kind::Record) {
    case ScriptObject::Kind::Array:
        return v.as<ScriptArray>()->values();
    case ScriptObject::Kind::Json: {
        QList<Value> items;
        for (const auto &child : v.as<JsonToken>()->children())
            items.append(obj(child));
        return items;
    }
    case ScriptObject::Kind::Dictionary: {
        const auto *d = v.as<ScriptDictionary>();
        QList<Value> items;
        for (qsizetype i = 0; i < d->size(); ++i)
            items.append(pair(d->keys().at(i),
                              d->values().at(i),
                              QStringLiteral("System.String,System.Object")));
        return items;
    }
    case ScriptObject::Kind::MultiMap: {
        const auto *h = v.as<HeaderMap>();
        QList<Value> items;
        for (const auto &[name, values] : h->entries())
            items.append(pair(str(name),
                              h->isSingleValued() ? str(values.value(0)) : stringArray(in, values),
                              QStringLiteral("System.String,System.String[]")));
        return items;
    }
    case ScriptObject::Kind::Xml: {
        QList<Value> items;
        xmlDescendants(lib(v) ? lib(v)->node : QDomNode(), QString(), items);
        return items;
    }
    default:
        break;
    }
    castError(in, v, QStringLiteral("System.Collections.IEnumerable"));
}

void ExpressionLibrary::add(ExpressionInterpreter &in,
                            const Value &collection,
                            const QList<Value> &args)
{
    if (auto *a = collection.as<ScriptArray>()) {
        if (!a->isList() || args.size() != 1)
            noMember(in, collection, QStringLiteral("Add"), args.size());
        in.checkSize(a->size() + 1, false);
        a->append(a->elementType() == QLatin1String("Object") || args.at(0).isNull()
                          ? args.at(0)
                          : convert(in, args.at(0), {a->elementType(), {}, 0, false}));
        return;
    }
    if (auto *d = collection.as<ScriptDictionary>()) {
        if (args.size() != 2)
            noMember(in, collection, QStringLiteral("Add"), args.size());
        if (d->contains(args.at(0)))
            in.raise(kArgumentException,
                     QStringLiteral("An item with the same key has already been added. Key: %1")
                             .arg(args.at(0).toString()));
        in.checkSize(d->size() + 1, false);
        d->set(args.at(0), args.at(1));
        return;
    }
    if (const auto token = jsonOf(collection)) {
        if (args.size() == 2 && token->type() == JsonToken::Type::Object) {
            const QString name = requireString(in, args.at(0), "propertyName");
            const auto value = jsonOf(toJsonToken(in, args.at(1)));
            if (!token->addProperty(name, value))
                in.raise(kArgumentException,
                         QStringLiteral("Can not add property %1 to Newtonsoft.Json.Linq.JObject. "
                                        "Property with the same name already exists on object.")
                                 .arg(name));
            return;
        }
        if (args.size() == 1) {
            const auto item = jsonOf(toJsonToken(in, args.at(0)));
            if (!token->add(item))
                in.raise(kArgumentException,
                         QStringLiteral("Can not add %1 to %2.")
                                 .arg(item->typeName(), token->typeName()));
            in.checkSize(token->count(), false);
            return;
        }
    }
    noMember(in, collection, QStringLiteral("Add"), args.size());
}

Value ExpressionLibrary::toJsonToken(ExpressionInterpreter &in, const Value &value)
{
    if (value.as<JsonToken>())
        return value;
    if (!value.isObject())
        return obj(JsonToken::makeValue(value.type() == T::Char ? str(value.toString()) : value));
    in.step();
    ScriptObject *o = value.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Array: {
        auto array = JsonToken::makeArray();
        const auto *a = static_cast<ScriptArray *>(o);
        if (a->isBytes()) // Newtonsoft writes byte[] as base64
            return obj(JsonToken::makeValue(str(QString::fromLatin1(a->bytes().toBase64()))));
        for (const Value &item : a->values())
            array->add(jsonOf(toJsonToken(in, item)));
        return obj(array);
    }
    case ScriptObject::Kind::Dictionary: {
        auto object = JsonToken::makeObject();
        const auto *d = static_cast<ScriptDictionary *>(o);
        for (qsizetype i = 0; i < d->size(); ++i)
            object->setValue(d->keys().at(i).toString(),
                             jsonOf(toJsonToken(in, d->values().at(i))));
        return obj(object);
    }
    case ScriptObject::Kind::MultiMap: {
        auto object = JsonToken::makeObject();
        const auto *h = static_cast<HeaderMap *>(o);
        for (const auto &[name, values] : h->entries())
            object->setValue(name,
                             jsonOf(toJsonToken(in,
                                                h->isSingleValued() ? str(values.value(0))
                                                                    : stringArray(in, values))));
        return obj(object);
    }
    case ScriptObject::Kind::Record: {
        auto object = JsonToken::makeObject();
        for (const auto &[name, v] : static_cast<ScriptRecord *>(o)->fields()) {
            if (!name.startsWith(u'$'))
                object->setValue(name, jsonOf(toJsonToken(in, v)));
        }
        return obj(object);
    }
    case ScriptObject::Kind::Url:
        return obj(JsonToken::makeValue(str(static_cast<HttpUrl *>(o)->toString())));
    default:
        return obj(JsonToken::makeValue(str(format(in, value, QString()))));
    }
}

bool ExpressionLibrary::enumValue(const QString &type, const QString &name, Value *out)
{
    if (type == QLatin1String("RegexOptions")) {
        static const QHash<QString, int> flags = {{"None", 0},
                                                  {"IgnoreCase", 1},
                                                  {"Multiline", 2},
                                                  {"ExplicitCapture", 4},
                                                  {"Compiled", 8},
                                                  {"Singleline", 16},
                                                  {"IgnorePatternWhitespace", 32},
                                                  {"RightToLeft", 64},
                                                  {"ECMAScript", 256},
                                                  {"CultureInvariant", 512}};
        if (flags.contains(name)) {
            *out = Value::fromInt(flags.value(name));
            return true;
        }
    }
    static const QHash<QString, QStringList> enums = {
            {"StringComparison",
             {"Ordinal",
              "OrdinalIgnoreCase",
              "InvariantCulture",
              "InvariantCultureIgnoreCase",
              "CurrentCulture",
              "CurrentCultureIgnoreCase"}},
            {"StringComparer",
             {"Ordinal",
              "OrdinalIgnoreCase",
              "InvariantCulture",
              "InvariantCultureIgnoreCase",
              "CurrentCulture",
              "CurrentCultureIgnoreCase"}},
            {"StringSplitOptions", {"None", "RemoveEmptyEntries", "TrimEntries"}},
            {"Formatting", {"None", "Indented"}},
            {"DateTimeKind", {"Utc", "Local", "Unspecified"}},
            {"HashAlgorithmName", {"SHA256", "SHA1", "SHA384", "SHA512", "MD5"}},
            {"RSASignaturePadding", {"Pkcs1", "Pss"}},
            {"JTokenType",
             {"Object",
              "Array",
              "Property",
              "String",
              "Integer",
              "Float",
              "Boolean",
              "Null",
              "Date",
              "Undefined",
              "Comment",
              "Raw",
              "Bytes",
              "Guid",
              "Uri",
              "TimeSpan",
              "Constructor"}},
            {"MidpointRounding", {"ToEven", "AwayFromZero"}},
            {"DayOfWeek",
             {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}},
            {"UriPartial", {"Scheme", "Authority", "Path", "Query"}},
    };
    const auto e = enums.constFind(type);
    if (e != enums.constEnd() && e->contains(name)) {
        *out = str(name);
        return true;
    }
    if (type == QLatin1String("String") && name == QLatin1String("Empty")) {
        *out = str(QStringLiteral(""));
        return true;
    }
    return false;
}

Value ExpressionLibrary::staticMember(ExpressionInterpreter &in,
                                      const QString &type,
                                      const QString &name)
{
    if (type == QLatin1String("String") && name == QLatin1String("Empty"))
        return str(QStringLiteral(""));
    if (type == QLatin1String("DateTime") || type == QLatin1String("DateTimeOffset")) {
        const bool offset = type == QLatin1String("DateTimeOffset");
        if (name == QLatin1String("UtcNow"))
            return offset ? Value::fromDateTimeOffset(nowTicks(in), 0)
                          : Value::fromDateTime(nowTicks(in), Value::DateKind::Utc);
        // The gateway runs in UTC: local time equals UTC.
        if (name == QLatin1String("Now"))
            return offset ? Value::fromDateTimeOffset(nowTicks(in), 0)
                          : Value::fromDateTime(nowTicks(in), Value::DateKind::Local);
        if (name == QLatin1String("Today"))
            return Value::fromDateTime(nowTicks(in) - nowTicks(in) % DateTimeFormat::TicksPerDay,
                                       Value::DateKind::Local);
        if (name == QLatin1String("MinValue"))
            return offset ? Value::fromDateTimeOffset(0, 0)
                          : Value::fromDateTime(0, Value::DateKind::Unspecified);
        if (name == QLatin1String("MaxValue"))
            return offset ? Value::fromDateTimeOffset(3155378975999999999LL, 0)
                          : Value::fromDateTime(3155378975999999999LL,
                                                Value::DateKind::Unspecified);
        if (name == QLatin1String("UnixEpoch"))
            return offset ? Value::fromDateTimeOffset(DateTimeFormat::UnixEpochTicks, 0)
                          : Value::fromDateTime(DateTimeFormat::UnixEpochTicks,
                                                Value::DateKind::Utc);
    }
    if (type == QLatin1String("TimeSpan")) {
        if (name == QLatin1String("Zero"))
            return Value::fromTimeSpan(0);
        if (name == QLatin1String("MaxValue"))
            return Value::fromTimeSpan(LLONG_MAX);
        if (name == QLatin1String("MinValue"))
            return Value::fromTimeSpan(LLONG_MIN);
    }
    if (type == QLatin1String("Guid") && name == QLatin1String("Empty"))
        return Value::fromGuid(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    if (type == QLatin1String("Int32")
        && (name == QLatin1String("MaxValue") || name == QLatin1String("MinValue")))
        return Value::fromInt(name == QLatin1String("MaxValue") ? INT_MAX : INT_MIN);
    if (type == QLatin1String("Int64")
        && (name == QLatin1String("MaxValue") || name == QLatin1String("MinValue")))
        return Value::fromLong(name == QLatin1String("MaxValue") ? LLONG_MAX : LLONG_MIN);
    if (type == QLatin1String("Double")) {
        if (name == QLatin1String("NaN"))
            return Value::fromDouble(std::nan(""));
        if (name == QLatin1String("PositiveInfinity") || name == QLatin1String("NegativeInfinity"))
            return Value::fromDouble(name == QLatin1String("PositiveInfinity") ? INFINITY
                                                                               : -INFINITY);
        if (name == QLatin1String("MaxValue") || name == QLatin1String("MinValue"))
            return Value::fromDouble(name == QLatin1String("MaxValue") ? 1.7976931348623157E+308
                                                                       : -1.7976931348623157E+308);
        if (name == QLatin1String("Epsilon"))
            return Value::fromDouble(4.94065645841247E-324);
    }
    if (type == QLatin1String("Math")
        && (name == QLatin1String("PI") || name == QLatin1String("E")))
        return Value::fromDouble(name == QLatin1String("PI") ? M_PI : M_E);
    if (type == QLatin1String("Encoding")
        && (name == QLatin1String("UTF8") || name == QLatin1String("ASCII")
            || name == QLatin1String("Unicode"))) {
        auto e = std::make_shared<ScriptRecord>(QStringLiteral("System.Text.") + name
                                                + QStringLiteral("Encoding"));
        e->set(QStringLiteral("$encoding"), str(name));
        return obj(e);
    }
    Value constant;
    if (enumValue(type, name, &constant))
        return constant;
    in.raise(QStringLiteral("System.MissingMemberException"),
             QStringLiteral("'%1' does not contain a definition for '%2'").arg(type, name));
}

Value ExpressionLibrary::construct(ExpressionInterpreter &in,
                                   const ExpressionType &type,
                                   QList<Value> &args)
{
    const QString &n = type.name;
    const qsizetype argc = args.size();
    if (n == QLatin1String("JObject") || n == QLatin1String("JArray")) {
        auto token
                = n == QLatin1String("JObject") ? JsonToken::makeObject() : JsonToken::makeArray();
        Value result = obj(token);
        for (const Value &a : args) {
            if (const auto *array = a.as<ScriptArray>(); array && n == QLatin1String("JArray")) {
                for (const Value &item : array->values())
                    add(in, result, {item});
            } else if (const auto t = jsonOf(a);
                       t && n == QLatin1String("JObject") && t->type() == JsonToken::Type::Object) {
                for (const auto &p : t->children())
                    token->add(p);
            } else {
                add(in, result, {a});
            }
        }
        return result;
    }
    if (n == QLatin1String("JProperty") && argc >= 1) {
        Value value = argc >= 2 ? args.at(1) : Value();
        if (argc > 2) {
            QList<Value> rest = args.mid(1);
            value = construct(in, {QStringLiteral("JArray"), {}, 0, false}, rest);
        }
        return obj(JsonToken::makeProperty(requireString(in, args.at(0), "name"),
                                           jsonOf(toJsonToken(in, value))));
    }
    if (n == QLatin1String("JValue") && argc == 1)
        return obj(JsonToken::makeValue(args.at(0)));
    if (n == QLatin1String("StringBuilder")) {
        auto sb = std::make_shared<LibraryObject>(ScriptObject::Kind::StringBuilder,
                                                  QStringLiteral("System.Text.StringBuilder"));
        if (argc >= 1 && args.at(0).isString())
            sb->text = args.at(0).stringValue();
        return obj(sb);
    }
    if (n == QLatin1String("Random")) {
        auto r = std::make_shared<LibraryObject>(ScriptObject::Kind::Random,
                                                 QStringLiteral("System.Random"));
        r->random = argc >= 1 ? QRandomGenerator(quint32(requireInt(in, args.at(0))))
                              : QRandomGenerator(QRandomGenerator::global()->generate());
        return obj(r);
    }
    if (n == QLatin1String("Uri") && argc >= 1) {
        const QString text = requireString(in, args.at(0), "uriString");
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
            in.raise(QStringLiteral("System.UriFormatException"),
                     QStringLiteral("Invalid URI: The format of the URI could not be determined."));
        auto u = std::make_shared<ScriptRecord>(QStringLiteral("System.Uri"));
        const int port = url.port(url.scheme() == QLatin1String("http")    ? 80
                                  : url.scheme() == QLatin1String("https") ? 443
                                                                           : -1);
        const QString path = url.path(QUrl::FullyEncoded).isEmpty() ? QStringLiteral("/")
                                                                    : url.path(QUrl::FullyEncoded);
        const QString query = url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded)
                                             : QString(QLatin1String(""));
        const QString authority
                = url.host() + (url.port() > 0 ? u':' + QString::number(url.port()) : QString());
        u->set(QStringLiteral("Scheme"), str(url.scheme()));
        u->set(QStringLiteral("Host"), str(url.host()));
        u->set(QStringLiteral("Port"), Value::fromInt(port));
        u->set(QStringLiteral("AbsolutePath"), str(path));
        u->set(QStringLiteral("Query"), str(query));
        u->set(QStringLiteral("PathAndQuery"), str(path + query));
        u->set(QStringLiteral("Fragment"),
               str(url.hasFragment() ? u'#' + url.fragment(QUrl::FullyEncoded)
                                     : QString(QLatin1String(""))));
        u->set(QStringLiteral("Authority"), str(authority));
        u->set(QStringLiteral("AbsoluteUri"),
               str(url.scheme() + QLatin1String("://") + authority + path + query));
        u->set(QStringLiteral("OriginalString"), str(text));
        u->set(QStringLiteral("IsAbsoluteUri"), Value::fromBool(true));
        u->set(QStringLiteral("$text"), str(url.toString()));
        return obj(u);
    }
    if (n == QLatin1String("DateTime") && (argc == 3 || argc == 6 || argc == 7)) {
        int parts[7] = {0, 0, 0, 0, 0, 0, 0};
        Value::DateKind kind = Value::DateKind::Unspecified;
        for (qsizetype i = 0; i < argc; ++i) {
            if (i == 6 && args.at(i).isString()) {
                kind = args.at(i).stringValue() == QLatin1String("Utc") ? Value::DateKind::Utc
                       : args.at(i).stringValue() == QLatin1String("Local")
                               ? Value::DateKind::Local
                               : Value::DateKind::Unspecified;
            } else {
                parts[i] = int(requireInt(in, args.at(i)));
            }
        }
        if (parts[3] > 23 || parts[4] > 59 || parts[5] > 59 || parts[3] < 0 || parts[4] < 0
            || parts[5] < 0)
            in.raise(kOutOfRange,
                     QStringLiteral("Hour, Minute, and Second parameters describe an "
                                    "un-representable DateTime."));
        const qint64 ticks = DateTimeFormat::ticksFromComponents(
                parts[0],
                parts[1],
                parts[2],
                parts[3],
                parts[4],
                parts[5],
                argc == 7 && !args.at(6).isString() ? parts[6] : 0);
        if (ticks < 0)
            in.raise(kOutOfRange,
                     QStringLiteral("Year, Month, and Day parameters describe an un-representable "
                                    "DateTime."));
        return Value::fromDateTime(ticks, kind);
    }
    if (n == QLatin1String("DateTimeOffset")) {
        if (argc == 1 && args.at(0).type() == T::DateTime)
            return Value::fromDateTimeOffset(args.at(0).intValue(), 0);
        if (argc == 2 && args.at(0).type() == T::DateTime && args.at(1).type() == T::TimeSpan)
            return Value::fromDateTimeOffset(
                    args.at(0).intValue(),
                    qint32(args.at(1).intValue() / DateTimeFormat::TicksPerMinute));
        if (argc == 7 && args.at(6).type() == T::TimeSpan) {
            QList<Value> dateArgs = args.mid(0, 6);
            const Value date = construct(in, {QStringLiteral("DateTime"), {}, 0, false}, dateArgs);
            return Value::fromDateTimeOffset(
                    date.intValue(),
                    qint32(args.at(6).intValue() / DateTimeFormat::TicksPerMinute));
        }
    }
    if (n == QLatin1String("TimeSpan")) {
        if (argc == 1)
            return Value::fromTimeSpan(requireInt(in, args.at(0)));
        if (argc == 3 || argc == 4 || argc == 5) {
            qint64 v[5] = {0, 0, 0, 0, 0};
            const qsizetype offset = argc == 3 ? 1 : 0;
            for (qsizetype i = 0; i < argc; ++i)
                v[i + offset] = requireInt(in, args.at(i));
            return Value::fromTimeSpan(
                    v[0] * DateTimeFormat::TicksPerDay + v[1] * 60 * DateTimeFormat::TicksPerMinute
                    + v[2] * DateTimeFormat::TicksPerMinute + v[3] * DateTimeFormat::TicksPerSecond
                    + v[4] * DateTimeFormat::TicksPerMillisecond);
        }
    }
    if (n == QLatin1String("Guid") && argc == 1) {
        if (args.at(0).isString()) {
            bool ok;
            const Value g = parsePrimitive(QStringLiteral("Guid"), args.at(0).stringValue(), &ok);
            if (!ok)
                in.raise(kFormatException, parseFailureMessage(n, args.at(0).stringValue()));
            return g;
        }
        const QByteArray b = requireBytes(in, args.at(0));
        if (b.size() != 16)
            in.raise(kArgumentException,
                     QStringLiteral(
                             "Byte array for Guid must be exactly 16 bytes long. (Parameter 'b')"));
        const QUuid uuid(qFromLittleEndian<quint32>(b.constData()),
                         qFromLittleEndian<quint16>(b.constData() + 4),
                         qFromLittleEndian<quint16>(b.constData() + 6),
                         uchar(b[8]),
                         uchar(b[9]),
                         uchar(b[10]),
                         uchar(b[11]),
                         uchar(b[12]),
                         uchar(b[13]),
                         uchar(b[14]),
                         uchar(b[15]));
        return Value::fromGuid(uuid.toString(QUuid::WithoutBraces));
    }
    if (n == QLatin1String("Dictionary") || n == QLatin1String("Hashtable")) {
        const bool ci = argc >= 1 && args.last().isString()
                        && args.last().stringValue().endsWith(QLatin1String("IgnoreCase"));
        QStringList names;
        for (const ExpressionType &a : type.arguments)
            names.append(QLatin1String("System.") + a.displayName());
        auto d = std::make_shared<ScriptDictionary>(
                QLatin1String("System.Collections.Generic.Dictionary`2[") + names.join(u',') + u']',
                ci);
        if (argc >= 1 && args.at(0).as<ScriptDictionary>()) {
            const auto *src = args.at(0).as<ScriptDictionary>();
            for (qsizetype i = 0; i < src->size(); ++i)
                d->set(src->keys().at(i), src->values().at(i));
        }
        return obj(d);
    }
    if (n == QLatin1String("List") || n == QLatin1String("HashSet") || n == QLatin1String("Queue")
        || n == QLatin1String("Stack")) {
        auto list = std::make_shared<ScriptArray>(type.arguments.value(0).name.isEmpty()
                                                          ? QStringLiteral("Object")
                                                          : type.arguments.value(0).displayName(),
                                                  true);
        if (argc == 1 && !args.at(0).isIntegral()) {
            for (const Value &v : enumerate(in, args.at(0)))
                list->append(v);
        }
        return obj(list);
    }
    if (n == QLatin1String("String") && argc == 2 && args.at(0).type() == T::Char) {
        const qint64 count = requireInt(in, args.at(1));
        in.checkSize(count, true);
        return str(QString(count, QChar(args.at(0).charValue())));
    }
    if (n == QLatin1String("String") && argc == 1) {
        QString s;
        for (const Value &c : enumerate(in, args.at(0)))
            s += c.toString();
        return str(s);
    }
    if (n.endsWith(QLatin1String("Exception"))) {
        auto e = std::make_shared<ScriptRecord>(
                QLatin1String(n.startsWith(QLatin1String("KeyNotFound"))
                                      ? "System.Collections.Generic."
                                      : "System.")
                + n);
        e->set(QStringLiteral("$type"), str(e->typeName()));
        e->set(QStringLiteral("Message"),
               str(argc >= 1 ? args.at(0).toString()
                             : QStringLiteral("Exception of type '%1' was thrown.")
                                       .arg(e->typeName())));
        return obj(e);
    }
    if (hashAlgorithm(n)
        && (n.startsWith(QLatin1String("HMAC")) || n.endsWith(QLatin1String("Managed")))) {
        const bool keyed = n.startsWith(QLatin1String("HMAC"));
        QByteArray key;
        if (keyed) {
            if (argc >= 1)
                key = requireBytes(in, args.at(0));
            else
                key = QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122()
                      + QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122();
        }
        return makeHash(n, n, key, keyed);
    }
    if (n == QLatin1String("Regex") && argc >= 1) {
        auto r = std::make_shared<LibraryObject>(
                ScriptObject::Kind::Regex, QStringLiteral("System.Text.RegularExpressions.Regex"));
        r->text = requireString(in, args.at(0), "pattern");
        r->options = regexOptions(args, 1);
        makeRegex(in, r->text, r->options);
        return obj(r);
    }
    if (n == QLatin1String("XmlDocument") && argc == 0) {
        auto x = std::make_shared<LibraryObject>(ScriptObject::Kind::Xml,
                                                 QStringLiteral("System.Xml.XmlDocument"));
        x->node = QDomDocument();
        return obj(x);
    }
    if (n == QLatin1String("X509Certificate2") || n == QLatin1String("X509Certificate")
        || n == QLatin1String("RSACng") || n == QLatin1String("StringReader")
        || n == QLatin1String("StringWriter") || n == QLatin1String("RNGCryptoServiceProvider"))
        notSupported(in, QStringLiteral("new %1(...)").arg(n));
    in.raise(QStringLiteral("System.MissingMethodException"),
             QStringLiteral("No constructor of '%1' takes %2 arguments")
                     .arg(type.displayName())
                     .arg(argc));
}

namespace {

QString joinValues(In &in, const QString &separator, const QList<Value> &values)
{
    QStringList parts;
    for (const Value &v : values)
        parts.append(ExpressionLibrary::format(in, v, QString()));
    const QString s = parts.join(separator);
    in.checkSize(s.size(), true);
    return s;
}

// params object[] or a single IEnumerable argument.
QList<Value> spread(In &in, const QList<Value> &args, qsizetype from)
{
    if (args.size() == from + 1 && args.at(from).isObject() && !args.at(from).as<JsonToken>()
        && !args.at(from).as<ScriptRecord>())
        return ExpressionLibrary::enumerate(in, args.at(from));
    return args.mid(from);
}

QString percentEncode(const QString &s, const QByteArray &keep = {})
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s, keep));
}

QString htmlEncode(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

Value parseCall(In &in, const QString &type, QList<Value> &args, bool isTry)
{
    const Value &input = args.value(0);
    if (isTry) {
        bool ok = false;
        const Value v = input.isString() ? parsePrimitive(type, input.stringValue(), &ok) : Value();
        if (args.size() >= 2)
            args.last() = ok ? v : ExpressionLibrary::defaultValue({type, {}, 0, false});
        return Value::fromBool(ok);
    }
    const QString text = requireString(in, input, "s");
    bool ok = false;
    const Value v = parsePrimitive(type, text, &ok);
    if (!ok)
        in.raise(type == QLatin1String("Int32") || type == QLatin1String("Int64")
                         ? (text.trimmed().toDouble(&ok),
                            ok && !text.contains(u'.') ? QStringLiteral("System.OverflowException")
                                                       : kFormatException)
                         : kFormatException,
                 parseFailureMessage(type, text));
    return v;
}

Value convertTo(In &in, const QString &type, const Value &v, const QList<Value> &args)
{
    if (v.isNull())
        return ExpressionLibrary::defaultValue({type, {}, 0, false});
    if (type == QLatin1String("String"))
        return str(ExpressionLibrary::format(in, v, QString()));
    if (v.isString()) {
        if (args.size() == 2 && isIntegralType(type)) {
            bool ok = false;
            const qint64 i = v.stringValue().toLongLong(&ok, int(requireInt(in, args.at(1))));
            if (!ok)
                in.raise(kFormatException, parseFailureMessage(type, v.stringValue()));
            return type == QLatin1String("Int64") ? Value::fromLong(i) : Value::fromInt(qint32(i));
        }
        bool ok = false;
        const Value r = parsePrimitive(type, v.stringValue(), &ok);
        if (!ok)
            in.raise(kFormatException, parseFailureMessage(type, v.stringValue()));
        return r;
    }
    if (const auto token = jsonOf(v))
        return fromJson(in, token, type);
    if (type == QLatin1String("Boolean")) {
        if (v.type() == T::Bool)
            return v;
        if (v.isNumeric())
            return Value::fromBool(v.toDouble() != 0);
    }
    if (v.type() == T::Bool && isNumericType(type))
        return ExpressionLibrary::convert(
                in, Value::fromInt(v.boolValue() ? 1 : 0), {type, {}, 0, false});
    if (v.isNumeric() && isNumericType(type)) {
        if (isIntegralType(type) && (v.type() == T::Double || v.type() == T::Decimal)) {
            // Convert.ToInt32 rounds half to even, unlike a cast.
            const double d = std::nearbyint(v.toDouble());
            return ExpressionLibrary::convert(in, Value::fromDouble(d), {type, {}, 0, false});
        }
        const Value r = ExpressionLibrary::convert(in, v, {type, {}, 0, false});
        if (isIntegralType(type) && r.intValue() != v.intValue())
            in.raise(QStringLiteral("System.OverflowException"),
                     QStringLiteral("Value was either too large or too small for %1.").arg(type));
        return r;
    }
    if (type == QLatin1String("DateTime")
        && (v.type() == T::DateTime || v.type() == T::DateTimeOffset))
        return ExpressionLibrary::convert(in, v, {type, {}, 0, false});
    castError(in, v, QLatin1String("System.") + type);
}

} // namespace

Value ExpressionLibrary::callStatic(ExpressionInterpreter &in,
                                    const QString &type,
                                    const ExpressionNode *call,
                                    QList<Value> &args)
{
    const QString &m = call->name;
    const qsizetype argc = args.size();
    const auto arg = [&](qsizetype i) {
        return args.value(i);
    };
    if (type == QLatin1String("String")) {
        if (m == QLatin1String("IsNullOrEmpty") && argc == 1)
            return Value::fromBool(arg(0).isNull()
                                   || (arg(0).isString() && arg(0).stringValue().isEmpty()));
        if (m == QLatin1String("IsNullOrWhiteSpace") && argc == 1)
            return Value::fromBool(
                    arg(0).isNull()
                    || (arg(0).isString() && arg(0).stringValue().trimmed().isEmpty()));
        if (m == QLatin1String("Join") && argc >= 2)
            return str(joinValues(in, arg(0).toString(), spread(in, args, 1)));
        if (m == QLatin1String("Concat") && argc >= 1)
            return str(joinValues(in, QString(), spread(in, args, 0)));
        if (m == QLatin1String("Format") && argc >= 1)
            return str(
                    compositeFormat(in, requireString(in, arg(0), "format"), spread(in, args, 1)));
        if ((m == QLatin1String("Equals") || m == QLatin1String("Compare")
             || m == QLatin1String("CompareOrdinal"))
            && argc >= 2) {
            const Qt::CaseSensitivity cs
                    = argc >= 3 && arg(2).type() == T::Bool
                              ? (arg(2).boolValue() ? Qt::CaseInsensitive : Qt::CaseSensitive)
                              : caseOf(arg(2));
            if (m == QLatin1String("Equals"))
                return Value::fromBool(
                        arg(0).isNull()
                                ? arg(1).isNull()
                                : !arg(1).isNull()
                                          && arg(0).toString().compare(arg(1).toString(), cs) == 0);
            const int c = arg(0).toString().compare(arg(1).toString(), cs);
            return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
        }
    }
    if ((m == QLatin1String("Parse") || m == QLatin1String("TryParse"))
        && (isNumericType(type) || type == QLatin1String("Boolean")
            || type == QLatin1String("DateTime") || type == QLatin1String("DateTimeOffset")
            || type == QLatin1String("TimeSpan") || type == QLatin1String("Guid"))) {
        if (type == QLatin1String("DateTimeOffset") && m == QLatin1String("Parse") && argc >= 1) {
            bool ok;
            const Value v = parsePrimitive(type, requireString(in, arg(0), "input"), &ok);
            if (!ok)
                in.raise(kFormatException, parseFailureMessage(type, arg(0).stringValue()));
            return v;
        }
        return parseCall(in, type, args, m == QLatin1String("TryParse"));
    }
    if (type == QLatin1String("Char") && argc == 1 && arg(0).type() == T::Char) {
        const QChar c(arg(0).charValue());
        if (m == QLatin1String("IsLetter"))
            return Value::fromBool(c.isLetter());
        if (m == QLatin1String("IsDigit"))
            return Value::fromBool(c.isDigit());
        if (m == QLatin1String("IsLetterOrDigit"))
            return Value::fromBool(c.isLetterOrNumber());
        if (m == QLatin1String("IsWhiteSpace"))
            return Value::fromBool(c.isSpace());
        if (m == QLatin1String("IsUpper"))
            return Value::fromBool(c.isUpper());
        if (m == QLatin1String("IsLower"))
            return Value::fromBool(c.isLower());
        if (m == QLatin1String("ToUpper"))
            return Value::fromChar(c.toUpper().unicode());
        if (m == QLatin1String("ToLower"))
            return Value::fromChar(c.toLower().unicode());
    }
    if (type == QLatin1String("Convert")) {
        if (m == QLatin1String("ToBase64String") && argc >= 1) {
            QByteArray b = requireBytes(in, arg(0));
            if (argc == 3)
                b = b.mid(requireInt(in, arg(1)), requireInt(in, arg(2)));
            return str(QString::fromLatin1(b.toBase64()));
        }
        if (m == QLatin1String("FromBase64String") && argc == 1) {
            const QString text = requireString(in, arg(0), "s");
            QString compact = text;
            compact.remove(u' ').remove(u'\n').remove(u'\r').remove(u'\t');
            const auto decoded = QByteArray::fromBase64Encoding(
                    compact.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || compact.size() % 4 != 0)
                in.raise(kFormatException,
                         QStringLiteral("The input is not a valid Base-64 string as it contains a "
                                        "non-base 64 character, more than two padding characters, "
                                        "or an illegal character among the padding characters."));
            return bytesValue(*decoded);
        }
        if (m == QLatin1String("ToHexString") && argc >= 1)
            return str(QString::fromLatin1(requireBytes(in, arg(0)).toHex()).toUpper());
        if (m == QLatin1String("FromHexString") && argc == 1) {
            const QString text = requireString(in, arg(0), "s");
            if (text.size() % 2
                || !QRegularExpression(QStringLiteral("^[0-9a-fA-F]*$")).match(text).hasMatch())
                in.raise(kFormatException,
                         QStringLiteral("The input is not a valid hex string as it contains a "
                                        "non-hex character."));
            return bytesValue(QByteArray::fromHex(text.toLatin1()));
        }
        static const QHash<QString, QString> targets = {{"ToInt32", "Int32"},
                                                        {"ToInt64", "Int64"},
                                                        {"ToInt16", "Int16"},
                                                        {"ToByte", "Byte"},
                                                        {"ToDouble", "Double"},
                                                        {"ToDecimal", "Decimal"},
                                                        {"ToBoolean", "Boolean"},
                                                        {"ToString", "String"},
                                                        {"ToChar", "Char"},
                                                        {"ToDateTime", "DateTime"},
                                                        {"ToUInt32", "UInt32"},
                                                        {"ToUInt64", "UInt64"},
                                                        {"ToSingle", "Single"}};
        if (targets.contains(m) && argc >= 1) {
            if (m == QLatin1String("ToString") && argc == 2 && !arg(1).isIntegral())
                return str(format(in, arg(0), arg(1).toString()));
            return convertTo(in, targets.value(m), arg(0), args);
        }
    }
    if (type == QLatin1String("DateTime")) {
        if (m == QLatin1String("DaysInMonth") && argc == 2)
            return Value::fromInt(QDate(int(requireInt(in, arg(0))), int(requireInt(in, arg(1))), 1)
                                          .daysInMonth());
        if (m == QLatin1String("IsLeapYear") && argc == 1)
            return Value::fromBool(QDate::isLeapYear(int(requireInt(in, arg(0)))));
        if (m == QLatin1String("SpecifyKind") && argc == 2 && arg(0).type() == T::DateTime)
            return Value::fromDateTime(
                    arg(0).intValue(),
                    arg(1).toString() == QLatin1String("Utc")     ? Value::DateKind::Utc
                    : arg(1).toString() == QLatin1String("Local") ? Value::DateKind::Local
                                                                  : Value::DateKind::Unspecified);
        if (m == QLatin1String("Compare") && argc == 2)
            return Value::fromInt(arg(0).intValue() < arg(1).intValue()   ? -1
                                  : arg(0).intValue() > arg(1).intValue() ? 1
                                                                          : 0);
    }
    if (type == QLatin1String("DateTimeOffset") && argc == 1
        && (m == QLatin1String("FromUnixTimeSeconds")
            || m == QLatin1String("FromUnixTimeMilliseconds"))) {
        const qint64 v = requireInt(in, arg(0));
        return Value::fromDateTimeOffset(
                DateTimeFormat::UnixEpochTicks
                        + v
                                  * (m == QLatin1String("FromUnixTimeSeconds")
                                             ? DateTimeFormat::TicksPerSecond
                                             : DateTimeFormat::TicksPerMillisecond),
                0);
    }
    if (type == QLatin1String("TimeSpan") && argc == 1) {
        static const QHash<QString, qint64> units
                = {{"FromSeconds", DateTimeFormat::TicksPerSecond},
                   {"FromMinutes", DateTimeFormat::TicksPerMinute},
                   {"FromHours", 60 * DateTimeFormat::TicksPerMinute},
                   {"FromDays", DateTimeFormat::TicksPerDay},
                   {"FromMilliseconds", DateTimeFormat::TicksPerMillisecond},
                   {"FromTicks", 1}};
        if (units.contains(m))
            return Value::fromTimeSpan(
                    qint64(std::llround(requireNumber(in, arg(0)) * double(units.value(m)))));
    }
    if (type == QLatin1String("Guid") && m == QLatin1String("NewGuid") && argc == 0)
        return Value::fromGuid(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (type == QLatin1String("Math") && argc >= 1) {
        const Value a = arg(0);
        const bool real
                = a.type() == T::Double || a.type() == T::Decimal
                  || (argc > 1 && (arg(1).type() == T::Double || arg(1).type() == T::Decimal));
        const auto num = [&](double d) {
            return a.type() == T::Decimal ? Value::fromDecimal(d) : Value::fromDouble(d);
        };
        if (m == QLatin1String("Abs")) {
            if (a.isIntegral()) {
                if (a.type() == T::Int32 && a.intValue() == INT_MIN)
                    in.raise(QStringLiteral("System.OverflowException"),
                             QStringLiteral("Negating the minimum value of a twos complement "
                                            "number is invalid."));
                return a.type() == T::Int64 ? Value::fromLong(qAbs(a.intValue()))
                                            : Value::fromInt(qint32(qAbs(a.intValue())));
            }
            return num(std::fabs(requireNumber(in, a)));
        }
        if ((m == QLatin1String("Max") || m == QLatin1String("Min")) && argc == 2) {
            const bool pickFirst = m == QLatin1String("Max")
                                           ? requireNumber(in, a) >= requireNumber(in, arg(1))
                                           : requireNumber(in, a) <= requireNumber(in, arg(1));
            const Value r = pickFirst ? a : arg(1);
            return real ? num(r.toDouble()) : r;
        }
        if (m == QLatin1String("Floor"))
            return num(std::floor(requireNumber(in, a)));
        if (m == QLatin1String("Ceiling"))
            return num(std::ceil(requireNumber(in, a)));
        if (m == QLatin1String("Truncate"))
            return num(std::trunc(requireNumber(in, a)));
        if (m == QLatin1String("Round")) {
            const double d = requireNumber(in, a);
            const int digits = argc >= 2 && arg(1).isIntegral() ? int(arg(1).intValue()) : 0;
            const bool away = args.last().isString()
                              && args.last().stringValue() == QLatin1String("AwayFromZero");
            const double scale = std::pow(10.0, digits);
            const double r
                    = away ? std::round(d * scale) / scale : std::nearbyint(d * scale) / scale;
            return num(r);
        }
        if (m == QLatin1String("Pow") && argc == 2)
            return Value::fromDouble(std::pow(requireNumber(in, a), requireNumber(in, arg(1))));
        if (m == QLatin1String("Sqrt"))
            return Value::fromDouble(std::sqrt(requireNumber(in, a)));
        if (m == QLatin1String("Log"))
            return Value::fromDouble(argc == 2 ? std::log(requireNumber(in, a))
                                                         / std::log(requireNumber(in, arg(1)))
                                               : std::log(requireNumber(in, a)));
        if (m == QLatin1String("Log10"))
            return Value::fromDouble(std::log10(requireNumber(in, a)));
        if (m == QLatin1String("Exp"))
            return Value::fromDouble(std::exp(requireNumber(in, a)));
        if (m == QLatin1String("Sign"))
            return Value::fromInt(requireNumber(in, a) > 0 ? 1 : requireNumber(in, a) < 0 ? -1 : 0);
    }
    if (type == QLatin1String("Uri")) {
        if ((m == QLatin1String("EscapeDataString") || m == QLatin1String("EscapeUriString"))
            && argc == 1) {
            const QString s = requireString(in, arg(0), "stringToEscape");
            return str(m == QLatin1String("EscapeDataString")
                               ? percentEncode(s)
                               : percentEncode(s, ":/?#[]@!$&'()*+,;="));
        }
        if (m == QLatin1String("UnescapeDataString") && argc == 1)
            return str(QUrl::fromPercentEncoding(
                    requireString(in, arg(0), "stringToUnescape").toUtf8()));
        if (m == QLatin1String("IsWellFormedUriString") && argc == 2) {
            const QUrl url(arg(0).toString(), QUrl::StrictMode);
            const bool absolute = arg(1).toString() == QLatin1String("Absolute");
            return Value::fromBool(
                    url.isValid()
                    && (!absolute || (!url.scheme().isEmpty() && !url.host().isEmpty())));
        }
    }
    if ((type == QLatin1String("WebUtility") || type == QLatin1String("HttpUtility"))
        && argc == 1) {
        if (arg(0).isNull())
            return Value();
        const QString s = requireString(in, arg(0), "value");
        if (m == QLatin1String("UrlEncode"))
            return str(
                    percentEncode(s, "-_.!*()").replace(QLatin1String("%20"), QLatin1String("+")));
        if (m == QLatin1String("UrlDecode"))
            return str(QUrl::fromPercentEncoding(QString(s).replace(u'+', u' ').toUtf8()));
        if (m == QLatin1String("HtmlEncode"))
            return str(htmlEncode(s));
        if (m == QLatin1String("HtmlDecode")) {
            QDomDocument doc;
            doc.setContent(QLatin1String("<x>")
                           + QString(s).replace(QLatin1String("&nbsp;"), QStringLiteral("\u00a0"))
                           + QLatin1String("</x>"));
            return str(doc.documentElement().isNull() ? s : doc.documentElement().text());
        }
    }
    if (type == QLatin1String("Regex") && argc >= 2) {
        const QString input = requireString(in, arg(0), "input");
        const QRegularExpression re
                = makeRegex(in,
                            requireString(in, arg(1), "pattern"),
                            regexOptions(args, m == QLatin1String("Replace") ? 3 : 2));
        if (m == QLatin1String("IsMatch"))
            return Value::fromBool(re.match(input).hasMatch());
        if (m == QLatin1String("Match"))
            return matchRecord(re, re.match(input));
        if (m == QLatin1String("Matches")) {
            QList<Value> matches;
            auto it = re.globalMatch(input);
            while (it.hasNext()) {
                in.step();
                matches.append(matchRecord(re, it.next()));
            }
            return obj(ScriptArray::fromValues(
                    QStringLiteral("System.Text.RegularExpressions.Match"), matches));
        }
        if (m == QLatin1String("Replace") && argc >= 3)
            return regexReplace(in, input, re, arg(2));
        if (m == QLatin1String("Split"))
            return stringArray(in, input.split(re));
    }
    if (type == QLatin1String("Regex") && argc == 1
        && (m == QLatin1String("Escape") || m == QLatin1String("Unescape"))) {
        const QString s = requireString(in, arg(0), "str");
        if (m == QLatin1String("Escape"))
            return str(QRegularExpression::escape(s));
        return str(QString(s).replace(QRegularExpression(QStringLiteral(R"(\\(.))")),
                                      QStringLiteral("\\1")));
    }
    if (type == QLatin1String("Array")) {
        if (m == QLatin1String("Copy") && (argc == 3 || argc == 5)) {
            auto *src = arg(0).as<ScriptArray>();
            auto *dst = arg(argc == 3 ? 1 : 2).as<ScriptArray>();
            if (!src || !dst)
                in.raise(QStringLiteral("System.ArgumentNullException"),
                         QStringLiteral("Value cannot be null."));
            const qint64 srcIndex = argc == 5 ? requireInt(in, arg(1)) : 0;
            const qint64 dstIndex = argc == 5 ? requireInt(in, arg(3)) : 0;
            const qint64 length = requireInt(in, arg(argc - 1));
            if (srcIndex < 0 || dstIndex < 0 || length < 0 || srcIndex + length > src->size()
                || dstIndex + length > dst->size())
                in.raise(kArgumentException,
                         QStringLiteral("Source array was not long enough. Check the source index, "
                                        "length, and the array's lower bounds."));
            const QList<Value> values = src->values();
            for (qint64 i = 0; i < length; ++i)
                dst->set(dstIndex + i, values.at(srcIndex + i));
            return Value();
        }
        if ((m == QLatin1String("Exists") || m == QLatin1String("Find")
             || m == QLatin1String("FindIndex") || m == QLatin1String("TrueForAll")
             || m == QLatin1String("FindAll"))
            && argc == 2) {
            const QList<Value> items = enumerate(in, arg(0));
            QList<Value> found;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const bool hit = in.invoke(arg(1), {items.at(i)}).boolValue();
                if (m == QLatin1String("TrueForAll") && !hit)
                    return Value::fromBool(false);
                if (hit && m == QLatin1String("Exists"))
                    return Value::fromBool(true);
                if (hit && m == QLatin1String("Find"))
                    return items.at(i);
                if (hit && m == QLatin1String("FindIndex"))
                    return Value::fromInt(int(i));
                if (hit)
                    found.append(items.at(i));
            }
            if (m == QLatin1String("FindAll"))
                return obj(ScriptArray::fromValues(arg(0).as<ScriptArray>()
                                                           ? arg(0).as<ScriptArray>()->elementType()
                                                           : QStringLiteral("Object"),
                                                   found));
            return m == QLatin1String("Exists")       ? Value::fromBool(false)
                   : m == QLatin1String("TrueForAll") ? Value::fromBool(true)
                   : m == QLatin1String("FindIndex")  ? Value::fromInt(-1)
                                                      : Value();
        }
        if (m == QLatin1String("IndexOf") && argc == 2) {
            const QList<Value> items = enumerate(in, arg(0));
            for (qsizetype i = 0; i < items.size(); ++i) {
                if (items.at(i).equals(arg(1)))
                    return Value::fromInt(int(i));
            }
            return Value::fromInt(-1);
        }
        if (m == QLatin1String("Reverse") && argc == 1) {
            auto *a = arg(0).as<ScriptArray>();
            if (a) {
                QList<Value> v = a->values();
                std::reverse(v.begin(), v.end());
                for (qsizetype i = 0; i < v.size(); ++i)
                    a->set(i, v.at(i));
            }
            return Value();
        }
        if (m == QLatin1String("Empty") && argc == 0)
            return obj(std::make_shared<ScriptArray>(
                    typeArgument(call).isEmpty() ? QStringLiteral("Object") : typeArgument(call),
                    false));
    }
    if (type == QLatin1String("BitConverter")) {
        if ((m == QLatin1String("ToInt32") || m == QLatin1String("ToInt64")
             || m == QLatin1String("ToInt16") || m == QLatin1String("ToUInt16")
             || m == QLatin1String("ToUInt32"))
            && argc == 2) {
            const QByteArray b = requireBytes(in, arg(0));
            const qint64 start = requireInt(in, arg(1));
            const int width = m == QLatin1String("ToInt64") ? 8
                              : (m == QLatin1String("ToInt16") || m == QLatin1String("ToUInt16"))
                                      ? 2
                                      : 4;
            if (start < 0 || start + width > b.size())
                in.raise(kArgumentException,
                         QStringLiteral("Destination array is not long enough to copy all the "
                                        "items in the collection. Check array index and length."));
            if (width == 8)
                return Value::fromLong(qFromLittleEndian<qint64>(b.constData() + start));
            if (width == 2)
                return Value::fromInt(m == QLatin1String("ToInt16")
                                              ? qFromLittleEndian<qint16>(b.constData() + start)
                                              : qFromLittleEndian<quint16>(b.constData() + start));
            if (m == QLatin1String("ToUInt32"))
                return Value::fromLong(qFromLittleEndian<quint32>(b.constData() + start));
            return Value::fromInt(qFromLittleEndian<qint32>(b.constData() + start));
        }
        if (m == QLatin1String("ToString") && argc >= 1) {
            const QByteArray b = requireBytes(in, arg(0));
            return str(QString::fromLatin1(b.toHex('-')).toUpper());
        }
        if (m == QLatin1String("GetBytes") && argc == 1) {
            QByteArray b;
            if (arg(0).type() == T::Int64) {
                b.resize(8);
                qToLittleEndian<qint64>(arg(0).intValue(), b.data());
            } else if (arg(0).type() == T::Bool) {
                b.append(char(arg(0).boolValue() ? 1 : 0));
            } else {
                b.resize(4);
                qToLittleEndian<qint32>(qint32(requireInt(in, arg(0))), b.data());
            }
            return bytesValue(b);
        }
    }
    if ((type == QLatin1String("JObject") || type == QLatin1String("JToken")
         || type == QLatin1String("JArray"))
        && argc >= 1) {
        if (m == QLatin1String("Parse"))
            return obj(expectJsonType(in, parseJson(in, requireString(in, arg(0), "json")), type));
        if (m == QLatin1String("FromObject")) {
            const Value t = toJsonToken(in, arg(0));
            if (type != QLatin1String("JToken"))
                expectJsonType(in, jsonOf(t), type);
            return t;
        }
    }
    if (type == QLatin1String("JsonConvert") && argc >= 1) {
        if (m == QLatin1String("SerializeObject")) {
            const bool indented = argc >= 2 && arg(1).isString()
                                  && arg(1).stringValue() == QLatin1String("Indented");
            if (arg(0).isNull())
                return str(QStringLiteral("null"));
            return str(jsonOf(toJsonToken(in, arg(0)))->toJson(indented));
        }
        if (m == QLatin1String("DeserializeObject")) {
            const auto token = parseJson(in, requireString(in, arg(0), "value"));
            const QString target = typeArgument(call);
            if (target.isEmpty() || target == QLatin1String("JObject")
                || target == QLatin1String("JToken") || target == QLatin1String("JArray")
                || target == QLatin1String("Object"))
                return obj(target.isEmpty() || target == QLatin1String("Object")
                                           || target == QLatin1String("JToken")
                                   ? token
                                   : expectJsonType(in, token, target));
            if (target == QLatin1String("Dictionary") && token->type() == JsonToken::Type::Object) {
                auto d = std::make_shared<ScriptDictionary>();
                for (const auto &p : token->children())
                    d->set(p->name(),
                           p->propertyValue()->isValue() ? p->propertyValue()->scalar()
                                                         : obj(p->propertyValue()));
                return obj(d);
            }
            return fromJson(in, token, target);
        }
    }
    if ((type == QLatin1String("XDocument") || type == QLatin1String("XElement"))
        && m == QLatin1String("Parse") && argc >= 1)
        return parseXml(
                in, requireString(in, arg(0), "text"), QLatin1String("System.Xml.Linq.") + type);
    if (hashAlgorithm(type) && m == QLatin1String("Create") && argc == 0)
        return makeHash(type, type, {}, false);
    if (hashAlgorithm(type) && m == QLatin1String("HashData") && argc == 1)
        return bytesValue(QCryptographicHash::hash(requireBytes(in, arg(0)), *hashAlgorithm(type)));
    if (type == QLatin1String("Enumerable")) {
        if (m == QLatin1String("Range") && argc == 2) {
            const qint64 start = requireInt(in, arg(0)), count = requireInt(in, arg(1));
            in.checkSize(count, false);
            QList<Value> items;
            for (qint64 i = 0; i < count; ++i)
                items.append(Value::fromInt(qint32(start + i)));
            return obj(ScriptArray::fromValues(QStringLiteral("Int32"), items));
        }
        if (m == QLatin1String("Repeat") && argc == 2) {
            const qint64 count = requireInt(in, arg(1));
            in.checkSize(count, false);
            return obj(
                    ScriptArray::fromValues(QStringLiteral("Object"), QList<Value>(count, arg(0))));
        }
        if (m == QLatin1String("Empty"))
            return obj(std::make_shared<ScriptArray>(QStringLiteral("Object"), false));
    }
    if ((type == QLatin1String("XmlReader") || type == QLatin1String("XNode"))
        || type == QLatin1String("RSA") || type == QLatin1String("Aes"))
        notSupported(in, type + u'.' + m);
    in.raise(QStringLiteral("System.MissingMethodException"),
             QStringLiteral("'%1' does not contain a method '%2' taking %3 arguments")
                     .arg(type, m)
                     .arg(argc));
}

namespace {

Value dateComponent(In &in, const Value &v, const QString &name)
{
    const qint64 ticks = v.intValue();
    int year, month, day, dow;
    DateTimeFormat::components(ticks, &year, &month, &day, &dow);
    const qint64 tod = ticks % DateTimeFormat::TicksPerDay;
    if (name == QLatin1String("Year"))
        return Value::fromInt(year);
    if (name == QLatin1String("Month"))
        return Value::fromInt(month);
    if (name == QLatin1String("Day"))
        return Value::fromInt(day);
    if (name == QLatin1String("Hour"))
        return Value::fromInt(int(tod / (60 * DateTimeFormat::TicksPerMinute)));
    if (name == QLatin1String("Minute"))
        return Value::fromInt(int(tod / DateTimeFormat::TicksPerMinute % 60));
    if (name == QLatin1String("Second"))
        return Value::fromInt(int(tod / DateTimeFormat::TicksPerSecond % 60));
    if (name == QLatin1String("Millisecond"))
        return Value::fromInt(int(tod / DateTimeFormat::TicksPerMillisecond % 1000));
    if (name == QLatin1String("Ticks"))
        return Value::fromLong(ticks);
    if (name == QLatin1String("DayOfWeek")) {
        static const char *const days[]
                = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
        return str(QLatin1String(days[dow]));
    }
    if (name == QLatin1String("DayOfYear"))
        return Value::fromInt(QDate(year, month, day).dayOfYear());
    if (name == QLatin1String("TimeOfDay"))
        return Value::fromTimeSpan(tod);
    if (v.type() == T::DateTime) {
        if (name == QLatin1String("Date"))
            return Value::fromDateTime(ticks - tod, Value::DateKind(v.extra()));
        if (name == QLatin1String("Kind"))
            return str(v.extra() == 1   ? QStringLiteral("Utc")
                       : v.extra() == 2 ? QStringLiteral("Local")
                                        : QStringLiteral("Unspecified"));
    } else {
        const qint64 utc = ticks - qint64(v.extra()) * DateTimeFormat::TicksPerMinute;
        if (name == QLatin1String("Date"))
            return Value::fromDateTime(ticks - tod, Value::DateKind::Unspecified);
        if (name == QLatin1String("UtcDateTime"))
            return Value::fromDateTime(utc, Value::DateKind::Utc);
        if (name == QLatin1String("DateTime") || name == QLatin1String("LocalDateTime"))
            return Value::fromDateTime(name == QLatin1String("DateTime") ? ticks : utc,
                                       name == QLatin1String("DateTime")
                                               ? Value::DateKind::Unspecified
                                               : Value::DateKind::Local);
        if (name == QLatin1String("Offset"))
            return Value::fromTimeSpan(qint64(v.extra()) * DateTimeFormat::TicksPerMinute);
        if (name == QLatin1String("UtcTicks"))
            return Value::fromLong(utc);
    }
    noMember(in, v, name);
}

Value timeSpanMember(In &in, const Value &v, const QString &name)
{
    const qint64 t = v.intValue();
    const double d = double(t);
    if (name == QLatin1String("TotalSeconds"))
        return Value::fromDouble(d / DateTimeFormat::TicksPerSecond);
    if (name == QLatin1String("TotalMilliseconds"))
        return Value::fromDouble(d / DateTimeFormat::TicksPerMillisecond);
    if (name == QLatin1String("TotalMinutes"))
        return Value::fromDouble(d / DateTimeFormat::TicksPerMinute);
    if (name == QLatin1String("TotalHours"))
        return Value::fromDouble(d / (60.0 * DateTimeFormat::TicksPerMinute));
    if (name == QLatin1String("TotalDays"))
        return Value::fromDouble(d / DateTimeFormat::TicksPerDay);
    if (name == QLatin1String("Days"))
        return Value::fromInt(int(t / DateTimeFormat::TicksPerDay));
    if (name == QLatin1String("Hours"))
        return Value::fromInt(int(t / (60 * DateTimeFormat::TicksPerMinute) % 24));
    if (name == QLatin1String("Minutes"))
        return Value::fromInt(int(t / DateTimeFormat::TicksPerMinute % 60));
    if (name == QLatin1String("Seconds"))
        return Value::fromInt(int(t / DateTimeFormat::TicksPerSecond % 60));
    if (name == QLatin1String("Milliseconds"))
        return Value::fromInt(int(t / DateTimeFormat::TicksPerMillisecond % 1000));
    if (name == QLatin1String("Ticks"))
        return Value::fromLong(t);
    noMember(in, v, name);
}

[[noreturn]] void keyNotFound(In &in, const QString &key)
{
    in.raise(kKeyNotFound,
             QStringLiteral("The given key '%1' was not present in the dictionary.").arg(key));
}

std::shared_ptr<ScriptArray> toArray(In &in,
                                     const Value &source,
                                     const QList<Value> &items,
                                     bool list)
{
    QString element = QStringLiteral("Object");
    if (const auto *a = source.as<ScriptArray>())
        element = a->elementType();
    else if (source.isString())
        element = QStringLiteral("Char");
    if (!items.isEmpty() && element == QLatin1String("Object")) {
        const QString first = items.at(0).typeName();
        bool same = true;
        for (const Value &v : items)
            same &= v.typeName() == first;
        if (same && first.startsWith(QLatin1String("System.")) && !first.contains(u'`'))
            element = first.mid(7);
    }
    in.checkSize(items.size(), false);
    return ScriptArray::fromValues(element, items, list);
}

// Three-way comparison for OrderBy / Min / Max.
int compareValues(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() ? (b.isNull() ? 0 : -1) : 1;
    if (a.isNumeric() && b.isNumeric())
        return a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0;
    if (a.isString() && b.isString())
        return a.stringValue().compare(b.stringValue(), Qt::CaseInsensitive);
    if (a.type() == b.type()
        && (a.type() == T::DateTime || a.type() == T::TimeSpan || a.type() == T::DateTimeOffset))
        return a.intValue() < b.intValue() ? -1 : a.intValue() > b.intValue() ? 1 : 0;
    const QString x = a.toString(), y = b.toString();
    return x < y ? -1 : x > y ? 1 : 0;
}

bool predicate(In &in, const Value &fn, const Value &item)
{
    const Value r = in.invoke(fn, {item});
    if (r.type() != T::Bool)
        castError(in, r, QStringLiteral("System.Boolean"));
    return r.boolValue();
}

[[noreturn]] void noElements(In &in, bool many = false)
{
    in.raise(kInvalidOperation,
             many ? QStringLiteral("Sequence contains more than one matching element")
                  : QStringLiteral("Sequence contains no matching element"));
}

bool isLinq(const QString &m)
{
    static const QSet<QString> names = {"Where",
                                        "Select",
                                        "SelectMany",
                                        "Any",
                                        "All",
                                        "First",
                                        "FirstOrDefault",
                                        "Last",
                                        "LastOrDefault",
                                        "Single",
                                        "SingleOrDefault",
                                        "Count",
                                        "Sum",
                                        "Average",
                                        "Min",
                                        "Max",
                                        "OrderBy",
                                        "OrderByDescending",
                                        "ThenBy",
                                        "ThenByDescending",
                                        "ToArray",
                                        "ToList",
                                        "ToDictionary",
                                        "Distinct",
                                        "Skip",
                                        "Take",
                                        "Reverse",
                                        "Contains",
                                        "Aggregate",
                                        "ElementAt",
                                        "ElementAtOrDefault",
                                        "Cast",
                                        "OfType",
                                        "Concat",
                                        "Except",
                                        "Intersect",
                                        "Union",
                                        "SequenceEqual",
                                        "DefaultIfEmpty",
                                        "AsEnumerable",
                                        "Append",
                                        "Prepend",
                                        "Join"};
    return names.contains(m);
}

Value linq(In &in, const Value &source, const ExpressionNode *call, QList<Value> &args)
{
    const QString &m = call->name;
    const qsizetype argc = args.size();
    QList<Value> items = ExpressionLibrary::enumerate(in, source);
    const Value fn = args.value(0);
    const bool hasFn = fn.as<ScriptFunction>() != nullptr;
    if (m == QLatin1String("Where") && hasFn) {
        QList<Value> out;
        for (const Value &v : items) {
            if (predicate(in, fn, v))
                out.append(v);
        }
        return obj(toArray(in, source, out, false));
    }
    if (m == QLatin1String("Select") && hasFn) {
        QList<Value> out;
        for (qsizetype i = 0; i < items.size(); ++i)
            out.append(in.invoke(fn, {items.at(i), Value::fromInt(int(i))}));
        return obj(toArray(in, Value(), out, false));
    }
    if (m == QLatin1String("SelectMany") && hasFn) {
        QList<Value> out;
        for (const Value &v : items)
            out += ExpressionLibrary::enumerate(in, in.invoke(fn, {v}));
        return obj(toArray(in, Value(), out, false));
    }
    if (m == QLatin1String("Any") || m == QLatin1String("All")) {
        if (argc == 0)
            return Value::fromBool(!items.isEmpty());
        for (const Value &v : items) {
            const bool hit = predicate(in, fn, v);
            if (m == QLatin1String("Any") && hit)
                return Value::fromBool(true);
            if (m == QLatin1String("All") && !hit)
                return Value::fromBool(false);
        }
        return Value::fromBool(m == QLatin1String("All"));
    }
    if (m == QLatin1String("First") || m == QLatin1String("FirstOrDefault")
        || m == QLatin1String("Last") || m == QLatin1String("LastOrDefault")
        || m == QLatin1String("Single") || m == QLatin1String("SingleOrDefault")) {
        QList<Value> matches;
        for (const Value &v : items) {
            if (!hasFn || predicate(in, fn, v))
                matches.append(v);
        }
        const bool orDefault = m.endsWith(QLatin1String("OrDefault"));
        if (m.startsWith(QLatin1String("Single")) && matches.size() > 1)
            noElements(in, true);
        if (matches.isEmpty()) {
            if (orDefault)
                return Value();
            if (!hasFn)
                in.raise(kInvalidOperation, QStringLiteral("Sequence contains no elements"));
            noElements(in);
        }
        return m.startsWith(QLatin1String("Last")) ? matches.last() : matches.first();
    }
    if (m == QLatin1String("Count")) {
        if (!hasFn)
            return Value::fromInt(int(items.size()));
        int count = 0;
        for (const Value &v : items)
            count += predicate(in, fn, v) ? 1 : 0;
        return Value::fromInt(count);
    }
    if (m == QLatin1String("Sum") || m == QLatin1String("Average") || m == QLatin1String("Min")
        || m == QLatin1String("Max")) {
        QList<Value> values;
        for (const Value &v : items)
            values.append(hasFn ? in.invoke(fn, {v}) : v);
        if (m == QLatin1String("Min") || m == QLatin1String("Max")) {
            if (values.isEmpty())
                in.raise(kInvalidOperation, QStringLiteral("Sequence contains no elements"));
            Value best = values.first();
            for (const Value &v : values) {
                const int c = compareValues(v, best);
                if ((m == QLatin1String("Min") && c < 0) || (m == QLatin1String("Max") && c > 0))
                    best = v;
            }
            return best;
        }
        bool real = false;
        double sum = 0;
        qint64 isum = 0;
        for (const Value &v : values) {
            real |= !v.isIntegral();
            sum += requireNumber(in, v);
            isum += v.isIntegral() ? v.intValue() : 0;
        }
        if (m == QLatin1String("Average")) {
            if (values.isEmpty())
                in.raise(kInvalidOperation, QStringLiteral("Sequence contains no elements"));
            return Value::fromDouble(sum / double(values.size()));
        }
        if (!real)
            return values.value(0).type() == T::Int64 ? Value::fromLong(isum)
                                                      : Value::fromInt(qint32(isum));
        return Value::fromDouble(sum);
    }
    if ((m == QLatin1String("OrderBy") || m == QLatin1String("OrderByDescending")
         || m == QLatin1String("ThenBy") || m == QLatin1String("ThenByDescending"))
        && hasFn) {
        QList<QPair<Value, Value>> keyed;
        for (const Value &v : items)
            keyed.append({in.invoke(fn, {v}), v});
        const bool desc = m.endsWith(QLatin1String("Descending"));
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto &a, const auto &b) {
            const int c = compareValues(a.first, b.first);
            return desc ? c > 0 : c < 0;
        });
        QList<Value> out;
        for (const auto &p : keyed)
            out.append(p.second);
        return obj(toArray(in, source, out, false));
    }
    if (m == QLatin1String("ToArray") || m == QLatin1String("ToList")
        || m == QLatin1String("AsEnumerable") || m == QLatin1String("Cast"))
        return obj(toArray(in, source, items, m == QLatin1String("ToList")));
    if (m == QLatin1String("OfType")) {
        QList<Value> out;
        const ExpressionType type = call->typeArguments.value(0);
        for (const Value &v : items) {
            if (ExpressionLibrary::isInstance(v, type))
                out.append(v);
        }
        return obj(toArray(in, Value(), out, false));
    }
    if (m == QLatin1String("ToDictionary") && hasFn) {
        auto d = std::make_shared<ScriptDictionary>();
        for (const Value &v : items) {
            const Value key = in.invoke(fn, {v});
            if (d->contains(key))
                in.raise(kArgumentException,
                         QStringLiteral("An item with the same key has already been added. Key: %1")
                                 .arg(key.toString()));
            d->set(key, argc >= 2 ? in.invoke(args.at(1), {v}) : v);
        }
        return obj(d);
    }
    if (m == QLatin1String("Distinct") || m == QLatin1String("Union")
        || m == QLatin1String("Concat") || m == QLatin1String("Except")
        || m == QLatin1String("Intersect") || m == QLatin1String("Append")
        || m == QLatin1String("Prepend")) {
        QList<Value> other
                = argc >= 1 && (m != QLatin1String("Append") && m != QLatin1String("Prepend"))
                          ? ExpressionLibrary::enumerate(in, args.at(0))
                          : QList<Value>();
        if (m == QLatin1String("Append"))
            return obj(toArray(in, source, items << args.value(0), false));
        if (m == QLatin1String("Prepend")) {
            items.prepend(args.value(0));
            return obj(toArray(in, source, items, false));
        }
        if (m == QLatin1String("Concat"))
            return obj(toArray(in, source, items + other, false));
        QList<Value> out;
        const auto contains = [](const QList<Value> &list, const Value &v) {
            return std::any_of(
                    list.begin(), list.end(), [&](const Value &x) { return x.equals(v); });
        };
        const QList<Value> all = m == QLatin1String("Union") ? items + other : items;
        for (const Value &v : all) {
            if (contains(out, v))
                continue;
            if (m == QLatin1String("Except") && contains(other, v))
                continue;
            if (m == QLatin1String("Intersect") && !contains(other, v))
                continue;
            out.append(v);
        }
        return obj(toArray(in, source, out, false));
    }
    if ((m == QLatin1String("Skip") || m == QLatin1String("Take")) && argc == 1) {
        const qint64 n = qMax<qint64>(0, requireInt(in, args.at(0)));
        return obj(toArray(
                in, source, m == QLatin1String("Skip") ? items.mid(n) : items.mid(0, n), false));
    }
    if (m == QLatin1String("Reverse") && argc == 0) {
        std::reverse(items.begin(), items.end());
        return obj(toArray(in, source, items, false));
    }
    if (m == QLatin1String("Contains") && argc >= 1) {
        const Qt::CaseSensitivity cs = caseOf(args.value(1));
        for (const Value &v : items) {
            if (cs == Qt::CaseInsensitive && v.isString() && args.at(0).isString()
                        ? v.stringValue().compare(args.at(0).stringValue(), Qt::CaseInsensitive)
                                  == 0
                        : v.equals(args.at(0)))
                return Value::fromBool(true);
        }
        return Value::fromBool(false);
    }
    if ((m == QLatin1String("ElementAt") || m == QLatin1String("ElementAtOrDefault"))
        && argc == 1) {
        const qint64 i = requireInt(in, args.at(0));
        if (i < 0 || i >= items.size()) {
            if (m == QLatin1String("ElementAtOrDefault"))
                return Value();
            in.raise(kOutOfRange,
                     QStringLiteral("Index was out of range. Must be non-negative and less than "
                                    "the size of the collection. (Parameter 'index')"));
        }
        return items.at(i);
    }
    if (m == QLatin1String("Aggregate") && argc >= 1) {
        if (argc == 1) {
            if (items.isEmpty())
                in.raise(kInvalidOperation, QStringLiteral("Sequence contains no elements"));
            Value acc = items.first();
            for (qsizetype i = 1; i < items.size(); ++i)
                acc = in.invoke(args.at(0), {acc, items.at(i)});
            return acc;
        }
        Value acc = args.at(0);
        for (const Value &v : items)
            acc = in.invoke(args.at(1), {acc, v});
        return argc == 3 ? in.invoke(args.at(2), {acc}) : acc;
    }
    if (m == QLatin1String("SequenceEqual") && argc == 1) {
        const QList<Value> other = ExpressionLibrary::enumerate(in, args.at(0));
        if (other.size() != items.size())
            return Value::fromBool(false);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).equals(other.at(i)))
                return Value::fromBool(false);
        }
        return Value::fromBool(true);
    }
    if (m == QLatin1String("DefaultIfEmpty"))
        return obj(
                toArray(in, source, items.isEmpty() ? QList<Value>{args.value(0)} : items, false));
    noMember(in, source, m, argc);
}

Value stringMethod(In &in, const QString &s, const ExpressionNode *call, QList<Value> &args)
{
    const QString &m = call->name;
    const qsizetype argc = args.size();
    const auto arg = [&](qsizetype i) {
        return args.value(i);
    };
    const auto text = [&](qsizetype i) {
        return arg(i).type() == T::Char ? QString(QChar(arg(i).charValue()))
                                        : requireString(in, arg(i), "value");
    };
    const auto range = [&](qint64 start, qint64 length) {
        if (start < 0 || length < 0 || start + length > s.size())
            in.raise(kOutOfRange,
                     start > s.size() ? QStringLiteral("startIndex cannot be larger than length of "
                                                       "string. (Parameter 'startIndex')")
                                      : QStringLiteral("Index and length must refer to a location "
                                                       "within the string. (Parameter 'length')"));
    };
    if (m == QLatin1String("Contains") && argc >= 1)
        return Value::fromBool(s.contains(text(0), caseOf(arg(1))));
    if (m == QLatin1String("StartsWith") && argc >= 1)
        return Value::fromBool(s.startsWith(text(0), caseOf(arg(1))));
    if (m == QLatin1String("EndsWith") && argc >= 1)
        return Value::fromBool(s.endsWith(text(0), caseOf(arg(1))));
    if ((m == QLatin1String("IndexOf") || m == QLatin1String("LastIndexOf")) && argc >= 1) {
        const bool last = m == QLatin1String("LastIndexOf");
        qsizetype from = last ? -1 : 0;
        Qt::CaseSensitivity cs = Qt::CaseSensitive;
        if (argc >= 2 && arg(1).isIntegral())
            from = arg(1).intValue();
        if (arg(argc - 1).isString() && argc >= 2)
            cs = caseOf(arg(argc - 1));
        if (from < -1 || from > s.size())
            in.raise(kOutOfRange,
                     QStringLiteral("Index was out of range. Must be non-negative and less than "
                                    "the size of the collection. (Parameter 'startIndex')"));
        return Value::fromInt(
                int(last ? s.lastIndexOf(text(0), from, cs) : s.indexOf(text(0), from, cs)));
    }
    if (m == QLatin1String("IndexOfAny") && argc >= 1) {
        qsizetype best = -1;
        for (const Value &c : ExpressionLibrary::enumerate(in, arg(0))) {
            const qsizetype i = s.indexOf(QChar(c.charValue()));
            if (i >= 0 && (best < 0 || i < best))
                best = i;
        }
        return Value::fromInt(int(best));
    }
    if (m == QLatin1String("Substring") && argc >= 1) {
        const qint64 start = requireInt(in, arg(0));
        const qint64 length = argc >= 2 ? requireInt(in, arg(1)) : s.size() - start;
        range(start, length);
        return str(s.mid(start, length));
    }
    if (m == QLatin1String("Replace") && argc == 2) {
        const QString from = text(0);
        if (from.isEmpty())
            in.raise(kArgumentException,
                     QStringLiteral("String cannot be of zero length. (Parameter 'oldValue')"));
        const QString r = QString(s).replace(from, arg(1).isNull() ? QString() : text(1));
        in.checkSize(r.size(), true);
        return str(r);
    }
    if (m == QLatin1String("Split")) {
        QStringList separators;
        Qt::SplitBehavior behavior = Qt::KeepEmptyParts;
        bool trim = false;
        qint64 count = -1;
        for (const Value &a : args) {
            if (a.type() == T::Char) {
                separators.append(QString(QChar(a.charValue())));
            } else if (a.isString()
                       && (a.stringValue() == QLatin1String("RemoveEmptyEntries")
                           || a.stringValue() == QLatin1String("TrimEntries")
                           || a.stringValue() == QLatin1String("None"))
                       && &a == &args.last() && argc > 1) {
                behavior = a.stringValue() == QLatin1String("RemoveEmptyEntries")
                                   ? Qt::SkipEmptyParts
                                   : Qt::KeepEmptyParts;
                trim = a.stringValue() == QLatin1String("TrimEntries");
            } else if (a.isString()) {
                separators.append(a.stringValue());
            } else if (a.isIntegral()) {
                count = a.intValue();
            } else if (a.isObject()) {
                for (const Value &c : ExpressionLibrary::enumerate(in, a))
                    separators.append(c.toString());
            }
        }
        QStringList parts;
        if (separators.isEmpty()) {
            parts = s.split(QRegularExpression(QStringLiteral("\\s")), behavior);
        } else {
            qsizetype pos = 0;
            while (true) {
                if (count > 0 && parts.size() == count - 1)
                    break;
                qsizetype best = -1, bestLength = 0;
                for (const QString &sep : std::as_const(separators)) {
                    if (sep.isEmpty())
                        continue;
                    const qsizetype i = s.indexOf(sep, pos);
                    if (i >= 0 && (best < 0 || i < best)) {
                        best = i;
                        bestLength = sep.size();
                    }
                }
                if (best < 0)
                    break;
                parts.append(s.mid(pos, best - pos));
                pos = best + bestLength;
            }
            parts.append(s.mid(pos));
            if (trim)
                for (QString &p : parts)
                    p = p.trimmed();
            if (behavior == Qt::SkipEmptyParts)
                parts.removeAll(QString());
        }
        return stringArray(in, parts);
    }
    if ((m == QLatin1String("Trim") || m == QLatin1String("TrimStart")
         || m == QLatin1String("TrimEnd"))) {
        QString chars;
        for (const Value &a : args)
            chars += a.type() == T::Char ? QString(QChar(a.charValue()))
                     : a.isObject() ? joinValues(in, QString(), ExpressionLibrary::enumerate(in, a))
                                    : a.toString();
        const auto strip = [&](QChar c) {
            return chars.isEmpty() ? c.isSpace() : chars.contains(c);
        };
        qsizetype b = 0, e = s.size();
        if (m != QLatin1String("TrimEnd"))
            while (b < e && strip(s.at(b)))
                ++b;
        if (m != QLatin1String("TrimStart"))
            while (e > b && strip(s.at(e - 1)))
                --e;
        return str(s.mid(b, e - b));
    }
    if (m == QLatin1String("ToLower") || m == QLatin1String("ToLowerInvariant"))
        return str(s.toLower());
    if (m == QLatin1String("ToUpper") || m == QLatin1String("ToUpperInvariant"))
        return str(s.toUpper());
    if ((m == QLatin1String("PadLeft") || m == QLatin1String("PadRight")) && argc >= 1) {
        const qint64 width = requireInt(in, arg(0));
        in.checkSize(width, true);
        const QChar fill = argc >= 2 ? QChar(arg(1).charValue()) : QChar(u' ');
        return str(m == QLatin1String("PadLeft") ? s.rightJustified(width, fill)
                                                 : s.leftJustified(width, fill));
    }
    if (m == QLatin1String("Insert") && argc == 2) {
        const qint64 i = requireInt(in, arg(0));
        range(i, 0);
        return str(QString(s).insert(i, text(1)));
    }
    if (m == QLatin1String("Remove") && argc >= 1) {
        const qint64 i = requireInt(in, arg(0));
        const qint64 n = argc >= 2 ? requireInt(in, arg(1)) : s.size() - i;
        range(i, n);
        return str(QString(s).remove(i, n));
    }
    if (m == QLatin1String("ToCharArray"))
        return obj(ScriptArray::fromValues(QStringLiteral("Char"),
                                           ExpressionLibrary::enumerate(in, str(s))));
    if (m == QLatin1String("Equals") && argc >= 1)
        return Value::fromBool(arg(0).isString()
                               && s.compare(arg(0).stringValue(), caseOf(arg(1))) == 0);
    if (m == QLatin1String("CompareTo") && argc == 1) {
        const int c = s.compare(arg(0).toString());
        return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
    }
    if (m == QLatin1String("ToString"))
        return str(s);
    if (m == QLatin1String("GetHashCode"))
        return Value::fromInt(int(qHash(s)));
    if (m == QLatin1String("AsJwt"))
        return parseJwt(s);
    if (m == QLatin1String("AsBasic"))
        return parseBasic(s);
    if ((m == QLatin1String("TryParseJwt") || m == QLatin1String("TryParseBasic")) && argc == 1) {
        args[0] = m == QLatin1String("TryParseJwt") ? parseJwt(s) : parseBasic(s);
        return Value::fromBool(!args.at(0).isNull());
    }
    if (isLinq(m))
        return linq(in, str(s), call, args);
    noMember(in, str(s), m, argc);
}

Value dictionaryGetOrDefault(In &in,
                             const Value *found,
                             const ExpressionNode *call,
                             const QList<Value> &args)
{
    const QString t = typeArgument(call);
    if (!found)
        return args.size() >= 2
                       ? args.at(1)
                       : (t.isEmpty() ? Value()
                                      : ExpressionLibrary::defaultValue({t, {}, 0, false}));
    if (t.isEmpty() || t == QLatin1String("Object") || found->isNull())
        return *found;
    // APIM: "throws an exception if the specified type does not match the actual type".
    const ExpressionType type{
            t, call->typeArguments.at(0).arguments, call->typeArguments.at(0).arrayRank, false};
    if (ExpressionLibrary::isInstance(*found, type))
        return *found;
    if (found->isIntegral() && isNumericType(t)
        && (t == QLatin1String("Int64") || t == QLatin1String("Double")
            || t == QLatin1String("Decimal")))
        return ExpressionLibrary::convert(in, *found, type);
    castError(
            in,
            *found,
            (t.startsWith(u'J') ? QLatin1String("Newtonsoft.Json.Linq.") : QLatin1String("System."))
                    + type.displayName());
}

} // namespace

Value ExpressionLibrary::member(ExpressionInterpreter &in,
                                const Value &receiver,
                                const QString &name)
{
    // Nullable<T>.Value / HasValue on a present value.
    if (!receiver.isObject()
        && (name == QLatin1String("Value") || name == QLatin1String("HasValue")))
        return name == QLatin1String("Value") ? receiver : Value::fromBool(true);
    switch (receiver.type()) {
    case T::String:
        if (name == QLatin1String("Length"))
            return Value::fromInt(int(receiver.stringValue().size()));
        break;
    case T::DateTime:
    case T::DateTimeOffset:
        return dateComponent(in, receiver, name);
    case T::TimeSpan:
        return timeSpanMember(in, receiver, name);
    case T::Object:
        break;
    default:
        if (name == QLatin1String("HasValue"))
            return Value::fromBool(true);
        if (name == QLatin1String("Value"))
            return receiver;
        noMember(in, receiver, name);
    }
    if (!receiver.isObject())
        noMember(in, receiver, name);
    ScriptObject *o = receiver.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Array: {
        const auto *a = static_cast<ScriptArray *>(o);
        if (name == QLatin1String("Length") || name == QLatin1String("Count"))
            return Value::fromInt(int(a->size()));
        break;
    }
    case ScriptObject::Kind::Dictionary: {
        const auto *d = static_cast<ScriptDictionary *>(o);
        if (name == QLatin1String("Count"))
            return Value::fromInt(int(d->size()));
        if (name == QLatin1String("Keys"))
            return obj(toArray(in, Value(), d->keys(), false));
        if (name == QLatin1String("Values"))
            return obj(toArray(in, Value(), d->values(), false));
        break;
    }
    case ScriptObject::Kind::MultiMap: {
        const auto *h = static_cast<HeaderMap *>(o);
        if (name == QLatin1String("Count"))
            return Value::fromInt(int(h->size()));
        if (name == QLatin1String("Keys")) {
            QStringList keys;
            for (const auto &e : h->entries())
                keys.append(e.first);
            return stringArray(in, keys);
        }
        break;
    }
    case ScriptObject::Kind::Json: {
        const auto token = std::static_pointer_cast<JsonToken>(receiver.objectPtr());
        if (name == QLatin1String("Count") && token->isContainer())
            return Value::fromInt(int(token->count()));
        if (name == QLatin1String("Type"))
            return str(token->tokenTypeName());
        if (name == QLatin1String("HasValues"))
            return Value::fromBool(token->isContainer()
                                           ? token->count() > 0
                                           : token->type() == JsonToken::Type::Property);
        if (name == QLatin1String("First") || name == QLatin1String("Last")) {
            if (!token->isContainer() && token->type() != JsonToken::Type::Property)
                in.raise(kInvalidOperation,
                         QStringLiteral("Cannot access child value on %1.").arg(token->typeName()));
            const auto &children = token->children();
            return children.isEmpty() ? Value()
                                      : obj(name == QLatin1String("First") ? children.first()
                                                                           : children.last());
        }
        if (name == QLatin1String("Parent"))
            return obj(token->parent());
        if (name == QLatin1String("Root")) {
            auto root = token;
            while (root->parent())
                root = root->parent();
            return obj(root);
        }
        if (name == QLatin1String("Name") && token->type() == JsonToken::Type::Property)
            return str(token->name());
        if (name == QLatin1String("Value")) {
            if (token->type() == JsonToken::Type::Property)
                return obj(token->propertyValue());
            if (token->isValue())
                return token->scalar();
        }
        if (name == QLatin1String("Path"))
            return str(QString());
        break;
    }
    case ScriptObject::Kind::StringBuilder:
        if (name == QLatin1String("Length"))
            return Value::fromInt(int(static_cast<LibraryObject *>(o)->text.size()));
        break;
    case ScriptObject::Kind::Record: {
        const auto *r = static_cast<ScriptRecord *>(o);
        if (const Value *v = r->find(name))
            return *v;
        if (name == QLatin1String("Message") && r->typeName().endsWith(QLatin1String("Exception")))
            return r->get(QStringLiteral("Message"));
        break;
    }
    case ScriptObject::Kind::Xml: {
        const QDomNode node = static_cast<LibraryObject *>(o)->node;
        if (name == QLatin1String("Root") || name == QLatin1String("DocumentElement"))
            return xmlValue(node.isDocument() ? node.toDocument().documentElement()
                                              : node.ownerDocument().documentElement(),
                            name == QLatin1String("Root")
                                    ? QStringLiteral("System.Xml.Linq.XElement")
                                    : QStringLiteral("System.Xml.XmlElement"));
        if (name == QLatin1String("Value") || name == QLatin1String("InnerText"))
            return str(xmlInnerText(node));
        if (name == QLatin1String("Name"))
            return node.nodeType() == QDomNode::ElementNode
                                   && o->typeName().startsWith(QLatin1String("System.Xml.Linq"))
                           ? xmlName(node)
                           : str(node.nodeName());
        if (name == QLatin1String("LocalName"))
            return str(xmlLocal(node));
        if (name == QLatin1String("Parent"))
            return xmlValue(node.parentNode().isElement() ? node.parentNode() : QDomNode(),
                            o->typeName());
        if (name == QLatin1String("HasValue"))
            return Value::fromBool(true);
        break;
    }
    case ScriptObject::Kind::Body:
    case ScriptObject::Kind::Message:
    case ScriptObject::Kind::Url:
        break;
    default:
        break;
    }
    noMember(in, receiver, name);
}

Value ExpressionLibrary::callMethod(ExpressionInterpreter &in,
                                    const Value &receiver,
                                    const ExpressionNode *call,
                                    QList<Value> &args)
{
    const QString &m = call->name;
    const qsizetype argc = args.size();
    const auto arg = [&](qsizetype i) {
        return args.value(i);
    };
    if (receiver.isNull()) {
        // Extension methods on a null string.
        if (m == QLatin1String("AsJwt") || m == QLatin1String("AsBasic"))
            return Value();
        if (m == QLatin1String("TryParseJwt") || m == QLatin1String("TryParseBasic")) {
            args[0] = Value();
            return Value::fromBool(false);
        }
        in.raiseNullReference();
    }
    if (receiver.isString())
        return stringMethod(in, receiver.stringValue(), call, args);
    if (m == QLatin1String("ToString") && (!receiver.isObject() || argc <= 1)) {
        if (receiver.as<JsonToken>() && argc >= 1 && arg(0).isString())
            return str(format(in, receiver, arg(0).stringValue()));
        if (!receiver.isObject() || receiver.object()->kind() != ScriptObject::Kind::Array)
            return str(format(in, receiver, argc ? arg(0).toString() : QString()));
        return str(receiver.typeName());
    }
    if (m == QLatin1String("Equals") && argc == 1)
        return Value::fromBool(receiver.equals(arg(0)));
    if (m == QLatin1String("GetHashCode") && argc == 0) {
        const QString text = receiver.isObject() ? QString::number(quintptr(receiver.object()))
                                                 : receiver.toString();
        return Value::fromInt(int(qHash(text)));
    }
    if (m == QLatin1String("CompareTo") && argc == 1)
        return Value::fromInt(compareValues(receiver, arg(0)));
    switch (receiver.type()) {
    case T::DateTime:
    case T::DateTimeOffset: {
        static const QHash<QString, qint64> units
                = {{"AddSeconds", DateTimeFormat::TicksPerSecond},
                   {"AddMinutes", DateTimeFormat::TicksPerMinute},
                   {"AddHours", 60 * DateTimeFormat::TicksPerMinute},
                   {"AddDays", DateTimeFormat::TicksPerDay},
                   {"AddMilliseconds", DateTimeFormat::TicksPerMillisecond},
                   {"AddTicks", 1}};
        const auto rebuild = [&](qint64 ticks) {
            return receiver.type() == T::DateTime
                           ? Value::fromDateTime(ticks, Value::DateKind(receiver.extra()))
                           : Value::fromDateTimeOffset(ticks, receiver.extra());
        };
        if (units.contains(m) && argc == 1) {
            double amount;
            if (arg(0).isString()) {
                // APIM samples pass strings (AddSeconds((string)...)), which C# rejects; be
                // explicit.
                castError(in, arg(0), QStringLiteral("System.Double"));
            }
            amount = requireNumber(in, arg(0));
            return rebuild(receiver.intValue()
                           + qint64(std::llround(amount * double(units.value(m)))));
        }
        if ((m == QLatin1String("AddMonths") || m == QLatin1String("AddYears")) && argc == 1) {
            const QDateTime dt = DateTimeFormat::dateTimeFromTicks(receiver.intValue());
            const int n = int(requireInt(in, arg(0)));
            const QDateTime moved
                    = m == QLatin1String("AddMonths") ? dt.addMonths(n) : dt.addYears(n);
            return rebuild(DateTimeFormat::ticksFromDateTime(moved)
                           + receiver.intValue() % DateTimeFormat::TicksPerMillisecond);
        }
        if (m == QLatin1String("Add") && argc == 1 && arg(0).type() == T::TimeSpan)
            return rebuild(receiver.intValue() + arg(0).intValue());
        if (m == QLatin1String("Subtract") && argc == 1) {
            if (arg(0).type() == T::TimeSpan)
                return rebuild(receiver.intValue() - arg(0).intValue());
            return Value::fromTimeSpan(receiver.intValue() - arg(0).intValue());
        }
        if (m == QLatin1String("ToUniversalTime") || m == QLatin1String("ToLocalTime")) {
            if (receiver.type() == T::DateTimeOffset)
                return Value::fromDateTimeOffset(receiver.intValue()
                                                         - qint64(receiver.extra())
                                                                   * DateTimeFormat::TicksPerMinute,
                                                 0);
            return Value::fromDateTime(receiver.intValue(),
                                       m == QLatin1String("ToUniversalTime")
                                               ? Value::DateKind::Utc
                                               : Value::DateKind::Local);
        }
        if ((m == QLatin1String("ToUnixTimeSeconds")
             || m == QLatin1String("ToUnixTimeMilliseconds"))
            && receiver.type() == T::DateTimeOffset) {
            const qint64 utc = receiver.intValue()
                               - qint64(receiver.extra()) * DateTimeFormat::TicksPerMinute
                               - DateTimeFormat::UnixEpochTicks;
            const qint64 unit = m == QLatin1String("ToUnixTimeSeconds")
                                        ? DateTimeFormat::TicksPerSecond
                                        : DateTimeFormat::TicksPerMillisecond;
            return Value::fromLong(utc >= 0 ? utc / unit : -((-utc + unit - 1) / unit));
        }
        break;
    }
    case T::TimeSpan:
        if ((m == QLatin1String("Add") || m == QLatin1String("Subtract")) && argc == 1
            && arg(0).type() == T::TimeSpan)
            return Value::fromTimeSpan(m == QLatin1String("Add")
                                               ? receiver.intValue() + arg(0).intValue()
                                               : receiver.intValue() - arg(0).intValue());
        if (m == QLatin1String("Duration"))
            return Value::fromTimeSpan(qAbs(receiver.intValue()));
        if (m == QLatin1String("Negate"))
            return Value::fromTimeSpan(-receiver.intValue());
        break;
    case T::Guid:
        if (m == QLatin1String("ToByteArray")) {
            const QUuid u(receiver.stringValue());
            QByteArray b(16, 0);
            qToLittleEndian<quint32>(u.data1, b.data());
            qToLittleEndian<quint16>(u.data2, b.data() + 4);
            qToLittleEndian<quint16>(u.data3, b.data() + 6);
            for (int i = 0; i < 8; ++i)
                b[8 + i] = char(u.data4[i]);
            return bytesValue(b);
        }
        break;
    default:
        break;
    }
    if (!receiver.isObject())
        noMember(in, receiver, m, argc);
    ScriptObject *o = receiver.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Array: {
        auto *a = static_cast<ScriptArray *>(o);
        if (m == QLatin1String("Add")) {
            add(in, receiver, args);
            return Value();
        }
        if (a->isList()) {
            if (m == QLatin1String("AddRange") && argc == 1) {
                for (const Value &v : enumerate(in, arg(0)))
                    add(in, receiver, {v});
                return Value();
            }
            if (m == QLatin1String("Remove") && argc == 1) {
                for (qsizetype i = 0; i < a->size(); ++i) {
                    if (a->at(i).equals(arg(0))) {
                        a->removeAt(i);
                        return Value::fromBool(true);
                    }
                }
                return Value::fromBool(false);
            }
            if ((m == QLatin1String("RemoveAt") || m == QLatin1String("Insert")) && argc >= 1) {
                const qint64 i = requireInt(in, arg(0));
                if (i < 0 || i > a->size() || (m == QLatin1String("RemoveAt") && i == a->size()))
                    in.raise(
                            kOutOfRange,
                            QStringLiteral("Index was out of range. Must be non-negative and less "
                                           "than the size of the collection. (Parameter 'index')"));
                if (m == QLatin1String("RemoveAt"))
                    a->removeAt(i);
                else
                    a->insert(i, arg(1));
                return Value();
            }
            if (m == QLatin1String("Clear")) {
                a->clear();
                return Value();
            }
            if (m == QLatin1String("Sort") && argc == 0) {
                std::stable_sort(
                        a->items().begin(), a->items().end(), [](const Value &x, const Value &y) {
                            return compareValues(x, y) < 0;
                        });
                return Value();
            }
        }
        if (m == QLatin1String("IndexOf") && argc == 1) {
            for (qsizetype i = 0; i < a->size(); ++i) {
                if (a->at(i).equals(arg(0)))
                    return Value::fromInt(int(i));
            }
            return Value::fromInt(-1);
        }
        if ((m == QLatin1String("Exists") || m == QLatin1String("Find")
             || m == QLatin1String("FindAll") || m == QLatin1String("FindIndex")
             || m == QLatin1String("TrueForAll"))
            && argc == 1) {
            QList<Value> staticArgs{receiver, arg(0)};
            return callStatic(in, QStringLiteral("Array"), call, staticArgs);
        }
        if (m == QLatin1String("Encrypt") || m == QLatin1String("Decrypt"))
            notSupported(in, QStringLiteral("byte[].%1 (AES)").arg(m));
        if (isLinq(m))
            return linq(in, receiver, call, args);
        break;
    }
    case ScriptObject::Kind::Dictionary: {
        auto *d = static_cast<ScriptDictionary *>(o);
        if (m == QLatin1String("ContainsKey") && argc == 1)
            return Value::fromBool(d->contains(arg(0)));
        if (m == QLatin1String("GetValueOrDefault") && argc >= 1)
            return dictionaryGetOrDefault(in, d->find(arg(0)), call, args);
        if (m == QLatin1String("TryGetValue") && argc == 2) {
            const Value *v = d->find(arg(0));
            args[1] = v ? *v : Value();
            return Value::fromBool(v != nullptr);
        }
        if (m == QLatin1String("Add") && argc == 2) {
            add(in, receiver, args);
            return Value();
        }
        if (m == QLatin1String("Remove") && argc == 1)
            return Value::fromBool(d->remove(arg(0)));
        if (m == QLatin1String("Clear")) {
            d->clear();
            return Value();
        }
        if (m == QLatin1String("ContainsValue") && argc == 1)
            return Value::fromBool(std::any_of(d->values().begin(),
                                               d->values().end(),
                                               [&](const Value &v) { return v.equals(arg(0)); }));
        if (isLinq(m))
            return linq(in, receiver, call, args);
        break;
    }
    case ScriptObject::Kind::MultiMap: {
        auto *h = static_cast<HeaderMap *>(o);
        if (m == QLatin1String("ContainsKey") && argc == 1)
            return Value::fromBool(h->contains(requireString(in, arg(0), "key")));
        if (m == QLatin1String("GetValueOrDefault") && argc >= 1) {
            const QString key = requireString(in, arg(0), "key");
            if (!h->contains(key))
                return argc >= 2 ? arg(1) : Value();
            return str(h->isSingleValued() ? h->values(key).value(0) : h->joined(key));
        }
        if (m == QLatin1String("TryGetValue") && argc == 2) {
            const QString key = requireString(in, arg(0), "key");
            const bool found = h->contains(key);
            args[1] = !found                ? Value()
                      : h->isSingleValued() ? str(h->values(key).value(0))
                                            : stringArray(in, h->values(key));
            return Value::fromBool(found);
        }
        if (m == QLatin1String("ToQueryString") || m == QLatin1String("ToFormUrlEncodedContent")) {
            QStringList parts;
            for (const auto &[name, values] : h->entries()) {
                for (const QString &v : values)
                    parts.append(percentEncode(name) + u'=' + percentEncode(v));
            }
            if (m == QLatin1String("ToQueryString"))
                return parts.isEmpty() ? Value() : str(u'?' + parts.join(u'&'));
            return str(parts.join(u'&'));
        }
        if (isLinq(m))
            return linq(in, receiver, call, args);
        break;
    }
    case ScriptObject::Kind::Body: {
        auto *body = static_cast<MessageBody *>(o);
        const bool preserve = boolArg(call, args, QStringLiteral("preserveContent"), 0);
        if (m == QLatin1String("As") || m == QLatin1String("AsFormUrlEncodedContent")) {
            if (body->isConsumed())
                in.raise(kInvalidOperation,
                         QStringLiteral("The message body has already been read; use "
                                        "As<T>(preserveContent: true) to read it more than once."));
            const QByteArray content = body->content();
            if (!preserve)
                body->consume();
            if (m == QLatin1String("AsFormUrlEncodedContent")) {
                auto form = std::make_shared<HeaderMap>(false);
                for (const QByteArray &pair : content.split('&')) {
                    if (pair.isEmpty())
                        continue;
                    const qsizetype eq = pair.indexOf('=');
                    const auto decode = [](QByteArray b) {
                        return QUrl::fromPercentEncoding(b.replace('+', ' '));
                    };
                    form->append(decode(eq < 0 ? pair : pair.left(eq)),
                                 eq < 0 ? QString() : decode(pair.mid(eq + 1)));
                }
                return obj(form);
            }
            const QString t = typeArgument(call);
            if (t == QLatin1String("String"))
                return str(QString::fromUtf8(content));
            if (t == QLatin1String("Byte"))
                return bytesValue(content);
            if (t == QLatin1String("JObject") || t == QLatin1String("JArray")
                || t == QLatin1String("JToken"))
                return obj(
                        t == QLatin1String("JToken")
                                ? parseJson(in, QString::fromUtf8(content))
                                : expectJsonType(in, parseJson(in, QString::fromUtf8(content)), t));
            if (t == QLatin1String("XDocument") || t == QLatin1String("XElement")
                || t == QLatin1String("XNode"))
                return parseXml(
                        in,
                        QString::fromUtf8(content),
                        QLatin1String("System.Xml.Linq.")
                                + (t == QLatin1String("XNode") ? QStringLiteral("XElement") : t));
            in.raise(kNotSupported,
                     QStringLiteral("As<%1>() is not supported; use string, byte[], JObject, "
                                    "JArray, JToken, XNode, XElement or XDocument.")
                             .arg(t));
        }
        break;
    }
    case ScriptObject::Kind::Json: {
        const auto token = std::static_pointer_cast<JsonToken>(receiver.objectPtr());
        if (m == QLatin1String("Value") && argc <= 1) {
            const auto target
                    = argc == 1 ? jsonOf(index(in, receiver, {args.constData(), 1})) : token;
            const QString t
                    = typeArgument(call).isEmpty() ? QStringLiteral("Object") : typeArgument(call);
            if (t == QLatin1String("JToken") || t == QLatin1String("JObject")
                || t == QLatin1String("JArray"))
                return obj(target);
            return fromJson(in, target, t);
        }
        if (m == QLatin1String("ToObject") && argc == 0) {
            const QString t = typeArgument(call);
            if (t == QLatin1String("Dictionary") || t == QLatin1String("JObject"))
                return t == QLatin1String("JObject") ? receiver : obj(nullptr);
            return fromJson(in, token, t.isEmpty() ? QStringLiteral("Object") : t);
        }
        if ((m == QLatin1String("Property") || m == QLatin1String("GetValue")) && argc == 1) {
            if (token->type() != JsonToken::Type::Object)
                noMember(in, receiver, m, argc);
            const QString name = requireString(in, arg(0), "propertyName");
            return obj(m == QLatin1String("Property") ? token->property(name) : token->value(name));
        }
        if (m == QLatin1String("TryGetValue") && argc == 2
            && token->type() == JsonToken::Type::Object) {
            const auto v = token->value(requireString(in, arg(0), "propertyName"));
            args[1] = obj(v);
            return Value::fromBool(v != nullptr);
        }
        if (m == QLatin1String("ContainsKey") && argc == 1
            && token->type() == JsonToken::Type::Object)
            return Value::fromBool(token->property(requireString(in, arg(0), "propertyName"))
                                   != nullptr);
        if (m == QLatin1String("Properties") || m == QLatin1String("Children")
            || m == QLatin1String("Values")) {
            QList<Value> items;
            for (const auto &c : token->children())
                items.append(
                        obj(m == QLatin1String("Values") && c->type() == JsonToken::Type::Property
                                    ? c->propertyValue()
                                    : c));
            return obj(
                    ScriptArray::fromValues(QStringLiteral("Newtonsoft.Json.Linq.JToken"), items));
        }
        if (m == QLatin1String("SelectToken") && argc >= 1) {
            bool ok = true;
            const auto found = token->selectToken(requireString(in, arg(0), "path"), &ok);
            if (!ok)
                in.raise(QStringLiteral("Newtonsoft.Json.JsonException"),
                         QStringLiteral("Unexpected character while parsing path: %1")
                                 .arg(arg(0).toString()));
            if (!found && argc >= 2 && arg(1).type() == T::Bool && arg(1).boolValue())
                in.raise(QStringLiteral("Newtonsoft.Json.JsonException"),
                         QStringLiteral("Property '%1' does not exist on JObject.")
                                 .arg(arg(0).toString()));
            return obj(found);
        }
        if (m == QLatin1String("Add") || (m == QLatin1String("AddFirst") && argc == 1)) {
            add(in, receiver, args);
            return Value();
        }
        if (m == QLatin1String("Remove")) {
            if (argc == 0)
                return token->remove() ? Value()
                                       : (in.raise(kInvalidOperation,
                                                   QStringLiteral("The parent is missing.")),
                                          Value());
            if (token->type() == JsonToken::Type::Object)
                return Value::fromBool(
                        token->removeProperty(requireString(in, arg(0), "propertyName")));
            if (token->type() == JsonToken::Type::Array) {
                const auto item = jsonOf(arg(0));
                for (const auto &c : token->children()) {
                    if (c == item)
                        return Value::fromBool(c->remove());
                }
                return Value::fromBool(false);
            }
        }
        if (m == QLatin1String("DeepClone"))
            return obj(token->deepClone());
        if (m == QLatin1String("Replace") && argc == 1 && token->parent()) {
            const auto parent = token->parent();
            const auto replacement = jsonOf(toJsonToken(in, arg(0)));
            for (qsizetype i = 0; i < parent->count(); ++i) {
                if (parent->at(i) == token) {
                    if (parent->type() == JsonToken::Type::Property)
                        parent->setPropertyValue(replacement);
                    else
                        parent->setAt(i, replacement);
                }
            }
            return Value();
        }
        if (m == QLatin1String("Descendants")) {
            QList<Value> items;
            std::function<void(const std::shared_ptr<JsonToken> &)> walk
                    = [&](const std::shared_ptr<JsonToken> &t) {
                          for (const auto &c : t->children()) {
                              in.step();
                              items.append(obj(c));
                              walk(c);
                          }
                      };
            walk(token);
            return obj(
                    ScriptArray::fromValues(QStringLiteral("Newtonsoft.Json.Linq.JToken"), items));
        }
        if (isLinq(m) && (token->isContainer()))
            return linq(in, receiver, call, args);
        break;
    }
    case ScriptObject::Kind::StringBuilder: {
        auto *sb = static_cast<LibraryObject *>(o);
        if (m == QLatin1String("Append") || m == QLatin1String("AppendLine")
            || m == QLatin1String("AppendFormat")) {
            QString text = m == QLatin1String("AppendFormat")
                                   ? compositeFormat(in,
                                                     requireString(in, arg(0), "format"),
                                                     spread(in, args, 1))
                                   : (argc ? format(in, arg(0), QString()) : QString());
            if (m == QLatin1String("AppendLine"))
                text += QLatin1String("\r\n");
            in.checkSize(sb->text.size() + text.size(), true);
            sb->text += text;
            return receiver;
        }
        if (m == QLatin1String("Clear")) {
            sb->text.clear();
            return receiver;
        }
        if (m == QLatin1String("Insert") && argc == 2) {
            sb->text.insert(requireInt(in, arg(0)), format(in, arg(1), QString()));
            return receiver;
        }
        if (m == QLatin1String("Replace") && argc == 2) {
            sb->text.replace(arg(0).toString(), arg(1).toString());
            return receiver;
        }
        break;
    }
    case ScriptObject::Kind::Random: {
        auto *r = static_cast<LibraryObject *>(o);
        if (m == QLatin1String("Next")) {
            const qint64 low = argc == 2 ? requireInt(in, arg(0)) : 0;
            const qint64 high = argc == 2   ? requireInt(in, arg(1))
                                : argc == 1 ? requireInt(in, arg(0))
                                            : INT_MAX;
            if (high < low)
                in.raise(kOutOfRange,
                         QStringLiteral("'minValue' cannot be greater than maxValue. (Parameter "
                                        "'minValue')"));
            return Value::fromInt(high == low ? int(low) : int(r->random.bounded(low, high)));
        }
        if (m == QLatin1String("NextDouble"))
            return Value::fromDouble(r->random.generateDouble());
        break;
    }
    case ScriptObject::Kind::Hash: {
        auto *h = static_cast<LibraryObject *>(o);
        if (m == QLatin1String("ComputeHash") && argc >= 1) {
            QByteArray data = requireBytes(in, arg(0));
            if (argc == 3)
                data = data.mid(requireInt(in, arg(1)), requireInt(in, arg(2)));
            const auto algorithm = hashAlgorithm(h->algorithm);
            if (!algorithm)
                notSupported(in, h->algorithm);
            if (h->options)
                return bytesValue(QMessageAuthenticationCode::hash(data, h->key, *algorithm));
            return bytesValue(QCryptographicHash::hash(data, *algorithm));
        }
        if (m == QLatin1String("Dispose") || m == QLatin1String("Clear")
            || m == QLatin1String("Initialize"))
            return Value();
        break;
    }
    case ScriptObject::Kind::Regex: {
        auto *r = static_cast<LibraryObject *>(o);
        QList<Value> staticArgs{arg(0), str(r->text)};
        if (m == QLatin1String("Replace"))
            staticArgs.append(arg(1));
        staticArgs.append(Value::fromInt(r->options));
        return callStatic(in, QStringLiteral("Regex"), call, staticArgs);
    }
    case ScriptObject::Kind::Xml: {
        auto *x = static_cast<LibraryObject *>(o);
        QDomNode node = x->node;
        const QString name = argc >= 1 ? format(in, arg(0), QString()) : QString();
        if (m == QLatin1String("Descendants") || m == QLatin1String("Elements")) {
            QList<Value> items;
            if (m == QLatin1String("Descendants")) {
                xmlDescendants(node, name, items);
            } else {
                const QDomNode parent = node.isDocument() ? node : node;
                for (QDomNode c = parent.firstChild(); !c.isNull(); c = c.nextSibling()) {
                    if (c.isElement()
                        && (name.isEmpty() || xmlLocal(c) == name || c.nodeName() == name))
                        items.append(xmlValue(c, QStringLiteral("System.Xml.Linq.XElement")));
                }
            }
            return obj(ScriptArray::fromValues(QStringLiteral("System.Xml.Linq.XElement"), items));
        }
        if (m == QLatin1String("Element") && argc == 1) {
            for (QDomNode c = node.firstChild(); !c.isNull(); c = c.nextSibling()) {
                if (c.isElement() && (xmlLocal(c) == name || c.nodeName() == name))
                    return xmlValue(c, QStringLiteral("System.Xml.Linq.XElement"));
            }
            return Value();
        }
        if ((m == QLatin1String("Attribute") || m == QLatin1String("GetAttribute")) && argc == 1) {
            const QDomElement e = node.toElement();
            if (e.isNull() || !e.hasAttribute(name))
                return m == QLatin1String("GetAttribute") ? str(QString()) : Value();
            if (m == QLatin1String("GetAttribute"))
                return str(e.attribute(name));
            auto a = std::make_shared<ScriptRecord>(QStringLiteral("System.Xml.Linq.XAttribute"));
            a->set(QStringLiteral("Value"), str(e.attribute(name)));
            a->set(QStringLiteral("Name"), str(name));
            a->set(QStringLiteral("$text"),
                   str(name + QLatin1String("=\"") + e.attribute(name) + u'"'));
            return obj(a);
        }
        if (m == QLatin1String("LoadXml") && argc == 1) {
            QDomDocument doc;
            QString error;
            int line = 0, column = 0;
            if (!doc.setContent(requireString(in, arg(0), "xml"), false, &error, &line, &column))
                in.raise(QStringLiteral("System.Xml.XmlException"),
                         QStringLiteral("%1 Line %2, position %3.")
                                 .arg(error)
                                 .arg(line)
                                 .arg(column));
            x->node = doc;
            return Value();
        }
        if ((m == QLatin1String("SelectSingleNode") || m == QLatin1String("SelectNodes"))
            && argc == 1) {
            // XPath subset: absolute or relative child paths ("/a/b/c", "b/c", "//c").
            QString path = name;
            QList<QDomNode> current{node.isDocument() ? node : node};
            bool descendant = false;
            if (path.startsWith(QLatin1String("//"))) {
                descendant = true;
                path = path.mid(2);
            } else if (path.startsWith(u'/')) {
                current = {node.ownerDocument().isNull() ? node : QDomNode(node.ownerDocument())};
                if (node.isDocument())
                    current = {node};
                path = path.mid(1);
            }
            for (const QString &step : path.split(u'/', Qt::SkipEmptyParts)) {
                QList<QDomNode> next;
                for (const QDomNode &c : current) {
                    if (descendant) {
                        QList<Value> found;
                        xmlDescendants(c, step, found);
                        for (const Value &f : found)
                            next.append(lib(f)->node);
                    } else {
                        for (QDomNode k = c.firstChild(); !k.isNull(); k = k.nextSibling()) {
                            if (k.isElement()
                                && (k.nodeName() == step || step == QLatin1String("*")))
                                next.append(k);
                        }
                    }
                }
                descendant = false;
                current = next;
            }
            if (m == QLatin1String("SelectSingleNode"))
                return current.isEmpty()
                               ? Value()
                               : xmlValue(current.first(), QStringLiteral("System.Xml.XmlElement"));
            QList<Value> items;
            for (const QDomNode &c : current)
                items.append(xmlValue(c, QStringLiteral("System.Xml.XmlElement")));
            return obj(ScriptArray::fromValues(QStringLiteral("System.Xml.XmlNode"), items));
        }
        if (isLinq(m))
            return linq(in, receiver, call, args);
        break;
    }
    case ScriptObject::Kind::Record: {
        const auto *r = static_cast<ScriptRecord *>(o);
        if (const Value *enc = r->find(QStringLiteral("$encoding"))) {
            const QString e = enc->stringValue();
            if (m == QLatin1String("GetBytes") && argc == 1) {
                const QString s = requireString(in, arg(0), "s");
                if (e == QLatin1String("UTF8"))
                    return bytesValue(s.toUtf8());
                if (e == QLatin1String("ASCII")) {
                    QByteArray b = s.toLatin1();
                    for (qsizetype i = 0; i < s.size(); ++i) {
                        if (s.at(i).unicode() > 127)
                            b[i] = '?';
                    }
                    return bytesValue(b);
                }
                return bytesValue(
                        QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2));
            }
            if (m == QLatin1String("GetString") && argc >= 1) {
                QByteArray b = requireBytes(in, arg(0));
                if (argc == 3)
                    b = b.mid(requireInt(in, arg(1)), requireInt(in, arg(2)));
                if (e == QLatin1String("Unicode"))
                    return str(QString::fromUtf16(reinterpret_cast<const char16_t *>(b.constData()),
                                                  b.size() / 2));
                return str(e == QLatin1String("ASCII") ? QString::fromLatin1(b)
                                                       : QString::fromUtf8(b));
            }
        }
        if (r->typeName() == QLatin1String("System.Uri") && m == QLatin1String("GetLeftPart")
            && argc == 1) {
            const QString part = arg(0).toString();
            const QString scheme
                    = r->get(QStringLiteral("Scheme")).toString() + QLatin1String("://");
            if (part == QLatin1String("Scheme"))
                return str(scheme);
            const QString authority = scheme + r->get(QStringLiteral("Authority")).toString();
            if (part == QLatin1String("Authority"))
                return str(authority);
            if (part == QLatin1String("Path"))
                return str(authority + r->get(QStringLiteral("AbsolutePath")).toString());
            return str(authority + r->get(QStringLiteral("PathAndQuery")).toString());
        }
        if (r->typeName().endsWith(QLatin1String("GetRSAPrivateKey"))
            || r->typeName().contains(u"X509"))
            notSupported(in, m);
        break;
    }
    case ScriptObject::Kind::Function:
        break;
    default:
        break;
    }
    if (o->kind() == ScriptObject::Kind::Message || o->kind() == ScriptObject::Kind::Url
        || o->kind() == ScriptObject::Kind::Body)
        noMember(in, receiver, m, argc);
    noMember(in, receiver, m, argc);
}

Value ExpressionLibrary::index(ExpressionInterpreter &in,
                               const Value &receiver,
                               std::span<const Value> indexes)
{
    if (indexes.size() != 1)
        in.raise(kArgumentException,
                 QStringLiteral("Wrong number of indices inside []; expected 1"));
    const Value &key = indexes.front();
    const auto position = [&](qsizetype size) {
        if (!key.isIntegral())
            castError(in, key, QStringLiteral("System.Int32"));
        const qint64 i = key.intValue();
        if (i < 0 || i >= size)
            in.raise(kIndexOutOfRange,
                     QStringLiteral("Index was outside the bounds of the array."));
        return i;
    };
    if (receiver.isString())
        return Value::fromChar(
                receiver.stringValue().at(position(receiver.stringValue().size())).unicode());
    if (!receiver.isObject())
        noMember(in, receiver, QStringLiteral("this[]"));
    ScriptObject *o = receiver.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Array: {
        const auto *a = static_cast<ScriptArray *>(o);
        if (a->isList() && key.isIntegral() && (key.intValue() < 0 || key.intValue() >= a->size()))
            in.raise(kOutOfRange,
                     QStringLiteral("Index was out of range. Must be non-negative and less than "
                                    "the size of the collection. (Parameter 'index')"));
        return a->at(position(a->size()));
    }
    case ScriptObject::Kind::Dictionary: {
        const auto *d = static_cast<ScriptDictionary *>(o);
        if (const Value *v = d->find(key))
            return *v;
        if (key.isNull())
            in.raise(QStringLiteral("System.ArgumentNullException"),
                     QStringLiteral("Value cannot be null. (Parameter 'key')"));
        keyNotFound(in, key.toString());
    }
    case ScriptObject::Kind::MultiMap: {
        const auto *h = static_cast<HeaderMap *>(o);
        const QString name = requireString(in, key, "key");
        if (!h->contains(name))
            keyNotFound(in, name);
        return h->isSingleValued() ? str(h->values(name).value(0))
                                   : stringArray(in, h->values(name));
    }
    case ScriptObject::Kind::Json: {
        const auto token = std::static_pointer_cast<JsonToken>(receiver.objectPtr());
        if (token->type() == JsonToken::Type::Object) {
            if (!key.isString())
                in.raise(kArgumentException,
                         QStringLiteral("Accessed JObject values with invalid key value: %1. "
                                        "Object property name expected.")
                                 .arg(key.toString()));
            return obj(token->value(key.stringValue()));
        }
        if (token->type() == JsonToken::Type::Array) {
            if (!key.isIntegral())
                in.raise(kArgumentException,
                         QStringLiteral("Accessed JArray values with invalid key value: \"%1\". "
                                        "Int32 array index expected.")
                                 .arg(key.toString()));
            if (key.intValue() < 0 || key.intValue() >= token->count())
                in.raise(kOutOfRange,
                         QStringLiteral("Index was out of range. Must be non-negative and less "
                                        "than the size of the collection. (Parameter 'index')"));
            return obj(token->at(key.intValue()));
        }
        if (token->type() == JsonToken::Type::Property)
            return index(in, obj(token->propertyValue()), indexes);
        in.raise(kInvalidOperation,
                 QStringLiteral("Cannot access child value on Newtonsoft.Json.Linq.JValue."));
    }
    case ScriptObject::Kind::StringBuilder: {
        const QString &text = static_cast<LibraryObject *>(o)->text;
        return Value::fromChar(text.at(position(text.size())).unicode());
    }
    default:
        break;
    }
    noMember(in, receiver, QStringLiteral("this[]"));
}

void ExpressionLibrary::setIndex(ExpressionInterpreter &in,
                                 const Value &receiver,
                                 std::span<const Value> indexes,
                                 const Value &value)
{
    if (indexes.size() != 1 || !receiver.isObject())
        noMember(in, receiver, QStringLiteral("this[]"));
    const Value &key = indexes.front();
    ScriptObject *o = receiver.object();
    switch (o->kind()) {
    case ScriptObject::Kind::Array: {
        auto *a = static_cast<ScriptArray *>(o);
        if (!key.isIntegral())
            castError(in, key, QStringLiteral("System.Int32"));
        if (key.intValue() < 0 || key.intValue() >= a->size())
            in.raise(kIndexOutOfRange,
                     QStringLiteral("Index was outside the bounds of the array."));
        a->set(key.intValue(),
               a->elementType() == QLatin1String("Object") || value.isNull()
                       ? value
                       : convert(in, value, {a->elementType(), {}, 0, false}));
        return;
    }
    case ScriptObject::Kind::Dictionary: {
        auto *d = static_cast<ScriptDictionary *>(o);
        if (d == in.context().variables.get())
            in.raise(kNotSupported,
                     QStringLiteral(
                             "context.Variables is read-only in expressions; use set-variable."));
        in.checkSize(d->size() + 1, false);
        d->set(key, value);
        return;
    }
    case ScriptObject::Kind::Json: {
        const auto token = std::static_pointer_cast<JsonToken>(receiver.objectPtr());
        const auto v = jsonOf(toJsonToken(in, value));
        if (token->type() == JsonToken::Type::Object && key.isString()) {
            token->setValue(key.stringValue(), v);
            return;
        }
        if (token->type() == JsonToken::Type::Array && key.isIntegral()) {
            if (key.intValue() < 0 || key.intValue() >= token->count())
                in.raise(kOutOfRange,
                         QStringLiteral("Index was out of range. Must be non-negative and less "
                                        "than the size of the collection. (Parameter 'index')"));
            token->setAt(key.intValue(), v);
            return;
        }
        in.raise(kArgumentException,
                 QStringLiteral("Set JObject values with invalid key value: %1.")
                         .arg(key.toString()));
    }
    default:
        break;
    }
    in.raise(kNotSupported, QStringLiteral("'%1' is read-only.").arg(receiver.typeName()));
}

void ExpressionLibrary::setMember(ExpressionInterpreter &in,
                                  const Value &receiver,
                                  const QString &name,
                                  const Value &value)
{
    if (auto *h = lib(receiver);
        h && h->kind() == ScriptObject::Kind::Hash && name == QLatin1String("Key")) {
        h->key = requireBytes(in, value);
        return;
    }
    if (auto token = jsonOf(receiver);
        token && token->type() == JsonToken::Type::Property && name == QLatin1String("Value")) {
        token->setPropertyValue(jsonOf(toJsonToken(in, value)));
        return;
    }
    in.raise(kNotSupported,
             QStringLiteral("Property '%1' of '%2' cannot be assigned.")
                     .arg(name, receiver.typeName()));
}
