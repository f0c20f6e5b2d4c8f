// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemsview.h"

#include "diagnosticmodel.h"

ProblemsView::ProblemsView(DiagnosticModel *model, QWidget *parent)
    : QListView(parent)
    , m_model(model)
{
    setModel(model);
    setUniformItemSizes(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Double-click, Enter, or a single click where the style activates on single clicks.
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT positionActivated(m_model->diagnostic(index).range.begin);
    });
}

QSize ProblemsView::sizeHint() const
{
    return {QListView::sizeHint().width(), fontMetrics().height() * 5 + 2 * frameWidth()};
}
