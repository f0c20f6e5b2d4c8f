// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/policylocation.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QList>
#include <QString>

// Imports a policy XML file (e.g. saved from the portal or an APIOps repository) into a chosen
// scope of a workspace, replacing that scope's document. A document that does not parse, or
// whose kind does not fit the scope (<fragment> vs <policies>), is refused with errors and the
// workspace is left unchanged. A product, API, operation or fragment the workspace lacks is
// created (noted). What the workspace cannot satisfy (undefined named values or fragments, policies
// not allowed at the scope) is reported by the lint's diagnostics, never dropped.
class PolicyImporter
{
public:
    static QList<Diagnostic> importFile(Workspace &workspace,
                                        const PolicyLocation &location,
                                        const QString &path);
    static QList<Diagnostic> importXml(Workspace &workspace,
                                       const PolicyLocation &location,
                                       const QString &xml,
                                       const QString &fileName = {});
};
