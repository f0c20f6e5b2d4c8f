// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// A structural edit of a policy document expressed as text replacements, so an editor can apply
// it as one undoable step and keep every other character the user wrote. Computed by
// PolicyTextEditor.
struct PolicyTextChange
{
    struct Edit
    {
        qsizetype offset = 0; // in the original text
        qsizetype length = 0; // characters replaced (0: a pure insertion)
        QString replacement;

        friend bool operator==(const Edit &, const Edit &) = default;
    };

    // Non-overlapping, ordered from the end of the text to its start: applying them in list order
    // keeps every offset valid.
    QList<Edit> edits;
    // Where the inserted, moved or edited element starts in the text after the change; -1 when
    // the change removed it or failed.
    qsizetype elementOffset = -1;
    // Why the change cannot be made (edits are then empty).
    QString error;

    bool ok() const { return error.isEmpty(); }
    QString applyTo(QString text) const;

    static PolicyTextChange failure(const QString &error);
};
