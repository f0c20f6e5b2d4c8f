// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// The names a policy document refers to outside itself: {{named values}} and
// <include-fragment fragment-id="..."/>, with their offsets in the text so diagnostics can point
// at them. Found on the text, because named values are a textual substitution that APIM performs
// before it reads the XML (anywhere: attributes, text, inside expressions).
class PolicyReferences
{
public:
    struct Reference
    {
        QString name;
        qsizetype offset = 0; // of the "{{" or of the fragment id's value
        qsizetype length = 0;
        friend bool operator==(const Reference &, const Reference &) = default;
    };

    // {{name}} tokens whose name uses the named-value character set [A-Za-z0-9._-].
    static QList<Reference> namedValues(const QString &xml);
    static QList<Reference> fragments(const QString &xml);
    static QStringList names(const QList<Reference> &references); // unique, in order
};
