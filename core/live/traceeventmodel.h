// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QAbstractTableModel>

// The steps of one request as a timeline: sections, policies, each retry attempt with its delay,
// every forward with its backend and status, cache lookups, stores and removals, variables and
// errors, in the order they happened. Rows are indented by their depth in the policy tree.
class TraceEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceEventModel)

public:
    enum Column { StepColumn, DetailColumn, StartColumn, DurationColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // TraceEvent::Kind as int
        // Start and end of the step as fractions of the request's duration, for timeline bars.
        StartFractionRole,
        EndFractionRole,
        HasSourceRole,
        FailedRole, // an error, or a forward that failed or answered 4xx/5xx
    };

    explicit TraceEventModel(QObject *parent = nullptr);

    void setTrace(const RequestTrace &trace);
    void clear();
    const RequestTrace &trace() const { return m_trace; }
    const TraceEvent &eventAt(int row) const { return m_trace.events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // One line saying what the step did, e.g. "GET http://… → eus: 404".
    static QString describe(const TraceEvent &event);
    static QString stepName(const TraceEvent &event);
    static bool isFailure(const TraceEvent &event);

private:
    QVariant fraction(const TraceEvent &event, bool end) const;

    RequestTrace m_trace;
};
