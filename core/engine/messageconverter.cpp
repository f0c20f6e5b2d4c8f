// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageconverter.h"

#include "expr/headermap.h"
#include "expr/httpmessage.h"
#include "expr/messagebody.h"

namespace {

bool repeatsAsLines(QStringView name)
{
    static const QStringList names = {QStringLiteral("user-agent"),
                                      QStringLiteral("www-authenticate"),
                                      QStringLiteral("proxy-authenticate"),
                                      QStringLiteral("cookie"),
                                      QStringLiteral("set-cookie"),
                                      QStringLiteral("warning"),
                                      QStringLiteral("date"),
                                      QStringLiteral("expires"),
                                      QStringLiteral("if-modified-since"),
                                      QStringLiteral("if-unmodified-since"),
                                      QStringLiteral("last-modified"),
                                      QStringLiteral("retry-after")};
    return names.contains(name.toString().toLower());
}

} // namespace

bool MessageConverter::isFramingHeader(QStringView name)
{
    return name.compare(u"content-length", Qt::CaseInsensitive) == 0
           || name.compare(u"transfer-encoding", Qt::CaseInsensitive) == 0
           || name.compare(u"connection", Qt::CaseInsensitive) == 0
           || name.compare(u"keep-alive", Qt::CaseInsensitive) == 0;
}

void MessageConverter::copyHeaders(const HttpHeaders &from, HeaderMap &to)
{
    for (const HttpHeaders::Field &field : from)
        to.append(QString::fromLatin1(field.name), QString::fromLatin1(field.value));
}

HttpHeaders MessageConverter::toWire(const HeaderMap &headers, bool forBackend)
{
    HttpHeaders wire;
    for (const auto &[name, values] : headers.entries()) {
        if (isFramingHeader(name)
            || (forBackend && name.compare(u"host", Qt::CaseInsensitive) == 0))
            continue;
        const QByteArray latin = name.toLatin1();
        if (repeatsAsLines(name)) {
            for (const QString &value : values)
                wire.append(latin, value.toLatin1());
        } else {
            wire.append(latin, values.join(u',').toLatin1());
        }
    }
    return wire;
}

std::shared_ptr<HttpMessage> MessageConverter::responseMessage(const HttpResponse &response)
{
    auto message = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
    message->statusCode = response.status;
    message->statusReason = QString::fromLatin1(response.reasonPhrase());
    copyHeaders(response.headers, *message->headers);
    message->body = std::make_shared<MessageBody>(response.body);
    return message;
}

HttpResponse MessageConverter::toResponse(const HttpMessage &message)
{
    HttpResponse response;
    response.status = message.statusCode;
    response.reason = message.statusReason.toLatin1();
    response.headers = toWire(*message.headers, false);
    response.body = bodyOf(message);
    return response;
}

QByteArray MessageConverter::bodyOf(const HttpMessage &message)
{
    return message.body ? message.body->content() : QByteArray();
}

void MessageConverter::setBody(HttpMessage &message, const QByteArray &content)
{
    if (message.body)
        message.body->setContent(content);
    else
        message.body = std::make_shared<MessageBody>(content);
}
