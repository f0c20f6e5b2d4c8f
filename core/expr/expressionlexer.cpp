// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressionlexer.h"

namespace {

class Lexer
{
public:
    Lexer(const QString &code, qsizetype base)
        : m_code(code)
        , m_base(base)
    {}

    QList<ExpressionToken> run()
    {
        QList<ExpressionToken> tokens;
        while (true) {
            const bool newline = skipTrivia();
            ExpressionToken t = next();
            t.precededByNewline = newline;
            const bool stop = t.kind == ExpressionToken::Kind::End
                              || t.kind == ExpressionToken::Kind::Error;
            tokens.append(t);
            if (stop)
                break;
        }
        return tokens;
    }

private:
    QChar at(qsizetype i) const { return i < m_code.size() ? m_code.at(i) : QChar(); }

    bool skipTrivia()
    {
        bool newline = false;
        while (m_pos < m_code.size()) {
            const QChar c = m_code.at(m_pos);
            if (c.isSpace()) {
                newline |= c == u'\n';
                ++m_pos;
            } else if (c == u'/' && at(m_pos + 1) == u'/') {
                while (m_pos < m_code.size() && m_code.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c == u'/' && at(m_pos + 1) == u'*') {
                const qsizetype end = m_code.indexOf(QLatin1String("*/"), m_pos + 2);
                m_pos = end < 0 ? m_code.size() : end + 2;
            } else {
                break;
            }
        }
        return newline;
    }

    ExpressionToken make(ExpressionToken::Kind kind, qsizetype start)
    {
        ExpressionToken t;
        t.kind = kind;
        t.offset = m_base + start;
        t.length = m_pos - start;
        return t;
    }

    ExpressionToken error(const QString &message, qsizetype start)
    {
        ExpressionToken t = make(ExpressionToken::Kind::Error, start);
        t.text = message;
        return t;
    }

    ExpressionToken next()
    {
        const qsizetype start = m_pos;
        if (m_pos >= m_code.size())
            return make(ExpressionToken::Kind::End, start);
        const QChar c = m_code.at(m_pos);
        if (c.isLetter() || c == u'_'
            || (c == u'@' && (at(m_pos + 1).isLetter() || at(m_pos + 1) == u'_'))) {
            if (c == u'@')
                ++m_pos;
            const qsizetype nameStart = m_pos;
            while (m_pos < m_code.size()
                   && (m_code.at(m_pos).isLetterOrNumber() || m_code.at(m_pos) == u'_'))
                ++m_pos;
            ExpressionToken t = make(ExpressionToken::Kind::Identifier, start);
            t.text = m_code.mid(nameStart, m_pos - nameStart);
            return t;
        }
        if (c.isDigit() || (c == u'.' && at(m_pos + 1).isDigit()))
            return number(start);
        if (c == u'"')
            return regularString(start);
        if (c == u'@' && at(m_pos + 1) == u'"')
            return verbatimString(start);
        if ((c == u'$' && at(m_pos + 1) == u'"')
            || (c == u'$' && at(m_pos + 1) == u'@' && at(m_pos + 2) == u'"')
            || (c == u'@' && at(m_pos + 1) == u'$' && at(m_pos + 2) == u'"'))
            return interpolated(start);
        if (c == u'\'')
            return charLiteral(start);
        static const char *const puncts[]
                = {"<<=", ">>=", "?\?=", "=>", "==", "!=", "<=", ">=", "&&", "||", "++", "--",
                   "+=",  "-=",  "*=",   "/=", "%=", "&=", "|=", "^=", "??", "?.", "<<", "::"};
        for (const char *p : puncts) {
            const QLatin1String s(p);
            if (QStringView(m_code).mid(m_pos).startsWith(s)) {
                // "?." followed by a digit is a conditional with a number ("a ?.5 : b").
                if (s == QLatin1String("?.") && at(m_pos + 2).isDigit())
                    continue;
                m_pos += s.size();
                ExpressionToken t = make(ExpressionToken::Kind::Punct, start);
                t.text = s;
                return t;
            }
        }
        if (QStringLiteral("+-*/%<>=!&|^~?:;,.()[]{}").contains(c)) {
            ++m_pos;
            ExpressionToken t = make(ExpressionToken::Kind::Punct, start);
            t.text = c;
            return t;
        }
        ++m_pos;
        return error(QStringLiteral("Unexpected character '%1'").arg(c), start);
    }

    ExpressionToken number(qsizetype start)
    {
        bool isReal = false;
        if (at(m_pos) == u'0' && (at(m_pos + 1) == u'x' || at(m_pos + 1) == u'X')) {
            m_pos += 2;
            const qsizetype digits = m_pos;
            while (at(m_pos).isDigit() || QStringLiteral("abcdefABCDEF_").contains(at(m_pos)))
                ++m_pos;
            ExpressionToken t = make(ExpressionToken::Kind::Integer, start);
            bool ok = false;
            t.integer = m_code.mid(digits, m_pos - digits).remove(u'_').toULongLong(&ok, 16);
            if (!ok)
                return error(QStringLiteral("Invalid hexadecimal literal"), start);
            integerSuffix(t);
            t.length = m_pos - start;
            return t;
        }
        while (at(m_pos).isDigit() || at(m_pos) == u'_')
            ++m_pos;
        if (at(m_pos) == u'.' && at(m_pos + 1).isDigit()) {
            isReal = true;
            ++m_pos;
            while (at(m_pos).isDigit() || at(m_pos) == u'_')
                ++m_pos;
        }
        if (at(m_pos) == u'e' || at(m_pos) == u'E') {
            qsizetype p = m_pos + 1;
            if (at(p) == u'+' || at(p) == u'-')
                ++p;
            if (at(p).isDigit()) {
                isReal = true;
                m_pos = p;
                while (at(m_pos).isDigit())
                    ++m_pos;
            }
        }
        const QString digits = m_code.mid(start, m_pos - start).remove(u'_');
        const QChar s = at(m_pos).toUpper();
        if (s == u'M' || s == u'D' || s == u'F') {
            ++m_pos;
            ExpressionToken t = make(ExpressionToken::Kind::Real, start);
            t.real = digits.toDouble();
            t.suffix = char(s.unicode());
            return t;
        }
        if (isReal) {
            ExpressionToken t = make(ExpressionToken::Kind::Real, start);
            t.real = digits.toDouble();
            t.suffix = 'D';
            return t;
        }
        ExpressionToken t = make(ExpressionToken::Kind::Integer, start);
        bool ok = false;
        t.integer = digits.toULongLong(&ok);
        if (!ok)
            return error(QStringLiteral("Integral constant is too large"), start);
        integerSuffix(t);
        t.length = m_pos - start;
        return t;
    }

    void integerSuffix(ExpressionToken &t)
    {
        const QChar a = at(m_pos).toUpper();
        const QChar b = at(m_pos + 1).toUpper();
        if ((a == u'U' && b == u'L') || (a == u'L' && b == u'U')) {
            t.suffix = 'W';
            m_pos += 2;
        } else if (a == u'L') {
            t.suffix = 'L';
            ++m_pos;
        } else if (a == u'U') {
            t.suffix = 'U';
            ++m_pos;
        }
    }

    // Reads one escape sequence after '\'; false on an invalid one.
    bool escape(QString *out)
    {
        const QChar e = at(m_pos++);
        switch (e.unicode()) {
        case 'n':
            out->append(u'\n');
            return true;
        case 't':
            out->append(u'\t');
            return true;
        case 'r':
            out->append(u'\r');
            return true;
        case '0':
            out->append(QChar(0));
            return true;
        case 'a':
            out->append(QChar(7));
            return true;
        case 'b':
            out->append(QChar(8));
            return true;
        case 'f':
            out->append(QChar(12));
            return true;
        case 'v':
            out->append(QChar(11));
            return true;
        case '\\':
            out->append(u'\\');
            return true;
        case '"':
            out->append(u'"');
            return true;
        case '\'':
            out->append(u'\'');
            return true;
        case 'u':
        case 'x': {
            qsizetype n = 0;
            while (n < 4 && QStringLiteral("0123456789abcdefABCDEF").contains(at(m_pos + n)))
                ++n;
            if (n == 0 || (e == u'u' && n != 4))
                return false;
            out->append(QChar(m_code.mid(m_pos, n).toUShort(nullptr, 16)));
            m_pos += n;
            return true;
        }
        default:
            return false;
        }
    }

    ExpressionToken regularString(qsizetype start)
    {
        ++m_pos;
        QString value;
        while (m_pos < m_code.size()) {
            const QChar c = m_code.at(m_pos);
            if (c == u'"') {
                ++m_pos;
                ExpressionToken t = make(ExpressionToken::Kind::String, start);
                t.text = value;
                return t;
            }
            if (c == u'\n')
                break;
            ++m_pos;
            if (c == u'\\') {
                if (!escape(&value))
                    return error(QStringLiteral("Unrecognized escape sequence"), m_pos - 2);
            } else {
                value += c;
            }
        }
        return error(QStringLiteral("Newline in constant"), start);
    }

    ExpressionToken verbatimString(qsizetype start)
    {
        m_pos += 2;
        QString value;
        while (m_pos < m_code.size()) {
            const QChar c = m_code.at(m_pos++);
            if (c == u'"') {
                if (at(m_pos) == u'"') {
                    value += u'"';
                    ++m_pos;
                    continue;
                }
                ExpressionToken t = make(ExpressionToken::Kind::String, start);
                t.text = value;
                return t;
            }
            value += c;
        }
        return error(QStringLiteral("Unterminated string literal"), start);
    }

    ExpressionToken charLiteral(qsizetype start)
    {
        ++m_pos;
        QString value;
        if (at(m_pos) == u'\\') {
            ++m_pos;
            if (!escape(&value))
                return error(QStringLiteral("Unrecognized escape sequence"), start);
        } else if (m_pos < m_code.size() && at(m_pos) != u'\'') {
            value += at(m_pos++);
        }
        if (value.size() != 1 || at(m_pos) != u'\'')
            return error(QStringLiteral("Too many characters in character literal"), start);
        ++m_pos;
        ExpressionToken t = make(ExpressionToken::Kind::Char, start);
        t.text = value;
        return t;
    }

    // Skips a nested literal inside an interpolation hole.
    bool skipNestedLiteral()
    {
        const QChar c = at(m_pos);
        if (c == u'\'') {
            return charLiteral(m_pos).kind != ExpressionToken::Kind::Error;
        }
        if (c == u'"')
            return regularString(m_pos).kind != ExpressionToken::Kind::Error;
        if (c == u'@' && at(m_pos + 1) == u'"')
            return verbatimString(m_pos).kind != ExpressionToken::Kind::Error;
        return interpolated(m_pos).kind != ExpressionToken::Kind::Error;
    }

    ExpressionToken interpolated(qsizetype start)
    {
        bool verbatim = false;
        while (at(m_pos) == u'$' || at(m_pos) == u'@') {
            verbatim |= at(m_pos) == u'@';
            ++m_pos;
        }
        ++m_pos; // opening quote
        ExpressionToken t;
        QString segment;
        while (m_pos < m_code.size()) {
            const QChar c = m_code.at(m_pos);
            if (c == u'"') {
                if (verbatim && at(m_pos + 1) == u'"') {
                    segment += u'"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                ExpressionToken done = make(ExpressionToken::Kind::Interpolated, start);
                done.segments = t.segments;
                done.segments.append(segment);
                done.holes = t.holes;
                return done;
            }
            if (c == u'{' && at(m_pos + 1) == u'{') {
                segment += u'{';
                m_pos += 2;
                continue;
            }
            if (c == u'}' && at(m_pos + 1) == u'}') {
                segment += u'}';
                m_pos += 2;
                continue;
            }
            if (c == u'}')
                return error(QStringLiteral("A '}' character must be escaped (by doubling) in an "
                                            "interpolated string"),
                             m_pos);
            if (c == u'{') {
                ++m_pos;
                const qsizetype holeStart = m_pos;
                int depth = 0;
                qsizetype colon = -1;
                qsizetype comma = -1;
                while (m_pos < m_code.size()) {
                    const QChar h = m_code.at(m_pos);
                    if (h == u'"' || h == u'\'' || (h == u'@' && at(m_pos + 1) == u'"')
                        || (h == u'$' && (at(m_pos + 1) == u'"' || at(m_pos + 1) == u'@'))) {
                        if (!skipNestedLiteral())
                            return error(QStringLiteral("Invalid literal in interpolation"), m_pos);
                        continue;
                    }
                    if (h == u'(' || h == u'[' || h == u'{')
                        ++depth;
                    else if (h == u')' || h == u']')
                        --depth;
                    else if (h == u'}') {
                        if (depth == 0)
                            break;
                        --depth;
                    } else if (h == u':' && depth == 0 && colon < 0 && at(m_pos + 1) != u':') {
                        colon = m_pos;
                    } else if (h == u',' && depth == 0 && colon < 0 && comma < 0) {
                        comma = m_pos;
                    }
                    ++m_pos;
                }
                if (m_pos >= m_code.size())
                    return error(QStringLiteral("Unterminated interpolation hole"), holeStart - 1);
                const qsizetype codeEnd = comma >= 0 ? comma : (colon >= 0 ? colon : m_pos);
                ExpressionToken::Hole hole;
                hole.offset = m_base + holeStart;
                hole.code = m_code.mid(holeStart, codeEnd - holeStart);
                if (comma >= 0)
                    hole.alignment = m_code.mid(comma + 1, (colon >= 0 ? colon : m_pos) - comma - 1)
                                             .trimmed();
                if (colon >= 0)
                    hole.format = m_code.mid(colon + 1, m_pos - colon - 1);
                ++m_pos;
                t.segments.append(segment);
                segment.clear();
                t.holes.append(hole);
                continue;
            }
            ++m_pos;
            if (c == u'\\' && !verbatim) {
                if (!escape(&segment))
                    return error(QStringLiteral("Unrecognized escape sequence"), m_pos - 2);
            } else {
                if (c == u'\n' && !verbatim)
                    return error(QStringLiteral("Newline in constant"), start);
                segment += c;
            }
        }
        return error(QStringLiteral("Unterminated string literal"), start);
    }

    const QString &m_code;
    qsizetype m_base;
    qsizetype m_pos = 0;
};

} // namespace

QList<ExpressionToken> ExpressionLexer::tokenize(const QString &code, qsizetype baseOffset)
{
    return Lexer(code, baseOffset).run();
}

bool ExpressionLexer::isKeyword(QStringView word)
{
    static const QStringList keywords = {
            QStringLiteral("as"),       QStringLiteral("break"),     QStringLiteral("case"),
            QStringLiteral("catch"),    QStringLiteral("checked"),   QStringLiteral("const"),
            QStringLiteral("continue"), QStringLiteral("default"),   QStringLiteral("do"),
            QStringLiteral("else"),     QStringLiteral("false"),     QStringLiteral("finally"),
            QStringLiteral("for"),      QStringLiteral("foreach"),   QStringLiteral("if"),
            QStringLiteral("in"),       QStringLiteral("is"),        QStringLiteral("new"),
            QStringLiteral("null"),     QStringLiteral("out"),       QStringLiteral("ref"),
            QStringLiteral("return"),   QStringLiteral("switch"),    QStringLiteral("this"),
            QStringLiteral("throw"),    QStringLiteral("true"),      QStringLiteral("try"),
            QStringLiteral("typeof"),   QStringLiteral("unchecked"), QStringLiteral("using"),
            QStringLiteral("while"),    QStringLiteral("void"),
    };
    return keywords.contains(word);
}
