// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceview.h"

#include "engine/tracebuffer.h"
#include "live/traceeventmodel.h"
#include "live/tracemodel.h"
#include "timelinedelegate.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

} // namespace

TraceView::TraceView(QWidget *parent)
    : QWidget(parent)
    , m_traces(new TraceModel(2000, this))
    , m_events(new TraceEventModel(this))
    , m_requestTable(makeTable(this))
    , m_stepTable(makeTable(this))
    , m_summary(new QLabel(this))
    , m_follow(new QCheckBox(tr("Follow newest"), this))
{
    m_requestTable->setModel(m_traces);
    m_stepTable->setModel(m_events);
    m_stepTable->setItemDelegateForColumn(TraceEventModel::DurationColumn,
                                          new TimelineDelegate(m_stepTable));
    m_stepTable->horizontalHeader()->resizeSection(TraceEventModel::StepColumn, 170);
    m_stepTable->horizontalHeader()->resizeSection(TraceEventModel::DetailColumn, 420);
    // Fixed widths: sizing to contents would measure every row of every batch under load.
    QHeaderView *header = m_requestTable->horizontalHeader();
    header->setStretchLastSection(false);
    const QList<QPair<int, int>> widths = {{TraceModel::SequenceColumn, 50},
                                           {TraceModel::RegionColumn, 100},
                                           {TraceModel::MethodColumn, 60},
                                           {TraceModel::StatusColumn, 55},
                                           {TraceModel::ServedByColumn, 200},
                                           {TraceModel::AttemptsColumn, 65},
                                           {TraceModel::DurationColumn, 60}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    header->setSectionResizeMode(TraceModel::UrlColumn, QHeaderView::Stretch);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_follow->setChecked(true);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Requests served"), top), 1);
    bar->addWidget(m_follow);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_requestTable, 1);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(m_stepTable, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_traces, &QAbstractItemModel::rowsInserted, this, &TraceView::onBatch);
    // Picking a request by hand means reading it: new traffic must not take it away.
    connect(m_requestTable, &QAbstractItemView::pressed, this, [this] {
        m_follow->setChecked(false);
    });
    connect(m_requestTable->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &TraceView::onRequestSelected);
    connect(m_stepTable->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &TraceView::onStepSelected);
    updateSummary();
}

TraceView::~TraceView() = default;

void TraceView::setTraceBuffer(TraceBuffer *buffer)
{
    if (m_buffer)
        disconnect(m_buffer, nullptr, m_traces, nullptr);
    m_buffer = buffer;
    m_traces->clear();
    m_events->clear();
    if (buffer)
        m_traces->follow(buffer);
    updateSummary();
}

void TraceView::showTrace(const RequestTrace &trace)
{
    m_events->setTrace(trace);
    updateSummary();
}

void TraceView::setFollowLatest(bool follow)
{
    m_follow->setChecked(follow);
}

void TraceView::onBatch()
{
    if (!m_follow->isChecked() || m_traces->rowCount() == 0)
        return;
    // One selection per batch (the model inserts each batch at once), not one per request.
    const QModelIndex newest = m_traces->index(m_traces->rowCount() - 1, 0);
    m_requestTable->selectionModel()->setCurrentIndex(
            newest, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_requestTable->scrollToBottom();
}

void TraceView::onRequestSelected()
{
    const QModelIndex current = m_requestTable->currentIndex();
    if (!current.isValid())
        return;
    showTrace(m_traces->traceAt(current.row()));
}

void TraceView::onStepSelected()
{
    const QModelIndex current = m_stepTable->currentIndex();
    if (!current.isValid())
        return;
    const TraceEvent &event = m_events->eventAt(current.row());
    Q_EMIT stepSelected(event);
    if (event.range.isValid())
        Q_EMIT sourceRangeSelected(event.scope, event.range);
}

void TraceView::updateSummary()
{
    const RequestTrace &t = m_events->trace();
    if (t.method.isEmpty() && t.events.isEmpty()) {
        m_summary->setText(tr("Select a request to see its steps."));
        return;
    }
    QString text
            = tr("<b>%1 %2</b> (%3) → <b>%4</b> from %5 after %n attempt(s) in %6 ms",
                 nullptr,
                 t.attempts)
                      .arg(t.method.toHtmlEscaped(),
                           t.url.toHtmlEscaped(),
                           t.region.toHtmlEscaped())
                      .arg(t.status)
                      .arg(t.servedBy.isEmpty() ? tr("no backend") : t.servedBy.toHtmlEscaped())
                      .arg(double(t.durationUs) / 1000.0, 0, 'f', 2);
    if (!t.errorReason.isEmpty())
        text += tr(" — <span style='color:#c62828'>%1</span>").arg(t.errorReason.toHtmlEscaped());
    m_summary->setText(text);
}
