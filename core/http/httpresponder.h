// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponse.h"

#include <QPointer>

class HttpServerConnection;
class QObject;

// The handle a request handler answers through, possibly later (after a backend call). Cheap to
// copy. Use it only on the worker thread that called the handler (where backend clients created by
// the handler factory also live). When the connection has closed meanwhile every call is a no-op,
// and answering twice keeps the first answer, so late completions are always safe.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpServerConnection *connection, quint64 sequence);

    // Sends the response (in request order on a pipelined connection). The server sets
    // Content-Length (and drops any Transfer-Encoding) from the body.
    void respond(HttpResponse response) const;
    // Closes the connection without an answer (a backend dropping the request).
    void closeConnection() const;
    // The client is still connected and this request is still unanswered.
    bool isPending() const;
    // A QObject on the worker thread that lives as long as the connection: the context to give
    // QTimer::singleShot or connect() so a deferred answer is dropped with the connection.
    QObject *context() const;

private:
    QPointer<HttpServerConnection> m_connection;
    quint64 m_sequence = 0;
};
