// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewaypanel.h"

#include "breakerview.h"
#include "cacheview.h"
#include "engine/tracebuffer.h"
#include "live/breakerhistory.h"
#include "live/livegateway.h"
#include "liveplots.h"
#include "loadrunnerwidget.h"
#include "mockbackendwidget.h"
#include "requestcomposer.h"
#include "runcompareview.h"
#include "traceview.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

GatewayPanel::GatewayPanel(QWidget *parent)
    : QWidget(parent)
    , m_startStop(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_frontends(new QLabel(this))
    , m_applyState(new QLabel(this))
    , m_mockBox(new QGroupBox(tr("Mock backends"), this))
    , m_mockLayout(new QVBoxLayout(m_mockBox))
    , m_leftTabs(new QTabWidget(this))
    , m_rightTabs(new QTabWidget(this))
    , m_composer(new RequestComposer(this))
    , m_loadRunner(new LoadRunnerWidget(this))
    , m_compareView(new RunCompareView(this))
    , m_traceView(new TraceView(this))
    , m_cacheView(new CacheView(this))
    , m_breakerView(new BreakerView(this))
    , m_plots(new LivePlots(this))
{
    m_frontends->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_frontends->setOpenExternalLinks(false);
    m_mockLayout->setContentsMargins(4, 2, 4, 2);
    m_mockLayout->setSpacing(0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_startStop);
    top->addWidget(m_status);
    top->addWidget(m_frontends, 1);
    top->addWidget(m_applyState);

    m_leftTabs->addTab(m_composer, tr("Send"));
    m_leftTabs->addTab(m_loadRunner, tr("Load"));
    m_leftTabs->addTab(m_compareView, tr("Record && compare"));
    m_rightTabs->addTab(m_traceView, tr("Trace"));
    m_rightTabs->addTab(m_cacheView, tr("Cache"));
    auto *breakerScroll = new QScrollArea(this);
    breakerScroll->setWidget(m_breakerView);
    breakerScroll->setWidgetResizable(true);
    m_rightTabs->addTab(breakerScroll, tr("Circuit breakers"));
    m_rightTabs->addTab(m_plots, tr("Plots"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_leftTabs);
    splitter->addWidget(m_rightTabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_mockBox);
    layout->addWidget(splitter, 1);

    m_loadRunner->setRequestSource([this](QString *error) {
        const LoadRunner::Request request = m_composer->currentRequest(error);
        return error->isEmpty() ? QList<LoadRunner::Request>{request}
                                : QList<LoadRunner::Request>();
    });
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        setRunning(!(m_gateway && m_gateway->isRunning()));
    });
    connect(m_traceView, &TraceView::stepSelected, this, &GatewayPanel::stepSelected);
    connect(m_traceView, &TraceView::sourceRangeSelected, this, &GatewayPanel::sourceRangeSelected);
    rebind();
}

GatewayPanel::~GatewayPanel() = default;

void GatewayPanel::setGateway(LiveGateway *gateway)
{
    if (m_gateway)
        disconnect(m_gateway, nullptr, this, nullptr);
    m_gateway = gateway;
    if (gateway) {
        connect(gateway, &LiveGateway::runningChanged, this, &GatewayPanel::rebind);
        connect(gateway, &LiveGateway::topologyChanged, this, &GatewayPanel::rebind);
        connect(gateway, &LiveGateway::policiesChanged, this, &GatewayPanel::markPolicyEdited);
    }
    rebind();
}

bool GatewayPanel::setRunning(bool running)
{
    if (!m_gateway)
        return false;
    if (!running) {
        m_gateway->stop();
        rebind();
        return true;
    }
    QString error;
    const bool ok = m_gateway->isRunning() || m_gateway->start(&error);
    rebind();
    if (!ok)
        m_status->setText(tr("<span style='color:#c62828'>Could not start: %1</span>")
                                  .arg(error.toHtmlEscaped()));
    return ok;
}

void GatewayPanel::markPolicyEdited()
{
    m_editedAtMs = QDateTime::currentMSecsSinceEpoch();
    updateStatus();
}

QString GatewayPanel::applyStateText() const
{
    return m_applyState->text();
}

void GatewayPanel::rebind()
{
    const bool running = m_gateway && m_gateway->isRunning();
    TraceBuffer *buffer = running ? m_gateway->traceBuffer() : nullptr;
    delete m_breakerHistory;
    m_breakerHistory = nullptr;
    if (running) {
        m_breakerHistory = new BreakerHistory(m_gateway->clock(), 1000, this);
        m_breakerHistory->setBreakers(m_gateway->circuitBreakers());
    }
    m_breakerView->setHistory(m_breakerHistory);
    m_breakerView->setTraceBuffer(buffer);
    m_traceView->setTraceBuffer(buffer);
    m_plots->setTraceBuffer(buffer);
    m_compareView->setTraceBuffer(buffer);
    m_cacheView->setCache(running ? m_gateway->valueCache() : nullptr);
    const QList<LiveGateway::Frontend> frontends
            = running ? m_gateway->frontends() : QList<LiveGateway::Frontend>();
    m_composer->setFrontends(frontends);
    m_compareView->setFrontends(frontends);
    if (buffer)
        connect(buffer,
                &TraceBuffer::tracesAdded,
                this,
                &GatewayPanel::onTracesForApply,
                Qt::UniqueConnection);
    rebuildMocks();
    updateStatus();
}

void GatewayPanel::rebuildMocks()
{
    qDeleteAll(m_mockWidgets);
    m_mockWidgets.clear();
    const bool running = m_gateway && m_gateway->isRunning();
    if (running) {
        for (MockBackend *backend : m_gateway->mockBackends()) {
            auto *widget = new MockBackendWidget(backend, m_mockBox);
            m_mockLayout->addWidget(widget);
            m_mockWidgets.append(widget);
        }
    }
    m_mockBox->setVisible(!m_mockWidgets.isEmpty());
}

void GatewayPanel::updateStatus()
{
    const bool running = m_gateway && m_gateway->isRunning();
    m_startStop->setEnabled(m_gateway != nullptr);
    m_startStop->setText(running ? tr("Stop gateway") : tr("Start gateway"));
    m_status->setText(!m_gateway ? tr("No workspace open")
                      : running  ? tr("<span style='color:#2e7d32'>● running</span>")
                                 : tr("○ stopped"));
    QStringList links;
    if (running) {
        for (const LiveGateway::Frontend &f : m_gateway->frontends()) {
            links.append(QStringLiteral("%1: <a href='%2'>%2</a>")
                                 .arg(f.region.toHtmlEscaped(), f.url.toString().toHtmlEscaped()));
        }
    }
    m_frontends->setText(links.join(QStringLiteral(" &nbsp; ")));
    if (m_editedAtMs > 0) {
        m_applyState->setText(tr("<span style='color:#b26a00'>● policy edited: applies on the "
                                 "next request</span>"));
    } else if (m_appliedAtMs > 0) {
        m_applyState->setText(
                tr("<span style='color:#2e7d32'>✓ edits applied at %1</span>")
                        .arg(QDateTime::fromMSecsSinceEpoch(m_appliedAtMs).toString(u"HH:mm:ss")));
    } else {
        m_applyState->clear();
    }
}

void GatewayPanel::onTracesForApply(const QList<RequestTrace> &batch)
{
    if (m_editedAtMs == 0)
        return;
    // The engine applies edits when the next request arrives: a request that started after the
    // edit ran with them.
    for (const RequestTrace &trace : batch) {
        if (trace.startedAtMs >= m_editedAtMs) {
            m_appliedAtMs = trace.startedAtMs;
            m_editedAtMs = 0;
            updateStatus();
            return;
        }
    }
}
