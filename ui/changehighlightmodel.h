// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

// Colours the rows of a TraceComparisonModel by their change (the core model has no colours: it
// links no GUI module): changed amber, added green, removed red.
class ChangeHighlightModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeHighlightModel)

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};
