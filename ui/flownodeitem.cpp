// SPDX-License-Identifier: GPL-3.0-or-later
#include "flownodeitem.h"

#include "flowdiagramscene.h"
#include "scopepalette.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <utility>

namespace {

constexpr qreal padding = 8;
constexpr qreal gap = 22; // between stacked children: room for the arrow
constexpr qreal sideGap = 14;
constexpr qreal minWidth = 150;
constexpr qreal maxTextWidth = 300;
constexpr qreal radius = 6;
constexpr qreal loopLane = 22; // right of a retry's children, where its loop arrow runs

QFont detailFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

QFont titleFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

void drawArrowHead(QPainter *painter, const QPointF &tip, const QPointF &direction)
{
    const QPointF d = direction / std::hypot(direction.x(), direction.y());
    const QPointF n(-d.y(), d.x());
    painter->drawPolygon(QPolygonF({tip, tip - d * 7 + n * 4, tip - d * 7 - n * 4}));
}

} // namespace

FlowNodeItem::FlowNodeItem(Kind kind,
                           const QString &elementName,
                           const QString &title,
                           QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_kind(kind)
    , m_elementName(elementName)
    , m_title(title)
{
    if (kind != Kind::Terminal)
        setFlag(QGraphicsItem::ItemIsSelectable);
    setAcceptHoverEvents(false);
    setCached(true);
}

FlowNodeItem::~FlowNodeItem() = default;

void FlowNodeItem::setCached(bool cached)
{
    // A keystroke that widens one box re-centres the boxes around it: a box that only moved is
    // then copied from its cache instead of drawn again (text shaped, dotted outline stroked).
    // A section, as tall as the policy, changes size with the widest box anyway.
    const bool use = cached && m_kind != Kind::Section;
    const CacheMode mode = use ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache;
    if (cacheMode() != mode)
        setCacheMode(mode);
}

void FlowNodeItem::addChild(FlowNodeItem *child)
{
    child->setParentItem(this);
    m_children.append(child);
}

void FlowNodeItem::setChildNodes(const QList<FlowNodeItem *> &children)
{
    const QList<FlowNodeItem *> former = std::exchange(m_children, children);
    for (FlowNodeItem *child : children) {
        if (child->parentItem() != this)
            child->setParentItem(this);
    }
    for (FlowNodeItem *child : former) {
        if (!children.contains(child))
            delete child;
    }
}

void FlowNodeItem::setDetails(const QStringList &details)
{
    if (details == m_details)
        return;
    m_details = details;
    m_textMeasured = false;
    update();
}

void FlowNodeItem::setOrigin(const PolicyOrigin &origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    update();
}

bool FlowNodeItem::stacksVertically() const
{
    return m_kind != Kind::Choose;
}

bool FlowNodeItem::place(FlowNodeItem *child, const QPointF &position)
{
    if (child->pos() == position)
        return false;
    child->setPos(position);
    return true;
}

void FlowNodeItem::measureText(const QFont &font)
{
    const QFontMetricsF titleMetrics(titleFont(font));
    const QFontMetricsF detailMetrics(detailFont(font));
    m_textWidth = titleMetrics.horizontalAdvance(m_title);
    for (const QString &detail : std::as_const(m_details))
        m_textWidth
                = qMax(m_textWidth, qMin(maxTextWidth, detailMetrics.horizontalAdvance(detail)));
    m_detailHeight = detailMetrics.height();
    m_headerHeight
            = padding + titleMetrics.height() + m_details.size() * m_detailHeight + padding / 2;
    m_textMeasured = true;
}

void FlowNodeItem::layout(const QFont &font)
{
    if (!m_textMeasured || font != m_font) {
        m_font = font;
        measureText(font);
        update();
    }
    for (FlowNodeItem *child : std::as_const(m_children))
        child->layout(font);

    qreal width = qMax(minWidth, m_textWidth + 2 * padding);
    qreal height = m_headerHeight;
    QSizeF size;
    bool moved = m_children != m_laidOutChildren;
    m_laidOutChildren = m_children;
    if (m_children.isEmpty()) {
        if (m_kind == Kind::Section || m_kind == Kind::Branch || m_kind == Kind::Retry
            || m_kind == Kind::Container)
            height += m_detailHeight + padding; // room for "(empty)"
        size = QSizeF(width, height + padding / 2);
    } else if (stacksVertically()) {
        const qreal lane = m_kind == Kind::Retry ? loopLane : 0;
        qreal childrenWidth = 0;
        for (const FlowNodeItem *child : std::as_const(m_children))
            childrenWidth = qMax(childrenWidth, child->boundingRect().width());
        width = qMax(width, childrenWidth + 2 * padding + lane);
        qreal y = m_headerHeight + padding;
        for (FlowNodeItem *child : std::as_const(m_children)) {
            const QRectF r = child->boundingRect();
            moved = place(child, QPointF((width - lane - r.width()) / 2, y)) || moved;
            y += r.height() + gap;
        }
        size = QSizeF(width, y - gap + padding);
    } else {
        qreal x = padding;
        qreal rowHeight = 0;
        for (FlowNodeItem *child : std::as_const(m_children)) {
            moved = place(child, QPointF(x, m_headerHeight + padding)) || moved;
            x += child->boundingRect().width() + sideGap;
            rowHeight = qMax(rowHeight, child->boundingRect().height());
        }
        size = QSizeF(qMax(width, x - sideGap + padding),
                      m_headerHeight + padding + rowHeight + padding);
    }
    if (size != m_size) {
        prepareGeometryChange();
        m_size = size;
    } else if (moved) {
        // The connectors between the children are painted here: they follow the children.
        update();
    }
}

QRectF FlowNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void FlowNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    // What the view shows of this item (all of it when rendered for an export or into the
    // cache): a section holds hundreds of connectors, of which a repaint draws those that show.
    bool invertible = false;
    const QTransform toItem = painter->worldTransform().inverted(&invertible);
    const QRectF visible
            = widget && invertible ? toItem.mapRect(QRectF(widget->rect())) : boundingRect();
    paintFrame(painter, palette);
    paintText(painter, palette);
    paintConnectors(painter, palette, visible);
    paintOverlay(painter);
}

void FlowNodeItem::paintFrame(QPainter *painter, const QPalette &palette) const
{
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor mid = palette.color(QPalette::Mid);
    QPen pen(mid, 1.2);
    QBrush brush(base);
    switch (m_kind) {
    case Kind::Terminal:
        brush = palette.color(QPalette::Button);
        pen.setColor(text);
        break;
    case Kind::Section:
        brush = palette.color(QPalette::AlternateBase);
        break;
    case Kind::Base:
        pen.setStyle(Qt::DashLine);
        brush = palette.color(QPalette::Window);
        break;
    case Kind::Retry:
        pen = QPen(QColor(0x8e, 0x44, 0xad), 1.6, Qt::DashLine);
        brush = QColor(0x8e, 0x44, 0xad, 18);
        break;
    case Kind::Choose:
        pen = QPen(QColor(0xd3, 0x8b, 0x00), 1.4);
        brush = QColor(0xd3, 0x8b, 0x00, 14);
        break;
    case Kind::Branch:
        pen = QPen(QColor(0xd3, 0x8b, 0x00), 1, Qt::DotLine);
        break;
    case Kind::Container:
        pen.setStyle(Qt::DashDotLine);
        break;
    case Kind::Policy:
        pen.setColor(text.lighter(180));
        break;
    }
    if (isSelected())
        pen = QPen(palette.color(QPalette::Highlight), 3);
    painter->setPen(pen);
    painter->setBrush(brush);
    const qreal round = m_kind == Kind::Terminal ? r.height() / 2 : radius;
    painter->drawRoundedRect(r, round, round);

    if (m_kind == Kind::Section && m_accent.isValid()) {
        QPainterPath band;
        band.addRoundedRect(QRectF(r.topLeft(), QSizeF(r.width(), m_headerHeight)), radius, radius);
        painter->fillPath(band, m_accent);
    }
}

void FlowNodeItem::paintText(QPainter *painter, const QPalette &palette) const
{
    const QFont bold = titleFont(m_font);
    const QFont small = detailFont(m_font);
    const QFontMetricsF titleMetrics(bold);
    const QFontMetricsF detailMetrics(small);
    const qreal width = boundingRect().width() - 2 * padding;
    const bool onAccent = m_kind == Kind::Section && m_accent.isValid();
    const QColor text = onAccent ? QColor(Qt::white) : palette.color(QPalette::Text);
    QColor detail = onAccent ? QColor(Qt::white) : palette.color(QPalette::PlaceholderText);
    if (!onAccent && m_kind != Kind::Terminal)
        detail = text.lighter(m_kind == Kind::Branch ? 100 : 160);

    const bool centred = m_kind == Kind::Terminal || m_kind == Kind::Policy || m_kind == Kind::Base;
    const Qt::Alignment alignment = (centred ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter;
    qreal y = m_kind == Kind::Terminal ? (boundingRect().height() - titleMetrics.height()) / 2
                                       : padding;
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(QRectF(padding, y, width, titleMetrics.height()), alignment, m_title);
    y += titleMetrics.height();
    painter->setFont(small);
    painter->setPen(detail);
    for (const QString &line : m_details) {
        painter->drawText(QRectF(padding, y, width, detailMetrics.height()),
                          alignment,
                          detailMetrics.elidedText(line, Qt::ElideRight, width));
        y += detailMetrics.height();
    }
    const bool isContainer = m_kind == Kind::Section || m_kind == Kind::Branch
                             || m_kind == Kind::Retry || m_kind == Kind::Container;
    if (isContainer && m_children.isEmpty()) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(
                QRectF(padding, m_headerHeight + padding / 2, width, detailMetrics.height()),
                Qt::AlignHCenter | Qt::AlignVCenter,
                tr("(empty)"));
    }
}

void FlowNodeItem::paintConnectors(QPainter *painter,
                                   const QPalette &palette,
                                   const QRectF &visible) const
{
    if (m_children.isEmpty())
        return;
    const QColor color = palette.color(QPalette::Text).lighter(150);
    painter->setPen(QPen(color, 1.2));
    painter->setBrush(color);
    if (stacksVertically()) {
        for (qsizetype i = 0; i + 1 < m_children.size(); ++i) {
            const QRectF a = m_children.at(i)->mapRectToParent(m_children.at(i)->boundingRect());
            const QRectF b
                    = m_children.at(i + 1)->mapRectToParent(m_children.at(i + 1)->boundingRect());
            const qreal x = (a.center().x() + b.center().x()) / 2;
            if (!QRectF(x - gap, a.bottom(), 2 * gap, b.top() - a.bottom()).intersects(visible))
                continue;
            painter->drawLine(QPointF(x, a.bottom()), QPointF(x, b.top() - 1));
            drawArrowHead(painter, QPointF(x, b.top()), QPointF(0, 1));
        }
    }
    if (m_kind == Kind::Retry) {
        // The loop back: from below the last child up along the right lane to the first.
        const QRectF first
                = m_children.first()->mapRectToParent(m_children.first()->boundingRect());
        const QRectF last = m_children.last()->mapRectToParent(m_children.last()->boundingRect());
        const qreal laneX = boundingRect().width() - loopLane / 2 - 2;
        const QColor loop(0x8e, 0x44, 0xad);
        painter->setPen(QPen(loop, 1.6));
        painter->setBrush(Qt::NoBrush);
        QPainterPath path(QPointF(last.center().x(), last.bottom()));
        path.lineTo(last.center().x(), last.bottom() + padding / 2);
        path.lineTo(laneX, last.bottom() + padding / 2);
        path.lineTo(laneX, first.top() - padding / 2);
        path.lineTo(first.center().x(), first.top() - padding / 2);
        path.lineTo(first.center().x(), first.top() - 1);
        painter->drawPath(path);
        painter->setBrush(loop);
        drawArrowHead(painter, QPointF(first.center().x(), first.top()), QPointF(0, 1));
    }
}

void FlowNodeItem::setTraceState(TraceState state)
{
    if (state == m_traceState)
        return;
    m_traceState = state;
    setOpacity(state == TraceState::Skipped ? 0.3 : 1.0);
    update();
}

void FlowNodeItem::setBadge(const QString &badge)
{
    if (badge == m_badge)
        return;
    m_badge = badge;
    update();
}

void FlowNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    auto *diagram = qobject_cast<FlowDiagramScene *>(scene());
    if (!diagram || !diagram->isExpandable(this)) {
        QGraphicsItem::mouseDoubleClickEvent(event);
        return;
    }
    event->accept();
    // Expanding rebuilds the scene, deleting this item: not while it handles an event.
    const qsizetype offset = m_range.begin.offset;
    const bool expand = !diagram->isExpanded(this);
    QMetaObject::invokeMethod(
            diagram,
            [diagram, offset, expand] { diagram->setExpandedAt(offset, expand); },
            Qt::QueuedConnection);
}

// What the diagram adds on top of the box: the scope strip of inherited content, the outline of
// the request path, and the badge.
void FlowNodeItem::paintOverlay(QPainter *painter) const
{
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    if (isForeign()) {
        QPainterPath strip;
        strip.addRoundedRect(QRectF(r.topLeft(), QSizeF(5, r.height())), 2, 2);
        painter->fillPath(strip, ScopePalette::color(m_origin.scope));
    }
    if (m_traceState == TraceState::Taken) {
        painter->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(2, 2, -2, -2), radius, radius);
    }
    if (m_badge.isEmpty())
        return;
    QFont font = titleFont(detailFont(m_font));
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(m_badge) + 12, metrics.height() + 4);
    const QRectF pill(QPointF(r.right() - size.width() - 4, r.top() + 4), size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x8e, 0x44, 0xad));
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, m_badge);
}
