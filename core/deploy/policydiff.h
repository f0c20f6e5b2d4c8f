// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportfile.h"
#include "deploy/filediff.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QList>
#include <QString>

struct PolicyDocument;

// Structured differences for a side-by-side view: between two policy documents, two file sets,
// or a workspace and an APIOps folder (what deploying the workspace would change in the folder).
class PolicyDiff
{
public:
    static FileDiff compareText(const QString &path, const QString &left, const QString &right);
    // Both documents as the writer renders them (byte-identical to their source when unedited).
    static FileDiff compareDocuments(const QString &path,
                                     const PolicyDocument &left,
                                     const PolicyDocument &right);
    // Matched by path; sorted by path; unchanged files included (without lines).
    static QList<FileDiff> compareFiles(const QList<ExportFile> &left,
                                        const QList<ExportFile> &right);
    // Left: the workspace's APIOps export; right: the folder's files of the kinds the export
    // writes (other artifacts in the folder are not the workspace's business). Unreadable files
    // are reported in diagnostics.
    static QList<FileDiff> compareWithApiOpsFolder(const Workspace &workspace,
                                                   const QString &directory,
                                                   QList<Diagnostic> *diagnostics = nullptr);
    static bool hasChanges(const QList<FileDiff> &diffs);
};
