// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

#include <QByteArray>

// IMessageBody: the bytes of a request or response body with APIM's consume-once semantics:
// As<T>() without preserveContent renders the body unavailable afterwards (the engine then
// forwards an empty body unless set-body replaces it); a second read raises an error.
class MessageBody final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Body;

    explicit MessageBody(const QByteArray &content = {})
        : ScriptObject(Kind::Body)
        , m_content(content)
    {}

    QString typeName() const override { return QStringLiteral("IMessageBody"); }

    const QByteArray &content() const { return m_content; }
    void setContent(const QByteArray &content)
    {
        m_content = content;
        m_consumed = false;
    }
    bool isConsumed() const { return m_consumed; }
    // Marks the body as read by a non-preserving As<T>().
    void consume()
    {
        m_consumed = true;
        m_content.clear();
    }

private:
    QByteArray m_content;
    bool m_consumed = false;
};
