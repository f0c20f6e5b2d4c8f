// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpserver.h"

#include <QMap>
#include <QMutex>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>

// A backend service on loopback for the gateway to call: answers with a JSON echo of what it
// received (method, path, query, headers, body) plus its own name and region, and can be made to
// misbehave at run time (status codes, latency, hanging, refusing, flapping). Serves on its own
// worker thread, so it keeps answering while the thread that owns it is busy.
class MockBackend final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    enum class Mode {
        Healthy,           // 200 with the echo
        FixedStatus,       // every call answers `status`
        Hang,              // requests are read and never answered
        RefuseConnections, // not listening: connects are refused
        ResetConnections,  // requests are read, then the connection is closed without answer
        FlapEveryNth,      // calls everyNth, 2*everyNth, ... answer `status`, others are healthy
        FlapForDuration,   // `status` for failFor after setBehaviour(), then healthy
    };
    Q_ENUM(Mode)

    struct Behaviour
    {
        Mode mode = Mode::Healthy;
        int status = 503;
        std::chrono::milliseconds latency{0}; // added before every answer, in every mode
        int everyNth = 2;
        std::chrono::milliseconds failFor{0};
    };

    // Requests received, and answers by status; status 0 counts requests never answered (Hang,
    // ResetConnections).
    struct Hits
    {
        quint64 total = 0;
        QMap<int, quint64> byStatus;
    };

    MockBackend(const QString &name, const QString &region, QObject *parent = nullptr);
    // clock: the time source for FlapForDuration (tests inject a fake one).
    MockBackend(const QString &name, const QString &region, Clock clock, QObject *parent = nullptr);
    ~MockBackend() override;
    Q_DISABLE_COPY_MOVE(MockBackend)

    bool start(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    void stop();
    quint16 port() const { return m_server.port(); }
    QUrl url() const { return m_server.url(); }
    QString name() const { return m_name; }
    QString region() const { return m_region; }
    QString errorString() const { return m_server.errorString(); }

    // Thread-safe; the listening socket itself is switched on this object's thread.
    void setBehaviour(const Behaviour &behaviour);
    Behaviour behaviour() const;

    // Thread-safe.
    Hits hits() const;
    void resetHits();

Q_SIGNALS:
    // Coalesced: at most one per turn of this object's event loop, whatever the request rate.
    void hitsChanged();

private:
    enum class Action { Answer, Hang, Reset };
    struct Decision
    {
        Action action = Action::Answer;
        int status = 200;
        std::chrono::milliseconds latency{0};
    };

    void handle(HttpRequest &&request, const HttpResponder &responder);
    Decision decide();
    void record(int status);
    void applyListening(bool refuse);
    HttpResponse makeResponse(const HttpRequest &request, int status) const;
    static void appendJsonString(QByteArray &out, QByteArrayView text);
    static void appendJsonObject(QByteArray &out,
                                 const QList<std::pair<QByteArray, QByteArray>> &fields);

    QString m_name;
    QString m_region;
    QByteArray m_nameUtf8;
    QByteArray m_regionUtf8;
    Clock m_clock;
    HttpServer m_server;
    mutable QMutex m_mutex;
    Behaviour m_behaviour;
    std::chrono::steady_clock::time_point m_behaviourSince;
    quint64 m_calls = 0;
    Hits m_hits;
    std::atomic<bool> m_notifyPending{false};
};
