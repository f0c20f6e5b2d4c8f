// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QStringView>
#include <QVarLengthArray>

// Appends compact JSON to a byte array, byte for byte as QJsonDocument::Compact writes it, without
// building a QJsonObject. Hand-written because `serve --trace` writes one line per request, and
// QJsonObject's inserts plus the document conversion cost ten times the request itself. The
// caller writes the keys in QJsonObject's order (sorted) where the output must match Qt's.
class JsonLineWriter
{
public:
    explicit JsonLineWriter(QByteArray &out)
        : m_out(out)
    {}

    // An empty key: a value of the enclosing array, or the top-level value.
    void beginObject(QLatin1String key = {});
    void endObject();
    void beginArray(QLatin1String key);
    void endArray();
    void string(QLatin1String key, QStringView value);
    void number(QLatin1String key, qint64 value);
    void boolean(QLatin1String key, bool value);
    // An element of the enclosing array.
    void number(qint64 value);

private:
    void separate(QLatin1String key);
    void appendString(QStringView text);
    // Appends text[i] (and its low surrogate, advancing i past it) as Qt's writer would.
    void appendNonAscii(QStringView text, qsizetype &i);

    QByteArray &m_out;
    // One entry per open object or array: whether it still has no member.
    QVarLengthArray<bool, 8> m_empty;
};
