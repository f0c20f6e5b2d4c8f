// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

class CircuitBreaker;
class Clock;
class MockBackend;
class TraceBuffer;
class ValueCache;

// What the live views need from a running gateway, so they can be built and tested against the core
// objects alone: the front-ends to send to, the mock backends to knock out, and the live state
// (cache, traces, circuit breakers). The application adapts its gateway to this; the objects it
// returns stay owned by the gateway and are valid until runningChanged or topologyChanged.
class LiveGateway : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveGateway)

public:
    struct Frontend
    {
        QString region;
        QUrl url;
    };

    using QObject::QObject;

    // False with a message naming what failed (e.g. a port in use).
    virtual bool start(QString *errorMessage) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QList<Frontend> frontends() const = 0;
    virtual QList<MockBackend *> mockBackends() const = 0;
    virtual QList<CircuitBreaker *> circuitBreakers() const = 0;
    virtual ValueCache *valueCache() const = 0;
    virtual TraceBuffer *traceBuffer() const = 0;
    // The clock the cache and the breakers run on.
    virtual const Clock *clock() const = 0;

Q_SIGNALS:
    void runningChanged(bool running);
    // The front-ends, mocks, breakers, cache or trace buffer were replaced: views must re-read
    // them.
    void topologyChanged();
    // Edited policies were handed to the gateway; it applies them from its next request.
    void policiesChanged();
};
