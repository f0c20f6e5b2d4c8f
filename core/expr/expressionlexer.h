// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// Tokens of the C# subset APIM policy expressions use. Offsets are 0-based UTF-16 offsets into the
// expression text; the compiler maps them to policy-document positions.
struct ExpressionToken
{
    enum class Kind {
        End,
        Identifier,
        Integer,
        Real,
        String,
        Char,
        Interpolated,
        Punct,
        Error,
    };
    struct Hole
    {
        qsizetype offset = 0; // of the hole's expression in the expression text
        QString code;
        QString format; // text after ':' (format specifier), empty if none
        QString alignment;
    };

    Kind kind = Kind::End;
    QString text; // identifier/punctuator text, string/char value, error message
    qsizetype offset = 0;
    qsizetype length = 0;
    quint64 integer = 0;
    double real = 0;
    // Literal suffix: 'L', 'U' (UL as 'W'), 'M', 'D', 'F', or 0.
    char suffix = 0;
    // Interpolated string: literal segments (size = holes + 1) and holes.
    QStringList segments;
    QList<Hole> holes;
    bool precededByNewline = false;

    bool is(QStringView punct) const { return kind == Kind::Punct && text == punct; }
    bool isIdentifier(QStringView word) const { return kind == Kind::Identifier && text == word; }
};

// Hand-written because no Debian package offers a C# tokenizer usable from C++.
class ExpressionLexer
{
public:
    static QList<ExpressionToken> tokenize(const QString &code, qsizetype baseOffset = 0);
    static bool isKeyword(QStringView word);
};
