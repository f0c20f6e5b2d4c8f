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

// What the gateway frames itself on each side: never copied from one message to another.
constexpr QLatin1String framingNames[] = {QLatin1String("content-length"),
                                          QLatin1String("transfer-encoding"),
                                          QLatin1String("connection"),
                                          QLatin1String("keep-alive")};

bool isFramingName(QByteArrayView name)
{
    return std::any_of(std::begin(framingNames), std::end(framingNames), [name](QLatin1String n) {
        return HttpHeaders::namesEqual(name, QByteArrayView(n.data(), n.size()));
    });
}

// Whether fields would go out unchanged through a HeaderMap and the joining rules of toWire: no
// name repeats (a repeat is joined with ',' or keeps its first spelling), and only ASCII names
// (the only ones where byte-wise and QString case folding agree; a parser accepts no others).
bool passesThrough(const HttpHeaders &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QByteArray &name = fields.at(i).name;
        if (std::any_of(name.cbegin(), name.cend(), [](char c) { return uchar(c) >= 0x80; }))
            return false;
        for (qsizetype j = i + 1; j < fields.size(); ++j) {
            if (HttpHeaders::namesEqual(name, fields.at(j).name))
                return false;
        }
    }
    return true;
}

} // namespace

bool MessageConverter::isFramingHeader(QStringView name)
{
    return std::any_of(std::begin(framingNames), std::end(framingNames), [name](QLatin1String n) {
        return namesEqual(name, n);
    });
}

HttpHeaders MessageConverter::toWire(const HeaderMap &headers, bool forBackend)
{
    // Headers no policy read or changed go out as they came, minus what this side sets itself.
    if (const HttpHeaders *fields = headers.wireHeaders(); fields && passesThrough(*fields)) {
        // Built by appending what is kept: cheaper than copying all and removing in place.
        HttpHeaders wire;
        wire.reserve(fields->size());
        for (const HttpHeaders::Field &field : *fields) {
            if (!isFramingName(field.name)
                && !(forBackend && HttpHeaders::namesEqual(field.name, "host"))) {
                wire.append(field.name, field.value);
            }
        }
        return wire;
    }
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
    message->statusReason = response.reasonText();
    message->headers->setWireHeaders(response.headers);
    message->body = std::make_shared<MessageBody>(response.body);
    return message;
}

HttpResponse MessageConverter::toResponse(const HttpMessage &message)
{
    HttpResponse response;
    response.status = message.statusCode;
    // Left empty (the standard phrase) when it is the standard one: no conversion per response.
    const QByteArrayView standard = HttpResponse::standardReason(message.statusCode);
    if (message.statusReason != QLatin1StringView(standard.data(), standard.size()))
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
