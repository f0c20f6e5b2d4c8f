// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QJsonObject>

// A workspace backend as the APIOps extractor's backends/<id>/backendInformation.json holds it:
// the ARM resource {"name", "properties": {url, protocol, type, pool.services, circuitBreaker}},
// durations in ISO 8601 ("PT60S").
class ApiOpsBackendJson
{
public:
    static QJsonObject toJson(const Workspace::Backend &backend);
    static Workspace::Backend fromJson(const QJsonObject &json, const QString &fallbackId);

    // Seconds of an ISO 8601 duration such as "PT1M30S" or "P1D"; -1 when it is not one.
    static int seconds(const QString &duration);
};
