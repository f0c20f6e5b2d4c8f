// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"

#include <QAbstractListModel>

// The problems of the current document as a list, one "line:col: message" row per diagnostic. It
// shows whatever producers (parser, validator, ...) hand it, sorted by position.
class DiagnosticModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticModel)

public:
    enum Role { LineRole = Qt::UserRole + 1, ColumnRole, OffsetRole, CodeRole, SeverityRole };

    explicit DiagnosticModel(QObject *parent = nullptr);

    void setDiagnostics(QList<Diagnostic> diagnostics);
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const Diagnostic &diagnostic(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Diagnostic> m_diagnostics;
};
