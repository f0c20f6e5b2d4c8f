// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

// A minimal blocking HTTP/1.1 client for tests: the gateway serves on its own worker threads, so
// the test thread may block on a socket. Bounded by a deadline; status 0 when nothing came back.
class HttpTestClient
{
public:
    struct Reply
    {
        int status = 0;
        QHash<QByteArray, QByteArray> headers; // lower-case names, repeats joined with ", "
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    explicit HttpTestClient(const QUrl &base, int timeoutMs = 10000)
        : m_base(base)
        , m_timeoutMs(timeoutMs)
    {}

    Reply get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", target, headers, {});
    }

    Reply send(const QByteArray &method,
               const QByteArray &target,
               const QList<QPair<QByteArray, QByteArray>> &headers,
               const QByteArray &body)
    {
        QByteArray request = method + ' ' + target
                             + " HTTP/1.1\r\nHost: " + m_base.host().toLatin1() + ':'
                             + QByteArray::number(m_base.port()) + "\r\n";
        for (const auto &[name, value] : headers)
            request += name + ": " + value + "\r\n";
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += "\r\n" + body;
        return raw(request);
    }

    // Sends bytes as they are on a persistent connection and reads one response.
    Reply raw(const QByteArray &bytes) { return write(bytes) ? read() : Reply(); }

    // Sends without waiting, so many connections can have requests in flight at once.
    bool write(const QByteArray &bytes)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.connectToHost(m_base.host(), quint16(m_base.port()));
            if (!m_socket.waitForConnected(m_timeoutMs))
                return false;
        }
        m_socket.write(bytes);
        return m_socket.flush() || m_socket.bytesToWrite() == 0;
    }

    Reply read() { return readReply(); }

    void close() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    Reply readReply()
    {
        Reply reply;
        QElapsedTimer timer;
        timer.start();
        qsizetype headerEnd = -1;
        qsizetype contentLength = -1;
        while (timer.elapsed() < m_timeoutMs) {
            headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd >= 0 && contentLength < 0) {
                const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
                reply.status = lines.value(0).split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines.at(i).trimmed();
                    const qsizetype colon = line.indexOf(':');
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    reply.headers[name] = reply.headers.contains(name)
                                                  ? reply.headers[name] + ", " + value
                                                  : value;
                }
                contentLength = reply.headers.value("content-length", "0").toLongLong();
            }
            if (contentLength >= 0 && m_buffer.size() >= headerEnd + 4 + contentLength) {
                reply.body = m_buffer.mid(headerEnd + 4, contentLength);
                m_buffer.remove(0, headerEnd + 4 + contentLength);
                return reply;
            }
            if (!m_socket.waitForReadyRead(50)
                && m_socket.state() != QAbstractSocket::ConnectedState
                && m_socket.bytesAvailable() == 0)
                break;
            m_buffer += m_socket.readAll();
        }
        return Reply{};
    }

    QUrl m_base;
    int m_timeoutMs;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};
