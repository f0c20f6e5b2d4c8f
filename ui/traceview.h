// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class TraceBuffer;
class TraceEventModel;
class TraceModel;

// The requests the gateway served (newest last) and, for the selected one, its timeline: sections
// and policies with durations, retry attempts with their delays, forwards with backend and status,
// cache hits, misses and stores, variables and errors. Selecting a step that has a place in the
// policy emits it, so the editor and the diagram can show it.
class TraceView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceView)

public:
    explicit TraceView(QWidget *parent = nullptr);
    ~TraceView() override;

    // Not owned; null detaches. Shows what the buffer holds and follows it.
    void setTraceBuffer(TraceBuffer *buffer);
    // Shows one trace's steps (e.g. from a recording), whatever the list shows.
    void showTrace(const RequestTrace &trace);
    // Whether each new batch selects the newest request.
    void setFollowLatest(bool follow);

    TraceModel *traceModel() const { return m_traces; }
    TraceEventModel *eventModel() const { return m_events; }
    QTableView *requestTable() const { return m_requestTable; }
    QTableView *stepTable() const { return m_stepTable; }

Q_SIGNALS:
    void stepSelected(const TraceEvent &event);
    void sourceRangeSelected(PolicyScope scope, const SourceRange &range);

private:
    void onBatch();
    void onRequestSelected();
    void onStepSelected();
    void updateSummary();

    QPointer<TraceBuffer> m_buffer;
    TraceModel *m_traces;
    TraceEventModel *m_events;
    QTableView *m_requestTable;
    QTableView *m_stepTable;
    QLabel *m_summary;
    QCheckBox *m_follow;
};
