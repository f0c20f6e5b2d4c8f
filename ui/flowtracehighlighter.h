// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QCoreApplication>

class FlowDiagramScene;
class FlowNodeItem;

// Draws the path one request took on the flow diagram: the nodes that ran are outlined, the
// retry shows how many attempts it made, each choose shows the branch it took, and whatever did
// not run (untaken branches, skipped policies, sections never reached) is dimmed. Nodes are
// matched to trace steps by scope, document and source range, so the content of an expanded
// <base/> or fragment lights up too.
class FlowTraceHighlighter
{
    Q_DECLARE_TR_FUNCTIONS(FlowTraceHighlighter)

public:
    // The document the diagram shows, as trace events name it.
    struct Context
    {
        PolicyScope scope = PolicyScope::None;
        QString document;
    };

    static void apply(const FlowDiagramScene &scene,
                      const RequestTrace &trace,
                      const Context &context);
    static void clear(const FlowDiagramScene &scene);
};
