// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boundedtablemodel.h"
#include "engine/requesttrace.h"

class TraceBuffer;

// The requests the gateway served, newest last, one row each: what came in, the answer, which
// backend served it and after how many attempts. Fed in batches by a TraceBuffer (one model update
// per batch, never one per request) and bounded, dropping the oldest rows.
class TraceModel final : public BoundedTableModel<RequestTrace>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceModel)

public:
    enum Column {
        SequenceColumn,
        RegionColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        ServedByColumn,
        AttemptsColumn,
        DurationColumn,
        ColumnCount
    };

    explicit TraceModel(qsizetype capacity = 5000, QObject *parent = nullptr);

    // Shows the traces buffer already holds and follows what it publishes.
    void follow(TraceBuffer *buffer);
    void appendBatch(const QList<RequestTrace> &batch) { appendRows(batch); }
    const RequestTrace &traceAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};
