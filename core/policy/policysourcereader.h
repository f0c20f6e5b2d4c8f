// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policydocument.h"

#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <array>

class LineIndex;

// The first error PolicySourceReader or QXmlStreamReader found, before it becomes a Diagnostic.
struct PolicySourceError
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

// The hand-written half of PolicyParser (see policyparser.cpp for why there are two): walks the
// markup of APIM's rawxml, delimits expressions with ExpressionScanner, builds the document with
// trivia and ranges, and keeps a masked copy of the source (same length, expression characters
// XML would misread replaced) for QXmlStreamReader. Stops at the first error.
class PolicySourceReader
{
public:
    PolicySourceReader(const QString &source, const LineIndex &lines, PolicyDocument &document)
        : m_source(source)
        , m_masked(source)
        , m_lines(lines)
        , m_document(document)
    {}

    void read();
    // Reads only the element starting at begin, as read() would with `ancestors` elements open
    // around it, into holder's children, and stops where that element ends (position()). For an
    // edit inside one element (PolicyParser::reparse): the source is the whole edited text, so
    // every look-ahead sees what a full read would see.
    void readElement(qsizetype begin, int ancestors, PolicyNode &holder);
    qsizetype position() const { return m_pos; }
    const QString &masked() const { return m_masked; }
    const PolicySourceError &error() const { return m_error; }

private:
    // What XML would misread: in text '<', '&' and '>' ("]]>" may occur in C#, a[b[c]]>d);
    // in attribute values '<', '&' and both quotes; in comments '-' ("--" is not allowed).
    enum class Mask { Text, Attribute, Dashes };
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
    bool readExpression(qsizetype at, qsizetype &end, Mask what);
    bool checkReferences(qsizetype begin, qsizetype end);
    void mask(qsizetype begin, qsizetype end, Mask what);
    PolicyNode *add(PolicyNode::Kind kind, qsizetype begin, qsizetype end, QStringView name = {});
    bool checkTopLevel(PolicyNode::Kind kind, qsizetype begin, qsizetype end, QStringView name);
    QString slice(qsizetype begin, qsizetype end);
    bool fail(qsizetype offset, const QString &code, const QString &message);

    const QString &m_source;
    QString m_masked;
    const LineIndex &m_lines;
    PolicyDocument &m_document;
    qsizetype m_pos = 0;
    // The open elements, innermost last; they live in the document being built.
    QVarLengthArray<PolicyNode *, 32> m_open;
    // How much deeper the elements are than m_open says (readElement's ancestors stand for one).
    int m_depthOffset = 0;
    PolicySourceError m_error;
    // Short strings (names, indentation, common values) repeat all over a policy; sharing one
    // copy of each saves most of the parser's allocations.
    static constexpr qsizetype maxSharedLength = 32;
    std::array<QString, 127> m_shared;
};
