// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendregistry.h"

#include "backendpool.h"
#include "circuitbreaker.h"

BackendRegistry::BackendRegistry(const QList<Workspace::Backend> &backends,
                                 const Clock *clock,
                                 QObject *parent)
    : QObject(parent)
{
    for (const Workspace::Backend &backend : backends) {
        m_backends.insert(backend.id, backend);
        if (backend.type != Workspace::Backend::Type::Single || !backend.hasCircuitBreaker)
            continue;
        auto *breaker = new CircuitBreaker(backend.id, backend.circuitBreaker, clock, this);
        connect(breaker,
                &CircuitBreaker::stateChanged,
                this,
                [this](const QString &id,
                       CircuitBreaker::State from,
                       CircuitBreaker::State to,
                       qint64,
                       const QString &reason) {
                    Q_EMIT breakerStateChanged(id,
                                               CircuitBreaker::stateName(from),
                                               CircuitBreaker::stateName(to),
                                               reason);
                });
        m_breakers.insert(backend.id, breaker);
    }
    for (const Workspace::Backend &backend : backends) {
        if (backend.type != Workspace::Backend::Type::Pool)
            continue;
        QList<BackendPool::Member> members;
        for (const Workspace::PoolMember &member : backend.members)
            members.append({member.backendId,
                            member.priority,
                            member.weight,
                            m_breakers.value(member.backendId)});
        m_pools.insert(backend.id, std::make_shared<BackendPool>(backend.id, members));
    }
}

BackendRegistry::~BackendRegistry() = default;

BackendRegistry::Target BackendRegistry::resolve(const QString &backendId)
{
    Target target;
    const auto found = m_backends.constFind(backendId);
    if (found == m_backends.constEnd()) {
        target.error
                = QStringLiteral("Backend '%1' is not defined in the workspace.").arg(backendId);
        return target;
    }
    if (found->type == Workspace::Backend::Type::Pool) {
        const std::optional<QString> member = m_pools.value(backendId)->choose();
        if (!member) {
            target.unavailable = true;
            target.error = QStringLiteral("No backend of pool '%1' is available.").arg(backendId);
            return target;
        }
        target.backendId = *member;
        target.url = m_backends.value(*member).url;
        target.breaker = m_breakers.value(*member);
        return target;
    }
    target.backendId = backendId;
    target.url = found->url;
    target.breaker = m_breakers.value(backendId);
    if (target.breaker && !target.breaker->tryAcquire()) {
        target.breaker = nullptr;
        target.unavailable = true;
        target.error
                = QStringLiteral("The circuit breaker of backend '%1' is open.").arg(backendId);
    }
    return target;
}

QString BackendRegistry::url(const QString &backendId) const
{
    const auto found = m_backends.constFind(backendId);
    return found == m_backends.constEnd() || found->type != Workspace::Backend::Type::Single
                   ? QString()
                   : found->url;
}
