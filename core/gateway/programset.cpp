// SPDX-License-Identifier: GPL-3.0-or-later
#include "programset.h"

#include "engine/policycompiler.h"
#include "policy/effectivepolicybuilder.h"
#include "policy/policyparser.h"
#include "policy/policyschema.h"
#include "workspace/workspacescope.h"

ProgramSet::ProgramSet(const Workspace &workspace)
    : m_workspace(workspace)
    , m_matcher(workspace)
{}

std::shared_ptr<const ProgramSet> ProgramSet::build(const Workspace &workspace)
{
    std::shared_ptr<ProgramSet> set(new ProgramSet(workspace));
    for (const QString &error : set->m_matcher.errors())
        set->m_diagnostics.append(Diagnostic::error(QStringLiteral("gateway.template"), error, {}));
    for (qsizetype api = 0; api < workspace.apis.size(); ++api) {
        for (qsizetype operation = 0; operation < workspace.apis.at(api).operations.size();
             ++operation)
            set->compileOperation(api, operation);
    }
    return set;
}

std::shared_ptr<const PolicyProgram> ProgramSet::program(qsizetype apiIndex,
                                                         qsizetype operationIndex) const
{
    return m_programs.value({apiIndex, operationIndex});
}

void ProgramSet::compileOperation(qsizetype apiIndex, qsizetype operationIndex)
{
    const Workspace::Api &api = m_workspace.apis.at(apiIndex);
    const Workspace::Operation &operation = api.operations.at(operationIndex);
    QList<Diagnostic> diagnostics;
    EffectivePolicyBuilder builder;
    auto addScope
            = [&](PolicyScope scope, const Workspace::PolicySource &source, const QString &name) {
                  if (source.isEmpty())
                      return;
                  PolicyParseResult parsed = PolicyParser::parse(source.xml, name);
                  diagnostics.append(parsed.diagnostics);
                  if (parsed.ok())
                      builder.setScopeDocument(scope, parsed.document, name);
              };
    addScope(PolicyScope::Global,
             m_workspace.global,
             WorkspaceScope::global().documentName(m_workspace));
    // APIM applies the product of the subscription used; without subscriptions the API's first
    // product stands in.
    for (const Workspace::Product &product : m_workspace.products) {
        if (!api.products.isEmpty() && product.id == api.products.first()) {
            addScope(PolicyScope::Product,
                     product.policy,
                     WorkspaceScope::product(product.id).documentName(m_workspace));
            break;
        }
    }
    const QString operationName
            = WorkspaceScope::operation(api.id, operation.id).documentName(m_workspace);
    addScope(PolicyScope::Api, api.policy, WorkspaceScope::api(api.id).documentName(m_workspace));
    addScope(PolicyScope::Operation, operation.policy, operationName);
    for (const Workspace::Fragment &fragment : m_workspace.fragments) {
        const QString name = WorkspaceScope::fragment(fragment.id).documentName(m_workspace);
        PolicyParseResult parsed = PolicyParser::parse(fragment.policy.xml, name);
        diagnostics.append(parsed.diagnostics);
        if (parsed.ok())
            builder.addFragment(fragment.id, parsed.document, name);
    }
    const EffectivePolicyBuilder::Result effective = builder.build();
    diagnostics.append(effective.diagnostics);

    QHash<QString, QString> namedValues;
    for (const Workspace::NamedValue &value : m_workspace.namedValues)
        namedValues.insert(value.name, value.value);
    if (!Diagnostic::hasErrors(diagnostics)) {
        PolicyCompileResult compiled = PolicyCompiler(PolicySchema::builtin(), namedValues)
                                               .compile(effective.document, operationName);
        diagnostics.append(compiled.diagnostics);
        m_programs.insert({apiIndex, operationIndex}, compiled.program);
    }
    m_diagnostics.append(diagnostics);
}
