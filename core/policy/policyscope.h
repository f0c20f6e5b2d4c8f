// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The scopes APIM merges through <base/>, broadest first; Fragment marks content expanded from an
// <include-fragment/>.
enum class PolicyScope { None, Global, Product, Api, Operation, Fragment };

// Where a node of an effective (merged) policy came from.
struct PolicyOrigin
{
    PolicyScope scope = PolicyScope::None;
    // The document's name as the user knows it (file path or workspace entry), and for
    // fragments the fragment id.
    QString document;
    QString fragmentId;

    friend bool operator==(const PolicyOrigin &, const PolicyOrigin &) = default;
};

QString policyScopeName(PolicyScope scope); // "global", "product", "api", "operation", "fragment"
PolicyScope policyScopeFromName(const QString &name);
