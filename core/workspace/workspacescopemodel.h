// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspacescope.h"

#include <QAbstractItemModel>
#include <QSet>

// The workspace as a tree: the global scope, products, APIs with their operations, fragments and
// named values (secrets masked). Scope rows carry their WorkspaceScope; a scope marked modified
// shows a '*' after its name. Rebuilt (reset) when the workspace's structure changes.
class WorkspaceScopeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceScopeModel)

public:
    enum Role {
        ScopeKindRole = Qt::UserRole + 1, // PolicyScope as int; None for groups and named values
        DocumentRole,                     // the scope's documentName()
    };

    explicit WorkspaceScopeModel(QObject *parent = nullptr);
    ~WorkspaceScopeModel() override;

    void setWorkspace(const Workspace &workspace);
    // No rows at all (no workspace is open).
    void clear();
    void setModified(const WorkspaceScope &scope, bool modified);

    // Invalid for group rows and named values.
    WorkspaceScope scope(const QModelIndex &index) const;
    QModelIndex indexOf(const WorkspaceScope &scope) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString text;
        QString toolTip;
        WorkspaceScope scope;
        QString document;
        int parent = -1;
        int row = 0;
        QList<int> children;
    };

    int addNode(int parent, const QString &text, const WorkspaceScope &scope = {});
    void addNamedValues(const Workspace &workspace);
    const Node *nodeOf(const QModelIndex &index) const;

    // Node 0 is the invisible root; internalId is the index into m_nodes.
    QList<Node> m_nodes;
    QSet<WorkspaceScope> m_modified;
};
