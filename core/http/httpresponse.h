// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>

// An HTTP response as a value: what a handler answers, what the backend client returns.
struct HttpResponse
{
    int status = 200;
    QByteArray reason; // empty: the standard reason phrase for status
    HttpHeaders headers;
    QByteArray body;

    HttpResponse() = default;
    HttpResponse(int status, QByteArray body = {}, QByteArray contentType = {});

    // The reason to put on the status line: reason, or the standard phrase.
    QByteArrayView reasonPhrase() const;
    // reasonPhrase() as text, shared with standardReasonText() when it is the standard phrase.
    QString reasonText() const;
    // RFC 9110 6.4.1: 1xx, 204 and 304 never carry content.
    bool statusAllowsBody() const;

    // A view of a literal: naming the phrase allocates nothing.
    static QByteArrayView standardReason(int status);
    // The same phrase as text, one shared string per status: every proxied response names it.
    static QString standardReasonText(int status);

    friend bool operator==(const HttpResponse &, const HttpResponse &) = default;
};
