// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httprequest.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

// Incremental HTTP/1.x request parser on llhttp. Pure: bytes in, a result struct out, no I/O.
// Feed whatever arrived; on Complete, feed the bytes after `consumed` again (pipelining). After an
// Error the parser stays failed: the connection must answer errorStatus and close.
class HttpRequestParser
{
public:
    struct Limits
    {
        qsizetype maxTargetBytes = 8 * 1024;       // longer request target: 414
        qsizetype maxHeaderBytes = 32 * 1024;      // request line + header fields: 431
        int maxHeaderCount = 100;                  // more fields: 431
        qsizetype maxBodyBytes = 16 * 1024 * 1024; // declared or de-chunked body: 413
    };

    enum class Status {
        NeedMore, // every byte was consumed, the request is not complete yet
        Complete, // `request` is complete, `consumed` bytes belonged to it
        Error,    // malformed or over a limit: answer errorStatus and close
    };

    struct Result
    {
        Status status = Status::NeedMore;
        qsizetype consumed = 0;
        HttpRequest request; // Complete only
        // The headers of a request carrying "Expect: 100-continue" completed during this feed
        // and its body is still to come: the connection must send "100 Continue" now.
        bool expectContinue = false;
        int errorStatus = 0;  // Error: 400, 413, 414, 417, 431, 501 or 505
        QString errorMessage; // Error: what was wrong, with the byte offset in the message
    };

    HttpRequestParser();
    explicit HttpRequestParser(const Limits &limits);
    ~HttpRequestParser();
    Q_DISABLE_COPY_MOVE(HttpRequestParser)

    Result feed(QByteArrayView data);
    // True between the first byte of a request and its completion.
    bool hasPartialMessage() const;
    // The current partial request's header section is complete (its body is still coming).
    bool headersComplete() const;
    const Limits &limits() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
