// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramscene.h"

#include "scopepalette.h"

#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
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
    // object is gone: the slot must not run then.
    disconnect(
            this, &QGraphicsScene::selectionChanged, this, &FlowDiagramScene::onSelectionChanged);
}

void FlowDiagramScene::setPolicyDocument(const PolicyDocument &document)
{
    {
        // Clearing drops the selection: that is no user's choice to report.
        const QSignalBlocker blocker(this);
        clear();
        m_nodes.clear();
        m_sections.clear();
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
        item->setDetails({tr("not in this document")});
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
