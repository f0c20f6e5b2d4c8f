// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flownodeitem.h"
#include "policy/policydocument.h"

#include <QGraphicsScene>

// The request path as the APIM portal draws it: client -> inbound -> backend -> outbound -> client,
// with on-error below, each section holding its policies in order. Rebuilt from a PolicyDocument;
// every node remembers its element's source range for the two-way sync with the editor.
class FlowDiagramScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowDiagramScene)

public:
    explicit FlowDiagramScene(QObject *parent = nullptr);
    ~FlowDiagramScene() override;

    void setPolicyDocument(const PolicyDocument &document);
    // Every node of the diagram, parents before children.
    const QList<FlowNodeItem *> &nodes() const { return m_nodes; }
    FlowNodeItem *section(const QString &sectionName) const;
    // The innermost node whose element contains offset, or null.
    FlowNodeItem *nodeAt(qsizetype offset) const;
    FlowNodeItem *selectedNode() const;
    // Selects nodeAt(offset) without emitting nodeActivated: the editor moved, not the user here.
    void selectNodeAt(qsizetype offset);

Q_SIGNALS:
    // The user selected a node in the diagram.
    void nodeActivated(const SourceRange &range);

private:
    void build(const PolicyDocument &document);
    void buildPolicies(const PolicyDocument &document);
    void buildSingleRoot(const PolicyNode &root, const QString &title);
    FlowNodeItem *buildSection(const PolicyNode *section, const QString &sectionName);
    FlowNodeItem *buildPolicy(const PolicyNode &element, FlowNodeItem *parent);
    void buildChildren(const PolicyNode &element, FlowNodeItem *container);
    FlowNodeItem *createNode(FlowNodeItem::Kind kind,
                             const QString &elementName,
                             const QString &title,
                             FlowNodeItem *parent);
    void addArrow(const QPointF &from, const QPointF &to);
    void onSelectionChanged();

    QList<FlowNodeItem *> m_nodes;
    QList<FlowNodeItem *> m_sections;
    bool m_selectingProgrammatically = false;
};
