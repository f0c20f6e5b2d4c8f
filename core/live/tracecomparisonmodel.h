// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracecomparison.h"

#include <QAbstractTableModel>

// Two traces side by side, one row per aligned step (see TraceComparison).
class TraceComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceComparisonModel)

public:
    enum Column {
        LeftStepColumn,
        LeftDetailColumn,
        ChangeColumn,
        RightStepColumn,
        RightDetailColumn,
        ColumnCount
    };
    enum Role { ChangeRole = Qt::UserRole + 1 }; // TraceComparison::Change as int

    explicit TraceComparisonModel(QObject *parent = nullptr);

    void setTraces(const RequestTrace &left, const RequestTrace &right);
    void clear();
    const TraceComparison &comparison() const { return m_comparison; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    RequestTrace m_left;
    RequestTrace m_right;
    TraceComparison m_comparison;
};
