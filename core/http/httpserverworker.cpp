// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserverworker.h"

#include "http/httpserverconnection.h"

#include <QTimer>

#include <algorithm>

using namespace std::chrono_literals;

HttpServerWorker::HttpServerWorker(int index,
                                   const HttpServer::Options &options,
                                   std::atomic<int> *connectionCount)
    : m_index(index)
    , m_options(options)
    , m_connectionCount(connectionCount)
{}

HttpServerWorker::~HttpServerWorker() = default;

void HttpServerWorker::start(const HttpServer::HandlerFactory &factory)
{
    if (factory)
        m_handler = factory(m_index);
    m_sweepTimer = new QTimer(this);
    // A quarter of the shortest timeout keeps expiry within 25% late without a timer per socket.
    const auto shortest = std::min(
            {m_options.idleTimeout, m_options.headerReadTimeout, m_options.requestReadTimeout});
    m_sweepTimer->setInterval(std::clamp<std::chrono::milliseconds>(shortest / 4, 2ms, 500ms));
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpServerWorker::sweep);
    m_sweepTimer->start();
}

void HttpServerWorker::addConnection(qintptr descriptor)
{
    const bool overLimit = m_connectionCount->fetch_add(1, std::memory_order_relaxed)
                           >= m_options.maxConnections;
    auto *connection = new HttpServerConnection(this, descriptor);
    m_connections.push_back(connection);
    if (overLimit || m_draining)
        connection->rejectOverloaded();
}

void HttpServerWorker::connectionFinished(HttpServerConnection *connection)
{
    const auto it = std::find(m_connections.begin(), m_connections.end(), connection);
    if (it == m_connections.end())
        return;
    m_connections.erase(it);
    m_connectionCount->fetch_sub(1, std::memory_order_relaxed);
    connection->deleteLater();
    checkDrained();
}

void HttpServerWorker::drain(std::chrono::milliseconds grace)
{
    m_draining = true;
    m_drainDeadline = Clock::now() + grace;
    const std::vector<HttpServerConnection *> connections = m_connections;
    for (HttpServerConnection *connection : connections)
        connection->startDraining();
    checkDrained();
}

void HttpServerWorker::shutdown()
{
    const std::vector<HttpServerConnection *> connections = m_connections;
    for (HttpServerConnection *connection : connections)
        connection->abortConnection();
    qDeleteAll(m_connections); // whatever abort did not already hand back
    m_connectionCount->fetch_sub(int(m_connections.size()), std::memory_order_relaxed);
    m_connections.clear();
    m_handler = nullptr;
    delete m_sweepTimer;
    m_sweepTimer = nullptr;
}

void HttpServerWorker::sweep()
{
    const Clock::time_point now = Clock::now();
    if (m_draining && now >= m_drainDeadline) {
        const std::vector<HttpServerConnection *> connections = m_connections;
        for (HttpServerConnection *connection : connections)
            connection->abortConnection();
        checkDrained();
        return;
    }
    const std::vector<HttpServerConnection *> connections = m_connections;
    for (HttpServerConnection *connection : connections)
        connection->checkTimeouts(now);
}

void HttpServerWorker::checkDrained()
{
    if (m_draining && m_connections.empty() && !m_drainedSignalled) {
        m_drainedSignalled = true;
        Q_EMIT drained();
    }
}
