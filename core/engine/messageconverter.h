// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"
#include "http/httpresponse.h"

#include <QByteArray>
#include <QString>

#include <memory>

class HeaderMap;
class HttpMessage;
struct HttpRequest;

// Between the wire (HttpRequest/HttpResponse/HttpHeaders) and the context model (HttpMessage with
// HeaderMap), applying APIM's header rules on the way out.
class MessageConverter
{
public:
    // Multiple values joined with "," except for the headers whose values hold commas or dates,
    // which go out as repeated lines (set-header usage notes). forBackend drops Host and the
    // framing headers HttpClient and HttpServer set themselves.
    static HttpHeaders toWire(const HeaderMap &headers, bool forBackend);
    static std::shared_ptr<HttpMessage> responseMessage(const HttpResponse &response);
    static HttpResponse toResponse(const HttpMessage &message);
    // The body bytes a message would send now (empty once consumed without preserveContent).
    static QByteArray bodyOf(const HttpMessage &message);
    static void setBody(HttpMessage &message, const QByteArray &content);
    static bool isFramingHeader(QStringView name);
};
