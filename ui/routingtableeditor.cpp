// SPDX-License-Identifier: GPL-3.0-or-later
#include "routingtableeditor.h"

#include "deploy/routingpolicygenerator.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

RoutingTableEditor::RoutingTableEditor(QWidget *parent)
    : QWidget(parent)
    , m_regions(new QListWidget(this))
    , m_backends(new QTableWidget(0, 2, this))
    , m_outage(new QSpinBox(this))
    , m_generate(new QPushButton(tr("&Generate Policy"), this))
    , m_problems(new QLabel(this))
{
    setObjectName(QStringLiteral("RoutingTableEditor"));
    m_generate->setObjectName(QStringLiteral("GenerateRouting"));
    m_outage->setRange(1, 86400);
    m_outage->setSuffix(tr(" s"));
    m_outage->setToolTip(tr("How long a failed backend is remembered as down (cache duration)"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *options = new QFormLayout;
    options->addRow(tr("Outage memory:"), m_outage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createRegionPane(), 1);
    layout->addWidget(createBackendPane(), 2);
    layout->addLayout(options);
    layout->addWidget(m_generate);
    layout->addWidget(m_problems);

    connect(m_outage, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (m_updating)
            return;
        m_table.outageSeconds = seconds;
        changed();
    });
    connect(m_generate, &QPushButton::clicked, this, &RoutingTableEditor::generate);
    setTable(RoutingTable());
}

QWidget *RoutingTableEditor::createRegionPane()
{
    auto *pane = new QWidget(this);
    auto *add = new QPushButton(tr("Add Region"), pane);
    auto *remove = new QPushButton(tr("Remove"), pane);
    add->setObjectName(QStringLiteral("AddRegion"));
    remove->setObjectName(QStringLiteral("RemoveRegion"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Regions:"), pane), 1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_regions);
    m_regions->setObjectName(QStringLiteral("RoutingRegions"));
    connect(add, &QPushButton::clicked, this, [this] {
        addRegion(tr("Region %1").arg(m_table.regions.size() + 1));
        m_regions->editItem(m_regions->currentItem());
    });
    connect(remove, &QPushButton::clicked, this, &RoutingTableEditor::removeRegion);
    connect(m_regions, &QListWidget::currentRowChanged, this, [this] {
        if (!m_updating)
            showBackends();
    });
    connect(m_regions, &QListWidget::itemChanged, this, &RoutingTableEditor::onRegionEdited);
    return pane;
}

QWidget *RoutingTableEditor::createBackendPane()
{
    auto *pane = new QWidget(this);
    m_backends->setObjectName(QStringLiteral("RoutingBackends"));
    m_backends->setHorizontalHeaderLabels({tr("Backend"), tr("Base URL")});
    m_backends->horizontalHeader()->setStretchLastSection(true);
    m_backends->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backends->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *add = new QPushButton(tr("Add"), pane);
    auto *remove = new QPushButton(tr("Remove"), pane);
    auto *up = new QPushButton(tr("Up"), pane);
    auto *down = new QPushButton(tr("Down"), pane);
    add->setObjectName(QStringLiteral("AddBackend"));
    remove->setObjectName(QStringLiteral("RemoveBackend"));
    up->setObjectName(QStringLiteral("BackendUp"));
    down->setObjectName(QStringLiteral("BackendDown"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Backends, nearest first:"), pane), 1);
    for (QPushButton *button : {add, remove, up, down})
        buttons->addWidget(button);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_backends);
    connect(add, &QPushButton::clicked, this, [this] {
        const RoutingTable::Region *region = currentRegion();
        const int number = region ? int(region->backends.size()) + 1 : 1;
        addBackend(QStringLiteral("backend-%1").arg(number), QStringLiteral("https://"));
    });
    connect(remove, &QPushButton::clicked, this, &RoutingTableEditor::removeBackend);
    connect(up, &QPushButton::clicked, this, [this] { moveBackend(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveBackend(1); });
    connect(m_backends, &QTableWidget::cellChanged, this, &RoutingTableEditor::onBackendEdited);
    return pane;
}

void RoutingTableEditor::setTable(const RoutingTable &table)
{
    m_table = table;
    m_updating = true;
    m_outage->setValue(table.outageSeconds);
    m_updating = false;
    showRegions();
    m_problems->clear();
}

void RoutingTableEditor::showRegions()
{
    const int row = std::max(0, m_regions->currentRow());
    m_updating = true;
    m_regions->clear();
    for (const RoutingTable::Region &region : std::as_const(m_table.regions)) {
        auto *item = new QListWidgetItem(region.name, m_regions);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_regions->setCurrentRow(std::min(row, m_regions->count() - 1));
    m_updating = false;
    showBackends();
}

void RoutingTableEditor::showBackends()
{
    const int selected = m_backends->currentRow();
    m_updating = true;
    const RoutingTable::Region *region = currentRegion();
    const QList<RoutingTable::Backend> backends
            = region ? region->backends : QList<RoutingTable::Backend>();
    m_backends->setRowCount(int(backends.size()));
    for (int row = 0; row < backends.size(); ++row) {
        m_backends->setItem(row, 0, new QTableWidgetItem(backends.at(row).name));
        m_backends->setItem(row, 1, new QTableWidgetItem(backends.at(row).baseUrl));
    }
    m_backends->setVerticalHeaderLabels([&] {
        QStringList priorities;
        for (int i = 1; i <= backends.size(); ++i)
            priorities.append(QString::number(i));
        return priorities;
    }());
    if (selected >= 0 && selected < backends.size())
        m_backends->selectRow(selected);
    m_updating = false;
}

RoutingTable::Region *RoutingTableEditor::currentRegion()
{
    const int row = m_regions->currentRow();
    return row >= 0 && row < m_table.regions.size() ? &m_table.regions[row] : nullptr;
}

void RoutingTableEditor::addRegion(const QString &name)
{
    RoutingTable::Region region{name, {}};
    // A new region starts with the backends the table knows, so only their order needs setting.
    region.backends = m_table.backends();
    m_table.regions.append(region);
    showRegions();
    selectRegion(int(m_table.regions.size()) - 1);
    changed();
}

void RoutingTableEditor::removeRegion()
{
    const int row = m_regions->currentRow();
    if (row < 0 || row >= m_table.regions.size())
        return;
    m_table.regions.removeAt(row);
    showRegions();
    changed();
}

void RoutingTableEditor::addBackend(const QString &name, const QString &baseUrl)
{
    RoutingTable::Region *region = currentRegion();
    if (!region)
        return;
    region->backends.append({name, baseUrl});
    showBackends();
    selectBackend(int(region->backends.size()) - 1);
    changed();
}

void RoutingTableEditor::removeBackend()
{
    RoutingTable::Region *region = currentRegion();
    const int row = m_backends->currentRow();
    if (!region || row < 0 || row >= region->backends.size())
        return;
    region->backends.removeAt(row);
    showBackends();
    changed();
}

void RoutingTableEditor::moveBackend(int delta)
{
    RoutingTable::Region *region = currentRegion();
    const int row = m_backends->currentRow();
    const int target = row + delta;
    if (!region || row < 0 || target < 0 || target >= region->backends.size())
        return;
    region->backends.move(row, target);
    showBackends();
    selectBackend(target);
    changed();
}

void RoutingTableEditor::selectRegion(int row)
{
    m_regions->setCurrentRow(row);
}

void RoutingTableEditor::selectBackend(int row)
{
    m_backends->setCurrentCell(row, 0);
    m_backends->selectRow(row);
}

void RoutingTableEditor::onRegionEdited()
{
    if (m_updating)
        return;
    for (int row = 0; row < m_regions->count() && row < m_table.regions.size(); ++row)
        m_table.regions[row].name = m_regions->item(row)->text().trimmed();
    changed();
}

void RoutingTableEditor::onBackendEdited(int row, int column)
{
    RoutingTable::Region *region = currentRegion();
    if (m_updating || !region || row >= region->backends.size())
        return;
    const QString text = m_backends->item(row, column)->text().trimmed();
    RoutingTable::Backend &backend = region->backends[row];
    const QString previousName = backend.name;
    if (column == 0) {
        backend.name = text;
    } else {
        // A backend has one URL in every region that lists it.
        for (RoutingTable::Region &r : m_table.regions) {
            for (RoutingTable::Backend &b : r.backends) {
                if (b.name == previousName)
                    b.baseUrl = text;
            }
        }
    }
    changed();
}

void RoutingTableEditor::changed()
{
    m_problems->clear();
    Q_EMIT tableChanged(m_table);
}

bool RoutingTableEditor::generate()
{
    const RoutingPolicyGenerator::Result result = RoutingPolicyGenerator::generate(m_table);
    if (result.xml.isEmpty()) {
        QStringList messages;
        for (const Diagnostic &d : result.diagnostics)
            messages.append(d.message.toHtmlEscaped());
        m_problems->setText(tr("Cannot generate:") + QLatin1String("<br>")
                            + messages.join(QLatin1String("<br>")));
        return false;
    }
    m_problems->setText(tr("Generated for %n region(s).", nullptr, int(m_table.regions.size())));
    Q_EMIT policyGenerated(result.xml, m_table);
    return true;
}
