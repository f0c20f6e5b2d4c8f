// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypalette.h"

#include "flowdiagramscene.h"
#include "policy/policyelementspec.h"
#include "policy/policyschema.h"

#include <QHeaderView>
#include <QMap>
#include <QMimeData>

namespace {

constexpr int policyNameRole = Qt::UserRole + 1;

QString groupTitle(PolicySections sections)
{
    if (sections == allPolicySections())
        return PolicyPalette::tr("Any section");
    return PolicyPalette::tr("Only %1").arg(policySectionNames(sections));
}

void addEntry(QTreeWidgetItem *group, const PolicyElementSpec &spec)
{
    auto *item = new QTreeWidgetItem(group, {spec.name});
    item->setData(0, policyNameRole, spec.name);
    item->setToolTip(0, spec.description);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
}

} // namespace

PolicyPalette::PolicyPalette(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("PolicyPalette"));
    setHeaderHidden(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Grouped by where the policies may stand, the groups in the order of the sections.
    QMap<int, QTreeWidgetItem *> groups;
    for (const PolicyElementSpec *spec : PolicySchema::builtin().policies()) {
        if (spec->name == u"base")
            continue;
        const int key
                = spec->sections == allPolicySections() ? 0 : 16 - int(spec->sections.toInt());
        QTreeWidgetItem *&group = groups[key];
        if (!group) {
            group = new QTreeWidgetItem({groupTitle(spec->sections)});
            group->setFlags(Qt::ItemIsEnabled);
        }
        addEntry(group, *spec);
    }
    // The branches go into a choose, not a section: a group of their own, last.
    auto *branches = new QTreeWidgetItem({tr("Branches of choose")});
    branches->setFlags(Qt::ItemIsEnabled);
    for (const PolicyElementSpec &branch : PolicySchema::builtin().policy(u"choose")->children)
        addEntry(branches, branch);
    addTopLevelItems(groups.values());
    addTopLevelItem(branches);
    expandAll();
}

QTreeWidgetItem *PolicyPalette::findPolicy(const QString &policyName) const
{
    const QList<QTreeWidgetItem *> found
            = findItems(policyName, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.constFirst();
}

QStringList PolicyPalette::mimeTypes() const
{
    return {FlowDiagramScene::policyMimeType()};
}

QMimeData *PolicyPalette::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.size() != 1 || items.constFirst()->data(0, policyNameRole).toString().isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    const QString name = items.constFirst()->data(0, policyNameRole).toString();
    data->setData(FlowDiagramScene::policyMimeType(), name.toUtf8());
    data->setText(name);
    return data;
}
