// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace KSyntaxHighlighting {
class Repository;
}

// The "APIM Policy XML" syntax definition shipped in the ui library's resources.
class PolicySyntax
{
public:
    static QString definitionName();
    // Makes the repository find the definition (a Qt resource directory holding syntax/).
    static void registerDefinitions(KSyntaxHighlighting::Repository &repository);
};
