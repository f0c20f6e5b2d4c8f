// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateway/gateway.h"
#include "livegateway.h"
#include "workspace/workspace.h"

#include <QPointer>

// The embedded gateway of a workspace as the live views see it: starts a Gateway on the
// workspace, hands its front-ends, mocks, cache, traces and circuit breakers to the views, and
// passes policy edits on to it (applied from its next request).
class WorkspaceGateway final : public LiveGateway
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceGateway)

public:
    explicit WorkspaceGateway(const Workspace &workspace,
                              const Gateway::Options &options = {},
                              QObject *parent = nullptr);
    ~WorkspaceGateway() override;

    // A running gateway takes the new policies from its next request; regions, mocks and backends
    // change at the next start.
    void setWorkspace(const Workspace &workspace);
    const Workspace &workspace() const { return m_workspace; }
    // Null while stopped.
    Gateway *gateway() const { return m_gateway; }

    bool start(QString *errorMessage) override;
    void stop() override;
    bool isRunning() const override;
    QList<Frontend> frontends() const override;
    QList<MockBackend *> mockBackends() const override;
    QList<CircuitBreaker *> circuitBreakers() const override;
    ValueCache *valueCache() const override;
    TraceBuffer *traceBuffer() const override;
    const Clock *clock() const override;

private:
    Workspace m_workspace;
    Gateway::Options m_options;
    QPointer<Gateway> m_gateway;
};
