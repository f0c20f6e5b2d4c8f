// SPDX-License-Identifier: GPL-3.0-or-later
#include "policywriter.h"

#include "policydocument.h"
#include "policyescaping.h"
#include "policynode.h"

#include <QStringConverter>

namespace {

bool isSpaceRun(QStringView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
    });
}

bool isValidEquals(QStringView text)
{
    if (text.size() == 1)
        return text.at(0) == u'=';
    const qsizetype equals = text.indexOf(u'=');
    return equals >= 0 && isSpaceRun(text.left(equals)) && isSpaceRun(text.mid(equals + 1));
}

// Whether raw, read by the parser, gives value: then raw is written as it is.
bool readsAs(const QString &raw, const QString &value)
{
    return raw.contains(u'&') ? PolicyEscaping::decodeEntities(raw) == value : raw == value;
}

// A parsed node keeps its source; a node without a range was made by an edit.
bool isSynthesised(const PolicyNode &node)
{
    return !node.range.isValid();
}

// The indentation after the last line break of a whitespace-only text, or null if it has none.
QString indentationOf(const PolicyNode &node)
{
    if (node.kind != PolicyNode::Kind::Text || !node.isWhitespace())
        return {};
    const QString &raw = node.rawText.isEmpty() ? node.text : node.rawText;
    const qsizetype lineBreak = std::max(raw.lastIndexOf(u'\n'), raw.lastIndexOf(u'\r'));
    return lineBreak < 0 ? QString() : raw.mid(lineBreak + 1);
}

class Writer
{
public:
    explicit Writer(QString lineEnd)
        : m_lineEnd(std::move(lineEnd))
    {}

    void node(const PolicyNode &node, const QString &indentation);
    QString take() { return std::move(m_out); }

private:
    void element(const PolicyNode &element, const QString &indentation);
    void attribute(const PolicyAttribute &attribute);
    void children(const PolicyNode &parent, const QString &indentation);
    QString childIndentation(const PolicyNode &parent, const QString &indentation) const;
    void startLine(const QString &indentation);

    QString m_lineEnd;
    QString m_out;
};

// Puts what follows on a line of its own with the given indentation, replacing the indentation
// already written when the output is at the start of a line.
void Writer::startLine(const QString &indentation)
{
    qsizetype end = m_out.size();
    while (end > 0 && (m_out.at(end - 1) == u' ' || m_out.at(end - 1) == u'\t'))
        --end;
    m_out.truncate(end);
    if (end > 0 && m_out.at(end - 1) != u'\n' && m_out.at(end - 1) != u'\r')
        m_out += m_lineEnd;
    m_out += indentation;
}

void Writer::node(const PolicyNode &node, const QString &indentation)
{
    switch (node.kind) {
    case PolicyNode::Kind::Element:
        element(node, indentation);
        break;
    case PolicyNode::Kind::Text: {
        const bool rawMatches
                = readsAs(node.rawText, node.text)
                  && (PolicyEscaping::isExpression(node.text) || !node.rawText.contains(u'<'));
        m_out += rawMatches ? node.rawText : PolicyEscaping::textSource(node.text);
        break;
    }
    case PolicyNode::Kind::Comment:
        m_out += QLatin1String("<!--")
                 + QString(node.text).replace(QLatin1String("-->"), QLatin1String("- ->"))
                 + QLatin1String("-->");
        break;
    case PolicyNode::Kind::CData:
        m_out += QLatin1String("<![CDATA[")
                 + QString(node.text).replace(QLatin1String("]]>"),
                                              QLatin1String("]]]]><![CDATA[>"))
                 + QLatin1String("]]>");
        break;
    case PolicyNode::Kind::ProcessingInstruction:
        m_out += QLatin1String("<?") + node.name;
        if (!node.text.isEmpty() && !isSpaceRun(node.text.left(1)))
            m_out += u' ';
        m_out += node.text + QLatin1String("?>");
        break;
    }
}

void Writer::attribute(const PolicyAttribute &attribute)
{
    const QChar quote = attribute.quote == u'\'' ? u'\'' : u'"';
    const bool rawMatches = readsAs(attribute.rawValue, attribute.value)
                            && (attribute.isExpression() || !attribute.rawValue.contains(quote));
    m_out += !attribute.spaceBefore.isEmpty() && isSpaceRun(attribute.spaceBefore)
                     ? attribute.spaceBefore
                     : QStringLiteral(" ");
    m_out += attribute.name;
    m_out += isValidEquals(attribute.rawEquals) ? attribute.rawEquals : QStringLiteral("=");
    m_out += quote;
    m_out += rawMatches ? attribute.rawValue
                        : PolicyEscaping::attributeSource(attribute.value, quote);
    m_out += quote;
}

void Writer::element(const PolicyNode &element, const QString &indentation)
{
    m_out += u'<' + element.name;
    for (const PolicyAttribute &attribute : element.attributes)
        this->attribute(attribute);
    const QString tail = isSpaceRun(element.startTagTail) ? element.startTagTail : QString();
    if (element.children.isEmpty() && (element.selfClosing || isSynthesised(element))) {
        // A new empty element takes APIM's own form, as in <base />.
        m_out += (tail.isEmpty() && isSynthesised(element) ? QStringLiteral(" ") : tail)
                 + QLatin1String("/>");
        return;
    }
    // An element written self-closing that gained children drops the space meant for "/>".
    const bool wasSelfClosing
            = element.selfClosing || (!isSynthesised(element) && !element.endTagRange.isValid());
    m_out += (wasSelfClosing ? QString() : tail) + u'>';
    children(element, indentation);
    m_out += QLatin1String("</") + element.name
             + (isSpaceRun(element.endTagTail) ? element.endTagTail : QString()) + u'>';
}

QString Writer::childIndentation(const PolicyNode &parent, const QString &indentation) const
{
    for (qsizetype i = 0; i + 1 < parent.children.size(); ++i) {
        const QString found = indentationOf(parent.children.at(i));
        if (!found.isNull() && parent.children.at(i + 1).isElement())
            return found;
    }
    return indentation
           + (indentation.startsWith(u'\t') ? QStringLiteral("\t") : QStringLiteral("    "));
}

// New elements go on a line of their own, indented like their siblings, and what follows them
// (a sibling, or the parent's end tag at the parent's indentation) starts a new line again;
// parsed whitespace is left as it is.
void Writer::children(const PolicyNode &parent, const QString &indentation)
{
    const QString inner = childIndentation(parent, indentation);
    bool previousWasNew = false;
    for (const PolicyNode &child : parent.children) {
        const bool newElement = child.isElement() && isSynthesised(child);
        if (newElement || (previousWasNew && child.kind != PolicyNode::Kind::Text))
            startLine(inner);
        node(child, inner);
        previousWasNew = newElement;
    }
    if (previousWasNew)
        startLine(indentation);
}

void countLineEnds(const QList<PolicyNode> &nodes, qsizetype &crlf, qsizetype &lf)
{
    for (const PolicyNode &node : nodes) {
        if (node.kind == PolicyNode::Kind::Text) {
            const QString &raw = node.rawText;
            for (qsizetype at = raw.indexOf(u'\n'); at >= 0; at = raw.indexOf(u'\n', at + 1))
                ++(at > 0 && raw.at(at - 1) == u'\r' ? crlf : lf);
        }
        countLineEnds(node.children, crlf, lf);
    }
}

// The line end most of the document uses, so new lines do not mix styles (files often have one
// odd line, such as a header comment added by a tool).
QString lineEndOf(const QList<PolicyNode> &nodes)
{
    qsizetype crlf = 0;
    qsizetype lf = 0;
    countLineEnds(nodes, crlf, lf);
    return crlf > lf ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

} // namespace

QString PolicyWriter::write(const PolicyDocument &document)
{
    Writer writer(lineEndOf(document.nodes));
    for (const PolicyNode &node : document.nodes)
        writer.node(node, QString());
    return writer.take();
}

QByteArray PolicyWriter::writeUtf8(const PolicyDocument &document)
{
    QStringEncoder encoder(QStringEncoder::Utf8,
                           document.hasByteOrderMark ? QStringEncoder::Flag::WriteBom
                                                     : QStringEncoder::Flag::Default);
    return encoder.encode(write(document));
}

QString PolicyWriter::write(const PolicyNode &node)
{
    Writer writer(lineEndOf({node}));
    writer.node(node, QString());
    return writer.take();
}
