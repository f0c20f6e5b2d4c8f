// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpstreamsocket.h"

#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
quint16 portOf(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
    return 0;
}
} // namespace

HttpStreamSocket::HttpStreamSocket(QObject *parent)
    : QObject(parent)
{}

HttpStreamSocket::~HttpStreamSocket()
{
    closeDescriptor();
}

bool HttpStreamSocket::open(qintptr descriptor)
{
    m_descriptor = descriptor;
    if (!setUp()) {
        closeDescriptor();
        return false;
    }
    m_readNotifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &HttpStreamSocket::onReadable);
    m_writeNotifier = new QSocketNotifier(descriptor, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &HttpStreamSocket::sendPending);
    return true;
}

bool HttpStreamSocket::setUp()
{
    const int descriptor = int(m_descriptor);
    const int flags = ::fcntl(descriptor, F_GETFL);
    if (flags < 0 || ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) < 0)
        return false;
    // Answers go out whole in one write: Nagle would only hold the next one back.
    const int one = 1;
    ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(descriptor, reinterpret_cast<sockaddr *>(&address), &length) < 0)
        return false;
    m_peerAddress = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
    m_peerPort = portOf(address);
    length = sizeof address;
    if (::getsockname(descriptor, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        m_localPort = portOf(address);
    return true;
}

void HttpStreamSocket::onReadable()
{
    if (m_readyReadUnanswered) {
        m_readNotifier->setEnabled(false);
        return;
    }
    m_readyReadUnanswered = true;
    Q_EMIT readyRead();
}

qint64 HttpStreamSocket::read(char *data, qint64 maxSize)
{
    if (m_descriptor < 0 || !m_readNotifier)
        return -1;
    m_readyReadUnanswered = false;
    ssize_t got;
    do {
        got = ::read(int(m_descriptor), data, size_t(maxSize));
    } while (got < 0 && errno == EINTR);
    if (got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))) {
        if (!m_readNotifier->isEnabled())
            m_readNotifier->setEnabled(true);
        return std::max<qint64>(got, 0);
    }
    // The end of input (or a reset): nothing more will ever be readable, so stop listening.
    m_readNotifier->setEnabled(false);
    return -1;
}

void HttpStreamSocket::write(QByteArrayView bytes)
{
    if (m_descriptor < 0 || m_closing || bytes.isEmpty())
        return;
    if (bytesToWrite() > 0) {
        m_pending.append(bytes);
        return;
    }
    const qint64 sent = send(bytes);
    if (sent < 0) {
        fail();
        return;
    }
    if (sent == bytes.size())
        return;
    m_pending = bytes.sliced(sent).toByteArray();
    m_pendingPos = 0;
    m_writeNotifier->setEnabled(true);
}

qint64 HttpStreamSocket::send(QByteArrayView bytes)
{
    ssize_t sent;
    do {
        sent = ::send(int(m_descriptor), bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    return sent;
}

void HttpStreamSocket::sendPending()
{
    while (bytesToWrite() > 0) {
        const qint64 sent = send(QByteArrayView(m_pending).sliced(m_pendingPos));
        if (sent < 0) {
            fail();
            return;
        }
        if (sent == 0)
            return; // the kernel's buffer is full: the write notifier tells when it drains
        m_pendingPos += sent;
    }
    m_pending.clear();
    m_pendingPos = 0;
    m_writeNotifier->setEnabled(false);
    if (m_closing) {
        closeDescriptor();
        Q_EMIT closed();
    }
}

void HttpStreamSocket::closeGracefully()
{
    if (m_descriptor < 0 || m_closing)
        return;
    m_closing = true;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (bytesToWrite() > 0)
        return; // sendPending() closes once it is all out
    closeDescriptor();
    Q_EMIT closed();
}

void HttpStreamSocket::abort()
{
    m_closing = true;
    closeDescriptor();
}

void HttpStreamSocket::fail()
{
    m_closing = true;
    closeDescriptor();
    Q_EMIT closed();
}

void HttpStreamSocket::closeDescriptor()
{
    if (m_descriptor < 0)
        return;
    // Unregistered before the descriptor closes (its number can be reused at once), deleted
    // later: this may run inside one of their own activated() signals.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(int(m_descriptor));
    m_descriptor = -1;
    m_pending.clear();
    m_pendingPos = 0;
}
