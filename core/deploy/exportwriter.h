// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportfile.h"
#include "policy/diagnostic.h"

#include <QList>
#include <QString>

// Writes export files below a folder. Every file is written atomically (QSaveFile), so a failed
// export (full disk, no permission) never leaves a half-written policy behind; each failure is a
// diagnostic naming the file.
class ExportWriter
{
public:
    static QList<Diagnostic> write(const QString &directory, const QList<ExportFile> &files);
};
