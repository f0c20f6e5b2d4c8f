// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QSocketNotifier;

// A connected, non-blocking TCP descriptor read and written with the POSIX calls directly, for the
// server's client connections.
//
// Why not QAbstractSocket: unbuffered, it asks the kernel for the readable byte count (FIONREAD)
// before every read, one system call per request more than nginx makes (4% of the gateway's CPU
// per request, measured with perf), and it reports a peer's close only by resetting the socket,
// so the end of input could not be told apart from a reset without that extra call. Qt still
// drives it: QSocketNotifier on the thread's event dispatcher.
class HttpStreamSocket final : public QObject
{
    Q_OBJECT

public:
    explicit HttpStreamSocket(QObject *parent = nullptr);
    ~HttpStreamSocket() override;
    Q_DISABLE_COPY_MOVE(HttpStreamSocket)

    // Takes the descriptor over: closed with this object, or at once when it is no TCP socket.
    bool open(qintptr descriptor);
    bool isOpen() const { return m_descriptor >= 0; }
    const QHostAddress &peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    quint16 localPort() const { return m_localPort; }

    // Bytes read (> 0); 0 when nothing is there now; -1 once the peer closed or reset its side.
    // Reading re-arms readyRead(): while a readyRead() goes unanswered no other is emitted, so a
    // reader that stops reading (a full pipeline) is not woken again and again.
    qint64 read(char *data, qint64 maxSize);
    // Sends now what the kernel takes; the rest is kept and sent as the peer reads.
    void write(QByteArrayView bytes);
    qint64 bytesToWrite() const { return m_pending.size() - m_pendingPos; }
    // Closes once everything written has been sent, then emits closed().
    void closeGracefully();
    // Closes now, dropping what was not sent, without emitting closed().
    void abort();

Q_SIGNALS:
    void readyRead();
    // Closed after closeGracefully(), or because sending failed (the peer reset).
    void closed();

private:
    bool setUp();
    void onReadable();
    // Bytes the kernel took (0 when its buffer is full), or -1 when the connection failed.
    qint64 send(QByteArrayView bytes);
    void sendPending();
    void closeDescriptor();
    void fail();

    qintptr m_descriptor = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    QByteArray m_pending;
    qsizetype m_pendingPos = 0;
    bool m_readyReadUnanswered = false;
    bool m_closing = false;
};
