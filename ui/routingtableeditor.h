// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/routingtable.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Edits a routing table: the regions (as context.Deployment.Region names them), each region's
// backends in priority order (nearest first, moved with Up/Down), the outage memory time.
// "Generate policy" runs RoutingPolicyGenerator and hands the XML out through policyGenerated;
// the table's problems are shown instead when it cannot be generated.
class RoutingTableEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingTableEditor)

public:
    explicit RoutingTableEditor(QWidget *parent = nullptr);

    void setTable(const RoutingTable &table);
    RoutingTable table() const { return m_table; }

    void addRegion(const QString &name);
    void removeRegion();
    void addBackend(const QString &name, const QString &baseUrl);
    void removeBackend();
    // Moves the selected backend of the current region by delta places (-1 up, +1 down).
    void moveBackend(int delta);
    void selectRegion(int row);
    void selectBackend(int row);
    // Returns whether a policy was generated.
    bool generate();

    QListWidget *regionList() const { return m_regions; }
    QTableWidget *backendTable() const { return m_backends; }
    QSpinBox *outageSpin() const { return m_outage; }
    QPushButton *generateButton() const { return m_generate; }
    QLabel *problemsLabel() const { return m_problems; }

Q_SIGNALS:
    void tableChanged(const RoutingTable &table);
    void policyGenerated(const QString &xml, const RoutingTable &table);

private:
    QWidget *createRegionPane();
    QWidget *createBackendPane();
    void showRegions();
    void showBackends();
    void onRegionEdited();
    void onBackendEdited(int row, int column);
    void changed();
    RoutingTable::Region *currentRegion();

    RoutingTable m_table;
    QListWidget *m_regions;
    QTableWidget *m_backends;
    QSpinBox *m_outage;
    QPushButton *m_generate;
    QLabel *m_problems;
    // While the widgets are filled from m_table, their change signals must not write back.
    bool m_updating = false;
};
