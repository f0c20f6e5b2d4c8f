// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpresponseparser.h"

#include <QDeadlineTimer>
#include <QList>
#include <QTcpSocket>
#include <QUrl>

// Test helper: a plain socket that sends raw bytes and collects parsed responses, so server tests
// control exactly what goes on the wire (garbage, trickles, pipelines).
class RawHttpConnection
{
public:
    explicit RawHttpConnection(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Reads until `count` responses were parsed, the peer closed, or the time ran out.
    QList<HttpResponse> read(int count, int timeoutMs = 5000)
    {
        QList<HttpResponse> responses;
        QDeadlineTimer deadline(timeoutMs);
        while (responses.size() < count && !deadline.hasExpired()) {
            if (drain(responses) && responses.size() >= count)
                break;
            if (m_socket.state() != QAbstractSocket::ConnectedState
                && m_socket.bytesAvailable() == 0)
                break;
            m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        drain(responses);
        return responses;
    }

    // True once the server has closed the connection (within the time).
    bool waitClosed(int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
            m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    QByteArray rawReceived() const { return m_raw; }

private:
    bool drain(QList<HttpResponse> &responses)
    {
        const QByteArray bytes = m_socket.readAll();
        m_raw += bytes;
        m_pending += bytes;
        bool got = false;
        while (!m_pending.isEmpty()) {
            HttpResponseParser::Result result = m_parser.feed(m_pending);
            if (result.status != HttpResponseParser::Status::Complete) {
                m_pending.clear();
                break;
            }
            m_pending.remove(0, result.consumed);
            responses.append(result.response);
            got = true;
        }
        return got;
    }

    QTcpSocket m_socket;
    HttpResponseParser m_parser;
    QByteArray m_pending;
    QByteArray m_raw;
};
