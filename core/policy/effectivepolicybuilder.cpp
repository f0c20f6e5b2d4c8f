// SPDX-License-Identifier: GPL-3.0-or-later
#include "effectivepolicybuilder.h"

namespace {

constexpr PolicyScope scopeOrder[]
        = {PolicyScope::Global, PolicyScope::Product, PolicyScope::Api, PolicyScope::Operation};

int levelOf(PolicyScope scope)
{
    for (int level = 0; level < 4; ++level) {
        if (scopeOrder[level] == scope)
            return level;
    }
    return -1;
}

void setOrigin(PolicyNode &node, const PolicyOrigin &origin)
{
    node.origin = origin;
    for (PolicyNode &child : node.children)
        setOrigin(child, origin);
}

Diagnostic diagnosticIn(const QString &file,
                        const QString &code,
                        const QString &message,
                        const SourceRange &range)
{
    Diagnostic diagnostic = Diagnostic::error(code, message, range);
    diagnostic.file = file;
    return diagnostic;
}

PolicyNode whitespace(int depth)
{
    return PolicyNode::textNode(QLatin1Char('\n') + QString(depth * 4, QLatin1Char(' ')));
}

PolicyNode originComment(const PolicyOrigin &origin)
{
    PolicyNode comment;
    comment.kind = PolicyNode::Kind::Comment;
    QString text
            = origin.scope == PolicyScope::Fragment
                      ? QStringLiteral(" fragment %1: %2 ").arg(origin.fragmentId, origin.document)
                      : QStringLiteral(" %1: %2 ")
                                .arg(policyScopeName(origin.scope), origin.document);
    // "--" may not appear inside an XML comment.
    while (text.contains(QLatin1String("--")))
        text.replace(QLatin1String("--"), QLatin1String("- -"));
    comment.text = text;
    return comment;
}

} // namespace

EffectivePolicyBuilder::EffectivePolicyBuilder(const PolicySchema &schema)
    : m_schema(schema)
{}

void EffectivePolicyBuilder::setScopeDocument(PolicyScope scope,
                                              const PolicyDocument &document,
                                              const QString &documentName)
{
    const int level = levelOf(scope);
    if (level >= 0)
        m_scopes[level] = Source{document, documentName, true};
}

void EffectivePolicyBuilder::addFragment(const QString &fragmentId,
                                         const PolicyDocument &fragment,
                                         const QString &documentName)
{
    m_fragments.insert(fragmentId, Source{fragment, documentName, true});
}

EffectivePolicyBuilder::Result EffectivePolicyBuilder::build() const
{
    Result result;
    for (int level = 0; level < 4; ++level) {
        const Source &source = m_scopes[level];
        if (source.present && source.document.kind != PolicyDocument::Kind::Policies) {
            result.diagnostics.append(
                    diagnosticIn(source.name,
                                 QStringLiteral("effective.not-policies"),
                                 QStringLiteral("The %1 policy must be a <policies> document")
                                         .arg(policyScopeName(scopeOrder[level])),
                                 source.document.isValid() ? source.document.root().startTagRange
                                                           : SourceRange{}));
        }
    }
    for (auto it = m_fragments.cbegin(); it != m_fragments.cend(); ++it) {
        if (it->document.kind != PolicyDocument::Kind::Fragment || !it->document.isValid()) {
            result.diagnostics.append(diagnosticIn(
                    it->name,
                    QStringLiteral("effective.not-fragment"),
                    QStringLiteral("Policy fragment '%1' must be a <fragment> document")
                            .arg(it.key()),
                    it->document.isValid() ? it->document.root().startTagRange : SourceRange{}));
        }
    }

    PolicyNode root = PolicyNode::element(QStringLiteral("policies"));
    for (const QString &name : PolicyDocument::sectionNames()) {
        PolicyNode section = PolicyNode::element(name);
        section.children = effectiveSection(3, name, result.diagnostics);
        root.children.append(section);
    }
    layOut(root, 0);
    result.document.kind = PolicyDocument::Kind::Policies;
    result.document.nodes = {root, PolicyNode::textNode(QStringLiteral("\n"))};
    result.document.rootIndex = 0;
    return result;
}

QList<PolicyNode> EffectivePolicyBuilder::effectiveSection(int level,
                                                           const QString &sectionName,
                                                           QList<Diagnostic> &diagnostics) const
{
    if (level < 0)
        return {};
    const Source &source = m_scopes[level];
    const PolicyNode *section = source.present ? source.document.section(sectionName) : nullptr;
    if (!section)
        return effectiveSection(level - 1, sectionName, diagnostics);

    const PolicyOrigin origin{scopeOrder[level], source.name, QString()};
    QList<PolicyNode> result;
    for (const PolicyNode &child : section->children) {
        if (child.isElement(u"base")) {
            result.append(effectiveSection(level - 1, sectionName, diagnostics));
            continue;
        }
        PolicyNode copy = child;
        setOrigin(copy, origin);
        QList<PolicyNode> expanded{copy};
        expandFragments(expanded, source.name, false, diagnostics);
        result.append(expanded);
    }
    return result;
}

void EffectivePolicyBuilder::expandFragments(QList<PolicyNode> &nodes,
                                             const QString &documentName,
                                             bool insideFragment,
                                             QList<Diagnostic> &diagnostics) const
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        PolicyNode &node = nodes[i];
        if (!node.isElement())
            continue;
        if (!node.isElement(u"include-fragment")) {
            if (!isOpaque(node))
                expandFragments(node.children, documentName, insideFragment, diagnostics);
            continue;
        }
        const QString id = node.attribute(u"fragment-id");
        if (insideFragment) {
            diagnostics.append(diagnosticIn(documentName,
                                            QStringLiteral("effective.fragment-in-fragment"),
                                            QStringLiteral("Policy fragment cannot include "
                                                           "another fragment ('%1')")
                                                    .arg(id),
                                            node.startTagRange));
            continue;
        }
        const auto fragment = m_fragments.constFind(id);
        if (fragment == m_fragments.cend()) {
            diagnostics.append(diagnosticIn(documentName,
                                            QStringLiteral("effective.unknown-fragment"),
                                            QStringLiteral("Unknown policy fragment '%1'").arg(id),
                                            node.startTagRange));
            continue;
        }
        if (fragment->document.kind != PolicyDocument::Kind::Fragment
            || !fragment->document.isValid())
            continue;
        QList<PolicyNode> content = fragment->document.root().children;
        const PolicyOrigin origin{PolicyScope::Fragment, fragment->name, id};
        for (PolicyNode &child : content)
            setOrigin(child, origin);
        expandFragments(content, fragment->name, true, diagnostics);
        nodes.remove(i);
        for (qsizetype j = 0; j < content.size(); ++j)
            nodes.insert(i + j, content.at(j));
        i += content.size() - 1;
    }
}

bool EffectivePolicyBuilder::isOpaque(const PolicyNode &element) const
{
    const PolicyElementSpec *spec = m_schema.policy(element.name);
    return spec && spec->childMode == PolicyElementSpec::Children::Any;
}

// Nodes merged from several files come with the indentation of their own file: element-only
// content is indented again, four spaces a level, text content (bodies, expressions) is kept.
void EffectivePolicyBuilder::layOut(PolicyNode &element, int depth) const
{
    if (isOpaque(element))
        return;
    QList<PolicyNode> content;
    for (const PolicyNode &child : element.children) {
        if (child.isWhitespace())
            continue;
        if (child.kind != PolicyNode::Kind::Element && child.kind != PolicyNode::Kind::Comment)
            return;
        content.append(child);
    }
    if (content.isEmpty()) {
        // Whitespace may be a value (<value> </value>); only a section's is layout.
        if (depth <= 1)
            element.children.clear();
        return;
    }
    QList<PolicyNode> laidOut;
    PolicyOrigin previous = element.origin;
    for (PolicyNode &child : content) {
        if (m_annotateOrigins && child.isElement() && child.origin != previous
            && child.origin.scope != PolicyScope::None) {
            laidOut.append(whitespace(depth + 1));
            laidOut.append(originComment(child.origin));
        }
        if (child.isElement()) {
            previous = child.origin;
            layOut(child, depth + 1);
        }
        laidOut.append(whitespace(depth + 1));
        laidOut.append(child);
    }
    laidOut.append(whitespace(depth));
    element.children = laidOut;
    element.selfClosing = false;
}
