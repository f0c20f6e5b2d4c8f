// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/sourcerange.h"

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QString>

class FlowNodeItem;
struct PolicyDocument;
struct PolicyNode;

// Where a policy dragged over the flow diagram would land: the innermost container under the
// pointer (a section, retry, a choose branch, ...), the gap between its policies nearest the
// pointer, and whether the schema allows the policy there. A <when> or <otherwise> lands between
// the branches of the innermost choose instead; a section the document lacks takes the policy as
// its first. The diagram draws the indicator line and the drop turns into a text edit.
class FlowDropPlanner
{
public:
    struct Target
    {
        SourceRange container;
        // Set instead of container when the drop creates this section.
        QString newSection;
        // Among the container's element children as they are now (0..count).
        int position = -1;
        QLineF indicator;
        bool allowed = false;
        QString reason;

        bool isValid() const { return position >= 0; }
    };

    // Both must outlive the planner; nodes are the diagram's, built from document.
    FlowDropPlanner(const QList<FlowNodeItem *> &nodes, const PolicyDocument &document);

    // moved: the element being dragged when it is one of the document's (null for a new one).
    Target targetAt(const QPointF &scenePos,
                    const QString &policyName,
                    const PolicyNode *moved) const;

private:
    FlowNodeItem *containerAt(const QPointF &scenePos, bool branch) const;
    Target newSectionTarget(const FlowNodeItem &section,
                            const QString &policyName,
                            const PolicyNode *moved) const;

    const QList<FlowNodeItem *> &m_nodes;
    const PolicyDocument &m_document;
};
