// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserver.h"

#include "http/epolleventdispatcher.h"
#include "http/httplistener.h"
#include "http/httpserverworker.h"

#include <QThread>

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{}

HttpServer::~HttpServer()
{
    close();
}

void HttpServer::setOptions(const Options &options)
{
    m_options = options;
}

void HttpServer::setHandler(Handler handler)
{
    m_factory = [handler = std::move(handler)](int) {
        return handler;
    };
}

void HttpServer::setHandlerFactory(HandlerFactory factory)
{
    m_factory = std::move(factory);
}

bool HttpServer::listen()
{
    close();
    const int count = m_options.workerCount > 0 ? m_options.workerCount
                                                : std::max(1, QThread::idealThreadCount());
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        auto *dispatcher = new EpollEventDispatcher;
        if (dispatcher->isValid())
            thread->setEventDispatcher(dispatcher);
        else
            delete dispatcher;
        auto *worker = new HttpServerWorker(i, m_options, &m_connectionCount);
        worker->moveToThread(thread);
        connect(worker, &HttpServerWorker::drained, this, &HttpServer::onWorkerDrained);
        thread->start();
        // Blocking so that listen() returns with every handler built and ready.
        QMetaObject::invokeMethod(
                worker,
                [worker, factory = m_factory] { worker->start(factory); },
                Qt::BlockingQueuedConnection);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    // The listening socket lives on the first worker's thread, so accepting never waits for the
    // owner's thread (a busy GUI, or a test blocked on a socket).
    bool ok = false;
    onListenerThread([this, &ok] {
        m_listener
                = new HttpListener([this](qintptr descriptor) { dispatchDescriptor(descriptor); });
        ok = m_listener->listen(m_options.address, m_options.port);
        m_port = m_listener->serverPort();
        // Built once: handlers read it per request (from any worker), and building it converts
        // the address to text. Set before this thread's event loop can hand out a connection.
        m_url = QUrl();
        m_url.setScheme(QStringLiteral("http"));
        m_url.setHost(m_options.address.toString());
        m_url.setPort(m_port);
        m_errorString = m_listener->errorString();
    });
    m_listening = ok;
    if (!ok)
        close();
    return ok;
}

void HttpServer::onListenerThread(const std::function<void()> &function)
{
    if (!m_workers.empty())
        QMetaObject::invokeMethod(m_workers.front(), function, Qt::BlockingQueuedConnection);
}

bool HttpServer::isListening() const
{
    return m_listening.load(std::memory_order_relaxed);
}

QUrl HttpServer::url() const
{
    return m_url;
}

void HttpServer::pauseAccepting()
{
    onListenerThread([this] {
        if (m_listener)
            m_listener->close();
    });
    m_listening = false;
}

bool HttpServer::resumeAccepting()
{
    bool ok = false;
    onListenerThread([this, &ok] {
        if (!m_listener)
            return;
        ok = m_listener->isListening() || m_listener->listen(m_options.address, m_port);
        if (!ok)
            m_errorString = m_listener->errorString();
    });
    m_listening = ok;
    return ok;
}

void HttpServer::dispatchDescriptor(qintptr descriptor)
{
    // On the listener's thread, the only one touching m_nextWorker.
    HttpServerWorker *worker = m_workers[m_nextWorker];
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    if (worker->thread() == QThread::currentThread()) {
        worker->addConnection(descriptor);
        return;
    }
    QMetaObject::invokeMethod(
            worker,
            [worker, descriptor] { worker->addConnection(descriptor); },
            Qt::QueuedConnection);
}

void HttpServer::stop(std::chrono::milliseconds grace)
{
    if (m_workers.empty()) {
        Q_EMIT stopped();
        return;
    }
    pauseAccepting();
    m_drainingWorkers = int(m_workers.size());
    for (HttpServerWorker *worker : m_workers) {
        QMetaObject::invokeMethod(
                worker, [worker, grace] { worker->drain(grace); }, Qt::QueuedConnection);
    }
}

void HttpServer::onWorkerDrained()
{
    if (--m_drainingWorkers > 0)
        return;
    close();
    Q_EMIT stopped();
}

void HttpServer::close()
{
    onListenerThread([this] {
        delete m_listener;
        m_listener = nullptr;
    });
    m_listening = false;
    for (size_t i = 0; i < m_workers.size(); ++i) {
        HttpServerWorker *worker = m_workers[i];
        // Connections and the handler's thread-affine state die on their own thread.
        QMetaObject::invokeMethod(
                worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
        delete worker;
        delete m_threads[i];
    }
    m_workers.clear();
    m_threads.clear();
    m_nextWorker = 0;
    m_drainingWorkers = 0;
}
