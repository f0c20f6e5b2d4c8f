// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyexporter.h"

#include "deploy/exportlint.h"
#include "deploy/exportwriter.h"
#include "policy/effectivepolicybuilder.h"
#include "policy/policyparser.h"
#include "policy/policywriter.h"

#include <QFileInfo>

#include <algorithm>

namespace {

bool hasInlinedSecret(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.code == QLatin1String("deploy.secret-inlined");
    });
}

Diagnostic missing(const PolicyLocation &location)
{
    return Diagnostic::error(QStringLiteral("deploy.unknown-location"),
                             QStringLiteral("the workspace has no %1").arg(location.displayName()),
                             {});
}

} // namespace

PolicyExporter::Result PolicyExporter::scopePolicy(const Workspace &workspace,
                                                   const PolicyLocation &location)
{
    Result result;
    const Workspace::PolicySource *source = location.find(workspace);
    if (!source) {
        result.diagnostics.append(missing(location));
        return result;
    }
    result.diagnostics = ExportLint::lintPolicy(workspace, location);
    if (!hasInlinedSecret(result.diagnostics))
        result.xml = source->xml;
    return result;
}

PolicyExporter::Result PolicyExporter::effectivePolicy(const Workspace &workspace,
                                                       const QString &apiId,
                                                       const QString &operationId,
                                                       const QString &productId)
{
    Result result;
    QList<PolicyLocation> chain{PolicyLocation::global()};
    if (!productId.isEmpty())
        chain.append(PolicyLocation::product(productId));
    chain.append(PolicyLocation::api(apiId));
    chain.append(PolicyLocation::operation(apiId, operationId));
    for (const Workspace::Fragment &f : workspace.fragments)
        chain.append(PolicyLocation::fragment(f.id));

    EffectivePolicyBuilder builder;
    for (const PolicyLocation &location : std::as_const(chain)) {
        const Workspace::PolicySource *source = location.find(workspace);
        if (!source) {
            result.diagnostics.append(missing(location));
            continue;
        }
        result.diagnostics.append(ExportLint::lintPolicy(workspace, location));
        if (source->isEmpty())
            continue;
        const QString name = ExportLint::fileName(workspace, location);
        const PolicyParseResult parsed = PolicyParser::parse(source->xml.toUtf8(), name);
        if (!parsed.ok())
            continue;
        if (location.scope == PolicyScope::Fragment)
            builder.addFragment(location.id, parsed.document, name);
        else
            builder.setScopeDocument(location.scope, parsed.document, name);
    }
    if (hasInlinedSecret(result.diagnostics))
        return result;
    const EffectivePolicyBuilder::Result built = builder.build();
    result.diagnostics.append(built.diagnostics);
    result.xml = PolicyWriter::write(built.document);
    return result;
}

QList<Diagnostic> PolicyExporter::writeFile(const QString &path, const QString &xml)
{
    const QFileInfo info(path);
    return ExportWriter::write(info.absolutePath(), {{info.fileName(), xml.toUtf8()}});
}
