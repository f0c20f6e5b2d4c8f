// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/policylocation.h"
#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QList>

// The checks run before every export (and by `apim-designer validate --deploy`): what makes a
// deployment fail or misbehave although the designer runs the policy happily.
//  - the document must parse and, with the schema, validate at its scope (policies not allowed
//    there, e.g. rate-limit at global or quota outside a product, including the policies of the
//    fragments it includes);
//  - deploy.named-value-undefined / deploy.fragment-undefined: references APIM rejects on save;
//  - deploy.secret-inlined: a secret named value's value written literally where {{name}} belongs;
//  - deploy.reencoded (warnings): content APIM stores in another spelling (XML declaration,
//    byte order mark, single-quoted attributes, entity-escaped expressions), so Bicep, ARM
//    what-if and Terraform show a difference on every deployment (terraform-provider-azurerm
//    #3145, #29521; arm-template-whatif #76, #254; apim-quirks A.2);
//  - deploy.too-large: APIM's size limits for policy documents and fragments.
// Diagnostics name the policy's workspace file (or its place, e.g. "api hello") and position.
class ExportLint
{
public:
    // APIM's limits: 256 KiB per policy document (service limits table), 512 KiB per fragment
    // (policy-fragments.md), measured in UTF-8 bytes.
    static constexpr qsizetype maxPolicyBytes = 256 * 1024;
    static constexpr qsizetype maxFragmentBytes = 512 * 1024;
    // Shorter secret values match too much ordinary text to be reported.
    static constexpr qsizetype minSecretLength = 4;

    // withSchema: also report parse errors and schema validation (set false when the caller runs
    // the validator itself).
    static QList<Diagnostic> lint(const Workspace &workspace, bool withSchema = true);
    static QList<Diagnostic> lintPolicy(const Workspace &workspace,
                                        const PolicyLocation &location,
                                        bool withSchema = true);
    // The name diagnostics use for the policy at location.
    static QString fileName(const Workspace &workspace, const PolicyLocation &location);
};
