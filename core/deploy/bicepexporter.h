// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportresult.h"
#include "workspace/workspace.h"

#include <QString>

// Generates a Bicep file (main.bicep) that deploys a workspace onto an existing API Management
// instance: named values (secrets as @secure() parameters, never inlined), policy fragments,
// products, APIs with their operations and product links, and every policy as a
// .../policies resource named 'policy' with format 'rawxml', so APIM receives the tolerant
// form users write (expressions with raw quotes and '<', which format 'xml' rejects).
//
// Policy XML goes into Bicep multi-line strings ('''...'''): they have no escape sequences and no
// interpolation, so the XML is carried byte for byte and stays readable in review, and a
// '${' or a backslash in an expression needs no care. The one thing such a string cannot hold is
// ''' itself; a policy containing it is written beside main.bicep and read with loadTextContent.
// Policies reference named values and fragments only inside the XML text, which Bicep cannot
// see, so each policy resource lists them in dependsOn.
class BicepExporter
{
public:
    static constexpr QLatin1String apiVersion{"2022-08-01"};
    static constexpr QLatin1String mainFile{"main.bicep"};

    // ExportLint's diagnostics come with the files: with errors the export would fail or leak a
    // secret, and exportTo() writes nothing.
    static ExportResult files(const Workspace &workspace);
    static ExportResult exportTo(const Workspace &workspace, const QString &directory);

    // A Bicep single-quoted string literal.
    static QString quoted(const QString &value);
};
