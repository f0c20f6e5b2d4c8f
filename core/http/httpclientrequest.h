// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QUrl>

#include <chrono>

// A request for HttpClient to forward. Sent as given: nothing is added but Host (from url, when
// absent) and the Content-Length framing of the buffered body.
struct HttpClientRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    // Absolute URL: its origin picks the connection (through the HttpAddressMap); its path and
    // query form the request target unless target is set.
    QUrl url;
    // Raw request target to send verbatim (e.g. the client's own, unnormalised); empty: from url.
    QByteArray target;
    // In order, with case and repeats; Content-Length and Transfer-Encoding are replaced.
    HttpHeaders headers;
    QByteArray body;
    // Until the response headers have arrived, connecting included (forward-request timeout).
    std::chrono::milliseconds timeout{300000};
};
