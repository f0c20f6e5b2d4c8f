// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponse.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

// Incremental HTTP/1.x response parser on llhttp, the backend client's half of
// HttpRequestParser: pure, one result per response, interim 1xx responses skipped.
class HttpResponseParser
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024;
        qsizetype maxBodyBytes = 64 * 1024 * 1024;
    };

    enum class Status { NeedMore, Complete, Error };

    struct Result
    {
        Status status = Status::NeedMore;
        qsizetype consumed = 0;
        HttpResponse response;  // Complete only
        bool keepAlive = false; // Complete: the connection may carry another request
        bool tooLarge = false;  // Error: a limit was exceeded rather than bad syntax
        QString errorMessage;
    };

    HttpResponseParser();
    explicit HttpResponseParser(const Limits &limits);
    ~HttpResponseParser();
    Q_DISABLE_COPY_MOVE(HttpResponseParser)

    // The method of the request the next response answers: a HEAD response has no body.
    void setRequestMethod(QByteArrayView method);
    Result feed(QByteArrayView data);
    // The peer closed the connection: completes a body delimited by the close, else an error.
    Result finish();
    // The final (non-1xx) response's header section has been parsed.
    bool headersComplete() const;
    // Some byte of a response has been seen and the response is not complete.
    bool hasPartialMessage() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
