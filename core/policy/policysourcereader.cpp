// SPDX-License-Identifier: GPL-3.0-or-later
#include "policysourcereader.h"

#include "expressionscanner.h"
#include "lineindex.h"
#include "policyescaping.h"
#include "policyparser.h"

#include <algorithm>

namespace {

constexpr char16_t maskCharacter = u'_';

bool isXmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || u == u':'
           || u >= 0x80;
}

bool endsName(QChar c)
{
    return isXmlSpace(c) || c == u'/' || c == u'>' || c == u'<' || c == u'=' || c == u'"'
           || c == u'\'';
}

// Without references the decoded value shares the raw one's data (most values have none).
QString decoded(const QString &raw)
{
    return raw.contains(u'&') ? PolicyEscaping::decodeEntities(raw) : raw;
}

// QString::indexOf(QStringView) is slow for the short delimiters of XML; the first character's
// search is vectorised.
qsizetype indexOfSequence(QStringView text, QStringView sequence, qsizetype from)
{
    for (qsizetype at = text.indexOf(sequence.front(), from); at >= 0;
         at = text.indexOf(sequence.front(), at + 1)) {
        if (text.mid(at, sequence.size()) == sequence)
            return at;
    }
    return -1;
}

} // namespace

QString PolicySourceReader::slice(qsizetype begin, qsizetype end)
{
    const QStringView text = QStringView(m_source).mid(begin, end - begin);
    if (text.isEmpty())
        return {};
    if (text.size() > maxSharedLength)
        return text.toString();
    // A direct-mapped cache: cheaper than a hash set, and repeats are mostly close together.
    const size_t key = size_t(text.size()) * 31 + text.front().unicode() * 7 + text.back().unicode()
                       + text.at(text.size() / 2).unicode() * 131;
    QString &cached = m_shared[key % m_shared.size()];
    if (cached != text)
        cached = text.toString();
    return cached;
}

bool PolicySourceReader::fail(qsizetype offset, const QString &code, const QString &message)
{
    m_error = {offset, std::min(offset + 1, m_source.size()), code, message, offset};
    return false;
}

qsizetype PolicySourceReader::skipSpace(qsizetype from) const
{
    while (from < m_source.size() && isXmlSpace(m_source.at(from)))
        ++from;
    return from;
}

qsizetype PolicySourceReader::nameEnd(qsizetype from) const
{
    while (from < m_source.size() && !endsName(m_source.at(from)))
        ++from;
    return from;
}

void PolicySourceReader::mask(qsizetype begin, qsizetype end, Mask what)
{
    QChar *data = m_masked.data();
    for (qsizetype i = begin; i < end; ++i) {
        const char16_t c = data[i].unicode();
        const bool hide = what == Mask::Dashes
                                  ? c == u'-'
                                  : (c == u'<' || c == u'&'
                                     || (what == Mask::Text ? c == u'>' : c == u'"' || c == u'\''));
        if (hide)
            data[i] = QChar(maskCharacter);
    }
}

// Builds nodes in place where the reader is: in the innermost open element, or at top level after
// the checks a document's top level needs. An open element's own list does not grow while its
// children are read, so the pointers to open elements stay valid.
PolicyNode *PolicySourceReader::add(PolicyNode::Kind kind,
                                    qsizetype begin,
                                    qsizetype end,
                                    QStringView name)
{
    if (!m_open.isEmpty()) {
        QList<PolicyNode> &children = m_open.last()->children;
        // Elements with children mostly have several (with the whitespace between them).
        if (children.isEmpty())
            children.reserve(4);
        PolicyNode &node = children.emplaceBack();
        node.kind = kind;
        return &node;
    }
    if (!checkTopLevel(kind, begin, end, name))
        return nullptr;
    if (kind == PolicyNode::Kind::Element)
        m_document.rootIndex = m_document.nodes.size();
    PolicyNode &node = m_document.nodes.emplaceBack();
    node.kind = kind;
    return &node;
}

bool PolicySourceReader::checkTopLevel(PolicyNode::Kind kind,
                                       qsizetype begin,
                                       qsizetype end,
                                       QStringView name)
{
    if (kind == PolicyNode::Kind::Element && m_document.rootIndex >= 0) {
        return fail(begin,
                    QStringLiteral("xml.extra-content"),
                    QStringLiteral("a second root element <%1>: a policy document has exactly one")
                            .arg(name));
    }
    if (kind == PolicyNode::Kind::Text && skipSpace(begin) < end) {
        return fail(skipSpace(begin),
                    QStringLiteral("xml.extra-content"),
                    QStringLiteral("text outside the root element"));
    }
    if (kind == PolicyNode::Kind::ProcessingInstruction
        && name.compare(QLatin1String("xml"), Qt::CaseInsensitive) == 0 && begin != 0) {
        return fail(begin,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("the XML declaration must be at the very start of the file"));
    }
    return true;
}

void PolicySourceReader::read()
{
    while (m_pos < m_source.size()) {
        const bool ok = m_source.at(m_pos) == u'<' ? readMarkup() : readText();
        if (!ok)
            return;
    }
    if (!m_open.isEmpty()) {
        const PolicyNode &open = *m_open.last();
        fail(open.startTagRange.begin.offset,
             QStringLiteral("xml.unclosed-element"),
             QStringLiteral("<%1> is not closed before the end of the document").arg(open.name));
        m_error.end = open.startTagRange.end.offset;
        m_error.noticedAt = m_source.size();
    } else if (m_document.rootIndex < 0) {
        fail(m_source.size(),
             QStringLiteral("xml.no-root"),
             QStringLiteral("the document has no root element"));
    }
}

void PolicySourceReader::readElement(qsizetype begin, int ancestors, PolicyNode &holder)
{
    m_pos = begin;
    m_depthOffset = ancestors - 1;
    m_open.append(&holder);
    do {
        const bool ok = m_source.at(m_pos) == u'<' ? readMarkup() : readText();
        if (!ok)
            return;
    } while (m_open.size() > 1 && m_pos < m_source.size());
    if (m_open.size() > 1) {
        fail(m_open.last()->startTagRange.begin.offset,
             QStringLiteral("xml.unclosed-element"),
             QStringLiteral("<%1> is not closed before the end of the document")
                     .arg(m_open.last()->name));
    }
}

bool PolicySourceReader::readExpression(qsizetype at, qsizetype &end, Mask what)
{
    const ExpressionScanResult scan
            = ExpressionScanner::scan(m_source, at, ExpressionScanner::Mode::XmlSource);
    if (!scan.ok()) {
        const SourcePosition where = m_lines.position(scan.errorOffset);
        fail(at,
             QStringLiteral("xml.unbalanced-expression"),
             QStringLiteral("unbalanced policy expression: %1 (at %2:%3)")
                     .arg(scan.errorMessage)
                     .arg(where.line)
                     .arg(where.column));
        m_error.end = at + 2;
        return false;
    }
    end = scan.end;
    mask(at, end, what);
    return true;
}

// Outside expressions every '&' must start a predefined entity or a character reference. Checked
// here rather than left to QXmlStreamReader for an exact position and a message that says why
// other entities are refused.
bool PolicySourceReader::checkReferences(qsizetype begin, qsizetype end)
{
    const QStringView range = QStringView(m_source).mid(begin, end - begin);
    for (qsizetype found = range.indexOf(u'&'); found >= 0;
         found = range.indexOf(u'&', found + 1)) {
        const qsizetype at = begin + found;
        const qsizetype semicolon
                = QStringView(m_source).mid(at, std::min(end - at, qsizetype(12))).indexOf(u';');
        if (semicolon > 1) {
            const QStringView reference = QStringView(m_source).mid(at, semicolon + 1);
            if (PolicyEscaping::decodeEntities(reference) != reference)
                continue;
            if (reference.at(1) == u'#') {
                return fail(at,
                            QStringLiteral("xml.malformed"),
                            QStringLiteral("invalid character reference '%1'").arg(reference));
            }
            if (isNameStart(reference.at(1))) {
                return fail(at,
                            QStringLiteral("xml.entity"),
                            QStringLiteral("unknown entity '%1': only &amp; &lt; &gt; &quot; "
                                           "&apos; and character references are allowed (DTDs "
                                           "and custom entities are refused)")
                                    .arg(reference));
            }
        }
        return fail(at,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("'&' must be written &amp; (or make the whole value a "
                                   "@(...) expression)"));
    }
    return true;
}

bool PolicySourceReader::readText()
{
    const qsizetype begin = m_pos;
    qsizetype end = begin;
    const qsizetype first = skipSpace(begin);
    if (first + 1 < m_source.size() && m_source.at(first) == u'@'
        && (m_source.at(first + 1) == u'(' || m_source.at(first + 1) == u'{')) {
        if (!readExpression(first, end, Mask::Text))
            return false;
    }
    const qsizetype literalBegin = end;
    end = m_source.indexOf(u'<', end);
    if (end < 0)
        end = m_source.size();
    if (!checkReferences(literalBegin, end))
        return false;
    PolicyNode *node = add(PolicyNode::Kind::Text, begin, end);
    if (!node)
        return false;
    node->rawText = slice(begin, end);
    node->text = decoded(node->rawText);
    node->range = m_lines.range(begin, end);
    m_pos = end;
    return true;
}

bool PolicySourceReader::readMarkup()
{
    const QChar second = m_pos + 1 < m_source.size() ? m_source.at(m_pos + 1) : QChar();
    if (second == u'/')
        return readEndTag();
    if (second != u'!' && second != u'?')
        return readStartTag();
    const QStringView rest = QStringView(m_source).mid(m_pos);
    if (rest.startsWith(u"<!--"))
        return readDelimited(4, u"-->", PolicyNode::Kind::Comment, "comment");
    if (rest.startsWith(u"<![CDATA["))
        return readDelimited(9, u"]]>", PolicyNode::Kind::CData, "CDATA section");
    if (rest.startsWith(u"<!DOCTYPE")) {
        return fail(m_pos,
                    QStringLiteral("xml.dtd"),
                    QStringLiteral("DTDs are not allowed in policy documents (no DOCTYPE, no "
                                   "entity declarations)"));
    }
    if (rest.startsWith(u"<!")) {
        return fail(m_pos,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("'<!' starts neither a comment nor a CDATA section"));
    }
    return readProcessingInstruction();
}

bool PolicySourceReader::readDelimited(qsizetype openLength,
                                       QStringView close,
                                       PolicyNode::Kind kind,
                                       const char *what)
{
    const qsizetype contentBegin = m_pos + openLength;
    const qsizetype contentEnd = indexOfSequence(m_source, close, contentBegin);
    if (contentEnd < 0) {
        return fail(m_pos,
                    QStringLiteral("xml.unterminated"),
                    QStringLiteral("unterminated %1: no '%2' follows")
                            .arg(QLatin1String(what), close.toString()));
    }
    const qsizetype begin = m_pos;
    m_pos = contentEnd + close.size();
    PolicyNode *node = add(kind, begin, m_pos);
    if (!node)
        return false;
    node->text = slice(contentBegin, contentEnd);
    // APIM (and the corpus) accepts "--" inside comments, which XML forbids; hide it.
    if (kind == PolicyNode::Kind::Comment
        && (indexOfSequence(node->text, u"--", 0) >= 0 || node->text.endsWith(u'-')))
        mask(contentBegin, contentEnd, Mask::Dashes);
    node->range = m_lines.range(begin, m_pos);
    return true;
}

bool PolicySourceReader::readProcessingInstruction()
{
    const qsizetype targetBegin = m_pos + 2;
    const qsizetype targetEnd = nameEnd(targetBegin);
    const qsizetype close = indexOfSequence(m_source, u"?>", targetBegin);
    if (close < 0) {
        return fail(m_pos,
                    QStringLiteral("xml.unterminated"),
                    QStringLiteral("unterminated processing instruction: no '?>' follows"));
    }
    const qsizetype targetStop = std::min(targetEnd, close);
    PolicyNode *node = add(PolicyNode::Kind::ProcessingInstruction,
                           m_pos,
                           close + 2,
                           QStringView(m_source).mid(targetBegin, targetStop - targetBegin));
    if (!node)
        return false;
    node->name = slice(targetBegin, targetStop);
    node->text = slice(targetStop, close);
    node->range = m_lines.range(m_pos, close + 2);
    m_pos = close + 2;
    return true;
}

bool PolicySourceReader::readStartTag()
{
    const qsizetype begin = m_pos;
    if (begin + 1 >= m_source.size() || !isNameStart(m_source.at(begin + 1))) {
        return fail(begin,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("'<' does not start a tag: write &lt;, or make the whole "
                                   "value a @(...) expression"));
    }
    if (m_open.size() + m_depthOffset >= PolicyParser::maxDepth) {
        return fail(begin,
                    QStringLiteral("xml.too-deep"),
                    QStringLiteral("elements are nested deeper than %1 levels")
                            .arg(PolicyParser::maxDepth));
    }
    m_pos = nameEnd(begin + 1);
    PolicyNode *added = add(PolicyNode::Kind::Element,
                            begin,
                            m_pos,
                            QStringView(m_source).mid(begin + 1, m_pos - begin - 1));
    if (!added)
        return false;
    PolicyNode &element = *added;
    element.name = slice(begin + 1, m_pos);
    for (;;) {
        const qsizetype spaceEnd = skipSpace(m_pos);
        if (spaceEnd >= m_source.size()) {
            return fail(begin,
                        QStringLiteral("xml.unterminated"),
                        QStringLiteral("start tag <%1 is not closed with '>'").arg(element.name));
        }
        const QChar c = m_source.at(spaceEnd);
        const bool selfClosing
                = c == u'/' && spaceEnd + 1 < m_source.size() && m_source.at(spaceEnd + 1) == u'>';
        if (c == u'>' || selfClosing) {
            element.startTagTail = slice(m_pos, spaceEnd);
            element.selfClosing = selfClosing;
            m_pos = spaceEnd + (selfClosing ? 2 : 1);
            break;
        }
        if (!readAttribute(element))
            return false;
    }
    element.startTagRange = m_lines.range(begin, m_pos);
    element.range = element.startTagRange;
    if (!element.selfClosing)
        m_open.append(&element);
    return true;
}

bool PolicySourceReader::readAttribute(PolicyNode &element)
{
    PolicyAttribute attribute;
    const qsizetype spaceBegin = m_pos;
    const qsizetype nameBegin = skipSpace(m_pos);
    const qsizetype end = nameEnd(nameBegin);
    if (end == nameBegin) {
        return fail(nameBegin,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("unexpected '%1' in the start tag of <%2>")
                            .arg(m_source.at(nameBegin), element.name));
    }
    // Assigned only when they differ from the defaults, which are shared static strings.
    if (nameBegin - spaceBegin != 1 || m_source.at(spaceBegin) != u' ')
        attribute.spaceBefore = slice(spaceBegin, nameBegin);
    attribute.name = slice(nameBegin, end);
    if (element.attributes.size() >= PolicyParser::maxAttributes) {
        return fail(nameBegin,
                    QStringLiteral("xml.too-many-attributes"),
                    QStringLiteral("<%1> has more than %2 attributes")
                            .arg(element.name)
                            .arg(PolicyParser::maxAttributes));
    }
    if (element.hasAttribute(attribute.name)) {
        return fail(nameBegin,
                    QStringLiteral("xml.duplicate-attribute"),
                    QStringLiteral("attribute '%1' is repeated on <%2>")
                            .arg(attribute.name, element.name));
    }
    const qsizetype equals = skipSpace(end);
    const qsizetype quote = skipSpace(equals + 1);
    if (equals >= m_source.size() || m_source.at(equals) != u'=') {
        return fail(end,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("attribute '%1' has no '=' and value").arg(attribute.name));
    }
    if (quote >= m_source.size() || (m_source.at(quote) != u'"' && m_source.at(quote) != u'\'')) {
        return fail(
                quote,
                QStringLiteral("xml.malformed"),
                QStringLiteral("the value of attribute '%1' must be quoted").arg(attribute.name));
    }
    if (quote - end != 1)
        attribute.rawEquals = slice(end, quote);
    if (!readAttributeValue(attribute, quote))
        return false;
    attribute.range = m_lines.range(nameBegin, m_pos);
    if (element.attributes.isEmpty())
        element.attributes.reserve(4);
    element.attributes.append(std::move(attribute));
    return true;
}

bool PolicySourceReader::readAttributeValue(PolicyAttribute &attribute, qsizetype quoteOffset)
{
    attribute.quote = m_source.at(quoteOffset);
    const qsizetype valueBegin = quoteOffset + 1;
    qsizetype searchFrom = valueBegin;
    const qsizetype first = skipSpace(valueBegin);
    if (first + 1 < m_source.size() && m_source.at(first) == u'@'
        && (m_source.at(first + 1) == u'(' || m_source.at(first + 1) == u'{')) {
        if (!readExpression(first, searchFrom, Mask::Attribute))
            return false;
    }
    const qsizetype valueEnd = m_source.indexOf(attribute.quote, searchFrom);
    if (valueEnd < 0) {
        return fail(quoteOffset,
                    QStringLiteral("xml.unterminated"),
                    QStringLiteral("the value of attribute '%1' has no closing %2")
                            .arg(attribute.name, attribute.quote));
    }
    if (!checkReferences(searchFrom, valueEnd))
        return false;
    attribute.rawValue = slice(valueBegin, valueEnd);
    attribute.value = decoded(attribute.rawValue);
    attribute.valueRange = m_lines.range(valueBegin, valueEnd);
    m_pos = valueEnd + 1;
    return true;
}

bool PolicySourceReader::readEndTag()
{
    const qsizetype begin = m_pos;
    const qsizetype end = nameEnd(begin + 2);
    const QStringView name = QStringView(m_source).mid(begin + 2, end - begin - 2);
    const qsizetype close = skipSpace(end);
    if (close >= m_source.size() || m_source.at(close) != u'>') {
        return fail(close,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("end tag </%1 is not closed with '>'").arg(name));
    }
    if (m_open.isEmpty()) {
        return fail(begin,
                    QStringLiteral("xml.mismatched-tag"),
                    QStringLiteral("end tag </%1> has no start tag").arg(name));
    }
    PolicyNode &element = *m_open.last();
    if (element.name != name) {
        const SourcePosition opened = element.startTagRange.begin;
        fail(begin,
             QStringLiteral("xml.mismatched-tag"),
             QStringLiteral("end tag </%1> does not match <%2> opened at %3:%4")
                     .arg(name, element.name)
                     .arg(opened.line)
                     .arg(opened.column));
        m_error.end = close + 1;
        return false;
    }
    m_open.removeLast();
    element.endTagTail = slice(end, close);
    m_pos = close + 1;
    element.endTagRange = m_lines.range(begin, m_pos);
    element.range.end = element.endTagRange.end;
    return true;
}
