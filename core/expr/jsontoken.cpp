// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontoken.h"

#include "datetimeformat.h"

#include <QRegularExpression>

#include <cmath>

namespace {

// Recursive-descent JSON reader producing JsonTokens, with Newtonsoft's error wording.
class Reader
{
public:
    explicit Reader(const QString &text)
        : m_text(text)
    {}

    std::shared_ptr<JsonToken> read(QString *error)
    {
        skipSpace();
        auto token = readValue(0);
        skipSpace();
        if (token && m_pos < m_text.size())
            fail(QStringLiteral(
                         "Additional text encountered after finished reading JSON content: %1.")
                         .arg(m_text.at(m_pos)));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return token;
    }

private:
    void fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            int line = 1, col = 0;
            for (qsizetype i = 0; i < m_pos && i < m_text.size(); ++i) {
                if (m_text.at(i) == u'\n') {
                    ++line;
                    col = 0;
                } else {
                    ++col;
                }
            }
            m_error = message
                      + QStringLiteral(" Path '', line %1, position %2.").arg(line).arg(col);
        }
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    std::shared_ptr<JsonToken> readValue(int depth)
    {
        if (depth > 64) {
            fail(QStringLiteral("The reader's MaxDepth of 64 has been exceeded."));
            return nullptr;
        }
        if (m_pos >= m_text.size()) {
            fail(QStringLiteral("Unexpected end of content while loading JObject."));
            return nullptr;
        }
        const QChar c = m_text.at(m_pos);
        if (c == u'{')
            return readObject(depth);
        if (c == u'[')
            return readArray(depth);
        if (c == u'"' || c == u'\'') {
            QString s;
            if (!readString(&s))
                return nullptr;
            return stringToken(s);
        }
        if (c == u'-' || c.isDigit())
            return readNumber();
        for (const auto &[word, value] : {std::pair{QLatin1String("true"), 1},
                                          std::pair{QLatin1String("false"), 0},
                                          std::pair{QLatin1String("null"), -1}}) {
            if (QStringView(m_text).mid(m_pos).startsWith(word)) {
                m_pos += word.size();
                return JsonToken::makeValue(value < 0 ? Value() : Value::fromBool(value == 1));
            }
        }
        fail(QStringLiteral("Unexpected character encountered while parsing value: %1.").arg(c));
        return nullptr;
    }

    static std::shared_ptr<JsonToken> stringToken(const QString &s)
    {
        static const QRegularExpression isoDate(QStringLiteral(
                R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$)"));
        if (s.size() >= 16 && s.size() <= 40 && isoDate.match(s).hasMatch()) {
            qint64 ticks;
            Value::DateKind kind;
            qint32 offset;
            if (DateTimeFormat::parse(s, &ticks, &kind, &offset)) {
                // Newtonsoft converts offset dates to local time; the gateway runs in UTC.
                if (offset != 0 || kind == Value::DateKind::Local) {
                    ticks -= qint64(offset) * DateTimeFormat::TicksPerMinute;
                    kind = Value::DateKind::Local;
                }
                auto token = JsonToken::makeValue(Value::fromDateTime(ticks, kind));
                return token;
            }
        }
        return JsonToken::makeValue(Value::fromString(s));
    }

    bool readString(QString *out)
    {
        const QChar quote = m_text.at(m_pos++);
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == quote)
                return true;
            if (c != u'\\') {
                out->append(c);
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const QChar e = m_text.at(m_pos++);
            switch (e.unicode()) {
            case 'n':
                out->append(u'\n');
                break;
            case 't':
                out->append(u'\t');
                break;
            case 'r':
                out->append(u'\r');
                break;
            case 'b':
                out->append(u'\b');
                break;
            case 'f':
                out->append(u'\f');
                break;
            case 'u': {
                bool ok = false;
                const ushort code = m_text.mid(m_pos, 4).toUShort(&ok, 16);
                if (!ok) {
                    fail(QStringLiteral("Invalid Unicode escape sequence."));
                    return false;
                }
                out->append(QChar(code));
                m_pos += 4;
                break;
            }
            default:
                out->append(e);
            }
        }
        fail(QStringLiteral("Unterminated string. Expected delimiter: %1.").arg(quote));
        return false;
    }

    std::shared_ptr<JsonToken> readNumber()
    {
        static const QRegularExpression number(QStringLiteral(R"(-?\d+(\.\d+)?([eE][+-]?\d+)?)"));
        const QRegularExpressionMatch m
                = number.match(m_text,
                               m_pos,
                               QRegularExpression::NormalMatch,
                               QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            fail(QStringLiteral("Input string '%1' is not a valid number.")
                         .arg(m_text.mid(m_pos, 10)));
            return nullptr;
        }
        m_pos += m.capturedLength();
        const QString text = m.captured();
        if (m.captured(1).isEmpty() && m.captured(2).isEmpty()) {
            bool ok = false;
            const qint64 i = text.toLongLong(&ok);
            if (ok)
                return JsonToken::makeValue(Value::fromLong(i));
        }
        return JsonToken::makeValue(Value::fromDouble(text.toDouble()));
    }

    std::shared_ptr<JsonToken> readObject(int depth)
    {
        auto object = JsonToken::makeObject();
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'}') {
            ++m_pos;
            return object;
        }
        while (m_pos < m_text.size()) {
            skipSpace();
            QString name;
            if (m_pos < m_text.size() && (m_text.at(m_pos) == u'"' || m_text.at(m_pos) == u'\'')) {
                if (!readString(&name))
                    return nullptr;
            } else {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size()
                       && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                    ++m_pos;
                name = m_text.mid(start, m_pos - start);
                if (name.isEmpty()) {
                    fail(QStringLiteral("Invalid property identifier character: %1.")
                                 .arg(m_pos < m_text.size() ? m_text.at(m_pos) : u' '));
                    return nullptr;
                }
            }
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) != u':') {
                fail(QStringLiteral(
                        "Invalid character after parsing property name. Expected ':'."));
                return nullptr;
            }
            ++m_pos;
            skipSpace();
            auto value = readValue(depth + 1);
            if (!value)
                return nullptr;
            object->setValue(name, value);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text.at(m_pos) == u'}') {
                ++m_pos;
                return object;
            }
            break;
        }
        fail(QStringLiteral("Unexpected end of content while loading JObject."));
        return nullptr;
    }

    std::shared_ptr<JsonToken> readArray(int depth)
    {
        auto array = JsonToken::makeArray();
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == u']') {
            ++m_pos;
            return array;
        }
        while (m_pos < m_text.size()) {
            skipSpace();
            auto value = readValue(depth + 1);
            if (!value)
                return nullptr;
            array->add(value);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text.at(m_pos) == u']') {
                ++m_pos;
                return array;
            }
            break;
        }
        fail(QStringLiteral("Unexpected end of content while loading JArray."));
        return nullptr;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

void writeString(QString &out, const QString &s)
{
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        case '\f':
            out += QLatin1String("\\f");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

} // namespace

std::shared_ptr<JsonToken> JsonToken::makeProperty(const QString &name,
                                                   std::shared_ptr<JsonToken> value)
{
    auto property = std::make_shared<JsonToken>(Type::Property);
    property->m_name = name;
    property->setPropertyValue(std::move(value));
    return property;
}

std::shared_ptr<JsonToken> JsonToken::makeValue(const Value &value)
{
    Type type = Type::Null;
    Value scalar = value;
    switch (value.type()) {
    case Value::Type::Null:
        type = Type::Null;
        break;
    case Value::Type::Bool:
        type = Type::Boolean;
        break;
    case Value::Type::Int32:
    case Value::Type::Int64:
        type = Type::Integer;
        scalar = Value::fromLong(value.intValue());
        break;
    case Value::Type::Double:
    case Value::Type::Decimal:
        type = Type::Float;
        scalar = Value::fromDouble(value.toDouble());
        break;
    case Value::Type::DateTime:
        type = Type::Date;
        break;
    default:
        type = Type::String;
        scalar = Value::fromString(value.toString());
        break;
    }
    auto token = std::make_shared<JsonToken>(type);
    token->m_scalar = scalar;
    return token;
}

std::shared_ptr<JsonToken> JsonToken::parse(const QString &text, QString *error)
{
    return Reader(text).read(error);
}

QString JsonToken::typeName() const
{
    switch (m_type) {
    case Type::Object:
        return QStringLiteral("Newtonsoft.Json.Linq.JObject");
    case Type::Array:
        return QStringLiteral("Newtonsoft.Json.Linq.JArray");
    case Type::Property:
        return QStringLiteral("Newtonsoft.Json.Linq.JProperty");
    default:
        return QStringLiteral("Newtonsoft.Json.Linq.JValue");
    }
}

QString JsonToken::tokenTypeName() const
{
    static const char *const names[] = {
            "Object", "Array", "Property", "String", "Integer", "Float", "Boolean", "Null", "Date"};
    return QLatin1String(names[int(m_type)]);
}

void JsonToken::setPropertyValue(std::shared_ptr<JsonToken> value)
{
    value = adopt(value ? std::move(value) : makeValue(Value()));
    if (m_children.isEmpty())
        m_children.append(value);
    else
        m_children[0] = value;
}

std::shared_ptr<JsonToken> JsonToken::adopt(std::shared_ptr<JsonToken> token)
{
    if (!token->m_parent.expired())
        token = token->deepClone();
    token->m_parent = weak_from_this();
    return token;
}

std::shared_ptr<JsonToken> JsonToken::property(const QString &name) const
{
    for (const auto &child : m_children) {
        if (child->m_name == name)
            return child;
    }
    return nullptr;
}

std::shared_ptr<JsonToken> JsonToken::value(const QString &name) const
{
    const auto p = property(name);
    return p ? p->propertyValue() : nullptr;
}

void JsonToken::setValue(const QString &name, std::shared_ptr<JsonToken> value)
{
    if (const auto p = property(name)) {
        p->setPropertyValue(std::move(value));
        return;
    }
    auto p = std::make_shared<JsonToken>(Type::Property);
    p->m_name = name;
    p->m_parent = weak_from_this();
    m_children.append(p);
    p->setPropertyValue(std::move(value));
}

bool JsonToken::addProperty(const QString &name, std::shared_ptr<JsonToken> value)
{
    if (property(name))
        return false;
    setValue(name, std::move(value));
    return true;
}

bool JsonToken::removeProperty(const QString &name)
{
    const auto p = property(name);
    return p && p->remove();
}

bool JsonToken::add(std::shared_ptr<JsonToken> token)
{
    if (m_type == Type::Object) {
        if (token->m_type != Type::Property || property(token->m_name))
            return false;
    } else if (m_type != Type::Array) {
        return false;
    }
    m_children.append(adopt(std::move(token)));
    return true;
}

bool JsonToken::remove()
{
    const auto parent = m_parent.lock();
    if (!parent)
        return false;
    for (qsizetype i = 0; i < parent->m_children.size(); ++i) {
        if (parent->m_children.at(i).get() == this) {
            parent->m_children.removeAt(i);
            m_parent.reset();
            return true;
        }
    }
    return false;
}

void JsonToken::setAt(qsizetype index, std::shared_ptr<JsonToken> value)
{
    m_children[index] = adopt(std::move(value));
}

std::shared_ptr<JsonToken> JsonToken::deepClone() const
{
    auto copy = std::make_shared<JsonToken>(m_type);
    copy->m_name = m_name;
    copy->m_scalar = m_scalar;
    for (const auto &child : m_children) {
        auto c = child->deepClone();
        c->m_parent = copy;
        copy->m_children.append(c);
    }
    return copy;
}

std::shared_ptr<JsonToken> JsonToken::selectToken(const QString &path, bool *ok) const
{
    *ok = true;
    auto current = std::const_pointer_cast<JsonToken>(shared_from_this());
    qsizetype i = 0;
    if (path.startsWith(u'$'))
        i = 1;
    while (i < path.size() && current) {
        const QChar c = path.at(i);
        if (c == u'.') {
            ++i;
            continue;
        }
        if (c == u'[') {
            const qsizetype end = path.indexOf(u']', i);
            if (end < 0) {
                *ok = false;
                return nullptr;
            }
            QString inner = path.mid(i + 1, end - i - 1).trimmed();
            i = end + 1;
            if (inner.startsWith(u'\'') && inner.endsWith(u'\'') && inner.size() >= 2) {
                current = current->m_type == Type::Object
                                  ? current->value(inner.mid(1, inner.size() - 2))
                                  : nullptr;
                continue;
            }
            bool isInt = false;
            const int index = inner.toInt(&isInt);
            if (!isInt) {
                *ok = false;
                return nullptr;
            }
            current = current->m_type == Type::Array ? current->at(index) : nullptr;
            continue;
        }
        qsizetype end = i;
        while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[')
            ++end;
        const QString name = path.mid(i, end - i);
        i = end;
        current = current->m_type == Type::Object ? current->value(name) : nullptr;
    }
    return current;
}

static QString floatText(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    QString s = Value::fromDouble(d).toString();
    if (!s.contains(u'.') && !s.contains(u'E'))
        s += QLatin1String(".0");
    return s;
}

void JsonToken::write(QString &out, bool indented, int depth) const
{
    const auto newline = [&](int level) {
        if (indented) {
            out += u'\n';
            out += QString(level * 2, u' ');
        }
    };
    switch (m_type) {
    case Type::Object:
    case Type::Array: {
        const bool isObject = m_type == Type::Object;
        out += isObject ? u'{' : u'[';
        if (m_children.isEmpty()) {
            out += isObject ? u'}' : u']';
            return;
        }
        for (qsizetype i = 0; i < m_children.size(); ++i) {
            if (i)
                out += u',';
            newline(depth + 1);
            m_children.at(i)->write(out, indented, depth + 1);
        }
        newline(depth);
        out += isObject ? u'}' : u']';
        return;
    }
    case Type::Property:
        writeString(out, m_name);
        out += indented ? QLatin1String(": ") : QLatin1String(":");
        propertyValue()->write(out, indented, depth);
        return;
    case Type::String:
        writeString(out, m_scalar.stringValue());
        return;
    case Type::Integer:
        out += QString::number(m_scalar.intValue());
        return;
    case Type::Float:
        out += floatText(m_scalar.toDouble());
        return;
    case Type::Boolean:
        out += m_scalar.boolValue() ? QLatin1String("true") : QLatin1String("false");
        return;
    case Type::Null:
        out += QLatin1String("null");
        return;
    case Type::Date: {
        QString iso = DateTimeFormat::format(m_scalar.intValue(),
                                             Value::DateKind(m_scalar.extra()),
                                             0,
                                             false,
                                             QStringLiteral("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"));
        writeString(out, iso);
        return;
    }
    }
}

QString JsonToken::toJson(bool indented) const
{
    QString out;
    write(out, indented, 0);
    return out;
}

QString JsonToken::toString() const
{
    if (isValue())
        return m_scalar.toString();
    return toJson(true);
}
