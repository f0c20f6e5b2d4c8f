// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httplistener.h"
#include "http/httpstreamsocket.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 23);
    return bytes;
}

// Reads what is there now; -1 once the peer closed.
qint64 drain(HttpStreamSocket &socket, QByteArray &into)
{
    char buffer[4096];
    qint64 total = 0;
    for (;;) {
        const qint64 got = socket.read(buffer, sizeof buffer);
        if (got < 0)
            return -1;
        if (got == 0)
            return total;
        into.append(buffer, got);
        total += got;
    }
}
} // namespace

class tst_HttpStreamSocket : public QObject
{
    Q_OBJECT

private:
    // A loopback connection: the client as a QTcpSocket, the server's end in m_server.
    bool connectPair()
    {
        m_listener = std::make_unique<HttpListener>([this](qintptr descriptor) {
            m_server = std::make_unique<HttpStreamSocket>();
            m_opened = m_server->open(descriptor);
        });
        if (!m_listener->listen(QHostAddress::LocalHost, 0))
            return false;
        m_client = std::make_unique<QTcpSocket>();
        m_client->connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
        for (int i = 0;
             i < 500 && !(m_server && m_client->state() == QAbstractSocket::ConnectedState);
             ++i)
            QTest::qWait(10);
        return m_server && m_opened && m_client->state() == QAbstractSocket::ConnectedState;
    }

    // Reads from the client until it has `size` bytes or the bounded wait ends.
    QByteArray clientReads(qsizetype size)
    {
        QByteArray got;
        for (int i = 0; i < 1000 && got.size() < size; ++i) {
            if (!m_client->waitForReadyRead(10)
                && m_client->state() != QAbstractSocket::ConnectedState)
                break;
            got += m_client->readAll();
        }
        got += m_client->readAll();
        return got;
    }

    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<HttpStreamSocket> m_server;
    std::unique_ptr<QTcpSocket> m_client;
    bool m_opened = false;

private Q_SLOTS:
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_listener.reset();
        m_opened = false;
    }

    void reportsAddresses()
    {
        QVERIFY(connectPair());
        QCOMPARE(m_server->peerAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(m_server->peerPort(), m_client->localPort());
        QCOMPARE(m_server->localPort(), m_listener->serverPort());
        QVERIFY(m_server->isOpen());
    }

    void readsWhatThePeerSent_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::newRow("one byte") << qsizetype(1);
        QTest::newRow("a request") << qsizetype(700);
        QTest::newRow("many reads") << qsizetype(300000);
    }
    void readsWhatThePeerSent()
    {
        QFETCH(qsizetype, size);
        QVERIFY(connectPair());
        QByteArray got;
        connect(m_server.get(), &HttpStreamSocket::readyRead, this, [&] { drain(*m_server, got); });
        const QByteArray sent = pattern(size);
        m_client->write(sent);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), size, 5000);
        QCOMPARE(got, sent);
    }

    void reportsThePeersClose_data()
    {
        QTest::addColumn<bool>("halfClose");
        QTest::newRow("closed") << false;
        QTest::newRow("half-closed") << true;
    }
    void reportsThePeersClose()
    {
        QFETCH(bool, halfClose);
        QVERIFY(connectPair());
        QByteArray got;
        bool ended = false;
        connect(m_server.get(), &HttpStreamSocket::readyRead, this, [&] {
            ended = drain(*m_server, got) < 0;
        });
        m_client->write("last words");
        m_client->flush();
        if (halfClose)
            QCOMPARE(::shutdown(int(m_client->socketDescriptor()), SHUT_WR), 0);
        else
            m_client->disconnectFromHost();
        QTRY_VERIFY_WITH_TIMEOUT(ended, 5000);
        QCOMPARE(got, QByteArray("last words"));
        // Half-closed, the client still hears the answer.
        if (halfClose) {
            m_server->write("answer");
            QCOMPARE(clientReads(6), QByteArray("answer"));
        }
    }

    void anUnansweredReadyReadIsNotRepeated()
    {
        QVERIFY(connectPair());
        QSignalSpy readyRead(m_server.get(), &HttpStreamSocket::readyRead);
        m_client->write("first");
        QTRY_COMPARE_WITH_TIMEOUT(readyRead.size(), 1, 5000);
        QTest::qWait(100); // unread, the data stays readable: still one signal
        QCOMPARE(readyRead.size(), 1);
        QByteArray got;
        QCOMPARE(drain(*m_server, got), qint64(5));
        m_client->write("second");
        QTRY_COMPARE_WITH_TIMEOUT(readyRead.size(), 2, 5000);
        QCOMPARE(drain(*m_server, got), qint64(6));
        QCOMPARE(got, QByteArray("firstsecond"));
    }

    void writesMoreThanTheKernelTakes_data()
    {
        QTest::addColumn<bool>("closeAfter");
        QTest::newRow("kept open") << false;
        QTest::newRow("closed gracefully") << true;
    }
    void writesMoreThanTheKernelTakes()
    {
        QFETCH(bool, closeAfter);
        QVERIFY(connectPair());
        QSignalSpy closed(m_server.get(), &HttpStreamSocket::closed);
        const QByteArray sent = pattern(32 * 1024 * 1024);
        m_server->write(sent.first(1000));
        m_server->write(QByteArrayView(sent).sliced(1000));
        QVERIFY(m_server->bytesToWrite() > 0); // the client has read nothing yet
        if (closeAfter)
            m_server->closeGracefully();
        QCOMPARE(closed.size(), 0);
        QByteArray got;
        for (int i = 0; i < 3000 && got.size() < sent.size(); ++i) {
            QTest::qWait(1);
            got += m_client->readAll();
        }
        QCOMPARE(got.size(), sent.size());
        QVERIFY(got == sent);
        QCOMPARE(m_server->bytesToWrite(), qint64(0));
        if (closeAfter) {
            QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
            QVERIFY(!m_server->isOpen());
            QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), QAbstractSocket::UnconnectedState, 5000);
        } else {
            QCOMPARE(closed.size(), 0);
            QVERIFY(m_server->isOpen());
        }
    }

    void aResetPeerClosesTheSocket()
    {
        QVERIFY(connectPair());
        QSignalSpy closed(m_server.get(), &HttpStreamSocket::closed);
        // Closing with the linger time zero resets the connection.
        const linger reset{1, 0};
        QCOMPARE(::setsockopt(int(m_client->socketDescriptor()),
                              SOL_SOCKET,
                              SO_LINGER,
                              &reset,
                              sizeof reset),
                 0);
        m_client->abort();
        const QByteArray chunk = pattern(64 * 1024);
        for (int i = 0; i < 500 && closed.isEmpty(); ++i) {
            m_server->write(chunk);
            QTest::qWait(2);
        }
        QCOMPARE(closed.size(), 1);
        QVERIFY(!m_server->isOpen());
        m_server->write(chunk); // ignored once closed
        QByteArray got;
        QCOMPARE(drain(*m_server, got), qint64(-1));
    }

    void abortClosesAtOnceWithoutSignal()
    {
        QVERIFY(connectPair());
        QSignalSpy closed(m_server.get(), &HttpStreamSocket::closed);
        m_server->write(pattern(32 * 1024 * 1024));
        m_server->abort();
        QVERIFY(!m_server->isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(closed.size(), 0);
    }

    void aDescriptorThatIsNoSocketIsRefusedAndClosed()
    {
        int ends[2];
        QCOMPARE(::pipe(ends), 0);
        ::close(ends[1]);
        HttpStreamSocket socket;
        QVERIFY(!socket.open(ends[0]));
        QVERIFY(!socket.isOpen());
        QCOMPARE(::fcntl(ends[0], F_GETFD), -1); // closed, not leaked
    }
};

QTEST_GUILESS_MAIN(tst_HttpStreamSocket)
#include "tst_httpstreamsocket.moc"
