// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QByteArray>
#include <QHostAddress>

// One HTTP/1.x request as received by the gateway: the request line and headers exactly as sent
// (header case and repeats kept), the de-chunked body and where it came from.
struct HttpRequest
{
    QByteArray method; // "GET", as sent
    QByteArray target; // origin-form request target, e.g. "/echo/a%20b?x=1&y"
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    QByteArray body; // chunked transfer coding removed
    // False when the client asked to close (Connection: close, or HTTP/1.0 without keep-alive).
    bool keepAlive = true;
    // Starts as a copy of one shared null address: QHostAddress's default constructor allocates,
    // and the parser and the gateway make four requests per request they serve.
    QHostAddress peerAddress = unsetAddress();
    quint16 peerPort = 0;
    quint16 localPort = 0;

    static const QHostAddress &unsetAddress();

    // The target up to '?' (still percent-encoded).
    QByteArray path() const;
    // The target after the first '?', without it; empty when there is none.
    QByteArray query() const;
    bool hasQuery() const { return target.contains('?'); }
    // "HTTP/1.1"
    QByteArray versionString() const;
    // The method as text. The standard methods share one string each: the gateway and the
    // engine both want the text of every request's method.
    QString methodName() const;
    // A method's text as sent, shared for the standard methods as methodName() shares them.
    static QByteArray methodBytes(QStringView name);

    friend bool operator==(const HttpRequest &, const HttpRequest &) = default;
};
