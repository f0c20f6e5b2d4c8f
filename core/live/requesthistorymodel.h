// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadrunner.h"

#include <QAbstractTableModel>

#include <deque>

// Requests sent from the composer, newest last: what was sent (kept for replay), the status, the
// time it took and the backend that answered. Bounded, dropping the oldest.
class RequestHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestHistoryModel)

public:
    struct Entry
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

    void append(const Entry &entry);
    void clear();
    const Entry &entryAt(int row) const { return m_entries.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    qsizetype m_capacity;
    std::deque<Entry> m_entries;
};
