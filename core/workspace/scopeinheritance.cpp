// SPDX-License-Identifier: GPL-3.0-or-later
#include "scopeinheritance.h"

#include "policy/policyparser.h"
#include "policy/policywriter.h"

#include <optional>

namespace {

void setOrigin(PolicyNode &node, const PolicyOrigin &origin)
{
    node.origin = origin;
    for (PolicyNode &child : node.children)
        setOrigin(child, origin);
}

QList<PolicyNode> elementsOf(const PolicyNode &parent)
{
    QList<PolicyNode> elements;
    for (const PolicyNode *child : parent.elements())
        elements.append(*child);
    return elements;
}

// The written text parses back into the same tree, now with positions in that text: walking both
// trees together gives each merged element's lines.
void markLines(const PolicyNode &merged, const PolicyNode &written, QList<PolicyOrigin> &lines)
{
    if (merged.isElement() && merged.origin.scope != PolicyScope::None) {
        const int first = written.range.begin.line;
        int last = written.range.end.line;
        if (written.range.end.column == 1 && last > first)
            --last;
        for (int line = first; line <= last && line <= lines.size(); ++line)
            lines[line - 1] = merged.origin;
    }
    const qsizetype count = qMin(merged.children.size(), written.children.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (merged.children.at(i).kind == written.children.at(i).kind)
            markLines(merged.children.at(i), written.children.at(i), lines);
    }
}

} // namespace

ScopeInheritance::ScopeInheritance(const Workspace &workspace)
    : m_workspace(workspace)
{}

QList<WorkspaceScope> ScopeInheritance::chain(const WorkspaceScope &scope) const
{
    if (scope.kind == PolicyScope::Fragment || scope.kind == PolicyScope::Global)
        return {scope};
    if (scope.kind == PolicyScope::Product)
        return {WorkspaceScope::global(), scope};
    QList<WorkspaceScope> scopes{WorkspaceScope::global()};
    // As the gateway does: without subscriptions, the API's first product stands in.
    const Workspace::Api *api = m_workspace.api(scope.id);
    if (api && !api->products.isEmpty()) {
        const WorkspaceScope product = WorkspaceScope::product(api->products.first());
        if (product.source(m_workspace))
            scopes.append(product);
    }
    scopes.append(WorkspaceScope::api(scope.id));
    if (scope.kind == PolicyScope::Operation)
        scopes.append(scope);
    return scopes;
}

QList<PolicyNode> ScopeInheritance::inherited(const WorkspaceScope &scope,
                                              const QString &sectionName) const
{
    QList<WorkspaceScope> parents = chain(scope);
    parents.removeLast();
    if (parents.isEmpty())
        return {};
    const EffectivePolicyBuilder::Result result = build(parents);
    const PolicyNode *section = result.document.section(sectionName);
    return section ? elementsOf(*section) : QList<PolicyNode>();
}

QList<PolicyNode> ScopeInheritance::fragmentContent(const QString &fragmentId) const
{
    const WorkspaceScope scope = WorkspaceScope::fragment(fragmentId);
    const Workspace::PolicySource *source = scope.source(m_workspace);
    if (!source)
        return {};
    const QString name = scope.documentName(m_workspace);
    const PolicyParseResult parsed = PolicyParser::parse(source->xml, name);
    if (!parsed.ok() || parsed.document.kind != PolicyDocument::Kind::Fragment)
        return {};
    QList<PolicyNode> content = elementsOf(parsed.document.root());
    for (PolicyNode &node : content)
        setOrigin(node, {PolicyScope::Fragment, name, fragmentId});
    return content;
}

EffectivePolicyBuilder::Result ScopeInheritance::effective(const WorkspaceScope &scope) const
{
    return build(chain(scope));
}

EffectivePolicyBuilder::Result ScopeInheritance::build(const QList<WorkspaceScope> &scopes) const
{
    QList<Diagnostic> diagnostics;
    EffectivePolicyBuilder builder;
    auto parse = [&](const WorkspaceScope &scope) -> std::optional<PolicyDocument> {
        const Workspace::PolicySource *source = scope.source(m_workspace);
        if (!source || source->isEmpty())
            return std::nullopt;
        PolicyParseResult parsed
                = PolicyParser::parse(source->xml, scope.documentName(m_workspace));
        diagnostics.append(parsed.diagnostics);
        return parsed.ok() ? std::optional(parsed.document) : std::nullopt;
    };
    for (const WorkspaceScope &scope : scopes) {
        if (const auto document = parse(scope))
            builder.setScopeDocument(scope.kind, *document, scope.documentName(m_workspace));
    }
    for (const Workspace::Fragment &fragment : m_workspace.fragments) {
        const WorkspaceScope scope = WorkspaceScope::fragment(fragment.id);
        if (const auto document = parse(scope))
            builder.addFragment(fragment.id, *document, scope.documentName(m_workspace));
    }
    EffectivePolicyBuilder::Result result = builder.build();
    result.diagnostics = diagnostics + result.diagnostics;
    return result;
}

ScopeInheritance::Text ScopeInheritance::effectiveText(const WorkspaceScope &scope) const
{
    const EffectivePolicyBuilder::Result merged = effective(scope);
    Text result;
    result.diagnostics = merged.diagnostics;
    result.text = PolicyWriter::write(merged.document);
    result.lineOrigins.resize(result.text.count(u'\n') + 1);
    const PolicyParseResult written = PolicyParser::parse(result.text);
    if (written.ok() && written.document.isValid())
        markLines(merged.document.root(), written.document.root(), result.lineOrigins);
    return result;
}
