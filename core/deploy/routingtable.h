// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Multi-region routing with failover, as data: for each gateway region (matched against
// context.Deployment.Region, case-insensitively) its backends in priority order, how long an
// outage is remembered, and which backend answers count as failures. RoutingPolicyGenerator turns
// it into the API policy the article writes by hand for two regions.
struct RoutingTable
{
    struct Backend
    {
        // Names cache keys and variables: [A-Za-z0-9._-].
        QString name;
        QString baseUrl; // literal URL or {{named value}}
        friend bool operator==(const Backend &, const Backend &) = default;
    };

    struct Region
    {
        QString name;            // as context.Deployment.Region reports it, e.g. "West Europe"
        QList<Backend> backends; // nearest first
        friend bool operator==(const Region &, const Region &) = default;
    };

    // Inclusive range of backend status codes that count as a failure.
    struct StatusRange
    {
        int from = 500;
        int to = 599;
        friend bool operator==(const StatusRange &, const StatusRange &) = default;
    };

    // APIM's retry allows at most 50 retries, so at most 51 backends per region.
    static constexpr int maxBackendsPerRegion = 51;

    // The first region is also the fallback for a gateway region the table does not list.
    QList<Region> regions;
    int outageSeconds = 10;
    QList<StatusRange> failureStatuses = {StatusRange{}};

    // Every backend once, in order of first appearance.
    QList<Backend> backends() const;
    int maxBackendsInRegion() const;
    // Empty when the generator can use the table.
    QList<Diagnostic> validate() const;

    QJsonObject toJson() const;
    // Problems are reported with their JSON path; what could be read is returned.
    static RoutingTable fromJson(const QJsonObject &json, QList<Diagnostic> *diagnostics = nullptr);

    friend bool operator==(const RoutingTable &, const RoutingTable &) = default;
};
