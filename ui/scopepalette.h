// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyscope.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

// One colour per policy scope, shared by the effective-policy view and the diagram's scope tags,
// so a policy looks the same wherever its origin is shown.
class ScopePalette
{
    Q_DECLARE_TR_FUNCTIONS(ScopePalette)

public:
    static QColor color(PolicyScope scope);
    // A light tint of color() readable behind text in both light and dark palettes.
    static QColor background(PolicyScope scope, const QColor &base);
    static QString scopeLabel(PolicyScope scope);
    // "API: article/02-cached-failover-api.xml", "Fragment: cors".
    static QString originLabel(const PolicyOrigin &origin);
};
