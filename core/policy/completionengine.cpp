// SPDX-License-Identifier: GPL-3.0-or-later
#include "completionengine.h"

#include "expr/contextmembertable.h"
#include "expressionscanner.h"
#include "policyschema.h"

#include <algorithm>
#include <optional>

namespace {

using Context = CompletionEngine::Context;
using Kind = CompletionItem::Kind;

// A look at the tag after the cursor never needs to go far; this bounds it on hostile input.
constexpr qsizetype maxLookAhead = 4096;

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u':' || c == u'.';
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Named values may contain dots, dashes and underscores.
bool isNamedValueChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.';
}

struct Frame
{
    QString name;
    QStringList children;
};

// Where the cursor stands in the markup before it.
struct Position
{
    Context context = Context::None;
    QList<Frame> open;
    // The element whose start tag the cursor is in, and the attributes before the cursor.
    QString tag;
    QStringList attributes;
    QString attribute;
    qsizetype wordBegin = -1;
    // Inside an expression: where its code starts (after "@(" or "@{").
    qsizetype codeBegin = -1;
    // In element text, an attribute value or an expression, where "{{" may start a named value.
    bool inValue = false;
};

// A forward walk over the text before the cursor, tolerant of everything unfinished. The parser
// cannot serve here: it stops at the first error, and the text being typed is unfinished by
// definition. Expressions are delimited with ExpressionScanner, so '<', '>' and quotes inside C#
// do not end a tag or a value.
class MarkupWalker
{
public:
    MarkupWalker(QStringView text, qsizetype cursor)
        : m_text(text.left(cursor))
        , m_end(cursor)
    {}

    Position walk()
    {
        while (m_pos < m_end && !m_done) {
            const qsizetype at = nextSpecial(m_pos);
            if (at < 0)
                break;
            if (m_text.at(at) == u'@')
                readExpression(at, at + 2);
            else
                readMarkup(at);
        }
        if (!m_done)
            m_result.inValue = m_result.context == Context::None && m_inContent;
        m_result.open = m_open;
        return m_result;
    }

private:
    qsizetype nextSpecial(qsizetype from) const
    {
        for (qsizetype i = from; i < m_end; ++i) {
            const QChar c = m_text.at(i);
            if (c == u'<')
                return i;
            if (c == u'@' && i + 1 < m_end
                && (m_text.at(i + 1) == u'(' || m_text.at(i + 1) == u'{'))
                return i;
        }
        return -1;
    }

    void finish(Context context, qsizetype wordBegin = -1)
    {
        m_result.context = context;
        m_result.wordBegin = wordBegin;
        m_done = true;
    }

    // Skips a complete expression; one still open at the cursor puts the cursor inside it.
    bool readExpression(qsizetype at, qsizetype codeBegin)
    {
        const ExpressionScanResult scan
                = ExpressionScanner::scan(m_text, at, ExpressionScanner::Mode::XmlSource);
        switch (scan.status) {
        case ExpressionScanResult::Status::Ok:
            m_pos = scan.end;
            return true;
        case ExpressionScanResult::Status::NotAnExpression:
            m_pos = at + 1;
            return true;
        case ExpressionScanResult::Status::Unbalanced:
            m_result.codeBegin = codeBegin;
            m_result.inValue = true;
            finish(Context::ContextMember);
            return false;
        case ExpressionScanResult::Status::UnterminatedLiteral:
        case ExpressionScanResult::Status::UnterminatedComment:
            break;
        }
        // Named values are substituted before the code is compiled, so "{{" counts in string
        // literals too (GetValueOrDefault("key", "{{default}}")).
        m_result.inValue = scan.status == ExpressionScanResult::Status::UnterminatedLiteral;
        finish(Context::None);
        return false;
    }

    bool skipPast(qsizetype from, QStringView close)
    {
        const qsizetype found = m_text.indexOf(close, from);
        if (found < 0) {
            m_result.inValue = false;
            finish(Context::None);
            return false;
        }
        m_pos = found + close.size();
        return true;
    }

    qsizetype nameEnd(qsizetype from) const
    {
        while (from < m_end && isNameChar(m_text.at(from)))
            ++from;
        return from;
    }

    qsizetype skipSpace(qsizetype from) const
    {
        while (from < m_end && isXmlSpace(m_text.at(from)))
            ++from;
        return from;
    }

    void readMarkup(qsizetype at)
    {
        const QStringView rest = m_text.mid(at);
        if (rest.startsWith(u"<!--"))
            skipPast(at + 4, u"-->");
        else if (rest.startsWith(u"<![CDATA["))
            skipPast(at + 9, u"]]>");
        else if (rest.startsWith(u"<?") || rest.startsWith(u"<!"))
            skipPast(at + 2, u">");
        else if (rest.startsWith(u"</"))
            readEndTag(at);
        else
            readStartTag(at);
    }

    void readEndTag(qsizetype at)
    {
        const qsizetype end = nameEnd(at + 2);
        if (end == m_end) {
            finish(Context::ClosingTag, at + 2);
            return;
        }
        const QStringView name = m_text.mid(at + 2, end - at - 2);
        if (!skipPast(end, u">"))
            return;
        // Tolerant: an end tag closes the innermost element of its name and any left open
        // inside it; an end tag matching nothing is ignored.
        for (qsizetype i = m_open.size() - 1; i >= 0; --i) {
            if (m_open.at(i).name == name) {
                m_open.resize(i);
                break;
            }
        }
        m_inContent = true;
    }

    void readStartTag(qsizetype at)
    {
        const qsizetype end = nameEnd(at + 1);
        if (end == m_end) {
            finish(Context::ElementName, at + 1);
            return;
        }
        if (end == at + 1) {
            m_pos = at + 1; // a lone '<' in text, not a tag
            return;
        }
        m_result.tag = m_text.mid(at + 1, end - at - 1).toString();
        m_result.attributes.clear();
        m_inContent = false;
        m_result.inValue = false;
        readAttributes(end);
    }

    void readAttributes(qsizetype from)
    {
        qsizetype p = from;
        while (!m_done) {
            const qsizetype next = skipSpace(p);
            if (next == m_end) {
                // Right after the name with no space, the cursor still extends the name.
                finish(next > p ? Context::AttributeName : Context::None, m_end);
                return;
            }
            p = next;
            const QChar c = m_text.at(p);
            if (c == u'>' || c == u'/' || c == u'<') {
                closeStartTag(p);
                return;
            }
            if (!isNameChar(c)) {
                ++p;
                continue;
            }
            p = readAttribute(p);
        }
    }

    void closeStartTag(qsizetype at)
    {
        const QChar c = m_text.at(at);
        if (c == u'/' && at + 1 == m_end) {
            finish(Context::None);
            return;
        }
        Frame element{m_result.tag, {}};
        if (!m_open.isEmpty())
            m_open.last().children.append(element.name);
        const bool selfClosing = c == u'/';
        if (c == u'>')
            m_open.append(element);
        // An unfinished tag followed by another '<' is left for the next readMarkup.
        m_pos = c == u'<' ? at : at + (selfClosing ? 2 : 1);
        m_inContent = true;
    }

    // Returns where the attribute ends; finishes when the cursor is inside it.
    qsizetype readAttribute(qsizetype at)
    {
        const qsizetype end = nameEnd(at);
        if (end == m_end) {
            finish(Context::AttributeName, at);
            return end;
        }
        const QString name = m_text.mid(at, end - at).toString();
        m_result.attributes.append(name);
        qsizetype p = skipSpace(end);
        if (p == m_end || m_text.at(p) != u'=') {
            if (p == m_end)
                finish(Context::None);
            return p;
        }
        p = skipSpace(p + 1);
        if (p == m_end) {
            finish(Context::None);
            return p;
        }
        const QChar quote = m_text.at(p);
        if (quote != u'"' && quote != u'\'')
            return p;
        qsizetype valueEnd = p + 1;
        const QStringView value = m_text.mid(p + 1);
        if (value.startsWith(u"@(") || value.startsWith(u"@{")) {
            if (!readExpression(p + 1, p + 3))
                return m_end;
            valueEnd = m_pos;
        }
        const qsizetype close = m_text.indexOf(quote, valueEnd);
        if (close < 0) {
            m_result.attribute = name;
            m_result.inValue = true;
            finish(Context::AttributeValue, p + 1);
            return m_end;
        }
        return close + 1;
    }

    QStringView m_text;
    qsizetype m_end;
    qsizetype m_pos = 0;
    bool m_done = false;
    bool m_inContent = true;
    QList<Frame> m_open;
    Position m_result;
};

// The attribute names of the tag from offset to its end (the part after the cursor).
QStringList attributesAfter(QStringView text, qsizetype offset)
{
    QStringList names;
    const qsizetype end = std::min(text.size(), offset + maxLookAhead);
    qsizetype p = offset;
    while (p < end) {
        const QChar c = text.at(p);
        if (c == u'>' || c == u'<')
            break;
        if (c == u'"' || c == u'\'') {
            const QStringView value = text.mid(p + 1);
            qsizetype from = p + 1;
            if (value.startsWith(u"@(") || value.startsWith(u"@{")) {
                const ExpressionScanResult scan = ExpressionScanner::scan(
                        text.left(end), p + 1, ExpressionScanner::Mode::XmlSource);
                if (!scan.ok())
                    break;
                from = scan.end;
            }
            const qsizetype close = text.indexOf(c, from);
            if (close < 0)
                break;
            p = close + 1;
            continue;
        }
        if (isNameChar(c) && (p == offset || isXmlSpace(text.at(p - 1)))) {
            qsizetype nameEnd = p;
            while (nameEnd < end && isNameChar(text.at(nameEnd)))
                ++nameEnd;
            qsizetype q = nameEnd;
            while (q < end && isXmlSpace(text.at(q)))
                ++q;
            if (q < end && text.at(q) == u'=')
                names.append(text.mid(p, nameEnd - p).toString());
            p = nameEnd;
            continue;
        }
        ++p;
    }
    return names;
}

qsizetype wordEnd(QStringView text, qsizetype from, bool (*isWordChar)(QChar))
{
    while (from < text.size() && isWordChar(text.at(from)))
        ++from;
    return from;
}

qsizetype valueEnd(QStringView text, qsizetype from)
{
    while (from < text.size()) {
        const QChar c = text.at(from);
        if (c == u'"' || c == u'\'' || c == u'<' || c == u'\n')
            break;
        ++from;
    }
    return from;
}

// The member chain before the cursor in C# code ("context.Request.Url.Ho" -> {"context",
// "Request", "Url"}, prefix "Ho"); nullopt when the word is not on such a chain (after a call,
// an indexer, a cast ...).
std::optional<QStringList> memberChain(QStringView code, qsizetype wordBegin)
{
    QStringList chain;
    qsizetype p = wordBegin;
    while (p > 0 && code.at(p - 1) == u'.') {
        qsizetype end = p - 1;
        if (end > 0 && code.at(end - 1) == u'?')
            --end;
        qsizetype begin = end;
        while (begin > 0 && isIdentifierChar(code.at(begin - 1)))
            --begin;
        if (begin == end)
            return std::nullopt;
        chain.prepend(code.mid(begin, end - begin).toString());
        p = begin;
    }
    return chain;
}

bool matches(const CompletionItem &item, QStringView prefix)
{
    if (item.kind == Kind::Element || item.kind == Kind::Attribute)
        return item.label.contains(prefix, Qt::CaseInsensitive);
    return item.label.startsWith(prefix, Qt::CaseInsensitive);
}

// Those starting with the prefix first, then those only containing it; an item that is exactly
// the prefix has nothing left to complete.
QList<CompletionItem> filtered(const QList<CompletionItem> &items, QStringView prefix)
{
    QList<CompletionItem> starting;
    QList<CompletionItem> containing;
    for (const CompletionItem &item : items) {
        if (!matches(item, prefix) || (!prefix.isEmpty() && item.label == prefix))
            continue;
        (item.label.startsWith(prefix, Qt::CaseInsensitive) ? starting : containing).append(item);
    }
    return starting + containing;
}

// Whether the rest of the line after an element name is empty, so a skeleton cannot collide with
// attributes already typed.
bool lineEndsAt(QStringView text, qsizetype offset)
{
    for (qsizetype p = offset; p < text.size(); ++p) {
        const QChar c = text.at(p);
        if (c == u'\n' || c == u'<')
            return true;
        if (c != u' ' && c != u'\t' && c != u'\r')
            return false;
    }
    return true;
}

CompletionItem elementItem(const PolicyElementSpec &spec, bool skeleton)
{
    CompletionItem item{Kind::Element, spec.name, spec.name, -1, spec.description};
    if (!skeleton)
        return item;
    QStringList attributes;
    for (const PolicyAttributeSpec &attribute : spec.attributes) {
        if (attribute.required)
            attributes.append(attribute.name);
    }
    for (const QStringList &group : spec.requireOneOf) {
        if (std::none_of(group.cbegin(), group.cend(), [&](const QString &name) {
                return attributes.contains(name);
            }))
            attributes.append(group.constFirst());
    }
    QString text = spec.name;
    for (const QString &attribute : std::as_const(attributes)) {
        text += u' ' + attribute + QStringLiteral("=\"");
        if (item.cursorOffset < 0)
            item.cursorOffset = text.size();
        text += u'"';
    }
    const bool hasContent = spec.childMode != PolicyElementSpec::Children::Listed
                            || !spec.children.isEmpty()
                            || spec.text != PolicyElementSpec::Text::None;
    if (hasContent) {
        text += u'>';
        if (item.cursorOffset < 0)
            item.cursorOffset = text.size();
        text += QStringLiteral("</") + spec.name + u'>';
    } else {
        text += QStringLiteral(" />");
    }
    item.insertText = text;
    return item;
}

CompletionItem simpleElement(const QString &name, const QString &detail, bool skeleton)
{
    PolicyElementSpec spec;
    spec.name = name;
    spec.description = detail;
    spec.childMode = PolicyElementSpec::Children::Any;
    return elementItem(spec, skeleton);
}

} // namespace

CompletionEngine::CompletionEngine(const PolicySchema &schema)
    : m_schema(schema)
{}

void CompletionEngine::setNamedValues(const QList<NamedValue> &namedValues)
{
    m_namedValues = namedValues;
    std::sort(m_namedValues.begin(), m_namedValues.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
}

CompletionEngine::Result CompletionEngine::complete(QStringView text, qsizetype offset) const
{
    Result result;
    if (offset < 0 || offset > text.size())
        return result;
    const Position position = MarkupWalker(text, offset).walk();
    QStringList open;
    for (const Frame &frame : position.open)
        open.append(frame.name);

    // "{{" starts a named value wherever substitution applies: text, values, expressions.
    if (position.inValue) {
        qsizetype begin = offset;
        while (begin > 0 && isNamedValueChar(text.at(begin - 1)))
            --begin;
        if (begin >= 2 && text.mid(begin - 2, 2) == u"{{") {
            result.context = Context::NamedValue;
            result.replaceBegin = begin;
            result.replaceEnd = wordEnd(text, offset, isNamedValueChar);
            result.prefix = text.mid(begin, offset - begin).toString();
            result.items = filtered(namedValueItems(text.mid(result.replaceEnd)), result.prefix);
            return result;
        }
    }

    result.context = position.context;
    result.replaceBegin = position.wordBegin;
    result.replaceEnd = wordEnd(text, offset, isNameChar);
    QStringList tagPath = open;
    tagPath.append(position.tag);
    switch (position.context) {
    case Context::None:
        return Result{};
    case Context::ElementName:
        result.elementPath = open;
        result.items = elementItems(open,
                                    position.open.isEmpty() ? QStringList()
                                                            : position.open.last().children,
                                    text.mid(result.replaceEnd));
        break;
    case Context::ClosingTag:
        result.elementPath = open;
        if (!open.isEmpty()) {
            const bool closed = text.mid(result.replaceEnd).startsWith(u'>');
            result.items.append({Kind::ClosingTag,
                                 open.last(),
                                 closed ? open.last() : open.last() + u'>',
                                 -1,
                                 {}});
        }
        break;
    case Context::AttributeName: {
        result.elementPath = tagPath;
        QStringList present = position.attributes;
        present += attributesAfter(text, result.replaceEnd);
        result.items = attributeItems(tagPath, present, text.mid(result.replaceEnd));
        break;
    }
    case Context::AttributeValue:
        result.elementPath = tagPath;
        result.attribute = position.attribute;
        result.replaceEnd = valueEnd(text, offset);
        result.items = valueItems(tagPath, position.attribute);
        break;
    case Context::ContextMember: {
        const QStringView code = text.mid(position.codeBegin, offset - position.codeBegin);
        qsizetype begin = code.size();
        while (begin > 0 && isIdentifierChar(code.at(begin - 1)))
            --begin;
        result.replaceBegin = position.codeBegin + begin;
        result.replaceEnd = wordEnd(text, offset, isIdentifierChar);
        const std::optional<QStringList> chain = memberChain(code, begin);
        if (!chain)
            return Result{};
        result.elementPath = *chain;
        result.items = memberItems(*chain);
        break;
    }
    case Context::NamedValue:
        break;
    }
    result.prefix = text.mid(result.replaceBegin, offset - result.replaceBegin).toString();
    result.items = filtered(result.items, result.prefix);
    return result;
}

const PolicyElementSpec *CompletionEngine::specAt(const QStringList &path) const
{
    // Within a <policies> document the path below the section is what the schema describes;
    // a fragment's or a snippet's is below its root.
    qsizetype first = 0;
    if (!path.isEmpty() && path.constFirst() == u"policies")
        first = 2;
    else if (!path.isEmpty() && path.constFirst() == u"fragment")
        first = 1;
    return path.size() > first ? m_schema.elementAt(path.mid(first)) : nullptr;
}

QList<CompletionItem> CompletionEngine::elementItems(const QStringList &open,
                                                     const QStringList &siblings,
                                                     QStringView textAfter) const
{
    const bool skeleton = lineEndsAt(textAfter, 0);
    if (open.isEmpty()) {
        return {simpleElement(QStringLiteral("policies"),
                              QStringLiteral("A policy document with its four sections."),
                              skeleton),
                simpleElement(QStringLiteral("fragment"),
                              QStringLiteral("A policy fragment, included by include-fragment."),
                              skeleton)};
    }
    const bool inPolicies = open.constFirst() == u"policies";
    QList<CompletionItem> items;
    if (inPolicies && open.size() == 1) {
        for (PolicySection section : {PolicySection::Inbound,
                                      PolicySection::Backend,
                                      PolicySection::Outbound,
                                      PolicySection::OnError}) {
            const QString name = policySectionName(section);
            if (!siblings.contains(name))
                items.append(simpleElement(name, QStringLiteral("Policy section."), skeleton));
        }
        return items;
    }
    const PolicySection section
            = inPolicies ? policySectionFromName(open.at(1)) : PolicySection::None;
    const bool sectionLevel = (inPolicies && open.size() == 2)
                              || (open.constFirst() == u"fragment" && open.size() == 1);
    QList<const PolicyElementSpec *> specs;
    if (sectionLevel) {
        if (inPolicies && section == PolicySection::None)
            return {};
        specs = m_schema.policiesFor(section);
        if (inPolicies && !siblings.contains(u"base")) {
            PolicyElementSpec base;
            base.name = QStringLiteral("base");
            base.description = QStringLiteral("The parent scope's policies for this section.");
            items.append(elementItem(base, skeleton));
        }
    } else if (const PolicyElementSpec *parent = specAt(open)) {
        specs = m_schema.childrenOf(*parent, section);
    }
    for (const PolicyElementSpec *spec : std::as_const(specs))
        items.append(elementItem(*spec, skeleton));
    std::sort(items.begin(), items.end(), [](const CompletionItem &a, const CompletionItem &b) {
        return a.label < b.label;
    });
    return items;
}

QList<CompletionItem> CompletionEngine::attributeItems(const QStringList &path,
                                                       const QStringList &present,
                                                       QStringView textAfter) const
{
    const PolicyElementSpec *spec = specAt(path);
    if (!spec)
        return {};
    const bool hasValue = textAfter.trimmed().startsWith(u'=');
    QList<CompletionItem> items;
    for (const PolicyAttributeSpec &attribute : spec->attributes) {
        if (present.contains(attribute.name))
            continue;
        QString detail = attribute.description.isEmpty()
                                 ? PolicyValueSpec::typeName(attribute.value.type)
                                 : attribute.description;
        if (attribute.required)
            detail = QStringLiteral("required; ") + detail;
        CompletionItem item{Kind::Attribute, attribute.name, attribute.name, -1, detail};
        if (!hasValue) {
            item.insertText += QStringLiteral("=\"\"");
            item.cursorOffset = item.insertText.size() - 1;
        }
        items.append(item);
    }
    return items;
}

QList<CompletionItem> CompletionEngine::valueItems(const QStringList &path,
                                                   const QString &attribute) const
{
    const PolicyElementSpec *spec = specAt(path);
    const PolicyAttributeSpec *attributeSpec = spec ? spec->attribute(attribute) : nullptr;
    if (!attributeSpec)
        return {};
    QStringList values = attributeSpec->value.enumValues;
    if (attributeSpec->value.type == PolicyValueSpec::Type::Boolean)
        values = {QStringLiteral("true"), QStringLiteral("false")};
    QList<CompletionItem> items;
    for (const QString &value : std::as_const(values)) {
        const QString detail
                = value == attributeSpec->defaultValue ? QStringLiteral("default") : QString();
        items.append({Kind::Value, value, value, -1, detail});
    }
    return items;
}

QList<CompletionItem> CompletionEngine::memberItems(const QStringList &chain) const
{
    if (chain.isEmpty()) {
        return {{Kind::Property,
                 QStringLiteral("context"),
                 QStringLiteral("context"),
                 -1,
                 ContextMemberTable::contextType()}};
    }
    if (chain.constFirst() != u"context")
        return {};
    const QString type = ContextMemberTable::typeOf(chain.mid(1));
    QList<CompletionItem> items;
    for (const ContextMemberTable::Member &member : ContextMemberTable::members(type)) {
        if (member.isMethod) {
            const QString call = member.insertText.isEmpty() ? member.name + QStringLiteral("()")
                                                             : member.insertText;
            items.append({Kind::Method,
                          member.name,
                          call,
                          call.endsWith(QLatin1String("()")) ? call.size() - 1 : -1,
                          member.signature + QStringLiteral(" : ") + member.type});
        } else {
            items.append({Kind::Property, member.name, member.name, -1, member.type});
        }
    }
    return items;
}

QList<CompletionItem> CompletionEngine::namedValueItems(QStringView textAfter) const
{
    const bool closed = textAfter.startsWith(u"}}");
    QList<CompletionItem> items;
    for (const NamedValue &namedValue : m_namedValues) {
        const QString &name = namedValue.name;
        CompletionItem item;
        item.kind = Kind::NamedValue;
        item.label = name;
        item.insertText = closed ? name : name + QStringLiteral("}}");
        item.secret = namedValue.secret;
        // A secret's value stays out of the list: screens get shared and recorded.
        item.detail = namedValue.secret ? QStringLiteral("secret named value (value hidden)")
                                        : QStringLiteral("named value: ") + namedValue.value;
        items.append(item);
    }
    return items;
}
