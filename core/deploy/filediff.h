// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/diffline.h"

#include <QList>
#include <QString>

// How one file differs between two sides (left: e.g. the workspace, right: e.g. a folder): its
// status and, for text that exists on both sides and differs, the line diff.
struct FileDiff
{
    enum class Status { Unchanged, Added, Removed, Changed };

    QString path;
    Status status = Status::Unchanged;
    // Every line of the file on the side(s) where it exists (Added: all Added, and so on).
    QList<DiffLine> lines;

    friend bool operator==(const FileDiff &, const FileDiff &) = default;
};
