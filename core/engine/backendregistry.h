// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QHash>
#include <QObject>

#include <memory>

class BackendPool;
class CircuitBreaker;
class Clock;

// The workspace's backend entities at run time: set-backend-service backend-id resolves here to a
// URL, through load-balanced pools and circuit breakers shared by every request and region.
// Thread-safe after construction (breakers and pools lock themselves).
class BackendRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendRegistry)

public:
    BackendRegistry(const QList<Workspace::Backend> &backends,
                    const Clock *clock,
                    QObject *parent = nullptr);
    ~BackendRegistry() override;

    struct Target
    {
        QString backendId; // the single backend chosen (a pool member for pools)
        QString url;
        // Acquired for this call: report the outcome to it. Null without a breaker.
        CircuitBreaker *breaker = nullptr;
        // No backend can take the call (breaker open, pool exhausted): APIM answers 503.
        bool unavailable = false;
        QString error; // unknown backend id, or why it is unavailable
    };
    Target resolve(const QString &backendId);
    // The URL of a single backend (empty for pools and unknown ids), without acquiring anything.
    QString url(const QString &backendId) const;
    bool contains(const QString &backendId) const { return m_backends.contains(backendId); }

    QList<CircuitBreaker *> breakers() const { return m_breakers.values(); }
    CircuitBreaker *breaker(const QString &backendId) const { return m_breakers.value(backendId); }

Q_SIGNALS:
    // A breaker changed state (queued from the worker thread that reported the result).
    void breakerStateChanged(const QString &backendId,
                             const QString &from,
                             const QString &to,
                             const QString &reason);

private:
    QHash<QString, Workspace::Backend> m_backends;
    QHash<QString, CircuitBreaker *> m_breakers;
    QHash<QString, std::shared_ptr<BackendPool>> m_pools;
};
