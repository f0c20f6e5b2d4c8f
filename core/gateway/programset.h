// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/operationmatcher.h"
#include "engine/policyprogram.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QList>

#include <memory>

// Everything the gateway needs to route and run requests, built once from a workspace and then
// read-only: the operation matcher and one compiled program per operation. The gateway swaps
// whole sets when the workspace changes, so a request runs start to end on one version.
class ProgramSet
{
public:
    static std::shared_ptr<const ProgramSet> build(const Workspace &workspace);

    const Workspace &workspace() const { return m_workspace; }
    const OperationMatcher &matcher() const { return m_matcher; }
    // Null when the operation's effective policy has errors (see diagnostics()).
    std::shared_ptr<const PolicyProgram> program(qsizetype apiIndex,
                                                 qsizetype operationIndex) const;
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }

private:
    explicit ProgramSet(const Workspace &workspace);
    void compileOperation(qsizetype apiIndex, qsizetype operationIndex);

    Workspace m_workspace;
    OperationMatcher m_matcher;
    QHash<QPair<qsizetype, qsizetype>, std::shared_ptr<const PolicyProgram>> m_programs;
    QList<Diagnostic> m_diagnostics;
};
