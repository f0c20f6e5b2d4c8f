// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyparser.h"

#include "lineindex.h"
#include "policysourcereader.h"

#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>
#include <limits>
#include <optional>

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
PolicySourceError validateXml(const QString &masked, qsizetype stopAt)
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
    PolicySourceReader reader(source, lines, result.document);
    reader.read();
    const PolicySourceError &sourceError = reader.error();
    const PolicySourceError xmlError = validateXml(
            reader.masked(), sourceError.isSet() ? sourceError.noticedAt : source.size());
    PolicySourceError error = sourceError;
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

// Where two texts differ: [begin, previousEnd) of the previous one became [begin, end).
struct TextEdit
{
    qsizetype begin = 0;
    qsizetype previousEnd = 0;
    qsizetype end = 0;
};

TextEdit differingRange(QStringView previous, QStringView text)
{
    const qsizetype shorter = std::min(previous.size(), text.size());
    const qsizetype begin
            = std::mismatch(previous.begin(), previous.begin() + shorter, text.begin()).first
              - previous.begin();
    qsizetype same = 0;
    while (same < shorter - begin
           && previous.at(previous.size() - 1 - same) == text.at(text.size() - 1 - same))
        ++same;
    return {begin, previous.size() - same, text.size() - same};
}

// The child indices, from the root down, of the innermost element below the root whose first and
// last characters enclose [begin, previousEnd); empty when only the root does.
QList<qsizetype> enclosingPath(const PolicyNode &root, qsizetype begin, qsizetype previousEnd)
{
    QList<qsizetype> path;
    const PolicyNode *node = &root;
    for (;;) {
        const QList<PolicyNode> &children = node->children;
        const auto encloses = [begin, previousEnd](const PolicyNode &child) {
            return child.isElement() && child.range.begin.offset < begin
                   && previousEnd < child.range.end.offset;
        };
        const auto found = std::find_if(children.cbegin(), children.cend(), encloses);
        if (found == children.cend())
            return path;
        path.append(found - children.cbegin());
        node = &*found;
    }
}

// Moves the positions at or after `from` in the previous text to the same characters in the
// edited one, `delta` characters later (lines and columns recounted there).
struct PositionShift
{
    qsizetype from = 0;
    qsizetype delta = 0;
    const LineIndex *lines = nullptr;

    void apply(SourcePosition &position) const
    {
        if (position.isValid() && position.offset >= from)
            position = lines->position(position.offset + delta);
    }
    void apply(SourceRange &range) const
    {
        apply(range.begin);
        apply(range.end);
    }
    void applyToNode(PolicyNode &node) const
    {
        apply(node.range);
        apply(node.startTagRange);
        apply(node.endTagRange);
        for (PolicyAttribute &attribute : node.attributes) {
            apply(attribute.range);
            apply(attribute.valueRange);
        }
    }
    void applyToTree(PolicyNode &node) const
    {
        applyToNode(node);
        for (PolicyNode &child : node.children)
            applyToTree(child);
    }
};

// PolicyParser::reparse's fast path: reads only the element enclosing the edit. Reading it from
// its start in the whole edited text with its ancestors open is what a full read does there (the
// text before it is unchanged, so the reader arrives in the same state), and when that read ends
// where the element ended before, moved by the edit, the full read goes on as the previous one
// did. QXmlStreamReader judges the element alone: without DTDs and namespace processing, an
// element's well-formedness does not depend on what surrounds it.
std::optional<PolicyParseResult> reparseElement(const PolicyParseResult &previous,
                                                const QString &previousText,
                                                const QString &text)
{
    const PolicyDocument &before = previous.document;
    if (!previous.diagnostics.isEmpty() || !before.isValid() || before.hasByteOrderMark
        || text.size() > PolicyParser::maxInputSize || text.startsWith(QChar(0xFEFF)))
        return std::nullopt;
    if (text == previousText)
        return previous;
    const TextEdit edit = differingRange(previousText, text);
    const QList<qsizetype> path = enclosingPath(before.root(), edit.begin, edit.previousEnd);
    if (path.isEmpty())
        return std::nullopt;
    const PolicyNode *old = &before.root();
    for (const qsizetype index : path)
        old = &old->children.at(index);
    const qsizetype begin = old->range.begin.offset;
    const qsizetype delta = text.size() - previousText.size();
    const qsizetype end = old->range.end.offset + delta;

    const LineIndex lines(text);
    PolicyDocument unused;
    PolicySourceReader reader(text, lines, unused);
    PolicyNode holder;
    reader.readElement(begin, int(path.size()), holder);
    if (reader.error().isSet() || reader.position() != end || holder.children.size() != 1)
        return std::nullopt;
    const QString masked = reader.masked().sliced(begin, end - begin);
    if (validateXml(masked, masked.size()).isSet())
        return std::nullopt;

    PolicyParseResult result;
    result.document = before;
    const PositionShift shift{old->range.end.offset, delta, &lines};
    QList<PolicyNode> *siblings = &result.document.nodes;
    qsizetype index = result.document.rootIndex;
    for (qsizetype depth = 0;; ++depth) {
        for (qsizetype i = index + 1; i < siblings->size(); ++i)
            shift.applyToTree((*siblings)[i]);
        PolicyNode &node = (*siblings)[index];
        if (depth == path.size()) {
            node = std::move(holder.children.first());
            return result;
        }
        shift.applyToNode(node);
        siblings = &node.children;
        index = path.at(depth);
    }
}

} // namespace

PolicyParseResult PolicyParser::reparse(const PolicyParseResult &previous,
                                        const QString &previousText,
                                        const QString &text,
                                        const QString &fileName)
{
    if (std::optional<PolicyParseResult> result = reparseElement(previous, previousText, text))
        return std::move(*result);
    return parse(text, fileName);
}

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
