// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httprequest.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

// One request as the gateway matched it: what came in, at which regional front-end, for which
// API and operation.
struct ExecutionInput
{
    // Where the request runs: what context.Deployment, Api and Operation are made of, and so what
    // RequestContextCache keeps them by.
    struct Route
    {
        QString region;
        QString apiId;
        QString apiName;
        QString apiPath;
        QString serviceUrl;
        QString operationId;
        QString operationName;
        QString operationMethod;
        QString operationTemplate;

        friend bool operator==(const Route &, const Route &) = default;
    };

    HttpRequest request;
    Route route;
    // scheme://host:port of the front-end that received it (context.Request.OriginalUrl).
    QUrl frontEndUrl;
    // The path after the API suffix, where rewrite-uri and forward-request start from.
    QString operationPath;
    QHash<QString, QString> matchedParameters;
    // Query names the operation template declares: copy-unmatched-params does not copy these.
    QStringList templateQueryNames;
};
