// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/circuitbreaker.h"
#include "engine/manualclock.h"
#include "engine/tracebuffer.h"
#include "engine/valuecache.h"
#include "http/httpserver.h"
#include "http/mockbackend.h"
#include "live/livegateway.h"

#include <atomic>
#include <memory>

// A stand-in gateway for the panel's tests: one front-end per region that answers every request
// itself (naming the mock of its region as the backend) and records a trace of it, plus the core
// objects a real gateway owns. It tests the panel's wiring, not policy execution.
class FakeGateway final : public LiveGateway
{
    Q_OBJECT

public:
    explicit FakeGateway(QObject *parent = nullptr);
    ~FakeGateway() override;

    bool start(QString *errorMessage) override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    QList<Frontend> frontends() const override;
    QList<MockBackend *> mockBackends() const override;
    QList<CircuitBreaker *> circuitBreakers() const override;
    ValueCache *valueCache() const override { return m_cache.get(); }
    TraceBuffer *traceBuffer() const override { return m_buffer.get(); }
    const Clock *clock() const override { return &m_clock; }

    ManualClock &manualClock() { return m_clock; }
    // What the front-ends answer from now on; servedBy "" names the mock of the front-end's
    // region (the default).
    void setAnswer(int status, const QString &servedBy);

private:
    struct Region
    {
        QString name;
        std::unique_ptr<HttpServer> server;
        std::unique_ptr<MockBackend> mock;
    };
    void handle(const QString &region,
                const QString &mock,
                HttpRequest request,
                HttpResponder responder);

    ManualClock m_clock{1'000};
    std::unique_ptr<ValueCache> m_cache;
    std::unique_ptr<TraceBuffer> m_buffer;
    std::unique_ptr<CircuitBreaker> m_breaker;
    std::vector<Region> m_regions;
    std::atomic<quint64> m_sequence{0};
    int m_status = 200;
    QString m_servedBy;
    QMutex m_mutex;
    bool m_running = false;
};
