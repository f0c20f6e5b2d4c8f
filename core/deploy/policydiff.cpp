// SPDX-License-Identifier: GPL-3.0-or-later
#include "policydiff.h"

#include "deploy/apiopsexporter.h"
#include "deploy/apiopslayout.h"
#include "deploy/linediff.h"
#include "policy/policydocument.h"
#include "policy/policywriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <algorithm>

namespace {

QList<DiffLine> allLines(const QString &text, DiffLine::Kind kind)
{
    QList<DiffLine> result;
    const QStringList lines = LineDiff::lines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        result.append({kind,
                       lines.at(i),
                       kind == DiffLine::Kind::Removed ? number : 0,
                       kind == DiffLine::Kind::Added ? number : 0});
    }
    return result;
}

bool isExportedKind(const QString &fileName)
{
    static const QStringList names{ApiOpsLayout::policyFile,
                                   ApiOpsLayout::productInformation,
                                   ApiOpsLayout::productApis,
                                   ApiOpsLayout::apiInformation,
                                   ApiOpsLayout::apiSpecification,
                                   ApiOpsLayout::fragmentInformation,
                                   ApiOpsLayout::namedValueInformation,
                                   ApiOpsLayout::backendInformation};
    return names.contains(fileName);
}

} // namespace

FileDiff PolicyDiff::compareText(const QString &path, const QString &left, const QString &right)
{
    if (left == right)
        return {path, FileDiff::Status::Unchanged, {}};
    return {path, FileDiff::Status::Changed, LineDiff::compare(left, right)};
}

FileDiff PolicyDiff::compareDocuments(const QString &path,
                                      const PolicyDocument &left,
                                      const PolicyDocument &right)
{
    return compareText(path, PolicyWriter::write(left), PolicyWriter::write(right));
}

QList<FileDiff> PolicyDiff::compareFiles(const QList<ExportFile> &left,
                                         const QList<ExportFile> &right)
{
    QMap<QString, QPair<const ExportFile *, const ExportFile *>> byPath;
    for (const ExportFile &f : left)
        byPath[f.path].first = &f;
    for (const ExportFile &f : right)
        byPath[f.path].second = &f;
    QList<FileDiff> result;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
        const auto [l, r] = it.value();
        if (l && r) {
            result.append(compareText(
                    it.key(), QString::fromUtf8(l->content), QString::fromUtf8(r->content)));
        } else if (l) {
            result.append({it.key(),
                           FileDiff::Status::Removed,
                           allLines(QString::fromUtf8(l->content), DiffLine::Kind::Removed)});
        } else {
            result.append({it.key(),
                           FileDiff::Status::Added,
                           allLines(QString::fromUtf8(r->content), DiffLine::Kind::Added)});
        }
    }
    return result;
}

QList<FileDiff> PolicyDiff::compareWithApiOpsFolder(const Workspace &workspace,
                                                    const QString &directory,
                                                    QList<Diagnostic> *diagnostics)
{
    const QDir root(directory);
    QList<ExportFile> folder;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!isExportedKind(QFileInfo(path).fileName()))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (diagnostics) {
                Diagnostic d = Diagnostic::error(
                        QStringLiteral("deploy.diff-unreadable"), file.errorString(), {});
                d.file = path;
                diagnostics->append(d);
            }
            continue;
        }
        folder.append({root.relativeFilePath(path), file.readAll()});
    }
    const ExportResult exported = ApiOpsExporter::files(workspace);
    if (diagnostics)
        diagnostics->append(exported.diagnostics);
    return compareFiles(exported.files, folder);
}

bool PolicyDiff::hasChanges(const QList<FileDiff> &diffs)
{
    return std::any_of(diffs.cbegin(), diffs.cend(), [](const FileDiff &d) {
        return d.status != FileDiff::Status::Unchanged;
    });
}
