// SPDX-License-Identifier: GPL-3.0-or-later
#include "policytexteditor.h"

#include "policyelementspec.h"
#include "policyescaping.h"
#include "policyschema.h"

#include <algorithm>

namespace {

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Characters whose layout is content, not formatting: lines starting inside them keep their
// indentation when an element moves to another depth.
void collectVerbatim(const PolicyNode &node, QList<SourceRange> &ranges)
{
    for (const PolicyAttribute &attribute : node.attributes)
        ranges.append(attribute.valueRange);
    for (const PolicyNode &child : node.children) {
        if ((child.kind == PolicyNode::Kind::Text && !child.isWhitespace())
            || child.kind == PolicyNode::Kind::CData)
            ranges.append(child.range);
        else if (child.isElement())
            collectVerbatim(child, ranges);
    }
}

bool insideAny(const QList<SourceRange> &ranges, qsizetype offset)
{
    return std::any_of(ranges.cbegin(), ranges.cend(), [offset](const SourceRange &range) {
        return range.isValid() && offset > range.begin.offset && offset < range.end.offset;
    });
}

qsizetype commonPrefixLength(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a.at(n) == b.at(n))
        ++n;
    return n;
}

bool isAttributeName(const QString &name)
{
    static const QString forbidden = QStringLiteral(" \t\r\n\"'<>=/&");
    return !name.isEmpty() && std::none_of(name.cbegin(), name.cend(), [](QChar c) {
        return forbidden.contains(c);
    });
}

// Both describe the same text, so their order is the order of application: from the end of the
// text backwards, a removal before an insertion at its start.
void sortForApplication(QList<PolicyTextChange::Edit> &edits)
{
    std::sort(edits.begin(), edits.end(), [](const auto &a, const auto &b) {
        return a.offset != b.offset ? a.offset > b.offset : a.length > b.length;
    });
}

} // namespace

PolicyTextEditor::PolicyTextEditor(const QString &text, const PolicyDocument &document)
    : m_text(text)
    , m_document(document)
    , m_newline(detectNewline())
    , m_indentUnit(detectIndentUnit())
{}

PolicyTextChange PolicyTextEditor::insertElement(const PolicyNode &container,
                                                 qsizetype index,
                                                 const QString &elementText) const
{
    return insertRendered(container, index, [this, &elementText](const QString &indent) {
        QString text = elementText;
        return text.replace(u'\n', m_newline + indent);
    });
}

PolicyTextChange PolicyTextEditor::removeElement(const PolicyNode &element) const
{
    if (!element.isElement() || !element.range.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Only an element from the text can be removed"));
    if (m_document.isValid() && &element == &m_document.root())
        return PolicyTextChange::failure(QStringLiteral("The root element cannot be removed"));
    PolicyTextChange change;
    change.edits.append(removal(element));
    return change;
}

PolicyTextChange PolicyTextEditor::moveElement(const PolicyNode &element,
                                               const PolicyNode &container,
                                               qsizetype index) const
{
    if (!element.isElement() || !element.range.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Only an element from the text can be moved"));
    if (&element == &container || contains(element, container))
        return PolicyTextChange::failure(
                QStringLiteral("'%1' cannot be moved into itself").arg(element.name));
    const QList<const PolicyNode *> ancestors = m_document.ancestors(element);
    qsizetype originalIndex = index;
    if (!ancestors.isEmpty() && ancestors.constLast() == &container) {
        const QList<const PolicyNode *> siblings = container.elements();
        const qsizetype current = siblings.indexOf(&element);
        if (index < 0 || index >= siblings.size())
            return PolicyTextChange::failure(
                    QStringLiteral("Position %1 is outside '%2'").arg(index).arg(container.name));
        if (index == current) {
            PolicyTextChange unchanged;
            unchanged.elementOffset = element.range.begin.offset;
            return unchanged;
        }
        // The insertion is computed on the text before the removal, where the element still
        // counts among its siblings.
        originalIndex = index < current ? index : index + 1;
    }
    return withRemoval(insertRendered(container,
                                      originalIndex,
                                      [this, &element](const QString &indent) {
                                          return reindented(element, indent);
                                      }),
                       element);
}

PolicyTextChange PolicyTextEditor::withRemoval(PolicyTextChange change,
                                               const PolicyNode &element) const
{
    if (!change.ok())
        return change;
    const PolicyTextChange::Edit insertion = change.edits.constFirst();
    const PolicyTextChange::Edit removed = removal(element);
    if (insertion.offset < removed.offset + removed.length
        && insertion.offset + insertion.length > removed.offset)
        return PolicyTextChange::failure(
                QStringLiteral("'%1' cannot be moved there").arg(element.name));
    if (removed.offset < insertion.offset)
        change.elementOffset -= removed.length;
    change.edits.append(removed);
    sortForApplication(change.edits);
    return change;
}

PolicyTextChange PolicyTextEditor::setText(const PolicyNode &element, const QString &value) const
{
    if (!element.isElement() || !element.startTagRange.isValid())
        return PolicyTextChange::failure(QStringLiteral("Only an element from the text has text"));
    if (std::any_of(element.children.cbegin(), element.children.cend(), [](const PolicyNode &c) {
            return c.kind != PolicyNode::Kind::Text && c.kind != PolicyNode::Kind::CData;
        }))
        return PolicyTextChange::failure(
                QStringLiteral("'%1' holds more than text: edit it in the editor")
                        .arg(element.name));
    PolicyTextChange change;
    change.elementOffset = element.range.begin.offset;
    if (element.selfClosing ? value.isEmpty() : element.textContent() == value)
        return change;
    change.edits.append(textEdit(element, PolicyEscaping::textSource(value)));
    return change;
}

PolicyTextChange::Edit PolicyTextEditor::textEdit(const PolicyNode &element,
                                                  const QString &source) const
{
    if (element.selfClosing) {
        // <set-method /> becomes <set-method>GET</set-method>; its attributes stay as written.
        const SourceRange &tag = element.startTagRange;
        QString head = m_text.mid(tag.begin.offset, tag.length() - 2);
        while (!head.isEmpty() && head.back().isSpace())
            head.chop(1);
        return {tag.begin.offset,
                tag.length(),
                head + u'>' + source + QStringLiteral("</") + element.name + u'>'};
    }
    const qsizetype begin = element.startTagRange.end.offset;
    return {begin, element.endTagRange.begin.offset - begin, source};
}

PolicyTextChange PolicyTextEditor::setChildTexts(const PolicyNode &element,
                                                 const QString &childName,
                                                 const QStringList &values) const
{
    if (!element.isElement() || !element.range.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Only an element from the text has children"));
    QList<const PolicyNode *> children;
    for (const PolicyNode *child : element.elements()) {
        if (child->name == childName)
            children.append(child);
    }
    PolicyTextChange change;
    change.elementOffset = element.range.begin.offset;
    for (qsizetype i = 0; i < children.size() && i < values.size(); ++i) {
        const PolicyTextChange text = setText(*children.at(i), values.at(i));
        if (!text.ok())
            return text;
        change.edits.append(text.edits);
    }
    for (qsizetype i = values.size(); i < children.size(); ++i)
        change.edits.append(removal(*children.at(i)));
    if (values.size() > children.size()) {
        QStringList added;
        for (qsizetype i = children.size(); i < values.size(); ++i)
            added.append(u'<' + childName + u'>' + PolicyEscaping::textSource(values.at(i))
                         + QStringLiteral("</") + childName + u'>');
        const QList<const PolicyNode *> elements = element.elements();
        const qsizetype index
                = children.isEmpty() ? elements.size() : elements.indexOf(children.constLast()) + 1;
        const PolicyTextChange insertion = insertElement(element, index, added.join(u'\n'));
        if (!insertion.ok())
            return insertion;
        // A self-closing parent is rewritten whole: nothing else can be in it.
        change.edits.append(insertion.edits);
    }
    sortForApplication(change.edits);
    return change;
}

PolicyTextChange PolicyTextEditor::insertSection(const QString &sectionName,
                                                 bool inherit,
                                                 const QString &elementText) const
{
    return insertSectionRendered(sectionName, inherit, [this, &elementText](const QString &indent) {
        QString text = elementText;
        return text.replace(u'\n', m_newline + indent);
    });
}

PolicyTextChange PolicyTextEditor::moveIntoNewSection(const PolicyNode &element,
                                                      const QString &sectionName,
                                                      bool inherit) const
{
    if (!element.isElement() || !element.range.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Only an element from the text can be moved"));
    return withRemoval(insertSectionRendered(sectionName,
                                             inherit,
                                             [this, &element](const QString &indent) {
                                                 return reindented(element, indent);
                                             }),
                       element);
}

PolicyTextChange PolicyTextEditor::insertSectionRendered(const QString &sectionName,
                                                         bool inherit,
                                                         const Renderer &render) const
{
    const QList<QString> &order = PolicyDocument::sectionNames();
    const qsizetype rank = order.indexOf(sectionName);
    if (m_document.kind != PolicyDocument::Kind::Policies || !m_document.isValid() || rank < 0)
        return PolicyTextChange::failure(
                QStringLiteral("'%1' is not a section of this document").arg(sectionName));
    if (m_document.section(sectionName))
        return PolicyTextChange::failure(
                QStringLiteral("The document already has '%1'").arg(sectionName));
    // Before the first section that runs later; unknown elements do not move it.
    const QList<const PolicyNode *> sections = m_document.root().elements();
    const auto later = std::find_if(sections.cbegin(), sections.cend(), [&](const PolicyNode *s) {
        return order.indexOf(s->name) > rank;
    });
    qsizetype contentOffset = 0;
    PolicyTextChange change = insertRendered(
            m_document.root(), later - sections.cbegin(), [&](const QString &indent) -> QString {
                const QString inner = indent + m_indentUnit;
                QString text = u'<' + sectionName + u'>' + m_newline;
                if (inherit)
                    text += inner + QStringLiteral("<base />") + m_newline;
                text += inner;
                contentOffset = text.size();
                return text + render(inner) + m_newline + indent + QStringLiteral("</")
                       + sectionName + u'>';
            });
    if (change.ok())
        change.elementOffset += contentOffset;
    return change;
}

PolicyTextChange PolicyTextEditor::setAttribute(const PolicyNode &element,
                                                const QString &name,
                                                const QString &value) const
{
    if (!element.isElement() || !element.startTagRange.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Only an element from the text has attributes"));
    if (!isAttributeName(name))
        return PolicyTextChange::failure(QStringLiteral("'%1' is not an attribute name").arg(name));
    PolicyTextChange change;
    change.elementOffset = element.range.begin.offset;
    if (const PolicyAttribute *attribute = element.findAttribute(name)) {
        const QString source = PolicyEscaping::attributeSource(value, attribute->quote);
        if (source != attribute->rawValue)
            change.edits.append(
                    {attribute->valueRange.begin.offset, attribute->valueRange.length(), source});
        return change;
    }
    qsizetype at = element.startTagRange.begin.offset + 1 + element.name.size();
    QString separator = QStringLiteral(" ");
    QChar quote = u'"';
    if (!element.attributes.isEmpty()) {
        const PolicyAttribute &last = element.attributes.constLast();
        at = last.range.end.offset;
        quote = last.quote;
        // Attributes written one per line stay that way.
        if (last.spaceBefore.contains(u'\n') || last.spaceBefore.contains(u'\r'))
            separator = last.spaceBefore;
    }
    change.edits.append({at,
                         0,
                         separator + name + u'=' + quote
                                 + PolicyEscaping::attributeSource(value, quote) + quote});
    return change;
}

PolicyTextChange PolicyTextEditor::removeAttribute(const PolicyNode &element,
                                                   const QString &name) const
{
    PolicyTextChange change;
    change.elementOffset = element.range.begin.offset;
    if (const PolicyAttribute *attribute = element.findAttribute(name)) {
        const qsizetype begin = attribute->range.begin.offset - attribute->spaceBefore.size();
        change.edits.append({begin, attribute->range.end.offset - begin, QString()});
    }
    return change;
}

QString PolicyTextEditor::newElementText(const PolicyElementSpec &spec,
                                         const PolicySchema &schema) const
{
    QString text;
    appendTemplate(spec, schema, QString(), 0, text);
    return text;
}

void PolicyTextEditor::appendTemplate(const PolicyElementSpec &spec,
                                      const PolicySchema &schema,
                                      const QString &indent,
                                      int depth,
                                      QString &out) const
{
    // Schema recursion (a policy referring to itself through children) ends here at the latest.
    constexpr int maxDepth = 6;
    const PolicyElementSpec *resolved = schema.resolve(spec);
    if (!resolved)
        resolved = &spec;
    out += u'<' + resolved->name;
    QStringList names;
    for (const PolicyAttributeSpec &attribute : resolved->attributes) {
        if (attribute.required)
            names.append(attribute.name);
    }
    for (const QStringList &group : resolved->requireOneOf) {
        if (std::none_of(group.cbegin(),
                         group.cend(),
                         [&names](const QString &n) { return names.contains(n); })
            && !group.isEmpty())
            names.append(group.constFirst());
    }
    for (const QString &name : std::as_const(names)) {
        const PolicyAttributeSpec *attribute = resolved->attribute(name);
        const QString value = !attribute ? QString()
                              : !attribute->defaultValue.isEmpty()
                                      ? attribute->defaultValue
                                      : attribute->value.enumValues.value(0);
        out += u' ' + name + QStringLiteral("=\"") + PolicyEscaping::attributeSource(value, u'"')
               + u'"';
    }
    QList<const PolicyElementSpec *> children;
    if (resolved->childMode == PolicyElementSpec::Children::Listed && depth < maxDepth) {
        for (const PolicyElementSpec &child : resolved->children) {
            if (child.minOccurs > 0 && child.optionalWhen.isEmpty())
                children.append(&child);
        }
    }
    const bool hasText = resolved->text == PolicyElementSpec::Text::Required;
    if (children.isEmpty() && !hasText) {
        out += QStringLiteral(" />");
        return;
    }
    out += u'>';
    if (hasText)
        out += PolicyEscaping::textSource(resolved->textValue.enumValues.value(0));
    const QString childIndent = indent + m_indentUnit;
    for (const PolicyElementSpec *child : std::as_const(children)) {
        out += u'\n' + childIndent;
        appendTemplate(*child, schema, childIndent, depth + 1, out);
    }
    if (!children.isEmpty())
        out += u'\n' + indent;
    out += QStringLiteral("</") + resolved->name + u'>';
}

PolicyTextChange PolicyTextEditor::insertRendered(const PolicyNode &container,
                                                  qsizetype index,
                                                  const Renderer &render) const
{
    if (!container.isElement() || !container.range.isValid())
        return PolicyTextChange::failure(
                QStringLiteral("Elements can only be inserted into an element"));
    const QList<const PolicyNode *> elements = container.elements();
    if (index < 0 || index > elements.size())
        return PolicyTextChange::failure(
                QStringLiteral("Position %1 is outside '%2'").arg(index).arg(container.name));
    if (elements.isEmpty())
        return insertIntoEmpty(container, render);

    PolicyTextChange change;
    if (index < elements.size()) {
        // Before a sibling: on a line of its own above it, or right before it when it shares
        // its line with other markup.
        const qsizetype anchor = elements.at(index)->range.begin.offset;
        if (const std::optional<QString> indent = indentBefore(anchor)) {
            const qsizetype at = lineStart(anchor);
            change.edits.append({at, 0, *indent + render(*indent) + m_newline});
            change.elementOffset = at + indent->size();
        } else {
            change.edits.append({anchor, 0, render(QString())});
            change.elementOffset = anchor;
        }
        return change;
    }
    // After the last sibling: on a line of its own below it (behind any blanks trailing its
    // line, which stay with that line), or right after it.
    const PolicyNode &last = *elements.constLast();
    qsizetype at = last.range.end.offset;
    if (const std::optional<QString> indent = indentBefore(last.range.begin.offset)) {
        if (restOfLineIsBlank(at)) {
            while (at < m_text.size() && isBlank(m_text.at(at)))
                ++at;
        }
        change.edits.append({at, 0, m_newline + *indent + render(*indent)});
        change.elementOffset = at + m_newline.size() + indent->size();
    } else {
        change.edits.append({at, 0, render(QString())});
        change.elementOffset = at;
    }
    return change;
}

PolicyTextChange PolicyTextEditor::insertIntoEmpty(const PolicyNode &container,
                                                   const Renderer &render) const
{
    const QString outer = indentOf(container);
    const QString inner = outer + m_indentUnit;
    PolicyTextChange change;
    if (container.selfClosing) {
        // <inbound /> becomes <inbound> ... </inbound>; its attributes stay as written.
        const SourceRange &tag = container.startTagRange;
        QString head = m_text.mid(tag.begin.offset, tag.length() - 2);
        while (!head.isEmpty() && head.back().isSpace())
            head.chop(1);
        head += u'>' + m_newline + inner;
        change.edits.append({tag.begin.offset,
                             tag.length(),
                             head + render(inner) + m_newline + outer + QStringLiteral("</")
                                     + container.name + u'>'});
        change.elementOffset = tag.begin.offset + head.size();
        return change;
    }
    const qsizetype endTag = container.endTagRange.begin.offset;
    if (indentBefore(endTag) && lineStart(endTag) > container.startTagRange.end.offset) {
        const qsizetype at = lineStart(endTag);
        change.edits.append({at, 0, inner + render(inner) + m_newline});
        change.elementOffset = at + inner.size();
    } else {
        change.edits.append({endTag, 0, m_newline + inner + render(inner) + m_newline + outer});
        change.elementOffset = endTag + m_newline.size() + inner.size();
    }
    return change;
}

PolicyTextChange::Edit PolicyTextEditor::removal(const PolicyNode &element) const
{
    const qsizetype begin = element.range.begin.offset;
    const qsizetype end = element.range.end.offset;
    if (indentBefore(begin) && restOfLineIsBlank(end)) {
        const qsizetype from = lineStart(begin);
        return {from, nextLineStart(end) - from, QString()};
    }
    return {begin, end - begin, QString()};
}

QString PolicyTextEditor::reindented(const PolicyNode &element, const QString &indent) const
{
    const qsizetype begin = element.range.begin.offset;
    const QString oldIndent = indentOf(element);
    const QString source = m_text.mid(begin, element.range.length());
    if (oldIndent == indent)
        return source;
    QList<SourceRange> verbatim;
    collectVerbatim(element, verbatim);
    QString result;
    qsizetype i = 0;
    while (i < source.size()) {
        const QChar c = source.at(i);
        result += c;
        ++i;
        if (!isLineBreak(c) || (c == u'\r' && i < source.size() && source.at(i) == u'\n'))
            continue;
        if (insideAny(verbatim, begin + i))
            continue;
        qsizetype blank = i;
        while (blank < source.size() && isBlank(source.at(blank)))
            ++blank;
        i += commonPrefixLength(QStringView(source).mid(i, blank - i), oldIndent);
        result += indent;
    }
    return result;
}

qsizetype PolicyTextEditor::lineStart(qsizetype offset) const
{
    while (offset > 0 && !isLineBreak(m_text.at(offset - 1)))
        --offset;
    return offset;
}

qsizetype PolicyTextEditor::nextLineStart(qsizetype offset) const
{
    while (offset < m_text.size() && !isLineBreak(m_text.at(offset)))
        ++offset;
    if (offset < m_text.size() && m_text.at(offset) == u'\r')
        ++offset;
    if (offset < m_text.size() && m_text.at(offset) == u'\n')
        ++offset;
    return offset;
}

std::optional<QString> PolicyTextEditor::indentBefore(qsizetype offset) const
{
    const qsizetype start = lineStart(offset);
    for (qsizetype i = start; i < offset; ++i) {
        if (!isBlank(m_text.at(i)))
            return std::nullopt;
    }
    return m_text.mid(start, offset - start);
}

bool PolicyTextEditor::restOfLineIsBlank(qsizetype offset) const
{
    for (; offset < m_text.size() && !isLineBreak(m_text.at(offset)); ++offset) {
        if (!isBlank(m_text.at(offset)))
            return false;
    }
    return true;
}

QString PolicyTextEditor::indentOf(const PolicyNode &element) const
{
    return indentBefore(element.range.begin.offset).value_or(QString());
}

bool PolicyTextEditor::contains(const PolicyNode &ancestor, const PolicyNode &node) const
{
    return m_document.ancestors(node).contains(&ancestor);
}

QString PolicyTextEditor::detectNewline() const
{
    // The most common line end wins: files that mix them usually got one line from elsewhere.
    const qsizetype crlf = m_text.count(QStringLiteral("\r\n"));
    const qsizetype lf = m_text.count(u'\n') - crlf;
    const qsizetype cr = m_text.count(u'\r') - crlf;
    if (crlf > lf && crlf >= cr)
        return QStringLiteral("\r\n");
    if (cr > lf)
        return QStringLiteral("\r");
    return QStringLiteral("\n");
}

QString PolicyTextEditor::detectIndentUnit() const
{
    // The first element on a line of its own whose first child element is deeper on a line of its
    // own tells how this file indents.
    QList<const PolicyNode *> pending;
    for (const PolicyNode &node : m_document.nodes)
        pending.append(&node);
    while (!pending.isEmpty()) {
        const PolicyNode *node = pending.takeFirst();
        if (!node->isElement() || !node->range.isValid())
            continue;
        const std::optional<QString> outer = indentBefore(node->range.begin.offset);
        for (const PolicyNode *child : node->elements()) {
            const std::optional<QString> inner = indentBefore(child->range.begin.offset);
            if (outer && inner && inner->size() > outer->size() && inner->startsWith(*outer))
                return inner->mid(outer->size());
            pending.append(child);
        }
    }
    return QStringLiteral("    ");
}
