// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/policylocation.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QList>
#include <QString>

// Exports single policy documents: a scope's document exactly as APIM accepts it (the tolerant
// "rawxml" form the workspace keeps, {{named values}} as references), or the effective policy of
// an operation (global, product, API and operation merged through <base/>, fragments expanded),
// as APIM's "Calculate effective policy" shows it. Every export runs ExportLint first; a policy
// with a secret written into it is never exported.
class PolicyExporter
{
public:
    struct Result
    {
        QString xml; // empty when it must not be exported
        QList<Diagnostic> diagnostics;
        bool ok() const { return !Diagnostic::hasErrors(diagnostics); }
    };

    static Result scopePolicy(const Workspace &workspace, const PolicyLocation &location);
    // productId may be empty (a call without a product subscription).
    static Result effectivePolicy(const Workspace &workspace,
                                  const QString &apiId,
                                  const QString &operationId,
                                  const QString &productId = {});
    // Writes xml (UTF-8) atomically; a failure is a diagnostic naming path.
    static QList<Diagnostic> writeFile(const QString &path, const QString &xml);
};
