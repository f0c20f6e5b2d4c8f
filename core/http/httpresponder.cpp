// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpresponder.h"

#include "http/httpserverconnection.h"

HttpResponder::HttpResponder(HttpServerConnection *connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{}

void HttpResponder::respond(HttpResponse response) const
{
    if (m_connection)
        m_connection->respond(m_sequence, std::move(response));
}

void HttpResponder::closeConnection() const
{
    if (m_connection)
        m_connection->abortConnection();
}

bool HttpResponder::isPending() const
{
    return m_connection && m_connection->isPending(m_sequence);
}

QObject *HttpResponder::context() const
{
    return m_connection.data();
}
