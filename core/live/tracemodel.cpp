// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracemodel.h"

#include "engine/tracebuffer.h"

TraceModel::TraceModel(qsizetype capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax<qsizetype>(1, capacity))
{}

void TraceModel::follow(TraceBuffer *buffer)
{
    connect(buffer, &TraceBuffer::tracesAdded, this, &TraceModel::appendBatch);
    connect(buffer, &TraceBuffer::cleared, this, &TraceModel::clear);
    appendBatch(buffer->traces());
}

void TraceModel::appendBatch(const QList<RequestTrace> &batch)
{
    if (batch.isEmpty())
        return;
    // Only the newest capacity rows of the batch can stay.
    const qsizetype skip = qMax<qsizetype>(0, batch.size() - m_capacity);
    const qsizetype incoming = batch.size() - skip;
    const qsizetype overflow = qsizetype(m_rows.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_rows.insert(m_rows.end(), batch.cbegin() + skip, batch.cend());
    endInsertRows();
}

void TraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RequestTrace &t = m_rows.at(size_t(index.row()));
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
