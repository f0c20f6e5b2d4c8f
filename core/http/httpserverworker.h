// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpserver.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <vector>

class HttpServerConnection;
class QTimer;

// One event-loop thread's share of an HttpServer: owns its connections and its handler, sweeps
// their timeouts with one timer (not one per connection, to keep timer churn off the hot path).
class HttpServerWorker final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    HttpServerWorker(int index,
                     const HttpServer::Options &options,
                     std::atomic<int> *connectionCount);
    ~HttpServerWorker() override;
    Q_DISABLE_COPY_MOVE(HttpServerWorker)

    // On the worker thread.
    void start(const HttpServer::HandlerFactory &factory);
    void addConnection(qintptr descriptor);
    void drain(std::chrono::milliseconds grace);
    void shutdown();

    const HttpServer::Options &options() const { return m_options; }
    const HttpServer::Handler &handler() const { return m_handler; }
    bool isDraining() const { return m_draining; }
    // Where the worker's connections read into, one after the other: a connection keeps only
    // the bytes it got, not a read-sized buffer each (5,000 idle connections would hold 80 MiB).
    QByteArray &readBuffer() { return m_readBuffer; }
    void connectionFinished(HttpServerConnection *connection);

Q_SIGNALS:
    void drained();

private:
    void sweep();
    void checkDrained();

    int m_index = 0;
    HttpServer::Options m_options;
    std::atomic<int> *m_connectionCount = nullptr;
    HttpServer::Handler m_handler;
    std::vector<HttpServerConnection *> m_connections;
    QTimer *m_sweepTimer = nullptr;
    QByteArray m_readBuffer;
    bool m_draining = false;
    bool m_drainedSignalled = false;
    Clock::time_point m_drainDeadline;
};
