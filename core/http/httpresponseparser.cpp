// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpresponseparser.h"

#include "http/httppiecebuffer.h"

#include <llhttp.h>

namespace {
constexpr qsizetype StatusLineOverhead = 16;
constexpr qsizetype FieldOverhead = 4;
} // namespace

struct HttpResponseParser::Private
{
    explicit Private(const Limits &limits);

    Limits limits;
    llhttp_t parser;
    llhttp_settings_t settings;
    HttpResponse response;
    HttpPieceBuffer piece; // the reason, name or value being parsed
    QByteArray fieldName;
    // The last final response's fields. A backend sends mostly the same names and values in the
    // same order on every response: a field equal to the one at its position here shares its
    // arrays instead of allocating new ones.
    HttpHeaders previousHeaders;
    QByteArray previousReason;
    qsizetype headerBytes = 0;
    bool headRequest = false;
    bool inMessage = false;
    bool headersComplete = false;
    bool complete = false;
    bool keepAlive = false;
    bool tooLarge = false;
    QString limitMessage;
    Result failure;

    int addHeaderBytes(qsizetype count);
    int appendPiece(const char *at, size_t length);
    int tooLargeError(const QString &message);
    Result takeComplete(qsizetype consumed);

    static Private *self(llhttp_t *p) { return static_cast<Private *>(p->data); }
};

HttpResponseParser::Private::Private(const Limits &limits)
    : limits(limits)
{
    llhttp_settings_init(&settings);
    settings.on_message_begin = [](llhttp_t *p) {
        Private *d = self(p);
        d->response = HttpResponse();
        d->response.headers.reserve(16);
        d->headerBytes = StatusLineOverhead;
        d->inMessage = true;
        d->headersComplete = false;
        return 0;
    };
    settings.on_status = [](llhttp_t *p, const char *at, size_t length) {
        return self(p)->appendPiece(at, length);
    };
    settings.on_status_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->response.reason = d->piece.take(&d->previousReason);
        return 0;
    };
    settings.on_header_field = [](llhttp_t *p, const char *at, size_t length) {
        return self(p)->appendPiece(at, length);
    };
    settings.on_header_field_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->fieldName = d->piece.takeField(
                d->previousHeaders, d->response.headers.size(), &HttpHeaders::Field::name);
        return 0;
    };
    settings.on_header_value = [](llhttp_t *p, const char *at, size_t length) {
        return self(p)->appendPiece(at, length);
    };
    settings.on_header_value_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->response.headers.append(std::move(d->fieldName),
                                   d->piece.takeField(d->previousHeaders,
                                                      d->response.headers.size(),
                                                      &HttpHeaders::Field::value));
        d->fieldName.clear();
        return d->addHeaderBytes(FieldOverhead);
    };
    settings.on_headers_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->response.status = p->status_code;
        const bool interim = p->status_code >= 100 && p->status_code < 200;
        d->headersComplete = !interim;
        if ((p->flags & F_CONTENT_LENGTH) && p->content_length > quint64(d->limits.maxBodyBytes)) {
            return d->tooLargeError(QStringLiteral("response Content-Length %1 exceeds %2 bytes")
                                            .arg(p->content_length)
                                            .arg(d->limits.maxBodyBytes));
        }
        // 1: the response to HEAD has no body whatever its headers say.
        return d->headRequest && !interim ? 1 : 0;
    };
    settings.on_body = [](llhttp_t *p, const char *at, size_t length) {
        Private *d = self(p);
        if (d->response.body.size() + qsizetype(length) > d->limits.maxBodyBytes) {
            return d->tooLargeError(
                    QStringLiteral("response body exceeds %1 bytes").arg(d->limits.maxBodyBytes));
        }
        d->response.body.append(at, qsizetype(length));
        return 0;
    };
    settings.on_message_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->inMessage = false;
        if (!d->headersComplete) // an interim 1xx response: wait for the final one
            return 0;
        d->keepAlive = llhttp_should_keep_alive(p) != 0;
        d->complete = true;
        d->previousReason = d->response.reason;
        d->previousHeaders = d->response.headers;
        return int(HPE_PAUSED);
    };
    llhttp_init(&parser, HTTP_RESPONSE, &settings);
    parser.data = this;
}

int HttpResponseParser::Private::addHeaderBytes(qsizetype count)
{
    headerBytes += count;
    if (headerBytes > limits.maxHeaderBytes) {
        return tooLargeError(QStringLiteral("response header section exceeds %1 bytes")
                                     .arg(limits.maxHeaderBytes));
    }
    return 0;
}

int HttpResponseParser::Private::appendPiece(const char *at, size_t length)
{
    const qsizetype count = qsizetype(length);
    if (const int error = addHeaderBytes(count))
        return error;
    piece.append(at, count);
    return 0;
}

int HttpResponseParser::Private::tooLargeError(const QString &message)
{
    tooLarge = true;
    limitMessage = message;
    return HPE_USER;
}

HttpResponseParser::Result HttpResponseParser::Private::takeComplete(qsizetype consumed)
{
    Result result;
    result.status = Status::Complete;
    result.consumed = consumed;
    result.keepAlive = keepAlive;
    result.response = std::move(response);
    response = HttpResponse();
    complete = false;
    headersComplete = false;
    return result;
}

HttpResponseParser::HttpResponseParser()
    : HttpResponseParser(Limits())
{}

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : d(std::make_unique<Private>(limits))
{}

HttpResponseParser::~HttpResponseParser() = default;

void HttpResponseParser::setRequestMethod(QByteArrayView method)
{
    d->headRequest = method == "HEAD";
}

HttpResponseParser::Result HttpResponseParser::feed(QByteArrayView data)
{
    if (d->failure.status == Status::Error)
        return d->failure;
    const llhttp_errno_t err = llhttp_execute(&d->parser, data.data(), size_t(data.size()));
    if (err == HPE_OK) {
        Result result;
        result.consumed = data.size();
        return result;
    }
    const qsizetype position = llhttp_get_error_pos(&d->parser) - data.data();
    if ((err == HPE_PAUSED || err == HPE_PAUSED_UPGRADE) && d->complete) {
        if (err == HPE_PAUSED_UPGRADE)
            llhttp_resume_after_upgrade(&d->parser);
        else
            llhttp_resume(&d->parser);
        return d->takeComplete(position);
    }
    Result result;
    result.status = Status::Error;
    result.consumed = position;
    result.tooLarge = d->tooLarge;
    result.errorMessage
            = result.tooLarge
                      ? d->limitMessage
                      : QStringLiteral("malformed response: %1 (%2)")
                                .arg(QString::fromLatin1(llhttp_get_error_reason(&d->parser)),
                                     QString::fromLatin1(llhttp_errno_name(err)));
    d->failure = result;
    return result;
}

HttpResponseParser::Result HttpResponseParser::finish()
{
    if (d->failure.status == Status::Error)
        return d->failure;
    const bool wasInMessage = d->inMessage;
    const llhttp_errno_t err = llhttp_finish(&d->parser);
    if ((err == HPE_OK || err == HPE_PAUSED) && d->complete) {
        Result result = d->takeComplete(0);
        result.keepAlive = false;
        return result;
    }
    Result result;
    result.status = Status::Error;
    result.errorMessage
            = wasInMessage ? QStringLiteral("connection closed before the response was complete")
                           : QStringLiteral("connection closed without a response");
    d->failure = result;
    return result;
}

bool HttpResponseParser::headersComplete() const
{
    return d->headersComplete;
}

bool HttpResponseParser::hasPartialMessage() const
{
    return d->inMessage;
}
