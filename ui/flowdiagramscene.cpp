// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramscene.h"

#include "flowdropplanner.h"
#include "scopepalette.h"

#include <QApplication>
#include <QDrag>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainterPath>
#include <QPalette>

namespace {

constexpr qreal columnGap = 48;
constexpr qreal rowGap = 34;
constexpr int maxDetailLines = 4;
constexpr int maxValueLength = 90;

QString sectionTitle(const QString &sectionName)
{
    if (sectionName == u"inbound")
        return FlowDiagramScene::tr("Inbound processing");
    if (sectionName == u"backend")
        return FlowDiagramScene::tr("Backend");
    if (sectionName == u"outbound")
        return FlowDiagramScene::tr("Outbound processing");
    return FlowDiagramScene::tr("On error");
}

QColor sectionAccent(const QString &sectionName)
{
    if (sectionName == u"inbound")
        return QColor(0x1f, 0x6f, 0xb5);
    if (sectionName == u"backend")
        return QColor(0x5a, 0x4a, 0xa8);
    if (sectionName == u"outbound")
        return QColor(0x2e, 0x8b, 0x57);
    return QColor(0xb0, 0x3a, 0x2e);
}

QString shortened(QString value)
{
    value = value.simplified();
    if (value.size() > maxValueLength)
        value = value.left(maxValueLength - 1) + QChar(0x2026);
    return value;
}

// What a policy box says below its name: the attributes that tell policies apart (the portal shows
// similar one-liners), the text content (set-method GET, set-body), and <value> children.
QStringList policyDetails(const PolicyNode &element)
{
    QStringList details;
    for (const PolicyAttribute &attribute : element.attributes)
        details.append(attribute.name + QStringLiteral(": ") + shortened(attribute.value));
    const QString text = element.textContent().trimmed();
    if (!text.isEmpty())
        details.append(shortened(text));
    for (const PolicyNode *child : element.elements()) {
        const QString childText = child->textContent().trimmed();
        // The attribute that tells siblings apart: a header's name, a status's code.
        QString key = child->attribute(u"name");
        if (key.isEmpty() && !child->attributes.isEmpty())
            key = child->attributes.constFirst().value;
        QString line = child->name;
        if (!key.isEmpty())
            line += u' ' + shortened(key);
        if (!childText.isEmpty())
            line += QStringLiteral(": ") + shortened(childText);
        details.append(line);
    }
    if (details.size() > maxDetailLines) {
        const qsizetype hidden = details.size() - (maxDetailLines - 1);
        details.resize(maxDetailLines - 1);
        details.append(FlowDiagramScene::tr("… %n more", nullptr, int(hidden)));
    }
    return details;
}

bool containsPolicies(const PolicyNode &element)
{
    static const QStringList containers = {
            QStringLiteral("retry"), QStringLiteral("wait"), QStringLiteral("limit-concurrency")};
    return containers.contains(element.name);
}

} // namespace

FlowDiagramScene::FlowDiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowDiagramScene::onSelectionChanged);
}

FlowDiagramScene::~FlowDiagramScene()
{
    // ~QGraphicsScene clears the selection and emits selectionChanged after this part of the
    // object is gone: no slot (ours or an observer's that reads the scene) may run then.
    disconnect(this, &QGraphicsScene::selectionChanged, nullptr, nullptr);
}

void FlowDiagramScene::setPolicyDocument(const PolicyDocument &document)
{
    {
        // Clearing drops the selection: that is no user's choice to report.
        const QSignalBlocker blocker(this);
        clear();
        m_nodes.clear();
        m_sections.clear();
        m_dropIndicator = nullptr;
        m_pressedNode = nullptr;
        m_document = document;
        if (document.isValid())
            build(document);
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
    Q_EMIT rebuilt();
}

void FlowDiagramScene::build(const PolicyDocument &document)
{
    switch (document.kind) {
    case PolicyDocument::Kind::Policies:
        buildPolicies(document);
        break;
    case PolicyDocument::Kind::Fragment:
        buildSingleRoot(document.root(), tr("Fragment"));
        break;
    case PolicyDocument::Kind::Snippet:
        buildSingleRoot(document.root(), tr("Snippet"));
        break;
    }
}

FlowNodeItem *FlowDiagramScene::section(const QString &sectionName) const
{
    for (FlowNodeItem *item : m_sections) {
        if (item->elementName() == sectionName)
            return item;
    }
    return nullptr;
}

FlowNodeItem *FlowDiagramScene::nodeAt(qsizetype offset) const
{
    FlowNodeItem *best = nullptr;
    for (FlowNodeItem *node : m_nodes) {
        if (!node->isForeign() && node->range().contains(offset)
            && (!best || node->range().length() < best->range().length()))
            best = node;
    }
    return best;
}

FlowNodeItem *FlowDiagramScene::selectedNode() const
{
    const QList<QGraphicsItem *> selected = selectedItems();
    if (selected.size() != 1 || selected.first()->type() != FlowNodeItem::Type)
        return nullptr;
    return static_cast<FlowNodeItem *>(selected.first());
}

void FlowDiagramScene::selectNodeAt(qsizetype offset)
{
    FlowNodeItem *node = nodeAt(offset);
    if (node == selectedNode())
        return;
    m_selectingProgrammatically = true;
    clearSelection();
    if (node) {
        node->setSelected(true);
        node->ensureVisible(QRectF(), 20, 20);
    }
    m_selectingProgrammatically = false;
}

void FlowDiagramScene::onSelectionChanged()
{
    if (m_selectingProgrammatically)
        return;
    const FlowNodeItem *node = selectedNode();
    if (!node || !node->range().isValid())
        return;
    if (node->isForeign())
        Q_EMIT foreignNodeActivated(node->origin(), node->range());
    else
        Q_EMIT nodeActivated(node->range());
}

void FlowDiagramScene::buildPolicies(const PolicyDocument &document)
{
    QList<FlowNodeItem *> row;
    FlowNodeItem *client = createNode(FlowNodeItem::Kind::Terminal, {}, tr("Client"), nullptr);
    row.append(client);
    for (const QString &name : PolicyDocument::sectionNames()) {
        if (name != u"on-error")
            row.append(buildSection(document.section(name), name));
    }
    row.append(createNode(FlowNodeItem::Kind::Terminal, {}, tr("Client"), nullptr));
    FlowNodeItem *onError = buildSection(document.section(u"on-error"), QStringLiteral("on-error"));

    // Top to bottom, so the diagram fits beside the editor; on-error stands to the right.
    const QFont sceneFont = font();
    qreal columnWidth = 0;
    for (FlowNodeItem *item : std::as_const(row)) {
        item->layout(sceneFont);
        columnWidth = qMax(columnWidth, item->boundingRect().width());
    }
    qreal y = 0;
    for (FlowNodeItem *item : std::as_const(row)) {
        item->setPos((columnWidth - item->boundingRect().width()) / 2, y);
        y += item->boundingRect().height() + rowGap;
    }
    for (qsizetype i = 0; i + 1 < row.size(); ++i) {
        const QRectF a = row.at(i)->sceneBoundingRect();
        const QRectF b = row.at(i + 1)->sceneBoundingRect();
        addArrow(QPointF(columnWidth / 2, a.bottom()), QPointF(columnWidth / 2, b.top()));
    }

    onError->layout(sceneFont);
    const QRectF inbound = row.at(1)->sceneBoundingRect();
    auto *caption = addSimpleText(tr("When a step fails,\nprocessing continues here:"));
    caption->setBrush(palette().color(QPalette::Text));
    caption->setPos(columnWidth + columnGap, inbound.top());
    onError->setPos(columnWidth + columnGap, caption->sceneBoundingRect().bottom() + 8);
}

void FlowDiagramScene::buildSingleRoot(const PolicyNode &root, const QString &title)
{
    FlowNodeItem *container = createNode(FlowNodeItem::Kind::Section, root.name, title, nullptr);
    container->setRange(root.range);
    container->setAccent(QColor(0x55, 0x60, 0x70));
    m_sections.append(container);
    if (root.isElement(u"fragment"))
        buildChildren(root, container);
    else
        buildPolicy(root, container);
    container->layout(font());
}

FlowNodeItem *FlowDiagramScene::buildSection(const PolicyNode *section, const QString &sectionName)
{
    FlowNodeItem *item = createNode(
            FlowNodeItem::Kind::Section, sectionName, sectionTitle(sectionName), nullptr);
    item->setAccent(sectionAccent(sectionName));
    m_sections.append(item);
    m_buildingSection = sectionName;
    if (!section) {
        item->setDetails({tr("not in this document: drop a policy here to add it")});
        return item;
    }
    item->setRange(section->range);
    buildChildren(*section, item);
    return item;
}

void FlowDiagramScene::buildChildren(const PolicyNode &element, FlowNodeItem *container)
{
    for (const PolicyNode *child : element.elements())
        buildPolicy(*child, container);
}

FlowNodeItem *FlowDiagramScene::buildPolicy(const PolicyNode &element, FlowNodeItem *parent)
{
    using Kind = FlowNodeItem::Kind;
    FlowNodeItem *item = nullptr;
    if (element.isElement(u"base")) {
        item = createNode(Kind::Base, element.name, QStringLiteral("base"), parent);
        item->setDetails({tr("policies of the enclosing scope")});
        buildExpansion(element, item);
    } else if (element.isElement(u"choose")) {
        item = createNode(Kind::Choose, element.name, QStringLiteral("choose"), parent);
        for (const PolicyNode *branch : element.elements()) {
            FlowNodeItem *branchItem = createNode(Kind::Branch, branch->name, branch->name, item);
            branchItem->setRange(branch->range);
            branchItem->setOrigin(branch->origin);
            if (branch->isElement(u"when"))
                branchItem->setDetails({shortened(branch->attribute(u"condition"))});
            buildChildren(*branch, branchItem);
        }
    } else if (element.isElement(u"retry")) {
        item = createNode(Kind::Retry, element.name, QStringLiteral("retry"), parent);
        QStringList details
                = {tr("count: %1").arg(element.attribute(u"count", QStringLiteral("?"))),
                   tr("interval: %1 s").arg(element.attribute(u"interval", QStringLiteral("?")))};
        for (const char16_t *name : {u"max-interval", u"delta", u"first-fast-retry"}) {
            if (const PolicyAttribute *attribute = element.findAttribute(QStringView(name)))
                details.append(attribute->name + QStringLiteral(": ") + attribute->value);
        }
        details.append(tr("while: %1").arg(shortened(element.attribute(u"condition"))));
        item->setDetails(details);
        buildChildren(element, item);
    } else if (element.isElement(u"include-fragment") && m_expansionProvider) {
        item = createNode(isExpandedElement(element) ? Kind::Container : Kind::Policy,
                          element.name,
                          element.name,
                          parent);
        item->setDetails(policyDetails(element));
        buildExpansion(element, item);
    } else if (containsPolicies(element)) {
        item = createNode(Kind::Container, element.name, element.name, parent);
        QStringList details;
        for (const PolicyAttribute &attribute : element.attributes)
            details.append(attribute.name + QStringLiteral(": ") + shortened(attribute.value));
        item->setDetails(details);
        buildChildren(element, item);
    } else {
        item = createNode(Kind::Policy, element.name, element.name, parent);
        item->setDetails(policyDetails(element));
    }
    item->setRange(element.range);
    item->setOrigin(element.origin);
    item->setToolTip((QStringList{item->title()} + item->details()).join(u'\n'));
    return item;
}

FlowNodeItem *FlowDiagramScene::createNode(FlowNodeItem::Kind kind,
                                           const QString &elementName,
                                           const QString &title,
                                           FlowNodeItem *parent)
{
    auto *item = new FlowNodeItem(kind, elementName, title, nullptr);
    if (parent)
        parent->addChild(item);
    else
        addItem(item);
    m_nodes.append(item);
    return item;
}

void FlowDiagramScene::addArrow(const QPointF &from, const QPointF &to)
{
    const QColor color = palette().color(QPalette::Text);
    const QPointF direction = (to - from) / QLineF(from, to).length();
    const QPointF normal(-direction.y(), direction.x());
    QPainterPath line(from);
    line.lineTo(to - direction * 8);
    auto *shaft = addPath(line, QPen(color, 1.5));
    shaft->setZValue(-1);
    QPainterPath head;
    head.addPolygon(
            QPolygonF({to, to - direction * 9 + normal * 5, to - direction * 9 - normal * 5, to}));
    addPath(head, QPen(color), QBrush(color));
}

void FlowDiagramScene::setExpansionProvider(ExpansionProvider provider)
{
    m_expansionProvider = std::move(provider);
    m_expanded.clear();
    setPolicyDocument(m_document);
}

bool FlowDiagramScene::isExpandable(const FlowNodeItem *node) const
{
    return m_expansionProvider && node && !node->isForeign() && node->range().isValid()
           && (node->kind() == FlowNodeItem::Kind::Base
               || node->elementName() == u"include-fragment");
}

bool FlowDiagramScene::isExpanded(const FlowNodeItem *node) const
{
    return isExpandable(node) && m_expanded.contains(node->range().begin.offset);
}

QList<PolicyNode> FlowDiagramScene::expansionContent(const FlowNodeItem *node,
                                                     const QString &section) const
{
    const PolicyNode *element = isExpandable(node)
                                        ? m_document.elementStartingAt(node->range().begin.offset)
                                        : nullptr;
    return element ? m_expansionProvider(*element, section) : QList<PolicyNode>();
}

void FlowDiagramScene::setExpandedAt(qsizetype offset, bool expanded)
{
    if (m_expanded.contains(offset) == expanded)
        return;
    if (expanded)
        m_expanded.insert(offset);
    else
        m_expanded.remove(offset);
    setPolicyDocument(m_document);
}

void FlowDiagramScene::collapseAll()
{
    if (m_expanded.isEmpty())
        return;
    m_expanded.clear();
    setPolicyDocument(m_document);
}

bool FlowDiagramScene::isExpandedElement(const PolicyNode &element) const
{
    return m_expansionProvider && element.origin.scope == PolicyScope::None
           && m_expanded.contains(element.range.begin.offset);
}

// The inherited or included policies inside the node, each tagged with where it came from.
void FlowDiagramScene::buildExpansion(const PolicyNode &element, FlowNodeItem *item)
{
    if (!m_expansionProvider || element.origin.scope != PolicyScope::None)
        return;
    QStringList details = item->details();
    if (!isExpandedElement(element)) {
        details.append(tr("double-click to expand"));
        item->setDetails(details);
        return;
    }
    const QList<PolicyNode> content = m_expansionProvider(element, m_buildingSection);
    details.append(content.isEmpty() ? tr("nothing inherited") : tr("double-click to collapse"));
    item->setDetails(details);
    for (const PolicyNode &node : content) {
        FlowNodeItem *child = buildPolicy(node, item);
        child->setDetails(QStringList{ScopePalette::originLabel(node.origin)} + child->details());
    }
}

QString FlowDiagramScene::policyMimeType()
{
    return QStringLiteral("application/x-apim-policy");
}

QString FlowDiagramScene::nodeMimeType()
{
    return QStringLiteral("application/x-apim-diagram-node");
}

QMimeData *FlowDiagramScene::createNodeDragData(const FlowNodeItem *node) const
{
    const PolicyNode *element = editableElement(node);
    if (!element)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(nodeMimeType(), QByteArray::number(element->range.begin.offset));
    data->setText(element->name);
    return data;
}

bool FlowDiagramScene::isDropIndicatorVisible() const
{
    return m_dropIndicator && m_dropIndicator->isVisible();
}

std::pair<QString, const PolicyNode *> FlowDiagramScene::dragged(const QMimeData *mimeData) const
{
    if (!mimeData)
        return {};
    if (mimeData->hasFormat(policyMimeType()))
        return {QString::fromUtf8(mimeData->data(policyMimeType())), nullptr};
    bool ok = false;
    const qsizetype offset = mimeData->data(nodeMimeType()).toLongLong(&ok);
    const PolicyNode *element = ok ? m_document.elementStartingAt(offset) : nullptr;
    return element ? std::pair{element->name, element} : std::pair<QString, const PolicyNode *>{};
}

bool FlowDiagramScene::updateDropIndicator(QGraphicsSceneDragDropEvent *event)
{
    const auto [name, moved] = dragged(event->mimeData());
    const FlowDropPlanner::Target target
            = name.isEmpty() ? FlowDropPlanner::Target()
                             : FlowDropPlanner(m_nodes, m_document)
                                       .targetAt(event->scenePos(), name, moved);
    if (!m_dropIndicator) {
        m_dropIndicator = addLine(QLineF(), QPen(palette().color(QPalette::Highlight), 3));
        m_dropIndicator->setZValue(10);
    }
    m_dropIndicator->setVisible(target.allowed);
    m_dropIndicator->setLine(target.indicator);
    event->setDropAction(moved ? Qt::MoveAction : Qt::CopyAction);
    event->setAccepted(target.allowed);
    return target.allowed;
}

void FlowDiagramScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    // Accepted for the whole scene, so that moves over positions where the policy may not
    // stand keep arriving and clear the indicator.
    event->setAccepted(!dragged(event->mimeData()).first.isEmpty());
}

void FlowDiagramScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    updateDropIndicator(event);
}

void FlowDiagramScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (m_dropIndicator)
        m_dropIndicator->hide();
    event->accept();
}

void FlowDiagramScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const auto [name, moved] = dragged(event->mimeData());
    const FlowDropPlanner::Target target
            = name.isEmpty() ? FlowDropPlanner::Target()
                             : FlowDropPlanner(m_nodes, m_document)
                                       .targetAt(event->scenePos(), name, moved);
    if (m_dropIndicator)
        m_dropIndicator->hide();
    event->setAccepted(target.allowed);
    if (!target.allowed)
        return;
    event->setDropAction(moved ? Qt::MoveAction : Qt::CopyAction);
    // The handlers rewrite the text and so rebuild this scene: nothing here may be used after.
    if (!target.newSection.isEmpty() && moved)
        Q_EMIT nodeDroppedIntoNewSection(moved->range, target.newSection);
    else if (!target.newSection.isEmpty())
        Q_EMIT policyDroppedIntoNewSection(name, target.newSection);
    else if (moved)
        Q_EMIT nodeDropped(moved->range, target.container, target.position);
    else
        Q_EMIT policyDropped(name, target.container, target.position);
}

void FlowDiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressedNode = event->button() == Qt::LeftButton ? nodeAtScenePos(event->scenePos()) : nullptr;
    m_pressPos = event->screenPos();
    QGraphicsScene::mousePressEvent(event);
}

void FlowDiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_pressedNode || !(event->buttons() & Qt::LeftButton) || !event->widget()
        || QLineF(m_pressPos, event->screenPos()).length() < QApplication::startDragDistance()) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    QMimeData *data = createNodeDragData(m_pressedNode);
    m_pressedNode = nullptr;
    if (!data)
        return;
    auto *drag = new QDrag(event->widget());
    drag->setMimeData(data);
    drag->exec(Qt::MoveAction);
}

void FlowDiagramScene::keyPressEvent(QKeyEvent *event)
{
    const FlowNodeItem *node = selectedNode();
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        && editableElement(node)) {
        event->accept();
        Q_EMIT removeRequested(node->range());
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void FlowDiagramScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    FlowNodeItem *node = nodeAtScenePos(event->scenePos());
    if (!editableElement(node)) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    clearSelection();
    node->setSelected(true);
    const SourceRange range = node->range();
    QMenu menu;
    QAction *remove = menu.addAction(tr("&Delete %1").arg(node->elementName()));
    if (menu.exec(event->screenPos()) == remove)
        Q_EMIT removeRequested(range);
}

const PolicyNode *FlowDiagramScene::editableElement(const FlowNodeItem *node) const
{
    // A node of an expanded <base/> or fragment belongs to another document: its offsets mean
    // nothing here.
    if (!node || node->isForeign() || node->kind() == FlowNodeItem::Kind::Section
        || node->kind() == FlowNodeItem::Kind::Terminal)
        return nullptr;
    return m_document.elementStartingAt(node->range().begin.offset);
}

FlowNodeItem *FlowDiagramScene::nodeAtScenePos(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == FlowNodeItem::Type)
            return static_cast<FlowNodeItem *>(item);
    }
    return nullptr;
}
