// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "policydocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What PolicyParser::parse returns. On an XML error the document holds what was read before it
// (possibly nothing) and diagnostics hold the error; callers should not use such a document for
// anything but showing the error.
struct PolicyParseResult
{
    PolicyDocument document;
    QList<Diagnostic> diagnostics;

    bool ok() const { return !Diagnostic::hasErrors(diagnostics); }
};

// Reads a policy document the way APIM does ("rawxml"): attribute values and element text whose
// trimmed content starts with @( or @{ are C# expressions that may hold raw quotes, '<', '&&' and
// XML inside strings; the escaped form (&quot; &lt; &amp;) is accepted too. Everything else must
// be well-formed XML. DTDs and entities other than the predefined ones are refused. Expressions
// are only delimited here; their C# is checked later, by the expression compiler.
//
// Positions (SourceRange) index the decoded text without its byte order mark: 0-based offsets
// and 1-based columns in UTF-16 code units; lines end at "\n", "\r\n" or a lone "\r".
class PolicyParser
{
public:
    // Deeper nesting than this is refused (no policy comes close; it bounds recursion elsewhere).
    static constexpr int maxDepth = 512;
    // Likewise for attributes on one element (checking them for repeats is quadratic).
    static constexpr int maxAttributes = 256;
    // Larger input is refused before it is read (APIM itself limits a fragment to 512 KB).
    static constexpr qsizetype maxInputSize = 32 * 1024 * 1024;

    // utf8 is the file's bytes; a UTF-8 byte order mark is noted in the document and skipped.
    static PolicyParseResult parse(const QByteArray &utf8, const QString &fileName = {});
    static PolicyParseResult parse(const QString &text, const QString &fileName = {});
    // The same result as parse(text, fileName), given previous = parse(previousText, fileName):
    // when the text changed inside one element (a keystroke) and both texts parse without errors,
    // only that element is read again and the positions after it are moved; otherwise, text is
    // parsed whole.
    static PolicyParseResult reparse(const PolicyParseResult &previous,
                                     const QString &previousText,
                                     const QString &text,
                                     const QString &fileName = {});
};
