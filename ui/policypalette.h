// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>

// Every policy of the schema, grouped by the sections that accept it, and the branches of
// <choose>, to drag onto the flow diagram. Each entry carries its element name in
// FlowDiagramScene::policyMimeType().
class PolicyPalette final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPalette)

public:
    explicit PolicyPalette(QWidget *parent = nullptr);

    QTreeWidgetItem *findPolicy(const QString &policyName) const;
    // What a drag of items carries (public: tests drop what a drag would).
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;

protected:
    QStringList mimeTypes() const override;
};
