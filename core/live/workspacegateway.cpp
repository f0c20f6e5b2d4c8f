// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacegateway.h"

#include "engine/backendregistry.h"

WorkspaceGateway::WorkspaceGateway(const Workspace &workspace,
                                   const Gateway::Options &options,
                                   QObject *parent)
    : LiveGateway(parent)
    , m_workspace(workspace)
    , m_options(options)
{}

WorkspaceGateway::~WorkspaceGateway()
{
    delete m_gateway; // stops it before the views' signals go away with this object
}

void WorkspaceGateway::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    if (!m_gateway)
        return;
    m_gateway->updatePolicies(workspace);
    Q_EMIT policiesChanged();
}

bool WorkspaceGateway::start(QString *errorMessage)
{
    if (m_gateway)
        return true;
    auto *gateway = new Gateway(m_workspace, m_options, this);
    if (!gateway->start()) {
        if (errorMessage)
            *errorMessage = gateway->errorString();
        delete gateway;
        return false;
    }
    m_gateway = gateway;
    Q_EMIT runningChanged(true);
    return true;
}

void WorkspaceGateway::stop()
{
    if (!m_gateway)
        return;
    // The views let go of the cache, traces and mocks first: they die with the gateway.
    Gateway *gateway = m_gateway;
    m_gateway = nullptr;
    Q_EMIT runningChanged(false);
    gateway->stop();
    delete gateway;
}

bool WorkspaceGateway::isRunning() const
{
    return m_gateway && m_gateway->isRunning();
}

QList<LiveGateway::Frontend> WorkspaceGateway::frontends() const
{
    QList<Frontend> result;
    if (m_gateway) {
        for (const Gateway::Endpoint &endpoint : m_gateway->endpoints())
            result.append({endpoint.region, endpoint.url});
    }
    return result;
}

QList<MockBackend *> WorkspaceGateway::mockBackends() const
{
    return m_gateway ? m_gateway->mocks() : QList<MockBackend *>();
}

QList<CircuitBreaker *> WorkspaceGateway::circuitBreakers() const
{
    return m_gateway && m_gateway->backends() ? m_gateway->backends()->breakers()
                                              : QList<CircuitBreaker *>();
}

ValueCache *WorkspaceGateway::valueCache() const
{
    return m_gateway ? m_gateway->cache() : nullptr;
}

TraceBuffer *WorkspaceGateway::traceBuffer() const
{
    return m_gateway ? m_gateway->traces() : nullptr;
}

const Clock *WorkspaceGateway::clock() const
{
    return m_gateway ? m_gateway->clock() : m_options.clock;
}
