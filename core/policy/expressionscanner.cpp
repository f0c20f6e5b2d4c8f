// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionscanner.h"

#include <QVarLengthArray>

namespace {

// One character as C# sees it and how many code units it takes in the text (more than one for
// an entity in XmlSource mode).
struct ScannedChar
{
    char16_t c = 0;
    qsizetype length = 0;
};

// What the scanner is inside of. Code frames hold brackets; string frames hold interpolated
// literals, whose holes ({...}) are code frames again.
struct Frame
{
    enum class Kind { Paren, Brace, Bracket, Hole, Interpolated, VerbatimInterpolated };
    Kind kind;
    qsizetype offset;
};

char16_t closerOf(Frame::Kind kind)
{
    switch (kind) {
    case Frame::Kind::Paren:
        return u')';
    case Frame::Kind::Bracket:
        return u']';
    default:
        return u'}';
    }
}

char16_t openerOf(Frame::Kind kind)
{
    switch (kind) {
    case Frame::Kind::Paren:
        return u'(';
    case Frame::Kind::Bracket:
        return u'[';
    default:
        return u'{';
    }
}

char16_t decodeReference(QStringView name)
{
    static const struct
    {
        const char16_t *name;
        char16_t value;
    } predefined[]
            = {{u"quot", u'"'}, {u"apos", u'\''}, {u"lt", u'<'}, {u"gt", u'>'}, {u"amp", u'&'}};
    for (const auto &entity : predefined) {
        if (name == QStringView(entity.name))
            return entity.value;
    }
    if (name.size() < 2 || name.at(0) != u'#')
        return 0;
    bool ok = false;
    const bool hex = name.at(1) == u'x';
    const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
    if (!ok || code == 0)
        return 0;
    // Only ASCII matters for structure; anything else is an ordinary character.
    return code < 0x80 ? char16_t(code) : u'x';
}

class Scanner
{
public:
    Scanner(QStringView text, ExpressionScanner::Mode mode)
        : m_text(text)
        , m_mode(mode)
    {}

    ExpressionScanResult run(qsizetype start);

private:
    ScannedChar at(qsizetype pos) const;
    bool codeStep(Frame top);
    bool close(char16_t closer);
    bool stringStep(Frame top);
    bool skipQuoted(char16_t quote, bool verbatim, const char *what);
    bool skipComment();
    bool skipFormatSpecifier();
    void fail(ExpressionScanResult::Status status, qsizetype offset, const QString &message);

    QStringView m_text;
    ExpressionScanner::Mode m_mode;
    qsizetype m_pos = 0;
    QVarLengthArray<Frame, 32> m_frames;
    ExpressionScanResult m_result;
};

ScannedChar Scanner::at(qsizetype pos) const
{
    if (pos >= m_text.size())
        return {0, 0};
    const char16_t c = m_text.at(pos).unicode();
    if (c != u'&' || m_mode != ExpressionScanner::Mode::XmlSource)
        return {c, 1};
    const QStringView rest = m_text.mid(pos + 1, 10);
    const qsizetype semicolon = rest.indexOf(u';');
    if (semicolon > 0) {
        if (const char16_t decoded = decodeReference(rest.left(semicolon)))
            return {decoded, semicolon + 2};
    }
    return {c, 1};
}

void Scanner::fail(ExpressionScanResult::Status status, qsizetype offset, const QString &message)
{
    m_result.status = status;
    m_result.errorOffset = offset;
    m_result.errorMessage = message;
}

ExpressionScanResult Scanner::run(qsizetype start)
{
    const ScannedChar at0 = at(start);
    const ScannedChar opener = at(start + at0.length);
    if (at0.c != u'@' || (opener.c != u'(' && opener.c != u'{')) {
        fail(ExpressionScanResult::Status::NotAnExpression,
             start,
             QStringLiteral("a policy expression starts with @( or @{"));
        return m_result;
    }
    m_pos = start + at0.length;
    while (m_pos < m_text.size()) {
        const Frame top = m_frames.isEmpty() ? Frame{Frame::Kind::Paren, -1} : m_frames.last();
        const bool inString = top.kind == Frame::Kind::Interpolated
                              || top.kind == Frame::Kind::VerbatimInterpolated;
        const bool carryOn = inString ? stringStep(top) : codeStep(top);
        if (!carryOn)
            return m_result;
    }
    const Frame &open = m_frames.last();
    switch (open.kind) {
    case Frame::Kind::Interpolated:
    case Frame::Kind::VerbatimInterpolated:
        fail(ExpressionScanResult::Status::UnterminatedLiteral,
             open.offset,
             QStringLiteral("unterminated interpolated string"));
        break;
    case Frame::Kind::Hole:
        fail(ExpressionScanResult::Status::Unbalanced,
             open.offset,
             QStringLiteral("the interpolation hole '{' is never closed"));
        break;
    default:
        fail(ExpressionScanResult::Status::Unbalanced,
             open.offset,
             QStringLiteral("'%1' is never closed").arg(QChar(openerOf(open.kind))));
    }
    return m_result;
}

// Returns false when the scan is over (the expression closed, or an error).
bool Scanner::codeStep(Frame top)
{
    const ScannedChar ch = at(m_pos);
    const ScannedChar next = at(m_pos + ch.length);
    switch (ch.c) {
    case u'(':
        m_frames.append({Frame::Kind::Paren, m_pos});
        break;
    case u'{':
        m_frames.append({Frame::Kind::Brace, m_pos});
        break;
    case u'[':
        m_frames.append({Frame::Kind::Bracket, m_pos});
        break;
    case u')':
    case u'}':
    case u']':
        if (close(ch.c)) {
            m_result.status = ExpressionScanResult::Status::Ok;
            m_result.end = m_pos + ch.length;
            return false;
        }
        break;
    case u':':
        if (top.kind == Frame::Kind::Hole)
            return skipFormatSpecifier();
        break;
    case u'"':
        return skipQuoted(u'"', false, "string literal");
    case u'\'':
        return skipQuoted(u'\'', false, "character literal");
    case u'@':
        if (next.c == u'"') {
            m_pos += ch.length;
            return skipQuoted(u'"', true, "verbatim string literal");
        }
        if (next.c == u'$') {
            const ScannedChar third = at(m_pos + ch.length + next.length);
            if (third.c == u'"') {
                m_frames.append({Frame::Kind::VerbatimInterpolated, m_pos});
                m_pos += ch.length + next.length + third.length;
                return true;
            }
        }
        break;
    case u'$': {
        const ScannedChar third = at(m_pos + ch.length + next.length);
        if (next.c == u'"' || (next.c == u'@' && third.c == u'"')) {
            const bool verbatim = next.c == u'@';
            m_frames.append(
                    {verbatim ? Frame::Kind::VerbatimInterpolated : Frame::Kind::Interpolated,
                     m_pos});
            m_pos += ch.length + next.length + (verbatim ? third.length : 0);
            return true;
        }
        break;
    }
    case u'/':
        if (next.c == u'/' || next.c == u'*')
            return skipComment();
        break;
    default:
        break;
    }
    m_pos += ch.length;
    return true;
}

bool Scanner::stringStep(Frame top)
{
    const bool verbatim = top.kind == Frame::Kind::VerbatimInterpolated;
    const ScannedChar ch = at(m_pos);
    const ScannedChar next = at(m_pos + ch.length);
    switch (ch.c) {
    case u'{':
    case u'}':
        if (next.c == ch.c) {
            m_pos += ch.length + next.length;
            return true;
        }
        if (ch.c == u'{')
            m_frames.append({Frame::Kind::Hole, m_pos});
        break;
    case u'"':
        if (verbatim && next.c == u'"') {
            m_pos += ch.length + next.length;
            return true;
        }
        m_frames.removeLast();
        break;
    case u'\\':
        if (!verbatim && next.length > 0) {
            m_pos += ch.length + next.length;
            return true;
        }
        break;
    default:
        break;
    }
    m_pos += ch.length;
    return true;
}

// A closer ends the nearest open bracket of its kind, and with it any brackets left open inside:
// a C# error for the compiler to name, but the extent of the expression stays what the author
// meant (the corpus has such corrupted expressions). A closer with no opener of its kind in the
// current code run is ignored. Returns true when the expression's own opener was closed.
bool Scanner::close(char16_t closer)
{
    for (qsizetype i = m_frames.size() - 1; i >= 0; --i) {
        const Frame::Kind kind = m_frames.at(i).kind;
        if (kind == Frame::Kind::Interpolated || kind == Frame::Kind::VerbatimInterpolated)
            return false;
        if (closerOf(kind) == closer) {
            m_frames.resize(i);
            return m_frames.isEmpty();
        }
    }
    return false;
}

// m_pos is at the opening quote (for verbatim strings, just after the '@').
bool Scanner::skipQuoted(char16_t quote, bool verbatim, const char *what)
{
    const qsizetype begin = verbatim ? m_pos - 1 : m_pos;
    m_pos += at(m_pos).length;
    while (m_pos < m_text.size()) {
        const ScannedChar ch = at(m_pos);
        m_pos += ch.length;
        if (ch.c == quote) {
            if (!verbatim || at(m_pos).c != quote)
                return true;
            m_pos += at(m_pos).length;
        } else if (ch.c == u'\\' && !verbatim) {
            m_pos += at(m_pos).length;
        }
    }
    fail(ExpressionScanResult::Status::UnterminatedLiteral,
         begin,
         QStringLiteral("unterminated %1").arg(QLatin1String(what)));
    return false;
}

bool Scanner::skipComment()
{
    const qsizetype begin = m_pos;
    const bool block = at(m_pos + 1).c == u'*';
    m_pos += 2;
    while (m_pos < m_text.size()) {
        const ScannedChar ch = at(m_pos);
        if (!block && (ch.c == u'\n' || ch.c == u'\r'))
            return true;
        m_pos += ch.length;
        if (block && ch.c == u'*' && at(m_pos).c == u'/') {
            m_pos += 1;
            return true;
        }
    }
    if (!block)
        return true;
    fail(ExpressionScanResult::Status::UnterminatedComment,
         begin,
         QStringLiteral("unterminated /* comment"));
    return false;
}

// In $"{value:format}" the text after ':' up to '}' is a format string, not code.
bool Scanner::skipFormatSpecifier()
{
    const Frame hole = m_frames.last();
    while (m_pos < m_text.size()) {
        const ScannedChar ch = at(m_pos);
        m_pos += ch.length;
        if (ch.c == u'}') {
            m_frames.removeLast();
            return true;
        }
    }
    fail(ExpressionScanResult::Status::Unbalanced,
         hole.offset,
         QStringLiteral("the interpolation hole '{' is never closed"));
    return false;
}

} // namespace

ExpressionScanResult ExpressionScanner::scan(QStringView text, qsizetype start, Mode mode)
{
    if (start < 0 || start >= text.size()) {
        ExpressionScanResult result;
        result.errorOffset = qBound(qsizetype(0), start, text.size());
        result.errorMessage = QStringLiteral("a policy expression starts with @( or @{");
        return result;
    }
    return Scanner(text, mode).run(start);
}
