// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

struct PolicyDocument;
struct PolicyNode;

// Writes a policy document back to text. What the parser read and nobody changed comes out byte
// for byte as it was (trivia, entity spellings, raw expressions, line ends). Edited or new parts
// are written as APIM users write them: expressions raw, literals escaped; new elements get a
// line and the indentation of their siblings, in the document's line-end style.
class PolicyWriter
{
public:
    static QString write(const PolicyDocument &document);
    // UTF-8, with the byte order mark when the document had one.
    static QByteArray writeUtf8(const PolicyDocument &document);
    // One node and its subtree, e.g. for copying a policy to the clipboard.
    static QString write(const PolicyNode &node);
};
