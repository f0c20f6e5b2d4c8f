// SPDX-License-Identifier: GPL-3.0-or-later
#include "policytextchange.h"

QString PolicyTextChange::applyTo(QString text) const
{
    for (const Edit &edit : edits)
        text.replace(edit.offset, edit.length, edit.replacement);
    return text;
}

PolicyTextChange PolicyTextChange::failure(const QString &error)
{
    PolicyTextChange change;
    change.error = error;
    return change;
}
