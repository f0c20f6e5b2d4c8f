// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticmodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include <algorithm>

DiagnosticModel::DiagnosticModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void DiagnosticModel::setDiagnostics(QList<Diagnostic> diagnostics)
{
    std::stable_sort(
            diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
                return a.range.begin.offset < b.range.begin.offset;
            });
    if (diagnostics == m_diagnostics)
        return;
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

const Diagnostic &DiagnosticModel::diagnostic(const QModelIndex &index) const
{
    return m_diagnostics.at(index.row());
}

int DiagnosticModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

QVariant DiagnosticModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1:%2: %3")
                .arg(qMax(d.range.begin.line, 1))
                .arg(qMax(d.range.begin.column, 1))
                .arg(d.message);
    case Qt::ToolTipRole:
        return d.code.isEmpty() ? d.toString() : d.toString() + QStringLiteral(" [%1]").arg(d.code);
    case Qt::DecorationRole: {
        const QStyle::StandardPixmap pixmap
                = d.severity == Diagnostic::Severity::Error     ? QStyle::SP_MessageBoxCritical
                  : d.severity == Diagnostic::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(pixmap);
    }
    case LineRole:
        return d.range.begin.line;
    case ColumnRole:
        return d.range.begin.column;
    case OffsetRole:
        return qlonglong(d.range.begin.offset);
    case CodeRole:
        return d.code;
    case SeverityRole:
        return int(d.severity);
    default:
        return {};
    }
}

QHash<int, QByteArray> DiagnosticModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LineRole, "line");
    names.insert(ColumnRole, "column");
    names.insert(OffsetRole, "offset");
    names.insert(CodeRole, "code");
    names.insert(SeverityRole, "severity");
    return names;
}
