// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class CacheModel;
class QLabel;
class QPushButton;
class QTableView;
class ValueCache;

// The gateway's value cache: key, value, region and a live time-to-live countdown; entries vanish
// when they expire. Clear empties the cache itself, as a restart of the gateway would.
class CacheView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheView)

public:
    explicit CacheView(QWidget *parent = nullptr);
    ~CacheView() override;

    // Not owned; null shows an empty view.
    void setCache(ValueCache *cache, int refreshIntervalMs = 250);
    CacheModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }

private:
    void updateCount();

    QPointer<ValueCache> m_cache;
    CacheModel *m_model = nullptr;
    QTableView *m_table;
    QLabel *m_count;
    QPushButton *m_clear;
};
