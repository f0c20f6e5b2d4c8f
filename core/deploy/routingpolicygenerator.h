// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/routingtable.h"
#include "policy/diagnostic.h"

#include <QList>
#include <QString>

// Writes the API policy for a routing table: the article's steps 2 and 3 generalised to N regions
// and any number of backends per region. Inbound looks up every backend's remembered outage
// (cache-lookup-value), then picks the first backend of the gateway's region
// (context.Deployment.Region) not remembered as down; if all are, it forgets and tries them all.
// Backend wraps forward-request in retry: a failed answer stores the backend's outage for
// outageSeconds (cache-store-value) and fails over to the next backend of the region's order
// until none is left. Outbound forgets the outage of a backend that answered (the article's
// step 2). Expressions stay within the article's C# subset: comparisons, &&, ||, !, casts of
// context.Variables, GetValueOrDefault<bool> and String.Equals with a StringComparison.
class RoutingPolicyGenerator
{
public:
    struct Result
    {
        QString xml;
        QList<Diagnostic> diagnostics; // the table's problems; xml is empty when there are any
    };

    static Result generate(const RoutingTable &table);

    // The variable and cache key naming a backend's remembered outage.
    static QString outageKey(const QString &backendName);
};
