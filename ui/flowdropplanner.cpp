// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdropplanner.h"

#include "flownodeitem.h"
#include "policy/policydocument.h"
#include "policy/policyplacement.h"
#include "policy/policyschema.h"

namespace {

constexpr qreal indicatorInset = 10;

bool mayHoldPolicies(FlowNodeItem::Kind kind)
{
    using Kind = FlowNodeItem::Kind;
    return kind == Kind::Section || kind == Kind::Retry || kind == Kind::Container
           || kind == Kind::Branch;
}

} // namespace

FlowDropPlanner::FlowDropPlanner(const QList<FlowNodeItem *> &nodes, const PolicyDocument &document)
    : m_nodes(nodes)
    , m_document(document)
{}

FlowDropPlanner::Target FlowDropPlanner::targetAt(const QPointF &scenePos,
                                                  const QString &policyName,
                                                  const PolicyNode *moved) const
{
    Target target;
    const FlowNodeItem *item = containerAt(scenePos);
    const PolicyNode *container
            = item ? m_document.elementStartingAt(item->range().begin.offset) : nullptr;
    if (!container)
        return target;
    target.container = container->range;

    // The diagram's children of the container that stand for its elements, in document order
    // (other items, such as expanded scopes, take no part in positions).
    const QList<const PolicyNode *> elements = container->elements();
    QList<const FlowNodeItem *> shown;
    for (const FlowNodeItem *child : item->childNodes()) {
        if (std::any_of(elements.cbegin(), elements.cend(), [child](const PolicyNode *e) {
                return e->range == child->range();
            }))
            shown.append(child);
    }
    const QRectF box = item->sceneBoundingRect();
    int position = 0;
    while (position < shown.size()
           && shown.at(position)->sceneBoundingRect().center().y() < scenePos.y())
        ++position;
    // Positions count all element children; shown ones are a subsequence in the same order.
    target.position = position < shown.size()
                              ? int(std::find_if(elements.cbegin(),
                                                 elements.cend(),
                                                 [&](const PolicyNode *e) {
                                                     return e->range == shown.at(position)->range();
                                                 })
                                    - elements.cbegin())
                              : int(elements.size());
    qreal y = 0;
    if (shown.isEmpty())
        y = box.bottom() - indicatorInset;
    else if (position == 0)
        y = shown.first()->sceneBoundingRect().top() - 4;
    else if (position == shown.size())
        y = shown.last()->sceneBoundingRect().bottom() + 4;
    else
        y = (shown.at(position - 1)->sceneBoundingRect().bottom()
             + shown.at(position)->sceneBoundingRect().top())
            / 2;
    target.indicator = QLineF(box.left() + indicatorInset, y, box.right() - indicatorInset, y);

    const PolicyPlacement placement(m_document, PolicySchema::builtin());
    target.reason = placement.check(*container, policyName, moved);
    target.allowed = target.reason.isEmpty();
    return target;
}

FlowNodeItem *FlowDropPlanner::containerAt(const QPointF &scenePos) const
{
    FlowNodeItem *best = nullptr;
    for (FlowNodeItem *node : m_nodes) {
        if (!mayHoldPolicies(node->kind()) || !node->sceneBoundingRect().contains(scenePos))
            continue;
        // Nested containers lie inside their parents: the smallest is the innermost.
        if (!best || best->isAncestorOf(node))
            best = node;
    }
    return best;
}
