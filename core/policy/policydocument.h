// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policynode.h"

#include <QList>
#include <QString>

// A parsed policy file: a <policies> document, a <fragment>, or a snippet whose root is a single
// policy element. nodes holds everything at top level in order (XML declaration, comments,
// whitespace, the root element), so the writer can reproduce the file byte for byte.
struct PolicyDocument
{
    enum class Kind { Policies, Fragment, Snippet };

    Kind kind = Kind::Policies;
    QList<PolicyNode> nodes;
    qsizetype rootIndex = -1;
    bool hasByteOrderMark = false;

    bool isValid() const { return rootIndex >= 0 && rootIndex < nodes.size(); }
    const PolicyNode &root() const { return nodes.at(rootIndex); }
    PolicyNode &root() { return nodes[rootIndex]; }
    // For Kind::Policies: the section element (inbound, backend, outbound, on-error), or null.
    const PolicyNode *section(QStringView sectionName) const;
    PolicyNode *section(QStringView sectionName);

    static const QList<QString> &sectionNames(); // inbound, backend, outbound, on-error

    // The element whose start tag begins at offset, or null: a stable handle for an element
    // across edits that leave the text before it alone (e.g. a diagram node's element).
    const PolicyNode *elementStartingAt(qsizetype offset) const;
    // The elements enclosing node (which must belong to this document), outermost first; empty
    // for a top-level node or one not found.
    QList<const PolicyNode *> ancestors(const PolicyNode &node) const;

    friend bool operator==(const PolicyDocument &, const PolicyDocument &) = default;
};
