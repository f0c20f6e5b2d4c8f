// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyimporter.h"

#include "deploy/exportlint.h"
#include "policy/policyparser.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>

namespace {

Diagnostic note(const QString &fileName, const QString &code, const QString &message)
{
    return Diagnostic{Diagnostic::Severity::Info, fileName, {}, message, code};
}

// Creates the entity location names when the workspace lacks it; returns its policy.
Workspace::PolicySource *ensure(Workspace &workspace, const PolicyLocation &location)
{
    switch (location.scope) {
    case PolicyScope::Product:
        workspace.products.append({location.id, location.id, {}});
        break;
    case PolicyScope::Api:
    case PolicyScope::Operation:
        if (!workspace.api(location.id)) {
            Workspace::Api api;
            api.id = location.id;
            api.name = location.id;
            workspace.apis.append(api);
        }
        if (location.scope == PolicyScope::Operation) {
            auto api = std::find_if(workspace.apis.begin(),
                                    workspace.apis.end(),
                                    [&](const Workspace::Api &a) { return a.id == location.id; });
            Workspace::Operation operation;
            operation.id = location.operationId;
            operation.name = location.operationId;
            api->operations.append(operation);
        }
        break;
    case PolicyScope::Fragment:
        workspace.fragments.append({location.id, {}, {}});
        break;
    case PolicyScope::Global:
    case PolicyScope::None:
        break;
    }
    return location.find(workspace);
}

} // namespace

QList<Diagnostic> PolicyImporter::importFile(Workspace &workspace,
                                             const PolicyLocation &location,
                                             const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Diagnostic d = Diagnostic::error(
                QStringLiteral("deploy.import-unreadable"),
                QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                {});
        d.file = path;
        return {d};
    }
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    const QString xml = decoder(file.readAll());
    if (decoder.hasError()) {
        Diagnostic d = Diagnostic::error(QStringLiteral("deploy.import-encoding"),
                                         QStringLiteral("%1 is not valid UTF-8").arg(path),
                                         {});
        d.file = path;
        return {d};
    }
    return importXml(workspace, location, xml, path);
}

QList<Diagnostic> PolicyImporter::importXml(Workspace &workspace,
                                            const PolicyLocation &location,
                                            const QString &xml,
                                            const QString &fileName)
{
    const PolicyParseResult parsed = PolicyParser::parse(xml.toUtf8(), fileName);
    QList<Diagnostic> diagnostics = parsed.diagnostics;
    if (!parsed.ok())
        return diagnostics;
    const bool wantsFragment = location.scope == PolicyScope::Fragment;
    const PolicyDocument::Kind expected
            = wantsFragment ? PolicyDocument::Kind::Fragment : PolicyDocument::Kind::Policies;
    if (parsed.document.kind != expected) {
        Diagnostic d = Diagnostic::error(
                QStringLiteral("deploy.import-wrong-kind"),
                QStringLiteral("the %1 needs a <%2> document")
                        .arg(location.displayName(),
                             wantsFragment ? QStringLiteral("fragment")
                                           : QStringLiteral("policies")),
                parsed.document.isValid() ? parsed.document.root().startTagRange : SourceRange{});
        d.file = fileName;
        diagnostics.append(d);
        return diagnostics;
    }
    // The lint parses again and reports the parser's warnings with its own.
    diagnostics.clear();
    Workspace::PolicySource *target = location.find(workspace);
    if (!target) {
        target = ensure(workspace, location);
        diagnostics.append(
                note(fileName,
                     QStringLiteral("deploy.import-created"),
                     QStringLiteral("created %1 in the workspace").arg(location.displayName())));
    }
    target->xml = xml;
    for (Diagnostic d : ExportLint::lintPolicy(workspace, location)) {
        d.file = fileName;
        diagnostics.append(d);
    }
    return diagnostics;
}
