// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/diffline.h"

#include <QList>
#include <QStringList>

// A shortest line diff (Myers' O(ND) algorithm, "An O(ND) Difference Algorithm and Its
// Variations", 1986), the algorithm of diff and git. Hand-written because Qt has no diff; the
// Debian candidate (libdtl-dev, header-only) would add a build dependency to every set-up for
// the sixty lines below.
class LineDiff
{
public:
    static QList<DiffLine> compare(const QStringList &left, const QStringList &right);
    static QList<DiffLine> compare(const QString &left, const QString &right);
    // Lines without their terminators ("\n", "\r\n"); no empty last line for a final newline.
    static QStringList lines(const QString &text);
};
