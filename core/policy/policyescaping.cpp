// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyescaping.h"

#include "expressionscanner.h"

bool PolicyEscaping::isExpression(QStringView value)
{
    const QStringView trimmed = value.trimmed();
    return trimmed.size() >= 2 && trimmed.at(0) == u'@'
           && (trimmed.at(1) == u'(' || trimmed.at(1) == u'{');
}

QString PolicyEscaping::escapeAttribute(const QString &value, QChar quote)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'&')
            out += QLatin1String("&amp;");
        else if (c == u'<')
            out += QLatin1String("&lt;");
        else if (c == quote)
            out += quote == u'"' ? QLatin1String("&quot;") : QLatin1String("&apos;");
        else
            out += c;
    }
    return out;
}

QString PolicyEscaping::escapeText(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'&')
            out += QLatin1String("&amp;");
        else if (c == u'<')
            out += QLatin1String("&lt;");
        else if (c == u'>' && out.endsWith(QLatin1String("]]")))
            out += QLatin1String("&gt;"); // "]]>" is not allowed in XML text
        else
            out += c;
    }
    return out;
}

static bool decodeReference(QStringView name, QString &out)
{
    static const struct
    {
        const char16_t *name;
        char16_t value;
    } predefined[]
            = {{u"amp", u'&'}, {u"lt", u'<'}, {u"gt", u'>'}, {u"quot", u'"'}, {u"apos", u'\''}};
    for (const auto &entity : predefined) {
        if (name == QStringView(entity.name)) {
            out += QChar(entity.value);
            return true;
        }
    }
    if (name.size() < 2 || name.at(0) != u'#')
        return false;
    bool ok = false;
    const bool hex = name.at(1) == u'x';
    const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
    if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return false;
    const char32_t ucs4 = code;
    out += QString::fromUcs4(&ucs4, 1);
    return true;
}

QString PolicyEscaping::decodeEntities(QStringView raw)
{
    if (!raw.contains(u'&'))
        return raw.toString();
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == u'&') {
            const qsizetype semicolon = raw.indexOf(u';', i + 1);
            if (semicolon > i + 1 && semicolon - i <= 10
                && decodeReference(raw.mid(i + 1, semicolon - i - 1), out)) {
                i = semicolon;
                continue;
            }
        }
        out += raw.at(i);
    }
    return out;
}

bool PolicyEscaping::canWriteRaw(const QString &value)
{
    if (!isExpression(value))
        return false;
    qsizetype start = 0;
    while (value.at(start).isSpace())
        ++start;
    const ExpressionScanResult scan = ExpressionScanner::scan(value, start);
    return scan.ok() && QStringView(value).mid(scan.end).trimmed().isEmpty();
}

// In the raw form a '&' that spells a reference would be read back decoded; escaping every '&'
// then keeps the rest raw and reads back exactly.
static QString escapeAmpersands(const QString &value)
{
    if (PolicyEscaping::decodeEntities(value) == value)
        return value;
    QString out = value;
    return out.replace(u'&', QLatin1String("&amp;"));
}

// An expression that cannot be written raw (it does not balance) is escaped, and so is its '@':
// the reader then takes it as text instead of failing on it, and the expression compiler reports
// what is wrong with it, at the right place.
static QString escapeExpressionMarker(QString escaped)
{
    const qsizetype at = escaped.indexOf(u'@');
    return PolicyEscaping::isExpression(escaped) ? escaped.replace(at, 1, QLatin1String("&#64;"))
                                                 : escaped;
}

QString PolicyEscaping::attributeSource(const QString &value, QChar quote)
{
    if (canWriteRaw(value))
        return escapeAmpersands(value);
    return escapeExpressionMarker(escapeAttribute(value, quote));
}

QString PolicyEscaping::textSource(const QString &value)
{
    if (canWriteRaw(value))
        return escapeAmpersands(value);
    return escapeExpressionMarker(escapeText(value));
}
