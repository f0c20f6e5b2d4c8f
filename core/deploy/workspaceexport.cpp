// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceexport.h"

#include "deploy/apiopsexporter.h"
#include "deploy/bicepexporter.h"
#include "deploy/policyexporter.h"
#include "deploy/policylocation.h"

namespace {

void add(ExportResult &result, const QString &path, const PolicyExporter::Result &policy)
{
    result.diagnostics += policy.diagnostics;
    if (!policy.xml.isEmpty())
        result.files.append({path, policy.xml.toUtf8()});
}

ExportResult scopeFiles(const Workspace &workspace)
{
    ExportResult result;
    for (const PolicyLocation &location : PolicyLocation::all(workspace))
        add(result, location.apiOpsPath(), PolicyExporter::scopePolicy(workspace, location));
    return result;
}

ExportResult effectiveFiles(const Workspace &workspace)
{
    ExportResult result;
    for (const Workspace::Api &api : workspace.apis) {
        for (const Workspace::Operation &operation : api.operations) {
            const QString base = QStringLiteral("effective/%1/%2").arg(api.id, operation.id);
            add(result,
                base + QLatin1String(".xml"),
                PolicyExporter::effectivePolicy(workspace, api.id, operation.id));
            for (const QString &product : api.products) {
                add(result,
                    QStringLiteral("%1.%2.xml").arg(base, product),
                    PolicyExporter::effectivePolicy(workspace, api.id, operation.id, product));
            }
        }
    }
    // Each effective policy lints the scopes it merges: a scope shared by several operations
    // would otherwise be reported once per operation.
    QList<Diagnostic> unique;
    for (const Diagnostic &d : std::as_const(result.diagnostics)) {
        if (!unique.contains(d))
            unique.append(d);
    }
    result.diagnostics = unique;
    return result;
}

} // namespace

QStringList WorkspaceExport::formatNames()
{
    return {QStringLiteral("xml"), QStringLiteral("apiops"), QStringLiteral("bicep")};
}

std::optional<WorkspaceExport::Format> WorkspaceExport::formatFromName(const QString &name)
{
    const qsizetype index = formatNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return Format(index);
}

ExportResult WorkspaceExport::files(const Workspace &workspace, Format format, Content content)
{
    switch (format) {
    case Format::ApiOps:
        return ApiOpsExporter::files(workspace);
    case Format::Bicep:
        return BicepExporter::files(workspace);
    case Format::Xml:
        break;
    }
    return content == Content::Effective ? effectiveFiles(workspace) : scopeFiles(workspace);
}
