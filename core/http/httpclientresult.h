// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponse.h"

#include <QString>

#include <chrono>

// What an HttpClient exchange ended with: a response, or an error as a value.
struct HttpClientResult
{
    enum class Error {
        None,
        Timeout,           // no response headers within the timeout, or the body stalled
        ConnectionFailure, // refused, reset, or closed before a complete response
        ResponseTooLarge,  // over HttpClient::Limits
        InvalidResponse,   // not parseable HTTP/1.x
        InvalidRequest,    // unreachable origin (https without an address-map entry), bad method
    };

    Error error = Error::None;
    QString errorMessage;
    HttpResponse response;         // Error::None only
    bool reusedConnection = false; // sent on a pooled keep-alive connection
    std::chrono::microseconds elapsed{0};

    bool ok() const { return error == Error::None; }
    static QString errorName(Error error);
};
