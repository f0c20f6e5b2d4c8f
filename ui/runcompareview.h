// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"
#include "live/livegateway.h"
#include "live/loadrunner.h"

#include <QPointer>
#include <QWidget>

class LoadRunner;
class QLabel;
class QPushButton;
class QTableView;
class TraceBuffer;
class TraceComparisonModel;
class TraceModel;

// Record and compare: records the traces of a run, saves them as JSON lines and opens them later;
// replays a recorded run (sends its requests again, one after the other) and shows each recorded
// trace beside its replay, step by step, with what changed.
class RunCompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCompareView)

public:
    explicit RunCompareView(QWidget *parent = nullptr);
    ~RunCompareView() override;

    // Not owned; null detaches.
    void setTraceBuffer(TraceBuffer *buffer);
    void setFrontends(const QList<LiveGateway::Frontend> &frontends);

    void startRecording();
    void stopRecording();
    bool isRecording() const { return m_recording; }
    bool save(const QString &path, QString *error) const;
    bool open(const QString &path, QString *error);
    void setRecorded(const QList<RequestTrace> &traces);
    // Sends the recorded requests again; false with the reason when it cannot.
    bool replay(QString *error);
    // The requests a replay sends: each recorded one to its region's front-end.
    QList<LoadRunner::Request> replayRequests(QString *error) const;

    const QList<RequestTrace> &recorded() const { return m_recorded; }
    const QList<RequestTrace> &replayed() const { return m_replayed; }
    void selectPair(int index);
    TraceComparisonModel *comparisonModel() const { return m_comparison; }
    QString summaryText() const;

Q_SIGNALS:
    void replayFinished();

private:
    void onTraces(const QList<RequestTrace> &batch);
    void onReplayDone(bool cancelled);
    void refreshLists();
    void saveInteractively();
    void openInteractively();

    QPointer<TraceBuffer> m_buffer;
    QList<LiveGateway::Frontend> m_frontends;
    QList<RequestTrace> m_recorded;
    QList<RequestTrace> m_replayed;
    bool m_recording = false;
    bool m_replaying = false;
    LoadRunner *m_runner;
    TraceModel *m_recordedModel;
    TraceModel *m_replayedModel;
    TraceComparisonModel *m_comparison;
    QTableView *m_recordedTable;
    QTableView *m_replayedTable;
    QTableView *m_stepTable;
    QPushButton *m_record;
    QPushButton *m_replay;
    QLabel *m_summary;
};
