// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesthistorymodel.h"

#include <QDateTime>

RequestHistoryModel::RequestHistoryModel(qsizetype capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

int RequestHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &e = rowAt(index.row());
    if (role == Qt::ToolTipRole)
        return e.error.isEmpty() ? QString::fromUtf8(e.responseBody.left(2000)) : e.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.sentAtMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case RegionColumn:
        return e.region;
    case MethodColumn:
        return QString::fromLatin1(e.request.method);
    case UrlColumn:
        return e.request.url.toString();
    case StatusColumn:
        return e.status > 0 ? QVariant(e.status) : QVariant(e.error);
    case LatencyColumn:
        return QString::number(double(e.latencyUs) / 1000.0, 'f', 1);
    case ServedByColumn:
        return e.servedBy;
    }
    return {};
}

QVariant RequestHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Sent");
    case RegionColumn:
        return tr("Region");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("ms");
    case ServedByColumn:
        return tr("Served by");
    }
    return {};
}
