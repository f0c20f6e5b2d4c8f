// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "boundedtablemodel.h"
#include "loadrunner.h"

struct RequestHistoryEntry
{
    qint64 sentAtMs = 0; // wall clock
    QString region;
    LoadRunner::Request request;
    int status = 0;
    qint64 latencyUs = 0;
    QString servedBy;
    QString error;
    QByteArray responseBody;
};

// Requests sent from the composer, newest last: what was sent (kept for replay), the status, the
// time it took and the backend that answered. Bounded, dropping the oldest.
class RequestHistoryModel final : public BoundedTableModel<RequestHistoryEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestHistoryModel)

public:
    using Entry = RequestHistoryEntry;
    enum Column {
        TimeColumn,
        RegionColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        LatencyColumn,
        ServedByColumn,
        ColumnCount
    };

    explicit RequestHistoryModel(qsizetype capacity = 500, QObject *parent = nullptr);

    void append(const Entry &entry) { appendRows({entry}); }
    const Entry &entryAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};
