// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "workspace.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct WorkspaceLoadResult
{
    Workspace workspace;
    QList<Diagnostic> diagnostics;
    bool ok() const { return !Diagnostic::hasErrors(diagnostics); }
};

// Reads and writes workspace files. Policies kept in their own files (policyFile, relative to the
// workspace file) are read with it and written back beside it; every write is atomic (QSaveFile),
// so a failed save (full disk, no permission) leaves the previous files intact.
class WorkspaceSerializer
{
public:
    static WorkspaceLoadResult load(const QString &path);
    // baseDir resolves policyFile entries; fileName names the source in diagnostics.
    static WorkspaceLoadResult fromJson(const QByteArray &json,
                                        const QString &baseDir,
                                        const QString &fileName = {});
    static QByteArray toJson(const Workspace &workspace);
    // Returns an error message, or an empty string on success.
    static QString save(const Workspace &workspace, const QString &path);
};
