// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyscope.h"
#include "policy/sourcerange.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>

// One box of the flow diagram: a policy, a container of policies (a section, retry, a choose
// branch), or a terminal (the client). Containers own their children as child items and lay them
// out: stacked top to bottom in execution order, except choose, whose branches stand side by side.
class FlowNodeItem final : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(FlowNodeItem)

public:
    enum class Kind { Terminal, Section, Policy, Base, Retry, Container, Choose, Branch };
    enum { Type = UserType + 1 };
    // The request path highlight: taken nodes are outlined, skipped ones dimmed.
    enum class TraceState { None, Taken, Skipped };

    FlowNodeItem(Kind kind,
                 const QString &elementName,
                 const QString &title,
                 QGraphicsItem *parent);
    ~FlowNodeItem() override;

    int type() const override { return Type; }
    Kind kind() const { return m_kind; }
    QString elementName() const { return m_elementName; }
    QString title() const { return m_title; }
    QStringList details() const { return m_details; }
    // Changing the text resizes the box at the next layout().
    void setDetails(const QStringList &details);
    // What the details were made from, for the scene to tell whether they need making again.
    size_t contentKey() const { return m_contentKey; }
    void setContentKey(size_t key) { m_contentKey = key; }
    SourceRange range() const { return m_range; }
    void setRange(const SourceRange &range) { m_range = range; }
    // Colour of the section header band; other kinds ignore it.
    void setAccent(const QColor &accent) { m_accent = accent; }

    // Where the element came from when it is not the edited document's own (the content of an
    // expanded <base/> or fragment): its range is then in that other document.
    PolicyOrigin origin() const { return m_origin; }
    void setOrigin(const PolicyOrigin &origin);
    bool isForeign() const { return m_origin.scope != PolicyScope::None; }
    TraceState traceState() const { return m_traceState; }
    void setTraceState(TraceState state);
    // A short note on the node's top-right corner, e.g. "3 attempts".
    QString badge() const { return m_badge; }
    void setBadge(const QString &badge);

    // Whether the box paints from a pixmap cache (the default) or draws every time (for an export
    // as vectors and text).
    void setCached(bool cached);

    void addChild(FlowNodeItem *child);
    const QList<FlowNodeItem *> &childNodes() const { return m_children; }
    // Makes children the child nodes, in that order; former children not among them are deleted.
    void setChildNodes(const QList<FlowNodeItem *> &children);
    // Sizes the subtree bottom-up and positions the children inside this item. Text is measured
    // again only where it or the font changed, so laying out an unchanged diagram costs little.
    void layout(const QFont &font);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintOverlay(QPainter *painter) const;
    bool stacksVertically() const;
    void measureText(const QFont &font);
    // Moves child to position; true when it was elsewhere.
    static bool place(FlowNodeItem *child, const QPointF &position);
    void paintFrame(QPainter *painter, const QPalette &palette) const;
    void paintText(QPainter *painter, const QPalette &palette) const;
    void paintConnectors(QPainter *painter, const QPalette &palette, const QRectF &visible) const;

    Kind m_kind;
    QString m_elementName;
    QString m_title;
    QStringList m_details;
    SourceRange m_range;
    size_t m_contentKey = 0;
    QColor m_accent;
    QList<FlowNodeItem *> m_children;
    QList<FlowNodeItem *> m_laidOutChildren; // as at the last layout(), to tell what moved
    QSizeF m_size;
    qreal m_headerHeight = 0;
    qreal m_textWidth = 0;
    qreal m_detailHeight = 0;
    bool m_textMeasured = false;
    QFont m_font;
    PolicyOrigin m_origin;
    TraceState m_traceState = TraceState::None;
    QString m_badge;
};
