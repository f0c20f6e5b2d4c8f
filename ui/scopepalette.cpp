// SPDX-License-Identifier: GPL-3.0-or-later
#include "scopepalette.h"

QColor ScopePalette::color(PolicyScope scope)
{
    switch (scope) {
    case PolicyScope::Global:
        return QColor(0x75, 0x75, 0x75);
    case PolicyScope::Product:
        return QColor(0xc2, 0x7c, 0x0e);
    case PolicyScope::Api:
        return QColor(0x1f, 0x6f, 0xb5);
    case PolicyScope::Operation:
        return QColor(0x2e, 0x8b, 0x57);
    case PolicyScope::Fragment:
        return QColor(0x8e, 0x44, 0xad);
    case PolicyScope::None:
        break;
    }
    return {};
}

QColor ScopePalette::background(PolicyScope scope, const QColor &base)
{
    const QColor tint = color(scope);
    if (!tint.isValid())
        return {};
    // 22% of the scope colour over the base: visible as a band, text stays readable.
    constexpr qreal alpha = 0.22;
    return QColor::fromRgbF(base.redF() * (1 - alpha) + tint.redF() * alpha,
                            base.greenF() * (1 - alpha) + tint.greenF() * alpha,
                            base.blueF() * (1 - alpha) + tint.blueF() * alpha);
}

QString ScopePalette::scopeLabel(PolicyScope scope)
{
    switch (scope) {
    case PolicyScope::Global:
        return tr("Global");
    case PolicyScope::Product:
        return tr("Product");
    case PolicyScope::Api:
        return tr("API");
    case PolicyScope::Operation:
        return tr("Operation");
    case PolicyScope::Fragment:
        return tr("Fragment");
    case PolicyScope::None:
        break;
    }
    return {};
}

QString ScopePalette::originLabel(const PolicyOrigin &origin)
{
    if (origin.scope == PolicyScope::Fragment && !origin.fragmentId.isEmpty())
        return tr("Fragment: %1").arg(origin.fragmentId);
    return tr("%1: %2").arg(scopeLabel(origin.scope), origin.document);
}
