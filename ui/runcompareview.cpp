// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcompareview.h"

#include "changehighlightmodel.h"
#include "engine/tracebuffer.h"
#include "live/tracecomparisonmodel.h"
#include "live/tracemodel.h"
#include "live/tracerecording.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QTableView *makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QList<RequestTrace> bySequence(QList<RequestTrace> traces)
{
    std::stable_sort(
            traces.begin(), traces.end(), [](const RequestTrace &a, const RequestTrace &b) {
                return a.sequence < b.sequence;
            });
    return traces;
}

} // namespace

RunCompareView::RunCompareView(QWidget *parent)
    : QWidget(parent)
    , m_runner(new LoadRunner(this))
    , m_recordedModel(new TraceModel(100000, this))
    , m_replayedModel(new TraceModel(100000, this))
    , m_comparison(new TraceComparisonModel(this))
    , m_recordedTable(makeTable(this))
    , m_replayedTable(makeTable(this))
    , m_stepTable(makeTable(this))
    , m_record(new QPushButton(tr("Record"), this))
    , m_replay(new QPushButton(tr("Replay"), this))
    , m_summary(new QLabel(this))
{
    m_record->setCheckable(true);
    m_recordedTable->setModel(m_recordedModel);
    m_replayedTable->setModel(m_replayedModel);
    auto *highlighted = new ChangeHighlightModel(this);
    highlighted->setSourceModel(m_comparison);
    m_stepTable->setModel(highlighted);
    for (int c : {TraceComparisonModel::LeftDetailColumn, TraceComparisonModel::RightDetailColumn})
        m_stepTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    for (int c : {TraceComparisonModel::LeftStepColumn,
                  TraceComparisonModel::ChangeColumn,
                  TraceComparisonModel::RightStepColumn})
        m_stepTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    for (QTableView *table : {m_recordedTable, m_replayedTable}) {
        // What tells two runs apart; the rest is in the step table.
        for (int c : {TraceModel::MethodColumn, TraceModel::DurationColumn})
            table->setColumnHidden(c, true);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    m_summary->setWordWrap(true);
    auto *save = new QPushButton(tr("Save…"), this);
    auto *openButton = new QPushButton(tr("Open…"), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_record);
    bar->addWidget(save);
    bar->addWidget(openButton);
    bar->addWidget(m_replay);
    bar->addWidget(m_summary, 1);
    auto *lists = new QSplitter(Qt::Horizontal, this);
    lists->addWidget(m_recordedTable);
    lists->addWidget(m_replayedTable);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(lists);
    splitter->addWidget(m_stepTable);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_record, &QPushButton::toggled, this, [this](bool on) {
        on ? startRecording() : stopRecording();
    });
    connect(save, &QPushButton::clicked, this, &RunCompareView::saveInteractively);
    connect(openButton, &QPushButton::clicked, this, &RunCompareView::openInteractively);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        QString error;
        if (!replay(&error))
            m_summary->setText(error);
    });
    connect(m_runner, &LoadRunner::finished, this, &RunCompareView::onReplayDone);
    for (QTableView *table : {m_recordedTable, m_replayedTable}) {
        connect(table->selectionModel(),
                &QItemSelectionModel::currentRowChanged,
                this,
                [this](const QModelIndex &current) {
                    if (current.isValid())
                        selectPair(current.row());
                });
    }
    refreshLists();
}

RunCompareView::~RunCompareView() = default;

void RunCompareView::setTraceBuffer(TraceBuffer *buffer)
{
    if (m_buffer)
        disconnect(m_buffer, nullptr, this, nullptr);
    m_buffer = buffer;
    if (buffer)
        connect(buffer, &TraceBuffer::tracesAdded, this, &RunCompareView::onTraces);
}

void RunCompareView::setFrontends(const QList<LiveGateway::Frontend> &frontends)
{
    m_frontends = frontends;
}

void RunCompareView::startRecording()
{
    m_recorded.clear();
    m_replayed.clear();
    m_recording = true;
    m_record->setChecked(true);
    refreshLists();
}

void RunCompareView::stopRecording()
{
    m_recording = false;
    m_record->setChecked(false);
    m_recorded = bySequence(m_recorded);
    refreshLists();
}

bool RunCompareView::save(const QString &path, QString *error) const
{
    return TraceRecording::save(path, m_recorded, error);
}

bool RunCompareView::open(const QString &path, QString *error)
{
    const TraceRecording::ReadResult result = TraceRecording::load(path);
    if (!result.ok()) {
        *error = result.error;
        return false;
    }
    setRecorded(result.traces);
    return true;
}

void RunCompareView::setRecorded(const QList<RequestTrace> &traces)
{
    m_recorded = bySequence(traces);
    m_replayed.clear();
    refreshLists();
}

QList<LoadRunner::Request> RunCompareView::replayRequests(QString *error) const
{
    QList<LoadRunner::Request> requests;
    for (const RequestTrace &trace : m_recorded) {
        const auto frontend = std::find_if(
                m_frontends.cbegin(), m_frontends.cend(), [&](const LiveGateway::Frontend &f) {
                    return f.region == trace.region;
                });
        if (frontend == m_frontends.cend()) {
            *error = tr("request %1 came in on region \"%2\", which the running gateway does not "
                        "have")
                             .arg(trace.sequence)
                             .arg(trace.region);
            return {};
        }
        // Traces keep the URL as the gateway saw it: keep its path and query, send to today's port.
        const QUrl recorded(trace.url);
        LoadRunner::Request request;
        request.method = trace.method.toLatin1();
        request.url = frontend->url.resolved(QUrl(recorded.path(QUrl::FullyEncoded)));
        request.url.setQuery(recorded.query(QUrl::FullyEncoded));
        requests.append(request);
    }
    if (requests.isEmpty())
        *error = tr("nothing recorded to replay");
    return requests;
}

bool RunCompareView::replay(QString *error)
{
    const QList<LoadRunner::Request> requests = replayRequests(error);
    if (requests.isEmpty())
        return false;
    if (!m_buffer) {
        *error = tr("start the gateway to replay");
        return false;
    }
    m_buffer->flush(); // what came before the replay is not part of it
    m_replayed.clear();
    m_replaying = true;
    LoadRunner::Settings settings;
    settings.requests = requests;
    settings.total = int(requests.size());
    settings.concurrency = 1; // one at a time, so the replayed traces pair with the recorded ones
    if (!m_runner->start(settings)) {
        m_replaying = false;
        *error = m_runner->errorString();
        return false;
    }
    refreshLists();
    return true;
}

void RunCompareView::onTraces(const QList<RequestTrace> &batch)
{
    if (m_recording)
        m_recorded.append(batch);
    else if (m_replaying || m_replayed.size() < m_recorded.size())
        m_replayed.append(batch.mid(0, m_recorded.size() - m_replayed.size()));
    else
        return;
    refreshLists();
}

void RunCompareView::onReplayDone(bool)
{
    // The last traces reach the buffer as the answers leave the gateway: publish them now.
    if (m_buffer)
        m_buffer->flush();
    m_replaying = false;
    refreshLists();
    selectPair(0);
    Q_EMIT replayFinished();
}

void RunCompareView::selectPair(int index)
{
    if (index < 0 || index >= m_recorded.size()) {
        m_comparison->clear();
        return;
    }
    const RequestTrace right = index < m_replayed.size() ? m_replayed.at(index) : RequestTrace();
    m_comparison->setTraces(m_recorded.at(index), right);
    for (QTableView *table : {m_recordedTable, m_replayedTable}) {
        if (index < table->model()->rowCount() && table->currentIndex().row() != index)
            table->selectRow(index);
    }
}

QString RunCompareView::summaryText() const
{
    return m_summary->text();
}

void RunCompareView::refreshLists()
{
    m_recordedModel->clear();
    m_recordedModel->appendBatch(m_recorded);
    m_replayedModel->clear();
    m_replayedModel->appendBatch(m_replayed);
    int changed = 0;
    for (qsizetype i = 0; i < qMin(m_recorded.size(), m_replayed.size()); ++i)
        changed += TraceComparison::compare(m_recorded.at(i), m_replayed.at(i)).identical() ? 0 : 1;
    QString text = m_recording ? tr("Recording: %n request(s)", nullptr, int(m_recorded.size()))
                               : tr("%n recorded request(s)", nullptr, int(m_recorded.size()));
    if (!m_replayed.isEmpty())
        text += tr(", %1 replayed, %2 differ").arg(m_replayed.size()).arg(changed);
    m_summary->setText(text);
    m_replay->setEnabled(!m_recorded.isEmpty() && !m_recording && !m_replaying);
}

void RunCompareView::saveInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the recorded run"), {}, tr("Trace lines (*.jsonl)"));
    QString error;
    if (!path.isEmpty() && !save(path, &error))
        m_summary->setText(error);
}

void RunCompareView::openInteractively()
{
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a recorded run"), {}, tr("Trace lines (*.jsonl);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !open(path, &error))
        m_summary->setText(error);
}
