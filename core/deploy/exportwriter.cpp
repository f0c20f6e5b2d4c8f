// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

static Diagnostic writeError(const QString &path, const QString &reason)
{
    Diagnostic d = Diagnostic::error(QStringLiteral("deploy.write-failed"),
                                     QStringLiteral("cannot write %1: %2").arg(path, reason),
                                     {});
    d.file = path;
    return d;
}

QList<Diagnostic> ExportWriter::write(const QString &directory, const QList<ExportFile> &files)
{
    QList<Diagnostic> diagnostics;
    const QDir root(directory);
    for (const ExportFile &file : files) {
        const QString path = root.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            diagnostics.append(writeError(path, QStringLiteral("cannot create its folder")));
            continue;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size()
            || !out.commit()) {
            diagnostics.append(writeError(path, out.errorString()));
        }
    }
    return diagnostics;
}
