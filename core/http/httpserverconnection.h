// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httprequestparser.h"
#include "http/httpresponse.h"

#include <QObject>

#include <chrono>
#include <deque>

class HttpServerWorker;
class HttpStreamSocket;

// One client connection of an HttpServer, on its worker's thread: reads and parses requests,
// hands them to the handler, writes answers back in request order.
class HttpServerConnection final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    HttpServerConnection(HttpServerWorker *worker, qintptr descriptor);
    ~HttpServerConnection() override;
    Q_DISABLE_COPY_MOVE(HttpServerConnection)

    void respond(quint64 sequence, HttpResponse &&response);
    bool isPending(quint64 sequence) const;
    void abortConnection();
    // Over the connection limit (or stopping): 503 and close.
    void rejectOverloaded();
    // Answer what is in flight with Connection: close, read nothing more.
    void startDraining();
    void checkTimeouts(Clock::time_point now);

private:
    // One answer slot per request (plus interim 100 Continue), kept in request order.
    struct Slot
    {
        quint64 sequence = 0;
        QByteArray bytes;
        bool ready = false;
        bool closeAfter = false;
        bool headRequest = false;
    };

    void readInput();
    void processInput();
    void dispatch(HttpRequest &&request);
    void queueFinal(int status, const QString &message);
    void queueReady(QByteArray bytes, bool closeAfter);
    Slot *findSlot(quint64 sequence);
    void writeReadySlots();
    void closeGracefully();
    void finish();
    static void serialize(const HttpResponse &response,
                          bool headRequest,
                          bool close,
                          QByteArray &out);

    HttpServerWorker *m_worker;
    HttpStreamSocket *m_socket;
    HttpRequestParser m_parser;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_out;
    std::deque<Slot> m_slots;
    quint64 m_nextSequence = 1;
    int m_unanswered = 0;
    Clock::time_point m_lastActivity;
    Clock::time_point m_requestStart;
    Clock::time_point m_closingSince;
    bool m_readClosed = false; // no more requests are read (error, Connection: close, draining)
    bool m_closing = false;
    bool m_finished = false;
    bool m_processing = false;
    bool m_readPaused = false; // input left unread because too many answers are pending
};
