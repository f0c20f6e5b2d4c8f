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
    void setDetails(const QStringList &details) { m_details = details; }
    SourceRange range() const { return m_range; }
    void setRange(const SourceRange &range) { m_range = range; }
    // Colour of the section header band; other kinds ignore it.
    void setAccent(const QColor &accent) { m_accent = accent; }

    // Where the element came from when it is not the edited document's own (the content of an
    // expanded <base/> or fragment): its range is then in that other document.
    PolicyOrigin origin() const { return m_origin; }
    void setOrigin(const PolicyOrigin &origin) { m_origin = origin; }
    bool isForeign() const { return m_origin.scope != PolicyScope::None; }
    TraceState traceState() const { return m_traceState; }
    void setTraceState(TraceState state);
    // A short note on the node's top-right corner, e.g. "3 attempts".
    QString badge() const { return m_badge; }
    void setBadge(const QString &badge);

    void addChild(FlowNodeItem *child);
    const QList<FlowNodeItem *> &childNodes() const { return m_children; }
    // Sizes the subtree bottom-up and positions the children inside this item.
    void layout(const QFont &font);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintOverlay(QPainter *painter) const;
    bool stacksVertically() const;
    qreal headerHeight(const QFont &font) const;
    void paintFrame(QPainter *painter, const QPalette &palette) const;
    void paintText(QPainter *painter, const QPalette &palette) const;
    void paintConnectors(QPainter *painter, const QPalette &palette) const;

    Kind m_kind;
    QString m_elementName;
    QString m_title;
    QStringList m_details;
    SourceRange m_range;
    QColor m_accent;
    QList<FlowNodeItem *> m_children;
    QSizeF m_size;
    qreal m_headerHeight = 0;
    QFont m_font;
    PolicyOrigin m_origin;
    TraceState m_traceState = TraceState::None;
    QString m_badge;
};
