// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequestparser.h"

#include "http/httppiecebuffer.h"

#include <llhttp.h>

namespace {
// Bytes of the request line besides the target: method, spaces, version, CRLF (upper bound).
constexpr qsizetype RequestLineOverhead = 32;
// ": " and CRLF around each header field.
constexpr qsizetype FieldOverhead = 4;
} // namespace

struct HttpRequestParser::Private
{
    explicit Private(const Limits &limits);

    Limits limits;
    llhttp_t parser;
    llhttp_settings_t settings;
    HttpRequest request;
    HttpPieceBuffer piece; // the target, name or value being parsed
    QByteArray fieldName;
    // The last complete request's target, method and fields, whose arrays the next request shares
    // where it repeats them (see HttpPieceBuffer).
    QByteArray previousTarget;
    QByteArray previousMethod;
    HttpHeaders previousHeaders;
    qsizetype headerBytes = 0;
    qsizetype messageBytes = 0;
    qsizetype fedBefore = 0; // bytes fed in earlier calls, for error offsets
    bool inMessage = false;
    bool headersDone = false;
    bool complete = false;
    bool expectContinue = false;
    int limitStatus = 0;
    QString limitMessage;
    Result failure; // kept once failed, so later feeds repeat it

    int fail(int status, const QString &message);
    int addHeaderBytes(qsizetype count);
    int onHeadersComplete();
    int appendPiece(const char *at, size_t length);

    static Private *self(llhttp_t *p) { return static_cast<Private *>(p->data); }
};

HttpRequestParser::Private::Private(const Limits &limits)
    : limits(limits)
{
    llhttp_settings_init(&settings);
    settings.on_message_begin = [](llhttp_t *p) {
        Private *d = self(p);
        d->request = HttpRequest();
        d->request.headers.reserve(16); // one allocation for a typical header section
        d->headerBytes = RequestLineOverhead;
        d->inMessage = true;
        d->headersDone = false;
        d->complete = false;
        d->expectContinue = false;
        return 0;
    };
    settings.on_url = [](llhttp_t *p, const char *at, size_t length) {
        Private *d = self(p);
        d->piece.append(at, qsizetype(length));
        if (d->piece.size() > d->limits.maxTargetBytes) {
            return d->fail(414,
                           QStringLiteral("request target longer than %1 bytes")
                                   .arg(d->limits.maxTargetBytes));
        }
        return d->addHeaderBytes(qsizetype(length));
    };
    settings.on_url_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->request.target = d->piece.take(&d->previousTarget);
        return 0;
    };
    settings.on_header_field = [](llhttp_t *p, const char *at, size_t length) {
        return self(p)->appendPiece(at, length);
    };
    settings.on_header_field_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->fieldName = d->piece.takeField(
                d->previousHeaders, d->request.headers.size(), &HttpHeaders::Field::name);
        return 0;
    };
    settings.on_header_value = [](llhttp_t *p, const char *at, size_t length) {
        return self(p)->appendPiece(at, length);
    };
    settings.on_header_value_complete = [](llhttp_t *p) {
        Private *d = self(p);
        if (d->request.headers.size() >= d->limits.maxHeaderCount) {
            return d->fail(
                    431,
                    QStringLiteral("more than %1 header fields").arg(d->limits.maxHeaderCount));
        }
        d->request.headers.append(std::move(d->fieldName),
                                  d->piece.takeField(d->previousHeaders,
                                                     d->request.headers.size(),
                                                     &HttpHeaders::Field::value));
        d->fieldName.clear();
        return d->addHeaderBytes(FieldOverhead);
    };
    settings.on_headers_complete = [](llhttp_t *p) {
        return self(p)->onHeadersComplete();
    };
    settings.on_body = [](llhttp_t *p, const char *at, size_t length) {
        Private *d = self(p);
        if (d->request.body.size() + qsizetype(length) > d->limits.maxBodyBytes) {
            return d->fail(413,
                           QStringLiteral("request body larger than %1 bytes")
                                   .arg(d->limits.maxBodyBytes));
        }
        d->request.body.append(at, qsizetype(length));
        return 0;
    };
    settings.on_message_complete = [](llhttp_t *p) {
        Private *d = self(p);
        d->request.keepAlive = llhttp_should_keep_alive(p) != 0;
        d->previousTarget = d->request.target;
        d->previousHeaders = d->request.headers;
        d->inMessage = false;
        d->complete = true;
        // Stop here so the caller gets one request per result and the offset of the next one.
        return int(HPE_PAUSED);
    };
    llhttp_init(&parser, HTTP_REQUEST, &settings);
    parser.data = this;
}

int HttpRequestParser::Private::fail(int status, const QString &message)
{
    limitStatus = status;
    limitMessage = message;
    return HPE_USER;
}

int HttpRequestParser::Private::appendPiece(const char *at, size_t length)
{
    const qsizetype count = qsizetype(length);
    if (const int error = addHeaderBytes(count))
        return error;
    piece.append(at, count);
    return 0;
}

int HttpRequestParser::Private::addHeaderBytes(qsizetype count)
{
    headerBytes += count;
    if (headerBytes > limits.maxHeaderBytes) {
        return fail(
                431,
                QStringLiteral("header section larger than %1 bytes").arg(limits.maxHeaderBytes));
    }
    return 0;
}

int HttpRequestParser::Private::onHeadersComplete()
{
    headersDone = true;
    const char *method = llhttp_method_name(llhttp_method_t(parser.method));
    if (previousMethod != method)
        previousMethod = method;
    request.method = previousMethod;
    request.versionMajor = parser.http_major;
    request.versionMinor = parser.http_minor;
    if (request.versionMajor != 1) {
        return fail(505,
                    QStringLiteral("HTTP version %1.%2 not supported")
                            .arg(request.versionMajor)
                            .arg(request.versionMinor));
    }
    if (parser.method == HTTP_CONNECT)
        return fail(501, QStringLiteral("CONNECT is not supported"));
    // The gateway does not switch protocols: an Upgrade request is served as a plain request and
    // the bytes after it are parsed as the next request.
    parser.upgrade = 0;
    if ((parser.flags & F_CONTENT_LENGTH) && parser.content_length > quint64(limits.maxBodyBytes)) {
        return fail(413,
                    QStringLiteral("declared Content-Length %1 larger than %2 bytes")
                            .arg(parser.content_length)
                            .arg(limits.maxBodyBytes));
    }
    const QByteArray expect = request.headers.value("Expect");
    if (!expect.isEmpty()) {
        if (!HttpHeaders::namesEqual(expect.trimmed(), "100-continue"))
            return fail(417, QStringLiteral("unsupported expectation \"%1\"").arg(expect));
        const bool bodyFollows
                = (parser.flags & F_CHUNKED)
                  || ((parser.flags & F_CONTENT_LENGTH) && parser.content_length > 0);
        expectContinue = bodyFollows && request.versionMinor >= 1;
    }
    return 0;
}

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits())
{}

HttpRequestParser::HttpRequestParser(const Limits &limits)
    : d(std::make_unique<Private>(limits))
{}

HttpRequestParser::~HttpRequestParser() = default;

HttpRequestParser::Result HttpRequestParser::feed(QByteArrayView data)
{
    if (d->failure.status == Status::Error)
        return d->failure;
    d->complete = false;
    d->expectContinue = false;
    const llhttp_errno_t err = llhttp_execute(&d->parser, data.data(), size_t(data.size()));
    Result result;
    if (err == HPE_OK) {
        result.consumed = data.size();
        result.expectContinue = d->expectContinue && d->inMessage;
        d->fedBefore += data.size();
        return result;
    }
    const qsizetype position = llhttp_get_error_pos(&d->parser) - data.data();
    if (err == HPE_PAUSED && d->complete) {
        llhttp_resume(&d->parser);
        result.status = Status::Complete;
        result.consumed = position;
        result.request = std::move(d->request);
        d->request = HttpRequest();
        d->fedBefore += position;
        return result;
    }
    result.status = Status::Error;
    result.consumed = position;
    // Callback failures come back as HPE_USER or as the callback's own code (HPE_CB_*).
    if (d->limitStatus != 0) {
        result.errorStatus = d->limitStatus;
        result.errorMessage
                = d->limitMessage + QStringLiteral(" (at byte %1)").arg(d->fedBefore + position);
    } else {
        result.errorStatus = 400;
        result.errorMessage = QStringLiteral("malformed request at byte %1: %2 (%3)")
                                      .arg(d->fedBefore + position)
                                      .arg(QString::fromLatin1(llhttp_get_error_reason(&d->parser)),
                                           QString::fromLatin1(llhttp_errno_name(err)));
    }
    d->failure = result;
    return result;
}

bool HttpRequestParser::hasPartialMessage() const
{
    return d->inMessage;
}

bool HttpRequestParser::headersComplete() const
{
    return d->inMessage && d->headersDone;
}

const HttpRequestParser::Limits &HttpRequestParser::limits() const
{
    return d->limits;
}
