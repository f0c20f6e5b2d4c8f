// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httprequest.h"
#include "http/httprequestparser.h"
#include "http/httpresponder.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <vector>

class HttpListener;
class HttpServerWorker;
class QThread;

// Embedded HTTP/1.1 server: one listening socket (on the first worker's thread) hands accepted
// descriptors round-robin to worker threads, each running its own event loop and owning its
// connections (keep-alive, pipelining with in-order answers, timeouts, limits). Requests go to a
// handler on the worker thread, which answers through an HttpResponder now or later. Several
// servers may run in one process.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;          // 0: any free port, see port()
        int workerCount = 0;       // 0: one per core
        int maxConnections = 1024; // beyond: 503 and close
        // A keep-alive connection with nothing in flight is closed after this long.
        std::chrono::milliseconds idleTimeout{60000};
        // A request's header section must arrive within this long of its first byte, else 408
        // and close (the slowloris defence).
        std::chrono::milliseconds headerReadTimeout{10000};
        // The whole request, body included, must arrive within this long of its first byte,
        // else 408 and close.
        std::chrono::milliseconds requestReadTimeout{60000};
        // Unanswered requests per connection before the server stops reading from it.
        int maxPipelinedRequests = 32;
        HttpRequestParser::Limits limits;
    };

    // Called on a worker thread for each complete request.
    using Handler = std::function<void(HttpRequest request, HttpResponder responder)>;
    // Called once per worker, on that worker's thread, when listening starts: lets each worker
    // own thread-affine state (e.g. its HttpClient) captured by the handler it returns. The
    // handler is destroyed on the same thread when the server closes.
    using HandlerFactory = std::function<Handler(int workerIndex)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;
    Q_DISABLE_COPY_MOVE(HttpServer)

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // The same handler on every worker: it must tolerate concurrent calls.
    void setHandler(Handler handler);
    void setHandlerFactory(HandlerFactory factory);

    // Binds options().address:options().port and starts the workers; false with errorString().
    bool listen();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_options.address; }
    // "http://127.0.0.1:PORT"
    QUrl url() const;
    QString errorString() const { return m_errorString; }
    int connectionCount() const { return m_connectionCount.load(std::memory_order_relaxed); }
    int workerCount() const { return int(m_workers.size()); }

    // Closes the listening socket (new connections are refused) while existing ones go on.
    void pauseAccepting();
    // Listens again on the same port; false with errorString().
    bool resumeAccepting();

    // Graceful stop: no new connections, idle ones close, requests in flight are answered (with
    // Connection: close) for up to grace, then everything closes and stopped() is emitted.
    void stop(std::chrono::milliseconds grace);
    // Immediate stop: closes every connection and joins the worker threads before returning.
    void close();

Q_SIGNALS:
    void stopped();

private:
    void dispatchDescriptor(qintptr descriptor);
    void onListenerThread(const std::function<void()> &function);
    void onWorkerDrained();

    Options m_options;
    HandlerFactory m_factory;
    HttpListener *m_listener = nullptr;
    std::vector<QThread *> m_threads;
    std::vector<HttpServerWorker *> m_workers;
    std::atomic<int> m_connectionCount{0};
    std::atomic<bool> m_listening{false};
    quint16 m_port = 0;
    QUrl m_url;
    size_t m_nextWorker = 0;
    int m_drainingWorkers = 0;
    QString m_errorString;
};
