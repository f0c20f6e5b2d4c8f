// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacescopemodel.h"

namespace {

constexpr int maskLength = 8;

} // namespace

WorkspaceScopeModel::WorkspaceScopeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_nodes.append(Node{});
}

WorkspaceScopeModel::~WorkspaceScopeModel() = default;

void WorkspaceScopeModel::setWorkspace(const Workspace &workspace)
{
    beginResetModel();
    m_nodes = {Node{}};
    m_modified.clear();
    auto addScope = [&](int parent, const WorkspaceScope &scope, const QString &name) {
        const int node = addNode(parent, name, scope);
        m_nodes[node].document = scope.documentName(workspace);
        m_nodes[node].toolTip = scope.title(workspace) + u'\n' + m_nodes[node].document;
        return node;
    };
    addScope(0, WorkspaceScope::global(), tr("Global (all APIs)"));
    const int products = addNode(0, tr("Products"));
    for (const Workspace::Product &product : workspace.products)
        addScope(products,
                 WorkspaceScope::product(product.id),
                 product.name.isEmpty() ? product.id : product.name);
    const int apis = addNode(0, tr("APIs"));
    for (const Workspace::Api &api : workspace.apis) {
        const int apiNode = addScope(
                apis, WorkspaceScope::api(api.id), api.name.isEmpty() ? api.id : api.name);
        for (const Workspace::Operation &operation : api.operations)
            addScope(apiNode,
                     WorkspaceScope::operation(api.id, operation.id),
                     operation.name.isEmpty() ? operation.id : operation.name);
    }
    const int fragments = addNode(0, tr("Fragments"));
    for (const Workspace::Fragment &fragment : workspace.fragments)
        addScope(fragments, WorkspaceScope::fragment(fragment.id), fragment.id);
    addNamedValues(workspace);
    endResetModel();
}

void WorkspaceScopeModel::clear()
{
    beginResetModel();
    m_nodes = {Node{}};
    m_modified.clear();
    endResetModel();
}

void WorkspaceScopeModel::addNamedValues(const Workspace &workspace)
{
    const int group = addNode(0, tr("Named values"));
    for (const Workspace::NamedValue &value : workspace.namedValues) {
        // A secret's value is never shown, nor its length.
        const QString shown = value.secret ? QString(maskLength, QChar(0x2022)) : value.value;
        const int node = addNode(group, QStringLiteral("%1 = %2").arg(value.name, shown));
        m_nodes[node].toolTip = value.secret ? tr("{{%1}}: secret").arg(value.name)
                                             : QStringLiteral("{{%1}}").arg(value.name);
    }
}

int WorkspaceScopeModel::addNode(int parent, const QString &text, const WorkspaceScope &scope)
{
    Node node;
    node.text = text;
    node.scope = scope;
    node.parent = parent;
    node.row = int(m_nodes.at(parent).children.size());
    m_nodes.append(node);
    const int id = int(m_nodes.size() - 1);
    m_nodes[parent].children.append(id);
    return id;
}

void WorkspaceScopeModel::setModified(const WorkspaceScope &scope, bool modified)
{
    if (m_modified.contains(scope) == modified)
        return;
    if (modified)
        m_modified.insert(scope);
    else
        m_modified.remove(scope);
    const QModelIndex changed = indexOf(scope);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole});
}

WorkspaceScope WorkspaceScopeModel::scope(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->scope : WorkspaceScope();
}

QModelIndex WorkspaceScopeModel::indexOf(const WorkspaceScope &scope) const
{
    if (!scope.isValid())
        return {};
    for (qsizetype id = 1; id < m_nodes.size(); ++id) {
        if (m_nodes.at(id).scope == scope)
            return createIndex(m_nodes.at(id).row, 0, quintptr(id));
    }
    return {};
}

const WorkspaceScopeModel::Node *WorkspaceScopeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes.at(qsizetype(index.internalId()));
}

QModelIndex WorkspaceScopeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *parentNode = parent.isValid() ? nodeOf(parent) : &m_nodes.first();
    if (!parentNode || column != 0 || row < 0 || row >= parentNode->children.size())
        return {};
    return createIndex(row, column, quintptr(parentNode->children.at(row)));
}

QModelIndex WorkspaceScopeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent <= 0)
        return {};
    return createIndex(m_nodes.at(node->parent).row, 0, quintptr(node->parent));
}

int WorkspaceScopeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = parent.isValid() ? nodeOf(parent) : &m_nodes.first();
    return node ? int(node->children.size()) : 0;
}

int WorkspaceScopeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant WorkspaceScopeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_modified.contains(node->scope) ? node->text + QStringLiteral(" *") : node->text;
    case Qt::ToolTipRole:
        return node->toolTip.isEmpty() ? QVariant() : node->toolTip;
    case ScopeKindRole:
        return int(node->scope.kind);
    case DocumentRole:
        return node->document.isEmpty() ? QVariant() : node->document;
    default:
        return {};
    }
}
