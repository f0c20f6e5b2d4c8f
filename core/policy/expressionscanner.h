// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The outcome of ExpressionScanner::scan. On success end is one past the closing ')' or '}'; on
// failure errorOffset points at what is left open at the end of the text (the innermost unclosed
// bracket, or the start of an unterminated literal or comment) and errorMessage names it.
struct ExpressionScanResult
{
    enum class Status { Ok, NotAnExpression, Unbalanced, UnterminatedLiteral, UnterminatedComment };

    Status status = Status::NotAnExpression;
    qsizetype end = -1;
    qsizetype errorOffset = -1;
    QString errorMessage;

    bool ok() const { return status == Status::Ok; }
};

// Finds where a policy expression (@(...) or @{...}) ends. A plain bracket counter is wrong for
// C#: brackets inside string, char and interpolated literals and comments do not count, and an
// interpolation hole ({...} in $"...") nests code inside a literal.
//
// It delimits, it does not compile: where C# is strict but the author's intent is plain it is
// lenient, and leaves the error to the expression compiler, which reports it with the right
// message. A closer ends the nearest open bracket of its kind (closing any left open inside it),
// a stray closer is ignored, and string literals may run over line ends. Real published policies
// depend on this (see policies/invalid/). Only reaching the end of the text with the expression
// still open is an error.
//
// Iterative (an explicit frame stack), so hostile input cannot overflow the call stack, and
// linear in the length of the text.
class ExpressionScanner
{
public:
    enum class Mode {
        // The text is C# as the compiler sees it (an attribute's decoded value).
        CSharp,
        // The text is raw XML source: &quot; &apos; &lt; &gt; &amp; and numeric character
        // references count as the characters they encode, so the escaped form of an expression
        // (as portal exports write it) balances exactly as the raw form does.
        XmlSource,
    };

    // start is the offset of the '@' of "@(" or "@{" in text.
    static ExpressionScanResult scan(QStringView text, qsizetype start, Mode mode = Mode::CSharp);
};
