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

// Between the policies before and after position, stacked in box.
QLineF horizontalIndicator(const QRectF &box,
                           const QList<const FlowNodeItem *> &shown,
                           int position)
{
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
    return QLineF(box.left() + indicatorInset, y, box.right() - indicatorInset, y);
}

// Between the branches before and after position, side by side in box.
QLineF verticalIndicator(const QRectF &box, const QList<const FlowNodeItem *> &shown, int position)
{
    qreal x = 0;
    if (shown.isEmpty())
        x = box.left() + indicatorInset;
    else if (position == 0)
        x = shown.first()->sceneBoundingRect().left() - 4;
    else if (position == shown.size())
        x = shown.last()->sceneBoundingRect().right() + 4;
    else
        x = (shown.at(position - 1)->sceneBoundingRect().right()
             + shown.at(position)->sceneBoundingRect().left())
            / 2;
    return QLineF(x, box.top() + indicatorInset, x, box.bottom() - indicatorInset);
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
    const bool branch = PolicyPlacement::isBranchName(policyName);
    const FlowNodeItem *item = containerAt(scenePos, branch);
    if (item && item->kind() == FlowNodeItem::Kind::Section && !item->range().isValid())
        return newSectionTarget(*item, policyName, moved);
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
    // Branches stand side by side, policies one below the other.
    const auto before = [branch, &scenePos](const FlowNodeItem *child) {
        const QPointF center = child->sceneBoundingRect().center();
        return branch ? center.x() < scenePos.x() : center.y() < scenePos.y();
    };
    int position = 0;
    while (position < shown.size() && before(shown.at(position)))
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
    target.indicator = branch ? verticalIndicator(box, shown, position)
                              : horizontalIndicator(box, shown, position);
    const PolicyPlacement placement(m_document, PolicySchema::builtin());
    target.reason = placement.checkAt(*container, policyName, target.position, moved);
    target.allowed = target.reason.isEmpty();
    return target;
}

FlowDropPlanner::Target FlowDropPlanner::newSectionTarget(const FlowNodeItem &section,
                                                          const QString &policyName,
                                                          const PolicyNode *moved) const
{
    Target target;
    target.newSection = section.elementName();
    target.position = 0;
    target.indicator = horizontalIndicator(section.sceneBoundingRect(), {}, 0);
    target.reason = PolicyPlacement(m_document, PolicySchema::builtin())
                            .checkInNewSection(target.newSection, policyName, moved);
    target.allowed = target.reason.isEmpty();
    return target;
}

FlowNodeItem *FlowDropPlanner::containerAt(const QPointF &scenePos, bool branch) const
{
    FlowNodeItem *best = nullptr;
    for (FlowNodeItem *node : m_nodes) {
        const bool fits = branch ? node->kind() == FlowNodeItem::Kind::Choose
                                 : mayHoldPolicies(node->kind());
        if (!fits || node->isForeign() || !node->sceneBoundingRect().contains(scenePos))
            continue;
        // Nested containers lie inside their parents: the smallest is the innermost.
        if (!best || best->isAncestorOf(node))
            best = node;
    }
    return best;
}
