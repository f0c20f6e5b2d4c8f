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

#include <utility>

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

// The element's own content: name, attributes, origin and text.
size_t ownKey(const PolicyNode &node)
{
    size_t seed = qHashMulti(0, node.name, int(node.origin.scope), node.origin.document);
    for (const PolicyAttribute &attribute : node.attributes)
        seed = qHashMulti(seed, attribute.name, attribute.value);
    for (const PolicyNode &child : node.children) {
        if (child.kind == PolicyNode::Kind::Text || child.kind == PolicyNode::Kind::CData)
            seed = qHashMulti(seed, child.text);
    }
    return seed;
}

// All a node's details are made of (its element's content and that of the element's children,
// e.g. <value>s and headers), never 0.
size_t contentKey(const PolicyNode &element)
{
    size_t seed = ownKey(element);
    for (const PolicyNode &child : element.children) {
        if (child.isElement())
            seed = qHashMulti(seed, ownKey(child));
    }
    return seed == 0 ? 1 : seed;
}

// Where an element sits, as in "inbound/choose[1]/when[2]/base[1]": at each level below the root,
// its name and its index among its parent's elements of that name. Inserting a sibling of
// another name, or typing anywhere, leaves it alone.
using ElementPath = QList<std::pair<QString, qsizetype>>;

ElementPath elementPath(const PolicyDocument &document, const PolicyNode &element)
{
    QList<const PolicyNode *> chain = document.ancestors(element);
    chain.append(&element);
    ElementPath path;
    for (qsizetype i = 1; i < chain.size(); ++i) {
        qsizetype index = 0;
        for (const PolicyNode *sibling : chain.at(i - 1)->elements()) {
            if (sibling == chain.at(i))
                break;
            if (sibling->name == chain.at(i)->name)
                ++index;
        }
        path.append({chain.at(i)->name, index});
    }
    return path;
}

const PolicyNode *elementAtPath(const PolicyDocument &document, const ElementPath &path)
{
    if (!document.isValid() || path.isEmpty())
        return nullptr;
    const PolicyNode *element = &document.root();
    for (const auto &[name, index] : path) {
        const PolicyNode *next = nullptr;
        qsizetype seen = 0;
        for (const PolicyNode *child : element->elements()) {
            if (child->name == name && seen++ == index) {
                next = child;
                break;
            }
        }
        if (!next)
            return nullptr;
        element = next;
    }
    return element;
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
    // A keystroke that widens one box moves every box centred below it: keeping a BSP tree up to
    // date with those moves costs more than walking the few thousand items when painting.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowDiagramScene::onSelectionChanged);
}

FlowDiagramScene::~FlowDiagramScene()
{
    // ~QGraphicsScene clears the selection and emits selectionChanged after this part of the
    // object is gone: no slot (ours or an observer's that reads the scene) may run then.
    disconnect(this, &QGraphicsScene::selectionChanged, nullptr, nullptr);
}

void FlowDiagramScene::setPaintCaching(bool enabled)
{
    for (FlowNodeItem *node : std::as_const(m_nodes))
        node->setCached(enabled);
}

bool FlowDiagramScene::event(QEvent *event)
{
    // Boxes keep their drawing in a cache, which does not follow the colours by itself.
    if (event->type() == QEvent::PaletteChange
        || event->type() == QEvent::ApplicationPaletteChange) {
        for (FlowNodeItem *node : std::as_const(m_nodes))
            node->update();
    }
    return QGraphicsScene::event(event);
}

void FlowDiagramScene::setPolicyDocument(const PolicyDocument &document)
{
    {
        // Dropping items may drop the selection: that is no user's choice to report.
        const QSignalBlocker blocker(this);
        m_pressedNode = nullptr;
        if (!canUpdate(document))
            clearDiagram();
        m_expanded = expandedIn(document);
        m_document = document;
        if (m_document.isValid())
            build(m_document);
        collectNodes();
    }
    QRectF bounds;
    for (const QGraphicsItem *item : std::as_const(m_roots))
        bounds |= item->sceneBoundingRect();
    for (const QGraphicsItem *item : std::as_const(m_decorations))
        bounds |= item->sceneBoundingRect();
    setSceneRect(bounds.adjusted(-20, -20, 20, 20));
    Q_EMIT rebuilt();
}

// Expanding, collapsing or another provider changes what a node is rather than what it shows:
// the items are made anew, as after opening a document.
void FlowDiagramScene::rebuild()
{
    {
        const QSignalBlocker blocker(this);
        clearDiagram();
    }
    setPolicyDocument(m_document);
}

// The items shown can follow document when it has the same frame: sections, or the same root.
bool FlowDiagramScene::canUpdate(const PolicyDocument &document) const
{
    if (m_roots.isEmpty() || !document.isValid() || !m_document.isValid()
        || document.kind != m_document.kind)
        return false;
    return document.kind == PolicyDocument::Kind::Policies
           || m_roots.constFirst()->elementName() == document.root().name;
}

void FlowDiagramScene::clearDiagram()
{
    clear();
    m_nodes.clear();
    m_sections.clear();
    m_roots.clear();
    m_decorations.clear();
    m_caption = nullptr;
    m_dropIndicator = nullptr;
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
    if (m_roots.isEmpty()) {
        addRoot(FlowNodeItem::Kind::Terminal, {}, tr("Client"));
        for (const QString &name : PolicyDocument::sectionNames()) {
            if (name != u"on-error")
                addRoot(FlowNodeItem::Kind::Section, name, sectionTitle(name));
        }
        addRoot(FlowNodeItem::Kind::Terminal, {}, tr("Client"));
        addRoot(FlowNodeItem::Kind::Section,
                QStringLiteral("on-error"),
                sectionTitle(QStringLiteral("on-error")));
        for (FlowNodeItem *item : std::as_const(m_sections))
            item->setAccent(sectionAccent(item->elementName()));
    }
    for (FlowNodeItem *item : std::as_const(m_sections)) {
        m_buildingSection = item->elementName();
        buildSection(item, document.section(item->elementName()));
    }
    layoutPolicies();
}

// Top to bottom, so the diagram fits beside the editor; on-error stands to the right.
void FlowDiagramScene::layoutPolicies()
{
    const QList<FlowNodeItem *> row = m_roots.first(m_roots.size() - 1);
    FlowNodeItem *onError = m_roots.constLast();
    const QFont sceneFont = font();
    qreal columnWidth = 0;
    for (FlowNodeItem *item : row) {
        item->layout(sceneFont);
        columnWidth = qMax(columnWidth, item->boundingRect().width());
    }
    qreal y = 0;
    for (FlowNodeItem *item : row) {
        item->setPos((columnWidth - item->boundingRect().width()) / 2, y);
        y += item->boundingRect().height() + rowGap;
    }
    DecorationLayout decorations;
    decorations.color = palette().color(QPalette::Text);
    for (qsizetype i = 0; i + 1 < row.size(); ++i) {
        const QRectF a = row.at(i)->sceneBoundingRect();
        const QRectF b = row.at(i + 1)->sceneBoundingRect();
        decorations.arrows.append(
                QLineF(QPointF(columnWidth / 2, a.bottom()), QPointF(columnWidth / 2, b.top())));
    }
    decorations.caption = QPointF(columnWidth + columnGap, row.at(1)->sceneBoundingRect().top());
    // Made anew only when they move: removing and adding them would repaint wherever they stand
    // (across the whole column) after every keystroke.
    if (!m_caption || decorations != m_decorationLayout) {
        qDeleteAll(std::exchange(m_decorations, {}));
        for (const QLineF &arrow : std::as_const(decorations.arrows))
            addArrow(arrow.p1(), arrow.p2());
        m_caption = addSimpleText(tr("When a step fails,\nprocessing continues here:"));
        m_caption->setBrush(decorations.color);
        m_caption->setPos(decorations.caption);
        m_decorations.append(m_caption);
        m_decorationLayout = decorations;
    }
    onError->layout(sceneFont);
    onError->setPos(decorations.caption.x(), m_caption->sceneBoundingRect().bottom() + 8);
}

void FlowDiagramScene::buildSingleRoot(const PolicyNode &root, const QString &title)
{
    if (m_roots.isEmpty()) {
        FlowNodeItem *container = addRoot(FlowNodeItem::Kind::Section, root.name, title);
        container->setAccent(QColor(0x55, 0x60, 0x70));
    }
    FlowNodeItem *container = m_roots.constFirst();
    container->setRange(root.range);
    m_buildingSection.clear();
    buildChildren(container,
                  root.isElement(u"fragment") ? policySpecs(root.elements())
                                              : QList<NodeSpec>{policySpec(root)});
    container->layout(font());
}

FlowNodeItem *FlowDiagramScene::addRoot(FlowNodeItem::Kind kind,
                                        const QString &elementName,
                                        const QString &title)
{
    auto *item = new FlowNodeItem(kind, elementName, title, nullptr);
    addItem(item);
    m_roots.append(item);
    if (kind == FlowNodeItem::Kind::Section)
        m_sections.append(item);
    return item;
}

void FlowDiagramScene::buildSection(FlowNodeItem *item, const PolicyNode *section)
{
    item->setDetails(
            section ? QStringList()
                    : QStringList{tr("not in this document: drop a policy here to add it")});
    item->setRange(section ? section->range : SourceRange());
    buildChildren(item, section ? policySpecs(section->elements()) : QList<NodeSpec>());
}

FlowDiagramScene::NodeSpec FlowDiagramScene::policySpec(const PolicyNode &element) const
{
    using Kind = FlowNodeItem::Kind;
    NodeSpec spec{&element, Kind::Policy, element.name, {}, {}, contentKey(element)};
    if (element.isElement(u"base")) {
        spec.kind = Kind::Base;
        spec.title = QStringLiteral("base");
        spec.details = QStringList{tr("policies of the enclosing scope")};
        spec.key = 0;
        addExpansion(element, spec);
    } else if (element.isElement(u"choose")) {
        spec.kind = Kind::Choose;
        spec.title = QStringLiteral("choose");
    } else if (element.isElement(u"retry")) {
        spec.kind = Kind::Retry;
        spec.title = QStringLiteral("retry");
    } else if (element.isElement(u"include-fragment") && m_expansionProvider) {
        spec.kind = isExpandedElement(element) ? Kind::Container : Kind::Policy;
        spec.details = policyDetails(element);
        spec.key = 0;
        addExpansion(element, spec);
    } else if (containsPolicies(element)) {
        spec.kind = Kind::Container;
    }
    return spec;
}

// What the node says below its name, made only when the element's content changed.
QStringList FlowDiagramScene::detailsOf(const NodeSpec &spec) const
{
    using Kind = FlowNodeItem::Kind;
    if (spec.key == 0)
        return spec.details;
    const PolicyNode &element = *spec.element;
    QStringList details;
    switch (spec.kind) {
    case Kind::Retry:
        details = QStringList{
                tr("count: %1").arg(element.attribute(u"count", QStringLiteral("?"))),
                tr("interval: %1 s").arg(element.attribute(u"interval", QStringLiteral("?")))};
        for (const char16_t *name : {u"max-interval", u"delta", u"first-fast-retry"}) {
            if (const PolicyAttribute *attribute = element.findAttribute(QStringView(name)))
                details.append(attribute->name + QStringLiteral(": ") + attribute->value);
        }
        details.append(tr("while: %1").arg(shortened(element.attribute(u"condition"))));
        return details;
    case Kind::Container:
        for (const PolicyAttribute &attribute : element.attributes)
            details.append(attribute.name + QStringLiteral(": ") + shortened(attribute.value));
        return details;
    case Kind::Branch:
        if (element.isElement(u"when"))
            details.append(shortened(element.attribute(u"condition")));
        return details;
    case Kind::Choose:
        return details;
    default:
        return policyDetails(element);
    }
}

QList<FlowDiagramScene::NodeSpec> FlowDiagramScene::policySpecs(
        const QList<const PolicyNode *> &elements) const
{
    QList<NodeSpec> specs;
    specs.reserve(elements.size());
    for (const PolicyNode *element : elements)
        specs.append(policySpec(*element));
    return specs;
}

// What stands inside the node: a choose's branches, a container's policies, an expansion.
QList<FlowDiagramScene::NodeSpec> FlowDiagramScene::childSpecs(const NodeSpec &spec) const
{
    using Kind = FlowNodeItem::Kind;
    const PolicyNode &element = *spec.element;
    switch (spec.kind) {
    case Kind::Choose: {
        QList<NodeSpec> branches;
        for (const PolicyNode *branch : element.elements()) {
            branches.append(
                    NodeSpec{branch, Kind::Branch, branch->name, {}, {}, contentKey(*branch)});
        }
        return branches;
    }
    case Kind::Branch:
    case Kind::Retry:
        return policySpecs(element.elements());
    case Kind::Container:
        if (element.isElement(u"include-fragment"))
            break;
        return policySpecs(element.elements());
    default:
        break;
    }
    QList<NodeSpec> inherited;
    for (const PolicyNode &node : spec.expansion) {
        NodeSpec child = policySpec(node);
        child.details = QStringList{ScopePalette::originLabel(node.origin)} + detailsOf(child);
        child.key = 0;
        inherited.append(child);
    }
    return inherited;
}

// The inherited or included policies inside an expanded node, each tagged with where it came
// from, and the hint on how to expand or collapse it.
void FlowDiagramScene::addExpansion(const PolicyNode &element, NodeSpec &spec) const
{
    if (!m_expansionProvider || element.origin.scope != PolicyScope::None)
        return;
    if (!isExpandedElement(element)) {
        spec.details.append(tr("double-click to expand"));
        return;
    }
    spec.expansion = m_expansionProvider(element, m_buildingSection);
    spec.details.append(spec.expansion.isEmpty() ? tr("nothing inherited")
                                                 : tr("double-click to collapse"));
}

// Matches specs with the container's children: the unchanged ones at the start and at the end
// keep their items, and so do changed ones in between when as many changed as there were (an
// edit inside elements rather than an insertion or removal). Only the rest is created anew.
void FlowDiagramScene::buildChildren(FlowNodeItem *container, const QList<NodeSpec> &specs)
{
    const QList<FlowNodeItem *> old = container->childNodes();
    const auto sameKind = [](const FlowNodeItem *item, const NodeSpec &spec) {
        return item->kind() == spec.kind && item->elementName() == spec.element->name;
    };
    const auto unchanged = [&sameKind](const FlowNodeItem *item, const NodeSpec &spec) {
        return sameKind(item, spec) && shows(item, spec);
    };
    const qsizetype count = specs.size();
    const qsizetype oldCount = old.size();
    qsizetype head = 0;
    while (head < count && head < oldCount && unchanged(old.at(head), specs.at(head)))
        ++head;
    qsizetype tail = 0;
    while (tail < count - head && tail < oldCount - head
           && unchanged(old.at(oldCount - 1 - tail), specs.at(count - 1 - tail)))
        ++tail;
    const bool editedInPlace = count == oldCount;
    QList<FlowNodeItem *> children;
    children.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        FlowNodeItem *item = nullptr;
        if (i < head)
            item = old.at(i);
        else if (i >= count - tail)
            item = old.at(oldCount - count + i);
        else if (editedInPlace && sameKind(old.at(i), specs.at(i)))
            item = old.at(i);
        children.append(buildNode(specs.at(i), item));
    }
    container->setChildNodes(children);
}

bool FlowDiagramScene::shows(const FlowNodeItem *item, const NodeSpec &spec)
{
    return spec.key != 0 ? item->contentKey() == spec.key
                         : item->contentKey() == 0 && item->details() == spec.details;
}

// Updates item (or a new one when null) to show spec, and its children.
FlowNodeItem *FlowDiagramScene::buildNode(const NodeSpec &spec, FlowNodeItem *item)
{
    if (!item || !shows(item, spec)) {
        if (!item)
            item = new FlowNodeItem(spec.kind, spec.element->name, spec.title, nullptr);
        const QStringList details = detailsOf(spec);
        item->setDetails(details);
        item->setToolTip((QStringList{spec.title} + details).join(u'\n'));
        item->setContentKey(spec.key);
    }
    item->setRange(spec.element->range);
    item->setOrigin(spec.element->origin);
    buildChildren(item, childSpecs(spec));
    return item;
}

// Parents before children, in display order.
void FlowDiagramScene::collectNodes()
{
    m_nodes.clear();
    const std::function<void(FlowNodeItem *)> collect = [this, &collect](FlowNodeItem *item) {
        m_nodes.append(item);
        for (FlowNodeItem *child : item->childNodes())
            collect(child);
    };
    for (FlowNodeItem *root : std::as_const(m_roots))
        collect(root);
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
    m_decorations.append(shaft);
    m_decorations.append(addPath(head, QPen(color), QBrush(color)));
}

void FlowDiagramScene::setExpansionProvider(ExpansionProvider provider)
{
    m_expansionProvider = std::move(provider);
    m_expanded.clear();
    rebuild();
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
    rebuild();
}

QSet<qsizetype> FlowDiagramScene::expandedIn(const PolicyDocument &document) const
{
    // Typing before an expanded element moves its start: it is found again by its place in the
    // tree.
    QSet<qsizetype> expanded;
    for (const qsizetype offset : m_expanded) {
        const PolicyNode *before = m_document.elementStartingAt(offset);
        const PolicyNode *after
                = before ? elementAtPath(document, elementPath(m_document, *before)) : nullptr;
        if (after)
            expanded.insert(after->range.begin.offset);
    }
    return expanded;
}

void FlowDiagramScene::collapseAll()
{
    if (m_expanded.isEmpty())
        return;
    m_expanded.clear();
    rebuild();
}

bool FlowDiagramScene::isExpandedElement(const PolicyNode &element) const
{
    return m_expansionProvider && element.origin.scope == PolicyScope::None
           && m_expanded.contains(element.range.begin.offset);
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
