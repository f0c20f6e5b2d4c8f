// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracemodel.h"

#include "engine/tracebuffer.h"

TraceModel::TraceModel(qsizetype capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

void TraceModel::follow(TraceBuffer *buffer)
{
    connect(buffer, &TraceBuffer::tracesAdded, this, &TraceModel::appendBatch);
    connect(buffer, &TraceBuffer::cleared, this, &TraceModel::clear);
    appendBatch(buffer->traces());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RequestTrace &t = rowAt(index.row());
    if (role == Qt::ToolTipRole && !t.errorReason.isEmpty())
        return t.errorReason;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SequenceColumn:
        return qulonglong(t.sequence);
    case RegionColumn:
        return t.region;
    case MethodColumn:
        return t.method;
    case UrlColumn:
        return t.url;
    case StatusColumn:
        return t.status;
    case ServedByColumn:
        return t.servedBy;
    case AttemptsColumn:
        return t.attempts;
    case DurationColumn:
        return QString::number(double(t.durationUs) / 1000.0, 'f', 2);
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case RegionColumn:
        return tr("Region");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case ServedByColumn:
        return tr("Served by");
    case AttemptsColumn:
        return tr("Attempts");
    case DurationColumn:
        return tr("ms");
    }
    return {};
}
