// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <deque>

// A table of rows, newest last, that keeps at most `capacity` rows by dropping the oldest. The live
// views append in batches so that a flood of requests costs one model update per batch; the
// subclass only says how a row looks (data, headerData, columnCount).
template<typename Row>
class BoundedTableModel : public QAbstractTableModel
{
public:
    explicit BoundedTableModel(qsizetype capacity, QObject *parent)
        : QAbstractTableModel(parent)
        , m_capacity(qMax<qsizetype>(1, capacity))
    {}

    void appendRows(const QList<Row> &batch)
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

    void clear()
    {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

    const Row &rowAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

private:
    qsizetype m_capacity;
    std::deque<Row> m_rows;
};
