// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportlint.h"

#include "deploy/policyreferences.h"
#include "deploy/textlocator.h"
#include "policy/policyescaping.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"

#include <algorithm>

namespace {

// Calls visit for every node of the subtree, depth first.
template<typename Visit>
void walk(const PolicyNode &node, Visit visit)
{
    visit(node);
    for (const PolicyNode &child : node.children)
        walk(child, visit);
}

template<typename Visit>
void walk(const PolicyDocument &document, Visit visit)
{
    for (const PolicyNode &node : document.nodes)
        walk(node, visit);
}

QString withoutBom(const QString &xml)
{
    return xml.startsWith(QChar(0xFEFF)) ? xml.mid(1) : xml;
}

class Linter
{
public:
    Linter(const Workspace &workspace, const PolicyLocation &location, bool withSchema)
        : m_workspace(workspace)
        , m_location(location)
        , m_withSchema(withSchema)
        , m_fileName(ExportLint::fileName(workspace, location))
    {}

    QList<Diagnostic> run()
    {
        const Workspace::PolicySource *source = m_location.find(m_workspace);
        if (!source || source->isEmpty())
            return {};
        const QByteArray utf8 = source->xml.toUtf8();
        m_text = withoutBom(source->xml);
        const TextLocator locator(m_text);
        m_locator = &locator;
        const PolicyParseResult parsed = PolicyParser::parse(utf8, m_fileName);
        if (m_withSchema)
            m_diagnostics.append(parsed.diagnostics);
        if (parsed.ok()) {
            if (m_withSchema)
                m_diagnostics.append(
                        PolicyValidator().validate(parsed.document, scope(), m_fileName));
            reencoded(parsed.document);
            fragments(parsed.document);
        }
        namedValues(parsed.ok() ? liquidRanges(parsed.document) : QList<SourceRange>{});
        secrets();
        size(utf8.size());
        return m_diagnostics;
    }

private:
    PolicyScope scope() const
    {
        return m_location.scope == PolicyScope::Fragment ? PolicyScope::None : m_location.scope;
    }

    void report(Diagnostic::Severity severity,
                const QString &code,
                const QString &message,
                const SourceRange &range)
    {
        m_diagnostics.append(Diagnostic{severity, m_fileName, range, message, code});
    }

    static QList<SourceRange> liquidRanges(const PolicyDocument &document)
    {
        QList<SourceRange> ranges;
        walk(document, [&](const PolicyNode &node) {
            if (node.isElement(u"set-body")
                && node.attribute(u"template").compare(QLatin1String("liquid"), Qt::CaseInsensitive)
                           == 0) {
                ranges.append(node.range);
            }
        });
        return ranges;
    }

    void namedValues(const QList<SourceRange> &liquid)
    {
        for (const PolicyReferences::Reference &ref : PolicyReferences::namedValues(m_text)) {
            if (m_workspace.namedValue(ref.name))
                continue;
            // In a Liquid template {{...}} is Liquid's own syntax unless it names a named value.
            const bool inLiquid
                    = std::any_of(liquid.cbegin(), liquid.cend(), [&](const SourceRange &r) {
                          return r.contains(ref.offset);
                      });
            if (inLiquid)
                continue;
            report(Diagnostic::Severity::Error,
                   QStringLiteral("deploy.named-value-undefined"),
                   QStringLiteral("named value \"%1\" is not defined in the workspace; APIM "
                                  "rejects the policy")
                           .arg(ref.name),
                   m_locator->range(ref.offset, ref.length));
        }
    }

    void fragments(const PolicyDocument &document)
    {
        walk(document, [&](const PolicyNode &node) {
            if (!node.isElement(u"include-fragment"))
                return;
            const PolicyAttribute *id = node.findAttribute(u"fragment-id");
            if (!id)
                return;
            const Workspace::Fragment *fragment = m_workspace.fragment(id->value);
            if (!fragment) {
                report(Diagnostic::Severity::Error,
                       QStringLiteral("deploy.fragment-undefined"),
                       QStringLiteral("policy fragment \"%1\" is not defined in the workspace")
                               .arg(id->value),
                       id->valueRange);
                return;
            }
            fragmentScope(*fragment, node);
        });
    }

    // A fragment's policies must be allowed where it is included.
    void fragmentScope(const Workspace::Fragment &fragment, const PolicyNode &include)
    {
        if (scope() == PolicyScope::None || !m_withSchema)
            return;
        const PolicyParseResult parsed = PolicyParser::parse(fragment.policy.xml.toUtf8());
        if (!parsed.ok())
            return;
        for (const Diagnostic &d : PolicyValidator().validate(parsed.document, scope())) {
            if (d.code != QLatin1String("schema.misplaced-scope"))
                continue;
            report(Diagnostic::Severity::Error,
                   d.code,
                   QStringLiteral("fragment \"%1\" (line %2): %3")
                           .arg(fragment.id)
                           .arg(d.range.begin.line)
                           .arg(d.message),
                   include.startTagRange);
        }
    }

    void secrets()
    {
        for (const Workspace::NamedValue &v : m_workspace.namedValues) {
            if (!v.secret || v.value.size() < ExportLint::minSecretLength)
                continue;
            for (qsizetype at = m_text.indexOf(v.value); at >= 0;
                 at = m_text.indexOf(v.value, at + v.value.size())) {
                report(Diagnostic::Severity::Error,
                       QStringLiteral("deploy.secret-inlined"),
                       QStringLiteral("the value of secret named value \"%1\" is written here; "
                                      "use {{%1}} so the secret stays out of the policy")
                               .arg(v.name),
                       m_locator->range(at, v.value.size()));
            }
        }
    }

    void reencoded(const PolicyDocument &document)
    {
        const QString why = QStringLiteral(
                "; APIM stores it differently, so every deployment shows a difference");
        if (document.hasByteOrderMark)
            report(Diagnostic::Severity::Warning,
                   QStringLiteral("deploy.reencoded"),
                   QStringLiteral("byte order mark") + why,
                   {});
        walk(document, [&](const PolicyNode &node) {
            if (node.kind == PolicyNode::Kind::ProcessingInstruction && node.name == u"xml") {
                report(Diagnostic::Severity::Warning,
                       QStringLiteral("deploy.reencoded"),
                       QStringLiteral("XML declaration") + why,
                       node.range);
            }
            if (node.kind == PolicyNode::Kind::Text && PolicyEscaping::isExpression(node.text)
                && node.rawText != node.text) {
                report(Diagnostic::Severity::Warning,
                       QStringLiteral("deploy.reencoded"),
                       QStringLiteral("entity-escaped policy expression") + why,
                       node.range);
            }
            for (const PolicyAttribute &a : node.attributes) {
                if (a.quote == u'\'') {
                    report(Diagnostic::Severity::Warning,
                           QStringLiteral("deploy.reencoded"),
                           QStringLiteral("single-quoted attribute \"%1\"").arg(a.name) + why,
                           a.range);
                } else if (a.isExpression() && a.rawValue != a.value) {
                    report(Diagnostic::Severity::Warning,
                           QStringLiteral("deploy.reencoded"),
                           QStringLiteral("entity-escaped policy expression in \"%1\"").arg(a.name)
                                   + why,
                           a.valueRange);
                }
            }
        });
    }

    void size(qsizetype bytes)
    {
        const bool fragment = m_location.scope == PolicyScope::Fragment;
        const qsizetype limit
                = fragment ? ExportLint::maxFragmentBytes : ExportLint::maxPolicyBytes;
        if (bytes <= limit)
            return;
        report(Diagnostic::Severity::Error,
               QStringLiteral("deploy.too-large"),
               QStringLiteral("%1 bytes: APIM accepts at most %2 KiB for a %3")
                       .arg(bytes)
                       .arg(limit / 1024)
                       .arg(fragment ? QStringLiteral("policy fragment")
                                     : QStringLiteral("policy document")),
               {});
    }

    const Workspace &m_workspace;
    PolicyLocation m_location;
    bool m_withSchema;
    QString m_fileName;
    QString m_text;
    const TextLocator *m_locator = nullptr;
    QList<Diagnostic> m_diagnostics;
};

} // namespace

QList<Diagnostic> ExportLint::lint(const Workspace &workspace, bool withSchema)
{
    QList<Diagnostic> result;
    for (const PolicyLocation &location : PolicyLocation::all(workspace))
        result.append(lintPolicy(workspace, location, withSchema));
    return result;
}

QList<Diagnostic> ExportLint::lintPolicy(const Workspace &workspace,
                                         const PolicyLocation &location,
                                         bool withSchema)
{
    return Linter(workspace, location, withSchema).run();
}

QString ExportLint::fileName(const Workspace &workspace, const PolicyLocation &location)
{
    const Workspace::PolicySource *source = location.find(workspace);
    return source && !source->file.isEmpty() ? source->file : location.displayName();
}
