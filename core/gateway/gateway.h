// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"
#include "http/httpclient.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

class BackendRegistry;
class Clock;
class ConcurrencyLimiter;
class HttpServer;
class MockBackend;
class ProgramSet;
class RateLimiter;
class TraceBuffer;
class ValueCache;
struct HttpRequest;
class HttpResponder;

// The embedded APIM gateway of a workspace: one HTTP front-end per region (where
// context.Deployment.Region is the region's name), the workspace's mock backends, the backend
// address map (mock:NAME resolves to that mock's port), the value cache, the backend entities
// with their circuit breakers, and the trace buffer. Requests are matched to operations and run
// through their compiled policies on the servers' worker threads, never on this object's thread.
// Policies can be replaced while it runs (updatePolicies); the next request uses them.
class Gateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gateway)

public:
    struct Options
    {
        QHostAddress bindAddress = QHostAddress::LocalHost;
        int workerCount = 0; // per front-end; 0: one per core
        // Open client connections per front-end; beyond: 503 and close. Each takes a file
        // descriptor: raise the process's limit (ulimit -n) to match.
        int maxConnections = 1024;
        // false: no request traces at all (traces() stays empty, no tracesAdded), for a headless
        // gateway whose traces nobody reads; the policies run the same.
        bool recordTraces = true;
        // Time for cache TTLs, breakers and rate limits; null: the system clock.
        const Clock *clock = nullptr;
        // Backend connections: pool size and idle time (a soak test shortens the idle time to
        // see every socket closed after the load).
        HttpClient::Limits backendLimits;
    };
    struct Endpoint
    {
        QString region;
        QUrl url;
    };

    explicit Gateway(const Workspace &workspace, QObject *parent = nullptr);
    Gateway(const Workspace &workspace, const Options &options, QObject *parent = nullptr);
    ~Gateway() override;

    // Starts the mocks, then one front-end per region; false with errorString() (nothing is left
    // running then).
    bool start();
    void stop();
    bool isRunning() const { return !m_servers.empty(); }
    QString errorString() const { return m_errorString; }

    QList<Endpoint> endpoints() const;
    QUrl url(const QString &region) const;
    MockBackend *mock(const QString &name) const;
    QList<MockBackend *> mocks() const;
    ValueCache *cache() const { return m_cache; }
    TraceBuffer *traces() const { return m_traces; }
    BackendRegistry *backends() const { return m_backends; }
    const Clock *clock() const { return m_clock; }

    // Recompiles the policies, APIs, operations, fragments and named values of workspace and
    // uses them from the next request on. Regions, mocks and backends keep their running
    // configuration until the next start.
    void updatePolicies(const Workspace &workspace);
    // Problems of the current policies (operations with errors answer 500).
    QList<Diagnostic> diagnostics() const;
    // log-to-eventhub and emit-metric records, oldest first (bounded).
    QStringList events() const;

Q_SIGNALS:
    void started(const QList<QUrl> &urls);
    void stopped();
    void mockHitsChanged(const QString &mockName);
    void breakerStateChanged(const QString &backendId,
                             const QString &from,
                             const QString &to,
                             const QString &reason);
    void policiesUpdated(const QList<Diagnostic> &diagnostics);

private:
    struct Worker;
    std::shared_ptr<const ProgramSet> programs() const;
    void setUpServices(Worker &worker);
    void handle(Worker &worker,
                const QString &region,
                const QUrl &frontEnd,
                HttpRequest request,
                const HttpResponder &responder);
    void answerWithoutPolicy(const HttpResponder &responder,
                             RequestTrace trace,
                             int status,
                             const QString &reason,
                             const QString &message);
    void recordEvent(const QString &sink, const QString &message);

    Workspace m_workspace;
    Options m_options;
    std::unique_ptr<Clock> m_ownClock;
    const Clock *m_clock = nullptr;
    ValueCache *m_cache = nullptr;
    TraceBuffer *m_traces = nullptr;
    BackendRegistry *m_backends = nullptr;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<ConcurrencyLimiter> m_concurrency;
    std::vector<MockBackend *> m_mocks;
    std::vector<HttpServer *> m_servers;
    QList<Endpoint> m_endpoints;
    QString m_errorString;

    mutable QMutex m_mutex;
    std::shared_ptr<const ProgramSet> m_programs;
    QStringList m_events;
};
