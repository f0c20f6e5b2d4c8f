// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspaceserializer.h"

#include <QString>

// Reads a folder in the Azure APIOps extractor layout (see ApiOpsExporter) into a new workspace:
// global, product, API, operation and fragment policies, products with their APIs, APIs with the
// operations of their specification.json, named values, backends. Every file or folder that has no
// place in a workspace (loggers, diagnostics, tags, gateways, YAML specifications, Key Vault
// references...)
// is reported as a warning naming it; nothing is dropped silently.
class ApiOpsImporter
{
public:
    static WorkspaceLoadResult import(const QString &directory);
};
