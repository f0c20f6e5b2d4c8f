// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowtracehighlighter.h"

#include "flowdiagramscene.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

// A policy element as trace events name it.
struct Key
{
    int scope = 0;
    QString document;
    qsizetype begin = -1;
    qsizetype end = -1;
    friend bool operator==(const Key &, const Key &) = default;
};

size_t qHash(const Key &key, size_t seed = 0)
{
    return qHashMulti(seed, key.scope, key.document, key.begin, key.end);
}

void clearNode(FlowNodeItem *node)
{
    node->setTraceState(FlowNodeItem::TraceState::None);
    node->setBadge({});
}

int scopeLevel(PolicyScope scope)
{
    switch (scope) {
    case PolicyScope::Global:
        return 0;
    case PolicyScope::Product:
        return 1;
    case PolicyScope::Api:
        return 2;
    case PolicyScope::Operation:
        return 3;
    default:
        return -1;
    }
}

class PathMarker
{
public:
    PathMarker(const FlowDiagramScene &scene,
               const RequestTrace &trace,
               const FlowTraceHighlighter::Context &context)
        : m_scene(scene)
        , m_context(context)
    {
        for (const TraceEvent &event : trace.events) {
            m_sections.insert(event.section);
            if (!event.range.isValid())
                continue;
            const Key key{int(event.scope),
                          event.document,
                          event.range.begin.offset,
                          event.range.end.offset};
            if (event.kind == TraceEvent::Kind::Policy) {
                m_executed.insert(key);
                if (!event.value.isEmpty())
                    m_takenBranches.insert(key, event.value.section(u'/', -1));
                const int level = scopeLevel(event.scope);
                if (level >= 0 && level < scopeLevel(context.scope))
                    m_inheritedSections.insert(event.section);
            } else if (event.kind == TraceEvent::Kind::RetryAttempt) {
                m_attempts[key] = qMax(m_attempts.value(key), event.attempt);
            }
        }
    }

    // Marks node and what is inside it; true when the request passed through it.
    bool mark(FlowNodeItem *node, const QString &section)
    {
        using Kind = FlowNodeItem::Kind;
        bool taken = false;
        QList<bool> children;
        for (FlowNodeItem *child : node->childNodes())
            children.append(mark(child, section));
        const bool anyChild = children.contains(true);
        switch (node->kind()) {
        case Kind::Terminal:
            clearNode(node);
            return true;
        case Kind::Section:
            taken = m_sections.contains(node->elementName()) || anyChild;
            break;
        case Kind::Branch:
            taken = anyChild || isTakenBranch(node);
            break;
        case Kind::Base:
            // Collapsed, it stands for the parent scopes' policies of its section.
            taken = node->childNodes().isEmpty() ? m_inheritedSections.contains(section) : anyChild;
            break;
        default:
            if (node->elementName() == u"include-fragment" && node->childNodes().isEmpty()) {
                // Its element never runs, the fragment's content does: collapsed, it ran when
                // any policy of that content did.
                const QList<PolicyNode> content = m_scene.expansionContent(node, section);
                if (content.isEmpty()) {
                    clearNode(node);
                    return false;
                }
                taken = anyExecuted(content);
                break;
            }
            taken = m_executed.contains(keyOf(node)) || anyChild;
            break;
        }
        node->setTraceState(taken ? FlowNodeItem::TraceState::Taken
                                  : FlowNodeItem::TraceState::Skipped);
        const int attempts = m_attempts.value(keyOf(node));
        node->setBadge(node->kind() == Kind::Retry && taken && attempts > 0
                               ? (attempts == 1
                                          ? FlowTraceHighlighter::tr("1 attempt")
                                          : FlowTraceHighlighter::tr("%1 attempts").arg(attempts))
                               : QString());
        // Dimming a container dims what is inside: its children need no state of their own.
        if (!taken) {
            for (FlowNodeItem *child : node->childNodes())
                child->setTraceState(FlowNodeItem::TraceState::None);
        }
        return taken;
    }

private:
    // A branch is taken when its choose says so: "when[2]" is the second <when>.
    bool isTakenBranch(const FlowNodeItem *branch) const
    {
        const QGraphicsItem *parent = branch->parentItem();
        if (!parent || parent->type() != FlowNodeItem::Type)
            return false;
        const auto *choose = static_cast<const FlowNodeItem *>(parent);
        const auto taken = m_takenBranches.constFind(keyOf(choose));
        if (taken == m_takenBranches.cend())
            return false;
        int index = 0;
        for (const FlowNodeItem *sibling : choose->childNodes()) {
            if (sibling->elementName() == branch->elementName())
                ++index;
            if (sibling == branch)
                break;
        }
        return *taken == branch->elementName() + u'[' + QString::number(index) + u']';
    }

    bool anyExecuted(const QList<PolicyNode> &nodes) const
    {
        return std::any_of(nodes.cbegin(), nodes.cend(), [this](const PolicyNode &node) {
            const Key key{int(node.origin.scope),
                          node.origin.document,
                          node.range.begin.offset,
                          node.range.end.offset};
            return node.isElement() && (m_executed.contains(key) || anyExecuted(node.children));
        });
    }

    Key keyOf(const FlowNodeItem *node) const
    {
        const PolicyOrigin origin = node->isForeign()
                                            ? node->origin()
                                            : PolicyOrigin{m_context.scope, m_context.document, {}};
        return {int(origin.scope),
                origin.document,
                node->range().begin.offset,
                node->range().end.offset};
    }

    const FlowDiagramScene &m_scene;
    FlowTraceHighlighter::Context m_context;
    // The branch each executed choose took ("when[2]", "otherwise[1]").
    QHash<Key, QString> m_takenBranches;
    QSet<QString> m_sections;
    QSet<QString> m_inheritedSections;
    QSet<Key> m_executed;
    QHash<Key, int> m_attempts;
};

} // namespace

void FlowTraceHighlighter::apply(const FlowDiagramScene &scene,
                                 const RequestTrace &trace,
                                 const Context &context)
{
    if (trace.events.isEmpty()) {
        clear(scene);
        return;
    }
    PathMarker marker(scene, trace, context);
    for (FlowNodeItem *node : scene.nodes()) {
        if (node->kind() == FlowNodeItem::Kind::Section)
            marker.mark(node, node->elementName());
    }
}

void FlowTraceHighlighter::clear(const FlowDiagramScene &scene)
{
    for (FlowNodeItem *node : scene.nodes())
        clearNode(node);
}
