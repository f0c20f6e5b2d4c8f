// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracecomparisonmodel.h"

#include "traceeventmodel.h"

TraceComparisonModel::TraceComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TraceComparisonModel::setTraces(const RequestTrace &left, const RequestTrace &right)
{
    beginResetModel();
    m_left = left;
    m_right = right;
    m_comparison = TraceComparison::compare(left, right);
    endResetModel();
}

void TraceComparisonModel::clear()
{
    beginResetModel();
    m_left = {};
    m_right = {};
    m_comparison = {};
    endResetModel();
}

int TraceComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.steps.size());
}

int TraceComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TraceComparison::Step &step = m_comparison.steps.at(index.row());
    if (role == ChangeRole)
        return int(step.change);
    if (role != Qt::DisplayRole)
        return {};
    const TraceEvent *left = step.left >= 0 ? &m_left.events.at(step.left) : nullptr;
    const TraceEvent *right = step.right >= 0 ? &m_right.events.at(step.right) : nullptr;
    switch (index.column()) {
    case LeftStepColumn:
        return left ? TraceEventModel::stepName(*left) : QString();
    case LeftDetailColumn:
        return left ? TraceEventModel::describe(*left) : QString();
    case ChangeColumn:
        return step.change == TraceComparison::Change::Same
                       ? QString()
                       : TraceComparison::changeName(step.change);
    case RightStepColumn:
        return right ? TraceEventModel::stepName(*right) : QString();
    case RightDetailColumn:
        return right ? TraceEventModel::describe(*right) : QString();
    }
    return {};
}

QVariant TraceComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LeftStepColumn:
        return tr("Recorded");
    case LeftDetailColumn:
        return tr("Detail");
    case ChangeColumn:
        return tr("Change");
    case RightStepColumn:
        return tr("Replayed");
    case RightDetailColumn:
        return tr("Detail");
    }
    return {};
}
