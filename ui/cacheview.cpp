// SPDX-License-Identifier: GPL-3.0-or-later
#include "cacheview.h"

#include "engine/valuecache.h"
#include "live/cachemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

CacheView::CacheView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear cache"), this))
{
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_count, 1);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_cache)
            m_cache->clear();
    });
    setCache(nullptr);
}

CacheView::~CacheView() = default;

void CacheView::setCache(ValueCache *cache, int refreshIntervalMs)
{
    m_cache = cache;
    CacheModel *old = m_model;
    m_model = cache ? new CacheModel(cache, refreshIntervalMs, this) : nullptr;
    m_table->setModel(m_model);
    delete old;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &CacheView::updateCount);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CacheView::updateCount);
        connect(m_model, &QAbstractItemModel::modelReset, this, &CacheView::updateCount);
        m_table->horizontalHeader()->resizeSection(0, 220);
    }
    m_clear->setEnabled(cache != nullptr);
    updateCount();
}

void CacheView::updateCount()
{
    if (!m_model) {
        m_count->setText(tr("No gateway running"));
        return;
    }
    m_count->setText(tr("%n cached value(s)", nullptr, m_model->rowCount()));
}
