// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyparser.h"

#include "expressionscanner.h"
#include "policyescaping.h"

#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>
#include <limits>

// Why the source is read twice, once by hand and once by QXmlStreamReader:
//  - APIM accepts "rawxml", which is not XML: an expression such as
//    condition="@(ctx.Get("a") && x < 3)" holds raw quotes, '&' and '<'. No XML parser can
//    delimit such a value, because where it ends depends on C# syntax (ExpressionScanner). So a
//    hand-written scanner walks the markup, finds every expression and masks the characters XML
//    would choke on, keeping offsets aligned.
//  - The writer must reproduce the file byte for byte and the editor maps nodes to exact ranges,
//    but QXmlStreamReader reports neither attribute order nor quotes, whitespace inside tags,
//    entity spellings or exact token boundaries (characterOffset() runs ahead of the token by
//    its look-ahead). The same scanner therefore records ranges and raw slices of the source.
//  - QXmlStreamReader then reads the masked text and remains the judge of well-formedness:
//    names, characters, references, the XML declaration, a single root. The first error of
//    either pass, by position, is reported.
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

// Maps offsets to 1-based line and column, breaking lines where QTextDocument does.
class LineIndex
{
public:
    explicit LineIndex(QStringView text)
    {
        m_lineStarts.append(0);
        if (!text.contains(u'\r')) {
            for (qsizetype i = text.indexOf(u'\n'); i >= 0; i = text.indexOf(u'\n', i + 1))
                m_lineStarts.append(i + 1);
            return;
        }
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            if (c == u'\n' || c == u'\r')
                m_lineStarts.append(i + 1);
        }
    }

    SourcePosition position(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
        const qsizetype line = it - m_lineStarts.cbegin();
        return {int(line), int(offset - m_lineStarts.at(line - 1) + 1), offset};
    }

private:
    QList<qsizetype> m_lineStarts;
};

struct ParseError
{
    qsizetype offset = -1;
    qsizetype end = -1;
    QString code;
    QString message;
    // Where reading noticed it, which orders the two passes' errors (an unclosed element is
    // reported at its start tag but noticed at the end of the document).
    qsizetype noticedAt = -1;

    bool isSet() const { return offset >= 0; }
};

// The hand-written half (see the comment at the top): builds the document with trivia and ranges,
// and the masked copy of the source for QXmlStreamReader.
class SourceReader
{
public:
    SourceReader(const QString &source, const LineIndex &lines, PolicyDocument &document)
        : m_source(source)
        , m_masked(source)
        , m_lines(lines)
        , m_document(document)
    {}

    void read();
    const QString &masked() const { return m_masked; }
    const ParseError &error() const { return m_error; }

private:
    bool readMarkup();
    bool readText();
    bool readDelimited(qsizetype openLength,
                       QStringView close,
                       PolicyNode::Kind kind,
                       const char *what);
    bool readProcessingInstruction();
    bool readStartTag();
    bool readAttribute(PolicyNode &element);
    bool readAttributeValue(PolicyAttribute &attribute, qsizetype quoteOffset);
    bool readEndTag();
    qsizetype skipSpace(qsizetype from) const;
    qsizetype nameEnd(qsizetype from) const;
    bool readExpression(qsizetype at, qsizetype &end, QStringView masked);
    bool checkReferences(qsizetype begin, qsizetype end);
    void mask(qsizetype begin, qsizetype end, QStringView characters);
    bool append(PolicyNode &&node);
    bool checkTopLevel(const PolicyNode &node);
    SourceRange rangeOf(qsizetype begin, qsizetype end) const;
    bool fail(qsizetype offset, const QString &code, const QString &message);

    const QString &m_source;
    QString m_masked;
    const LineIndex &m_lines;
    PolicyDocument &m_document;
    qsizetype m_pos = 0;
    QList<PolicyNode> m_open;
    ParseError m_error;
};

SourceRange SourceReader::rangeOf(qsizetype begin, qsizetype end) const
{
    return {m_lines.position(begin), m_lines.position(end)};
}

bool SourceReader::fail(qsizetype offset, const QString &code, const QString &message)
{
    m_error = {offset, std::min(offset + 1, m_source.size()), code, message, offset};
    return false;
}

qsizetype SourceReader::skipSpace(qsizetype from) const
{
    while (from < m_source.size() && isXmlSpace(m_source.at(from)))
        ++from;
    return from;
}

qsizetype SourceReader::nameEnd(qsizetype from) const
{
    while (from < m_source.size() && !endsName(m_source.at(from)))
        ++from;
    return from;
}

void SourceReader::mask(qsizetype begin, qsizetype end, QStringView characters)
{
    for (qsizetype i = begin; i < end; ++i) {
        if (characters.contains(m_source.at(i)))
            m_masked[i] = QChar(maskCharacter);
    }
}

bool SourceReader::append(PolicyNode &&node)
{
    if (!m_open.isEmpty()) {
        m_open.last().children.append(std::move(node));
        return true;
    }
    if (!checkTopLevel(node))
        return false;
    if (node.isElement())
        m_document.rootIndex = m_document.nodes.size();
    m_document.nodes.append(std::move(node));
    return true;
}

bool SourceReader::checkTopLevel(const PolicyNode &node)
{
    const qsizetype begin = node.range.begin.offset;
    if (node.isElement() && m_document.rootIndex >= 0) {
        return fail(begin,
                    QStringLiteral("xml.extra-content"),
                    QStringLiteral("a second root element <%1>: a policy document has exactly one")
                            .arg(node.name));
    }
    if (node.kind == PolicyNode::Kind::Text && !node.isWhitespace()) {
        return fail(skipSpace(begin),
                    QStringLiteral("xml.extra-content"),
                    QStringLiteral("text outside the root element"));
    }
    if (node.kind == PolicyNode::Kind::ProcessingInstruction
        && node.name.compare(QLatin1String("xml"), Qt::CaseInsensitive) == 0 && begin != 0) {
        return fail(begin,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("the XML declaration must be at the very start of the file"));
    }
    return true;
}

void SourceReader::read()
{
    while (m_pos < m_source.size()) {
        const bool ok = m_source.at(m_pos) == u'<' ? readMarkup() : readText();
        if (!ok)
            return;
    }
    if (!m_open.isEmpty()) {
        const PolicyNode &open = m_open.last();
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

bool SourceReader::readExpression(qsizetype at, qsizetype &end, QStringView masked)
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
    mask(at, end, masked);
    return true;
}

// Outside expressions every '&' must start a predefined entity or a character reference. Checked
// here rather than left to QXmlStreamReader for an exact position and a message that says why
// other entities are refused.
bool SourceReader::checkReferences(qsizetype begin, qsizetype end)
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

bool SourceReader::readText()
{
    const qsizetype begin = m_pos;
    qsizetype end = begin;
    const qsizetype first = skipSpace(begin);
    if (first + 1 < m_source.size() && m_source.at(first) == u'@'
        && (m_source.at(first + 1) == u'(' || m_source.at(first + 1) == u'{')) {
        // '>' is masked too: "]]>" may occur in C# (a[b[c]]>d) but is illegal in XML text.
        if (!readExpression(first, end, u"<&>"))
            return false;
    }
    const qsizetype literalBegin = end;
    end = m_source.indexOf(u'<', end);
    if (end < 0)
        end = m_source.size();
    if (!checkReferences(literalBegin, end))
        return false;
    PolicyNode node;
    node.kind = PolicyNode::Kind::Text;
    node.rawText = m_source.mid(begin, end - begin);
    node.text = decoded(node.rawText);
    node.range = rangeOf(begin, end);
    m_pos = end;
    return append(std::move(node));
}

bool SourceReader::readMarkup()
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

bool SourceReader::readDelimited(qsizetype openLength,
                                 QStringView close,
                                 PolicyNode::Kind kind,
                                 const char *what)
{
    const qsizetype contentBegin = m_pos + openLength;
    const qsizetype contentEnd = m_source.indexOf(close, contentBegin);
    if (contentEnd < 0) {
        return fail(m_pos,
                    QStringLiteral("xml.unterminated"),
                    QStringLiteral("unterminated %1: no '%2' follows")
                            .arg(QLatin1String(what), close.toString()));
    }
    PolicyNode node;
    node.kind = kind;
    node.text = m_source.mid(contentBegin, contentEnd - contentBegin);
    // APIM (and the corpus) accepts "--" inside comments, which XML forbids; hide it.
    if (kind == PolicyNode::Kind::Comment
        && (node.text.contains(QLatin1String("--")) || node.text.endsWith(u'-')))
        mask(contentBegin, contentEnd, u"-");
    m_pos = contentEnd + close.size();
    node.range = rangeOf(contentBegin - openLength, m_pos);
    return append(std::move(node));
}

bool SourceReader::readProcessingInstruction()
{
    const qsizetype targetBegin = m_pos + 2;
    const qsizetype targetEnd = nameEnd(targetBegin);
    const qsizetype close = m_source.indexOf(QLatin1String("?>"), targetBegin);
    if (close < 0) {
        return fail(m_pos,
                    QStringLiteral("xml.unterminated"),
                    QStringLiteral("unterminated processing instruction: no '?>' follows"));
    }
    PolicyNode node;
    node.kind = PolicyNode::Kind::ProcessingInstruction;
    node.name = m_source.mid(targetBegin, std::min(targetEnd, close) - targetBegin);
    node.text
            = m_source.mid(targetBegin + node.name.size(), close - targetBegin - node.name.size());
    node.range = rangeOf(m_pos, close + 2);
    m_pos = close + 2;
    return append(std::move(node));
}

bool SourceReader::readStartTag()
{
    const qsizetype begin = m_pos;
    if (begin + 1 >= m_source.size() || !isNameStart(m_source.at(begin + 1))) {
        return fail(begin,
                    QStringLiteral("xml.malformed"),
                    QStringLiteral("'<' does not start a tag: write &lt;, or make the whole "
                                   "value a @(...) expression"));
    }
    if (m_open.size() >= PolicyParser::maxDepth) {
        return fail(begin,
                    QStringLiteral("xml.too-deep"),
                    QStringLiteral("elements are nested deeper than %1 levels")
                            .arg(PolicyParser::maxDepth));
    }
    PolicyNode element;
    element.kind = PolicyNode::Kind::Element;
    m_pos = nameEnd(begin + 1);
    element.name = m_source.mid(begin + 1, m_pos - begin - 1);
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
            element.startTagTail = m_source.mid(m_pos, spaceEnd - m_pos);
            element.selfClosing = selfClosing;
            m_pos = spaceEnd + (selfClosing ? 2 : 1);
            break;
        }
        if (!readAttribute(element))
            return false;
    }
    element.startTagRange = rangeOf(begin, m_pos);
    element.range = element.startTagRange;
    if (element.selfClosing)
        return append(std::move(element));
    m_open.append(std::move(element));
    return true;
}

bool SourceReader::readAttribute(PolicyNode &element)
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
        attribute.spaceBefore = m_source.mid(spaceBegin, nameBegin - spaceBegin);
    attribute.name = m_source.mid(nameBegin, end - nameBegin);
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
        attribute.rawEquals = m_source.mid(end, quote - end);
    if (!readAttributeValue(attribute, quote))
        return false;
    attribute.range = rangeOf(nameBegin, m_pos);
    element.attributes.append(std::move(attribute));
    return true;
}

bool SourceReader::readAttributeValue(PolicyAttribute &attribute, qsizetype quoteOffset)
{
    attribute.quote = m_source.at(quoteOffset);
    const qsizetype valueBegin = quoteOffset + 1;
    qsizetype searchFrom = valueBegin;
    const qsizetype first = skipSpace(valueBegin);
    if (first + 1 < m_source.size() && m_source.at(first) == u'@'
        && (m_source.at(first + 1) == u'(' || m_source.at(first + 1) == u'{')) {
        if (!readExpression(first, searchFrom, u"<&\"'"))
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
    attribute.rawValue = m_source.mid(valueBegin, valueEnd - valueBegin);
    attribute.value = decoded(attribute.rawValue);
    attribute.valueRange = rangeOf(valueBegin, valueEnd);
    m_pos = valueEnd + 1;
    return true;
}

bool SourceReader::readEndTag()
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
    if (m_open.last().name != name) {
        const SourcePosition opened = m_open.last().startTagRange.begin;
        fail(begin,
             QStringLiteral("xml.mismatched-tag"),
             QStringLiteral("end tag </%1> does not match <%2> opened at %3:%4")
                     .arg(name, m_open.last().name)
                     .arg(opened.line)
                     .arg(opened.column));
        m_error.end = close + 1;
        return false;
    }
    PolicyNode element = m_open.takeLast();
    element.endTagTail = m_source.mid(end, close - end);
    m_pos = close + 1;
    element.endTagRange = rangeOf(begin, m_pos);
    element.range.end = element.endTagRange.end;
    return append(std::move(element));
}

bool isXmlCharacter(const QString &text, qsizetype at)
{
    const char16_t c = text.at(at).unicode();
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    if (QChar::isHighSurrogate(c))
        return at + 1 < text.size() && text.at(at + 1).isLowSurrogate();
    if (QChar::isLowSurrogate(c))
        return at > 0 && text.at(at - 1).isHighSurrogate();
    return c != 0xFFFE && c != 0xFFFF;
}

// The QXmlStreamReader half: the first well-formedness error at or before stopAt, if any.
ParseError validateXml(const QString &masked, qsizetype stopAt)
{
    // Past the hand-written pass's error there is nothing to judge, and QXmlStreamReader has
    // super-linear corners (it compares every attribute with every other one), so it reads only
    // what the hand-written pass accepted.
    const bool whole = stopAt >= masked.size();
    QXmlStreamReader reader(whole ? masked : masked.first(stopAt + 1));
    reader.setNamespaceProcessing(false);
    while (!reader.atEnd())
        reader.readNext();
    if (!reader.hasError())
        return {};
    // The reader reports the offset after the character that broke the rule.
    const qsizetype offset = std::clamp(reader.characterOffset() - 1, qsizetype(0), masked.size());
    QString message = reader.errorString();
    if (offset < masked.size() && !isXmlCharacter(masked, offset)) {
        const QString code = QString::number(masked.at(offset).unicode(), 16).toUpper();
        message = QStringLiteral("character U+%1 is not allowed in XML")
                          .arg(code.rightJustified(4, u'0'));
    }
    // The hand-written pass names what is left open at the end better than "Premature end".
    const qsizetype noticedAt = reader.error() == QXmlStreamReader::PrematureEndOfDocumentError
                                        ? std::numeric_limits<qsizetype>::max()
                                        : offset;
    return {offset, offset + 1, QStringLiteral("xml.malformed"), message, noticedAt};
}

PolicyDocument::Kind kindOf(const PolicyDocument &document)
{
    if (!document.isValid())
        return PolicyDocument::Kind::Snippet;
    if (document.root().name == QLatin1String("policies"))
        return PolicyDocument::Kind::Policies;
    if (document.root().name == QLatin1String("fragment"))
        return PolicyDocument::Kind::Fragment;
    return PolicyDocument::Kind::Snippet;
}

PolicyParseResult failure(const QString &fileName,
                          const QString &code,
                          const QString &message,
                          SourceRange range = {{1, 1, 0}, {1, 1, 0}})
{
    PolicyParseResult result;
    Diagnostic diagnostic = Diagnostic::error(code, message, range);
    diagnostic.file = fileName;
    result.diagnostics.append(diagnostic);
    return result;
}

PolicyParseResult parseText(const QString &source, bool byteOrderMark, const QString &fileName)
{
    PolicyParseResult result;
    result.document.hasByteOrderMark = byteOrderMark;
    const LineIndex lines(source);
    SourceReader reader(source, lines, result.document);
    reader.read();
    const ParseError &sourceError = reader.error();
    const ParseError xmlError = validateXml(
            reader.masked(), sourceError.isSet() ? sourceError.noticedAt : source.size());
    ParseError error = sourceError;
    if (xmlError.isSet() && (!error.isSet() || xmlError.noticedAt < error.noticedAt))
        error = xmlError;
    result.document.kind = kindOf(result.document);
    if (error.isSet()) {
        Diagnostic diagnostic = Diagnostic::error(
                error.code,
                error.message,
                {lines.position(error.offset),
                 lines.position(std::clamp(error.end, error.offset, source.size()))});
        diagnostic.file = fileName;
        result.diagnostics.append(diagnostic);
    }
    return result;
}

// Where the first invalid UTF-8 sequence starts, in UTF-16 units of the text decoded before it.
// Only called once decoding failed, so it may take a second pass: whole chunks up to the failing
// one, then byte by byte.
qsizetype invalidUtf8Offset(const QByteArray &utf8)
{
    constexpr qsizetype chunk = 4096;
    const QByteArrayView bytes(utf8);
    qsizetype failingChunk = 0;
    {
        QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        while (failingChunk < bytes.size()) {
            // decode() is lazy: converting the result is what runs the decoder.
            const QString decoded = probe.decode(
                    bytes.sliced(failingChunk, std::min(chunk, bytes.size() - failingChunk)));
            if (probe.hasError())
                break;
            failingChunk = std::min(failingChunk + chunk, bytes.size());
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    qsizetype produced = QString(decoder.decode(bytes.first(failingChunk))).size();
    for (qsizetype i = failingChunk; i < bytes.size(); ++i) {
        const QString part = decoder.decode(bytes.sliced(i, 1));
        if (decoder.hasError())
            break;
        produced += part.size();
    }
    return produced;
}

} // namespace

PolicyParseResult PolicyParser::parse(const QByteArray &utf8, const QString &fileName)
{
    if (utf8.size() > maxInputSize) {
        return failure(fileName,
                       QStringLiteral("xml.too-large"),
                       QStringLiteral("the document is %1 bytes; at most %2 are accepted")
                               .arg(utf8.size())
                               .arg(maxInputSize));
    }
    const bool byteOrderMark = utf8.startsWith("\xEF\xBB\xBF");
    const QByteArray body = byteOrderMark ? utf8.mid(3) : utf8;
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                                   | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(body);
    if (decoder.hasError()) {
        const qsizetype offset = invalidUtf8Offset(body);
        const SourcePosition where = LineIndex(text).position(std::min(offset, text.size()));
        return failure(fileName,
                       QStringLiteral("xml.invalid-utf8"),
                       QStringLiteral("the document is not valid UTF-8"),
                       {where, where});
    }
    return parseText(text, byteOrderMark, fileName);
}

PolicyParseResult PolicyParser::parse(const QString &text, const QString &fileName)
{
    if (text.size() > maxInputSize) {
        return failure(fileName,
                       QStringLiteral("xml.too-large"),
                       QStringLiteral("the document has %1 characters; at most %2 are accepted")
                               .arg(text.size())
                               .arg(maxInputSize));
    }
    if (text.startsWith(QChar(0xFEFF)))
        return parseText(text.mid(1), true, fileName);
    return parseText(text, false, fileName);
}
