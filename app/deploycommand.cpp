// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploycommand.h"

#include "deploy/apiopsimporter.h"
#include "deploy/exportlint.h"
#include "deploy/exportwriter.h"
#include "deploy/policyimporter.h"
#include "deploy/policylocation.h"
#include "deploy/workspaceexport.h"
#include "workspace/workspaceserializer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QIODevice>

namespace {

enum ExitCode { Success = 0, InputErrors = 1, UsageOrIo = 2 };

} // namespace

DeployCommand::DeployCommand(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err)
{}

void DeployCommand::print(QIODevice *device, const QString &text)
{
    device->write(text.toUtf8());
}

bool DeployCommand::report(const QList<Diagnostic> &diagnostics, const QString &fallbackFile)
{
    for (Diagnostic d : diagnostics) {
        if (d.file.isEmpty())
            d.file = fallbackFile;
        print(m_out, d.toString() + u'\n');
    }
    return Diagnostic::hasErrors(diagnostics);
}

int DeployCommand::exportWorkspace(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Exports a workspace's policies as APIM takes them, after the export lint."));
    parser.addHelpOption();
    const QCommandLineOption format(
            QStringLiteral("format"),
            QStringLiteral("xml (a policy file per scope), apiops or bicep."),
            QStringLiteral("format"),
            QStringLiteral("apiops"));
    const QCommandLineOption out(
            QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("dir"));
    const QCommandLineOption effective(
            QStringLiteral("effective"),
            QStringLiteral("xml: each operation's effective policy instead of each scope's."));
    parser.addOptions({format, out, effective});
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("Workspace file (*.apimws)."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1
        || !parser.isSet(out)) {
        if (parser.isSet(QStringLiteral("help"))) {
            print(m_out, parser.helpText());
            return Success;
        }
        print(m_err,
              QStringLiteral("usage: export WORKSPACE --format xml|apiops|bicep [--effective] "
                             "--out DIR\n"));
        return UsageOrIo;
    }
    const WorkspaceLoadResult loaded
            = WorkspaceSerializer::load(parser.positionalArguments().first());
    if (report(loaded.diagnostics))
        return loaded.workspace.name.isEmpty() && loaded.workspace.apis.isEmpty() ? UsageOrIo
                                                                                  : InputErrors;

    const QString kind = parser.value(format);
    const std::optional<WorkspaceExport::Format> chosen = WorkspaceExport::formatFromName(kind);
    if (!chosen) {
        print(m_err, QStringLiteral("Unknown format '%1': use xml, apiops or bicep.\n").arg(kind));
        return UsageOrIo;
    }
    const ExportResult result
            = WorkspaceExport::files(loaded.workspace,
                                     *chosen,
                                     parser.isSet(effective) ? WorkspaceExport::Content::Effective
                                                             : WorkspaceExport::Content::PerScope);
    if (report(result.diagnostics, parser.positionalArguments().first()))
        return InputErrors;
    if (report(ExportWriter::write(parser.value(out), result.files)))
        return UsageOrIo;
    print(m_out,
          QStringLiteral("%1 files written to %2\n")
                  .arg(result.files.size())
                  .arg(parser.value(out)));
    return Success;
}

int DeployCommand::importPolicies(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Imports an APIOps folder into a new workspace, or a policy file into a scope of a "
            "workspace. What cannot be mapped is reported."));
    parser.addHelpOption();
    const QCommandLineOption apiops(
            QStringLiteral("apiops"), QStringLiteral("APIOps folder."), QStringLiteral("dir"));
    const QCommandLineOption policy(
            QStringLiteral("policy"), QStringLiteral("Policy XML file."), QStringLiteral("file"));
    const QCommandLineOption scope(QStringLiteral("scope"),
                                   QStringLiteral("global, product, api, operation or fragment."),
                                   QStringLiteral("scope"));
    const QCommandLineOption id(QStringLiteral("id"),
                                QStringLiteral("Product, API or fragment id."),
                                QStringLiteral("id"));
    const QCommandLineOption operation(
            QStringLiteral("operation"), QStringLiteral("Operation id."), QStringLiteral("id"));
    const QCommandLineOption out(
            QStringLiteral("out"),
            QStringLiteral("Workspace file to write (read first when it exists)."),
            QStringLiteral("workspace"));
    parser.addOptions({apiops, policy, scope, id, operation, out});
    if (!parser.parse(arguments) || !parser.isSet(out)
        || parser.isSet(apiops) == parser.isSet(policy)) {
        if (parser.isSet(QStringLiteral("help"))) {
            print(m_out, parser.helpText());
            return Success;
        }
        print(m_err,
              QStringLiteral("usage: import (--apiops DIR | --policy FILE --scope S [--id ID] "
                             "[--operation OP]) --out WORKSPACE\n"));
        return UsageOrIo;
    }
    WorkspaceLoadResult result;
    if (parser.isSet(apiops)) {
        result = ApiOpsImporter::import(parser.value(apiops));
    } else {
        if (QFileInfo::exists(parser.value(out)))
            result = WorkspaceSerializer::load(parser.value(out));
        if (report(result.diagnostics))
            return InputErrors;
        const PolicyScope s = policyScopeFromName(parser.value(scope));
        PolicyLocation location{s, parser.value(id), parser.value(operation)};
        if (s == PolicyScope::None) {
            print(m_err, QStringLiteral("Unknown scope '%1'.\n").arg(parser.value(scope)));
            return UsageOrIo;
        }
        const QList<Diagnostic> diagnostics
                = PolicyImporter::importFile(result.workspace, location, parser.value(policy));
        result.diagnostics = diagnostics;
    }
    if (report(result.diagnostics))
        return InputErrors;
    const QString error = WorkspaceSerializer::save(result.workspace, parser.value(out));
    if (!error.isEmpty()) {
        print(m_err, error + u'\n');
        return UsageOrIo;
    }
    return Success;
}

int DeployCommand::lint(const QStringList &arguments)
{
    if (arguments.size() != 2 || arguments.at(1).startsWith(u'-')) {
        print(m_err, QStringLiteral("usage: lint WORKSPACE\n"));
        return UsageOrIo;
    }
    const WorkspaceLoadResult loaded = WorkspaceSerializer::load(arguments.at(1));
    if (report(loaded.diagnostics))
        return InputErrors;
    return report(ExportLint::lint(loaded.workspace), arguments.at(1)) ? InputErrors : Success;
}
