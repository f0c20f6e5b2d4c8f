// SPDX-License-Identifier: GPL-3.0-or-later
#include "policycompiler.h"

#include "policyexecution.h"

#include "expr/namedvaluesubstitution.h"

#include "expr/expressioncompiler.h"
#include "policy/policydocument.h"
#include "policy/policyschema.h"
#include "policy/policywriter.h"

namespace {

bool looksLikeExpression(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(QLatin1String("@(")) || trimmed.startsWith(QLatin1String("@{"));
}

// Policies whose element content is a document of its own (a literal XML body), not policies.
bool hasOpaqueContent(const PolicySchema &schema, const QString &name)
{
    const PolicyElementSpec *spec = schema.policy(name);
    return spec && spec->childMode == PolicyElementSpec::Children::Any;
}

} // namespace

PolicyCompiler::PolicyCompiler(const PolicySchema &schema, QHash<QString, QString> namedValues)
    : m_schema(schema)
    , m_namedValues(std::move(namedValues))
{}

PolicyCompileResult PolicyCompiler::compile(const PolicyDocument &effective,
                                            const QString &fileName) const
{
    PolicyCompileResult result;
    auto program = std::make_shared<PolicyProgram>();
    program->fileName = fileName;
    for (int section = 0; section < PolicyProgram::SectionCount; ++section) {
        const PolicyNode *element = effective.section(PolicyProgram::sectionName(section));
        if (!element)
            continue;
        QHash<QString, int> seen;
        for (const PolicyNode *policy : element->elements()) {
            if (policy->name == QLatin1String("base"))
                continue;
            const QString path = policy->name + u'[' + QString::number(++seen[policy->name]) + u']';
            program->sections[section].append(
                    compileNode(*policy, {policy->name}, path, fileName, result.diagnostics));
        }
    }
    if (!Diagnostic::hasErrors(result.diagnostics))
        result.program = std::move(program);
    return result;
}

ProgramNode PolicyCompiler::compileNode(const PolicyNode &element,
                                        const QStringList &schemaPath,
                                        const QString &path,
                                        const QString &fileName,
                                        QList<Diagnostic> &diagnostics) const
{
    ProgramNode node;
    node.name = element.name;
    node.path = path;
    node.origin = element.origin;
    node.range = element.range;
    node.policyId = element.attribute(u"id");
    node.handler = PolicyExecution::handlerIndex(node.name);
    const QString file = element.origin.document.isEmpty() ? fileName : element.origin.document;
    for (const PolicyAttribute &attribute : element.attributes) {
        node.setAttribute(
                attribute.name,
                compileValue(attribute.value, attribute.valueRange.begin, file, diagnostics));
    }
    if (const PolicyElementSpec *spec = m_schema.elementAt(schemaPath)) {
        for (const PolicyAttributeSpec &attribute : spec->attributes) {
            if (!attribute.defaultValue.isEmpty() && !node.hasAttribute(attribute.name))
                node.attributes.append(
                        {attribute.name, ProgramValue::fromLiteral(attribute.defaultValue)});
        }
    }
    const bool opaque = hasOpaqueContent(m_schema, element.name);
    QString text;
    SourcePosition textStart;
    for (const PolicyNode &child : element.children) {
        if (child.kind == PolicyNode::Kind::Text || child.kind == PolicyNode::Kind::CData) {
            if (!textStart.isValid())
                textStart = child.range.begin;
            text += child.text;
        } else if (child.isElement() && opaque) {
            text += PolicyWriter::write(child);
        }
    }
    if (!text.trimmed().isEmpty()) {
        node.hasText = true;
        node.text = compileValue(text, textStart, file, diagnostics);
    }
    if (opaque)
        return node;
    QHash<QString, int> seen;
    for (const PolicyNode *child : element.elements()) {
        const QString childPath
                = path + u'/' + child->name + u'[' + QString::number(++seen[child->name]) + u']';
        node.children.append(compileNode(
                *child, schemaPath + QStringList{child->name}, childPath, file, diagnostics));
    }
    return node;
}

ProgramValue PolicyCompiler::compileValue(const QString &text,
                                          const SourcePosition &start,
                                          const QString &fileName,
                                          QList<Diagnostic> &diagnostics) const
{
    ProgramValue value = ProgramValue::fromLiteral(
            NamedValueSubstitution::substitute(text, m_namedValues).text);
    if (!looksLikeExpression(value.literal))
        return value;
    ExpressionCompileResult compiled = ExpressionCompiler::compile(value.literal, start, fileName);
    diagnostics.append(compiled.diagnostics);
    value.expression = compiled.expression;
    return value;
}
