// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QPointer>
#include <QWidget>

class BreakerHistory;
class BreakerView;
class CacheView;
class LiveGateway;
class LivePlots;
class LoadRunnerWidget;
class MockBackendWidget;
class QLabel;
class QPushButton;
class QTabWidget;
class QVBoxLayout;
class RequestComposer;
class RunCompareView;
class TraceView;

// The live gateway in the designer: start and stop it for the open workspace, see its regional
// front-ends, knock mock backends out with one click and watch their hit counters, send requests
// (one, a load, or a recorded run again) and see each request's trace, the cache, the circuit
// breakers and throughput, latency and routing plots as they happen. Self-contained: the main
// window docks it and connects sourceRangeSelected to the editor and the diagram.
class GatewayPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayPanel)

public:
    explicit GatewayPanel(QWidget *parent = nullptr);
    ~GatewayPanel() override;

    // Not owned; null shows the panel idle.
    void setGateway(LiveGateway *gateway);
    LiveGateway *gateway() const { return m_gateway; }
    // Tells the panel the policies changed in the editor: the gateway applies them on its next
    // request, and the indicator says when that happened.
    void markPolicyEdited();
    QString applyStateText() const;
    // Starts or stops the gateway; false with the reason shown when starting fails.
    bool setRunning(bool running);

    RequestComposer *composer() const { return m_composer; }
    TraceView *traceView() const { return m_traceView; }
    CacheView *cacheView() const { return m_cacheView; }
    BreakerView *breakerView() const { return m_breakerView; }
    LoadRunnerWidget *loadRunner() const { return m_loadRunner; }
    LivePlots *plots() const { return m_plots; }
    RunCompareView *compareView() const { return m_compareView; }
    QList<MockBackendWidget *> mockWidgets() const { return m_mockWidgets; }
    QTabWidget *leftTabs() const { return m_leftTabs; }
    QTabWidget *rightTabs() const { return m_rightTabs; }

Q_SIGNALS:
    void stepSelected(const TraceEvent &event);
    void sourceRangeSelected(PolicyScope scope, const SourceRange &range);

private:
    void rebind();
    void rebuildMocks();
    void updateStatus();
    void onTracesForApply(const QList<RequestTrace> &batch);

    QPointer<LiveGateway> m_gateway;
    BreakerHistory *m_breakerHistory = nullptr;
    QPushButton *m_startStop;
    QLabel *m_status;
    QLabel *m_frontends;
    QLabel *m_applyState;
    QWidget *m_mockBox;
    QVBoxLayout *m_mockLayout;
    QList<MockBackendWidget *> m_mockWidgets;
    QTabWidget *m_leftTabs;
    QTabWidget *m_rightTabs;
    RequestComposer *m_composer;
    LoadRunnerWidget *m_loadRunner;
    RunCompareView *m_compareView;
    TraceView *m_traceView;
    CacheView *m_cacheView;
    BreakerView *m_breakerView;
    LivePlots *m_plots;
    qint64 m_editedAtMs = 0; // wall clock; 0 when no edit is waiting
    qint64 m_appliedAtMs = 0;
};
