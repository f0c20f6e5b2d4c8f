// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageconverter.h"

#include "expr/headermap.h"
#include "expr/httpmessage.h"
#include "expr/messagebody.h"

#include <algorithm>
#include <iterator>

namespace {

// Lengths first: most header names differ in length, and these run for every header of every
// request and response. Latin-1 constants, whose lengths are known at compile time.
bool namesEqual(QStringView a, QLatin1String b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool repeatsAsLines(QStringView name)
{
    static constexpr QLatin1String names[] = {QLatin1String("user-agent"),
                                              QLatin1String("www-authenticate"),
                                              QLatin1String("proxy-authenticate"),
                                              QLatin1String("cookie"),
                                              QLatin1String("set-cookie"),
                                              QLatin1String("warning"),
                                              QLatin1String("date"),
                                              QLatin1String("expires"),
                                              QLatin1String("if-modified-since"),
                                              QLatin1String("if-unmodified-since"),
                                              QLatin1String("last-modified"),
                                              QLatin1String("retry-after")};
    return std::any_of(std::begin(names), std::end(names), [name](QLatin1String candidate) {
        return namesEqual(name, candidate);
    });
}

} // namespace

bool MessageConverter::isFramingHeader(QStringView name)
{
    static constexpr QLatin1String names[] = {QLatin1String("content-length"),
                                              QLatin1String("transfer-encoding"),
                                              QLatin1String("connection"),
                                              QLatin1String("keep-alive")};
    return std::any_of(std::begin(names), std::end(names), [name](QLatin1String candidate) {
        return namesEqual(name, candidate);
    });
}

void MessageConverter::copyHeaders(const HttpHeaders &from, HeaderMap &to)
{
    to.reserve(to.size() + from.size()); // an upper bound (repeats share an entry): no regrowth
    for (const HttpHeaders::Field &field : from)
        to.append(QString::fromLatin1(field.name), QString::fromLatin1(field.value));
}

HttpHeaders MessageConverter::toWire(const HeaderMap &headers, bool forBackend)
{
    HttpHeaders wire;
    wire.reserve(headers.size());
    for (const auto &[name, values] : headers.entries()) {
        if (isFramingHeader(name) || (forBackend && namesEqual(name, QLatin1String("host"))))
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
