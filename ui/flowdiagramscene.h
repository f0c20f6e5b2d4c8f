// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flownodeitem.h"
#include "policy/policydocument.h"

#include <QColor>
#include <QGraphicsScene>
#include <QLineF>
#include <QPointF>
#include <QSet>

#include <functional>

#include <utility>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QMimeData;

// The request path as the APIM portal draws it: client -> inbound -> backend -> outbound -> client,
// with on-error below, each section holding its policies in order. Follows a PolicyDocument;
// every node remembers its element's source range for the two-way sync with the editor.
class FlowDiagramScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowDiagramScene)

public:
    explicit FlowDiagramScene(QObject *parent = nullptr);
    ~FlowDiagramScene() override;

    // Shows document. The items of elements that did not change are kept (with their selection),
    // only their ranges follow the text: after a keystroke in a large policy, one node changes.
    void setPolicyDocument(const PolicyDocument &document);
    // Every node of the diagram, parents before children.
    const QList<FlowNodeItem *> &nodes() const { return m_nodes; }
    FlowNodeItem *section(const QString &sectionName) const;
    // The innermost node whose element contains offset, or null.
    FlowNodeItem *nodeAt(qsizetype offset) const;
    FlowNodeItem *selectedNode() const;
    // Selects nodeAt(offset) without emitting nodeActivated: the editor moved, not the user here.
    void selectNodeAt(qsizetype offset);

    // What an expanded <base/> (the parent scopes' policies of its section) or
    // <include-fragment/> (the fragment's policies) shows inside it: elements carrying their
    // origins. Without a provider nothing expands.
    using ExpansionProvider
            = std::function<QList<PolicyNode>(const PolicyNode &element, const QString &section)>;
    void setExpansionProvider(ExpansionProvider provider);
    bool isExpandable(const FlowNodeItem *node) const;
    bool isExpanded(const FlowNodeItem *node) const;
    // What expanding node shows in section, whether it is expanded or not (empty when it
    // cannot expand).
    QList<PolicyNode> expansionContent(const FlowNodeItem *node, const QString &section) const;
    // Rebuilds the diagram with the node starting at offset (in the document) expanded or not.
    void setExpandedAt(qsizetype offset, bool expanded);
    void collapseAll();
    // Editing on the diagram. A palette entry drags a policy name, a node drags its element.
    static QString policyMimeType();
    static QString nodeMimeType();
    // What dragging node carries (null for nodes that cannot move: sections, terminals).
    QMimeData *createNodeDragData(const FlowNodeItem *node) const;
    // Off while the scene is rendered for an export: the boxes then draw as vectors and text.
    void setPaintCaching(bool enabled);
    // Shown while a drag hovers over a position where the schema allows the policy.
    bool isDropIndicatorVisible() const;

Q_SIGNALS:
    // The user selected a node in the diagram.
    void nodeActivated(const SourceRange &range);
    // The user selected a node of another document (inside an expanded <base/> or fragment).
    void foreignNodeActivated(const PolicyOrigin &origin, const SourceRange &range);
    // The nodes were updated: the document changed, or a node was expanded or collapsed.
    void rebuilt();
    // Drops where the schema allows them; position counts the container's current elements.
    void policyDropped(const QString &policyName, const SourceRange &container, int position);
    void nodeDropped(const SourceRange &element, const SourceRange &container, int position);
    // Drops on a section the document does not have yet, which the handler creates.
    void policyDroppedIntoNewSection(const QString &policyName, const QString &sectionName);
    void nodeDroppedIntoNewSection(const SourceRange &element, const QString &sectionName);
    // Delete key or context menu on a node.
    void removeRequested(const SourceRange &element);

protected:
    bool event(QEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    // What a node shows of an element, compared with the node already shown to tell whether the
    // element changed.
    struct NodeSpec
    {
        const PolicyNode *element = nullptr;
        FlowNodeItem::Kind kind = FlowNodeItem::Kind::Policy;
        QString title;
        QStringList details;
        // What an expanded <base/> or <include-fragment/> shows inside it.
        QList<PolicyNode> expansion;
        // Hash of the element content the details are made of, which are then made only when
        // it changed; 0 when they depend on more (an expansion, an origin label) and are in
        // details.
        size_t key = 0;
    };

    void rebuild();
    bool canUpdate(const PolicyDocument &document) const;
    void clearDiagram();
    void build(const PolicyDocument &document);
    void buildPolicies(const PolicyDocument &document);
    void layoutPolicies();
    void buildSingleRoot(const PolicyNode &root, const QString &title);
    FlowNodeItem *addRoot(FlowNodeItem::Kind kind,
                          const QString &elementName,
                          const QString &title);
    void buildSection(FlowNodeItem *item, const PolicyNode *section);
    NodeSpec policySpec(const PolicyNode &element) const;
    QStringList detailsOf(const NodeSpec &spec) const;
    static bool shows(const FlowNodeItem *item, const NodeSpec &spec);
    QList<NodeSpec> policySpecs(const QList<const PolicyNode *> &elements) const;
    QList<NodeSpec> childSpecs(const NodeSpec &spec) const;
    void addExpansion(const PolicyNode &element, NodeSpec &spec) const;
    void buildChildren(FlowNodeItem *container, const QList<NodeSpec> &specs);
    FlowNodeItem *buildNode(const NodeSpec &spec, FlowNodeItem *item);
    void collectNodes();
    void addArrow(const QPointF &from, const QPointF &to);
    void onSelectionChanged();
    bool isExpandedElement(const PolicyNode &element) const;
    QSet<qsizetype> expandedIn(const PolicyDocument &document) const;
    // The element a drag carries: {policy name, moved element or null}; empty name if none.
    std::pair<QString, const PolicyNode *> dragged(const QMimeData *mimeData) const;
    bool updateDropIndicator(QGraphicsSceneDragDropEvent *event);
    const PolicyNode *editableElement(const FlowNodeItem *node) const;
    FlowNodeItem *nodeAtScenePos(const QPointF &scenePos) const;

    QList<FlowNodeItem *> m_nodes;
    QList<FlowNodeItem *> m_sections;
    // The top-level nodes in display order, and the arrows and captions between them.
    QList<FlowNodeItem *> m_roots;
    QList<QGraphicsItem *> m_decorations;
    // Where the decorations of a <policies> diagram stand: the arrows between the top-level
    // nodes and on-error's caption, which is one of the decorations.
    struct DecorationLayout
    {
        QList<QLineF> arrows;
        QPointF caption;
        QColor color;

        friend bool operator==(const DecorationLayout &, const DecorationLayout &) = default;
    };
    DecorationLayout m_decorationLayout;
    QGraphicsSimpleTextItem *m_caption = nullptr;
    bool m_selectingProgrammatically = false;
    // The document the diagram shows, for the drop rules, drags and expansions.
    PolicyDocument m_document;
    ExpansionProvider m_expansionProvider;
    QSet<qsizetype> m_expanded; // start offsets of expanded elements
    QString m_buildingSection;
    QGraphicsLineItem *m_dropIndicator = nullptr;
    FlowNodeItem *m_pressedNode = nullptr;
    QPointF m_pressPos;
};
