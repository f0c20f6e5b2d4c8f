// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

// One value in the gateway's value cache (cache-store-value), as the views show it.
struct CacheEntry
{
    // The region whose cache holds it; empty when the cache is shared by all regions.
    QString partition;
    QString key;
    // The stored value with its type kept (a bool stored by value="@(true)" reads back as a bool).
    QVariant value;
    QString displayValue;
    qint64 storedAtMs = 0;
    qint64 expiresAtMs = 0;

    qint64 remainingMs(qint64 nowMs) const { return qMax<qint64>(0, expiresAtMs - nowMs); }
    bool isExpired(qint64 nowMs) const { return nowMs >= expiresAtMs; }
};
