// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One suggestion of the editor's completion: what the list shows and what accepting it types.
struct CompletionItem
{
    enum class Kind { Element, ClosingTag, Attribute, Value, Property, Method, NamedValue };

    Kind kind = Kind::Element;
    QString label;
    // Replaces the completion's replace range; for an element, a skeleton with the required
    // attributes ("set-header name=\"\"></set-header>").
    QString insertText;
    // Where the cursor goes within insertText (inside the first empty quotes of a skeleton);
    // -1 for its end.
    qsizetype cursorOffset = -1;
    // The description or type shown beside the label.
    QString detail;
    // A secret named value: the list marks it, and detail never holds its value.
    bool secret = false;
};
