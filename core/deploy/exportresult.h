// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportfile.h"
#include "policy/diagnostic.h"

#include <QList>

// The files an exporter produced and what it has to say about them: errors (nothing should be
// written), warnings, and notes on the parts of the workspace the format does not carry.
struct ExportResult
{
    QList<ExportFile> files;
    QList<Diagnostic> diagnostics;

    bool ok() const { return !Diagnostic::hasErrors(diagnostics); }
    const ExportFile *file(const QString &path) const
    {
        for (const ExportFile &f : files) {
            if (f.path == path)
                return &f;
        }
        return nullptr;
    }
};
