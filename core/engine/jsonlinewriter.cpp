// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlinewriter.h"

#include <QString>

void JsonLineWriter::beginObject(QLatin1String key)
{
    separate(key);
    m_out.append('{');
    m_empty.append(true);
}

void JsonLineWriter::endObject()
{
    m_empty.removeLast();
    m_out.append('}');
}

void JsonLineWriter::beginArray(QLatin1String key)
{
    separate(key);
    m_out.append('[');
    m_empty.append(true);
}

void JsonLineWriter::endArray()
{
    m_empty.removeLast();
    m_out.append(']');
}

void JsonLineWriter::string(QLatin1String key, QStringView value)
{
    separate(key);
    appendString(value);
}

void JsonLineWriter::number(QLatin1String key, qint64 value)
{
    separate(key);
    m_out.append(QByteArray::number(value));
}

void JsonLineWriter::boolean(QLatin1String key, bool value)
{
    separate(key);
    m_out.append(value ? "true" : "false");
}

void JsonLineWriter::number(qint64 value)
{
    number(QLatin1String(), value);
}

void JsonLineWriter::separate(QLatin1String key)
{
    if (!m_empty.isEmpty()) {
        if (!m_empty.last())
            m_out.append(',');
        m_empty.last() = false;
    }
    if (!key.isEmpty()) {
        m_out.append('"');
        m_out.append(key.data(), key.size());
        m_out.append("\":");
    }
}

// The escapes of Qt's JSON writer: the two-character forms it uses, \u00xx with lower-case hex
// for the other control characters, everything else as UTF-8 (appendNonAscii).
void JsonLineWriter::appendString(QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    m_out.append('"');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            appendNonAscii(text, i);
            continue;
        }
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            m_out.append(char(c));
            continue;
        }
        m_out.append('\\');
        switch (c) {
        case u'"':
            m_out.append('"');
            break;
        case u'\\':
            m_out.append('\\');
            break;
        case u'\b':
            m_out.append('b');
            break;
        case u'\f':
            m_out.append('f');
            break;
        case u'\n':
            m_out.append('n');
            break;
        case u'\r':
            m_out.append('r');
            break;
        case u'\t':
            m_out.append('t');
            break;
        default:
            m_out.append("u00");
            m_out.append(hex[c >> 4]);
            m_out.append(hex[c & 0xf]);
        }
    }
    m_out.append('"');
}

// UTF-8 as Qt's JSON writer encodes it: a lone surrogate, which has none, becomes \uxxxx.
void JsonLineWriter::appendNonAscii(QStringView text, qsizetype &i)
{
    static constexpr char hex[] = "0123456789abcdef";
    const char16_t c = text[i].unicode();
    char32_t code = c;
    if (QChar::isSurrogate(c)) {
        const bool pair
                = QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        if (!pair) {
            m_out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4)
                m_out.append(hex[(c >> shift) & 0xf]);
            return;
        }
        code = QChar::surrogateToUcs4(c, text[++i].unicode());
    }
    if (code < 0x800) {
        m_out.append(char(0xc0 | (code >> 6)));
    } else if (code < 0x10000) {
        m_out.append(char(0xe0 | (code >> 12)));
        m_out.append(char(0x80 | ((code >> 6) & 0x3f)));
    } else {
        m_out.append(char(0xf0 | (code >> 18)));
        m_out.append(char(0x80 | ((code >> 12) & 0x3f)));
        m_out.append(char(0x80 | ((code >> 6) & 0x3f)));
    }
    m_out.append(char(0x80 | (code & 0x3f)));
}
