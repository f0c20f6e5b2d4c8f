// SPDX-License-Identifier: GPL-3.0-or-later
#include "changehighlightmodel.h"

#include "live/tracecomparisonmodel.h"

#include <QBrush>
#include <QColor>

QVariant ChangeHighlightModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::BackgroundRole)
        return QIdentityProxyModel::data(index, role);
    switch (TraceComparison::Change(index.data(TraceComparisonModel::ChangeRole).toInt())) {
    case TraceComparison::Change::Same:
        return {};
    case TraceComparison::Change::Changed:
        return QBrush(QColor(0xff, 0xec, 0xb3));
    case TraceComparison::Change::Added:
        return QBrush(QColor(0xc8, 0xe6, 0xc9));
    case TraceComparison::Change::Removed:
        return QBrush(QColor(0xff, 0xcd, 0xd2));
    }
    return {};
}
