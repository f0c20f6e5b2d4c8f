// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportresult.h"
#include "workspace/workspace.h"

// Exports a workspace in the folder layout of the Azure APIOps extractor, so its publisher (or a
// pipeline built on it) can deploy what the designer edited:
//   policy.xml                                     global policy
//   products/<id>/{productInformation.json, policy.xml, apis.json}
//   apis/<id>/{apiInformation.json, specification.json, policy.xml}
//   apis/<id>/operations/<operation id>/policy.xml
//   policy fragments/<id>/{policyFragmentInformation.json, policy.xml}
//   named values/<name>/namedValueInformation.json (secret values are never written)
//   backends/<id>/backendInformation.json
// Policy files are the workspace's XML byte for byte: APIM's tolerant form, {{named values}}
// kept as references. Parts the layout has no place for (mocks, regions, backend mappings) are
// reported as notes.
class ApiOpsExporter
{
public:
    // ExportLint's diagnostics come with the files: with errors the export would fail or leak a
    // secret, and exportTo() writes nothing.
    static ExportResult files(const Workspace &workspace);
    // files(), then written atomically below directory unless there were errors.
    static ExportResult exportTo(const Workspace &workspace, const QString &directory);

    // What of a workspace survives the layout, in a canonical order (lists sorted by id): the
    // importer's result of an export compares equal to this.
    static Workspace carriedPart(const Workspace &workspace);
};
