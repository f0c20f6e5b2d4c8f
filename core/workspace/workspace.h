// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/routingtable.h"
#include "policy/diagnostic.h"

#include <QList>
#include <QString>

#include <optional>

// Everything a demo needs, as stored in a workspace file (*.apimws, JSON): the policy scopes, APIs
// and operations, fragments, named values, backends with their pools and circuit breakers, the
// simulated regions, mock backends and the map from real backend origins to local addresses. A
// value type; the nested structs are plain aggregates of the file's objects.
struct Workspace
{
    static constexpr int currentVersion = 1;

    // A policy document: its XML text, and the file it lives in (relative to the workspace file),
    // empty when stored inline in the workspace.
    struct PolicySource
    {
        QString file;
        QString xml;

        bool isEmpty() const { return xml.trimmed().isEmpty(); }
        friend bool operator==(const PolicySource &, const PolicySource &) = default;
    };

    struct Operation
    {
        QString id;
        QString name;
        QString method = QStringLiteral("GET");
        QString urlTemplate = QStringLiteral("/");
        PolicySource policy;
        friend bool operator==(const Operation &, const Operation &) = default;
    };

    struct Api
    {
        QString id;
        QString name;
        // URL suffix after the gateway host ("" for the root), as APIM's "API URL suffix".
        QString path;
        // APIM's "Web service URL": the backend base URL before any set-backend-service.
        QString serviceUrl;
        QList<QString> products;
        QList<Operation> operations;
        PolicySource policy;
        friend bool operator==(const Api &, const Api &) = default;
    };

    struct Product
    {
        QString id;
        QString name;
        PolicySource policy;
        friend bool operator==(const Product &, const Product &) = default;
    };

    struct Fragment
    {
        QString id;
        QString description;
        PolicySource policy;
        friend bool operator==(const Fragment &, const Fragment &) = default;
    };

    struct NamedValue
    {
        QString name;
        QString value;
        bool secret = false;
        friend bool operator==(const NamedValue &, const NamedValue &) = default;
    };

    // APIM backend entity circuit-breaker rule.
    struct CircuitBreaker
    {
        int failureCount = 0;      // trip after this many failures within interval (0: unused)
        int failurePercentage = 0; // or this percentage of calls within interval (0: unused)
        int intervalSeconds = 60;
        QList<QPair<int, int>> statusRanges = {{500, 599}};
        int tripDurationSeconds = 60;
        bool acceptRetryAfter = false;
        friend bool operator==(const CircuitBreaker &, const CircuitBreaker &) = default;
    };

    struct PoolMember
    {
        QString backendId;
        int priority = 1;
        int weight = 1;
        friend bool operator==(const PoolMember &, const PoolMember &) = default;
    };

    struct Backend
    {
        enum class Type { Single, Pool };
        QString id;
        Type type = Type::Single;
        QString url;
        QList<PoolMember> members;
        bool hasCircuitBreaker = false;
        CircuitBreaker circuitBreaker;
        friend bool operator==(const Backend &, const Backend &) = default;
    };

    struct Region
    {
        QString name;
        // 0: an ephemeral port chosen when the gateway starts.
        int port = 0;
        friend bool operator==(const Region &, const Region &) = default;
    };

    struct MockBackend
    {
        enum class Mode { Healthy, Status, Latency, Hang, Refuse, Flap };
        QString name;
        QString region;
        int port = 0;
        Mode mode = Mode::Healthy;
        int status = 200;  // Status, and the failing status of Flap
        int latencyMs = 0; // Latency (added to every answer)
        int flapEvery = 0; // Flap: every Nth call fails
        int flapForMs = 0; // Flap: or fail for this long, then recover
        friend bool operator==(const MockBackend &, const MockBackend &) = default;
    };

    // Connect-time address mapping, like a hosts-file entry: the policy still sees origin.
    struct BackendMapping
    {
        QString origin; // e.g. https://hello-eus.azurewebsites.net
        QString target; // http://127.0.0.1:PORT, or mock:NAME for a mock backend
        friend bool operator==(const BackendMapping &, const BackendMapping &) = default;
    };

    enum class CacheMode { PerRegion, Shared };

    // The routing table an API's policy is generated from (RoutingPolicyGenerator). The table is
    // the source of truth while the user keeps generating; the API's policy text is what runs.
    struct Routing
    {
        QString apiId;
        RoutingTable table;
        friend bool operator==(const Routing &, const Routing &) = default;
    };

    int version = currentVersion;
    QString name;
    QString description;
    PolicySource global;
    QList<Product> products;
    QList<Api> apis;
    QList<Fragment> fragments;
    QList<NamedValue> namedValues;
    QList<Backend> backends;
    QList<Region> regions;
    QList<MockBackend> mocks;
    QList<BackendMapping> backendMap;
    CacheMode cacheMode = CacheMode::PerRegion;
    std::optional<Routing> routing;

    const NamedValue *namedValue(const QString &valueName) const;
    const Api *api(const QString &apiId) const;
    const Fragment *fragment(const QString &fragmentId) const;
    const Backend *backend(const QString &backendId) const;

    // Replaces the routed API's policy with the one generated from the routing table. Returns the
    // table's problems (and changes nothing) when it cannot be generated.
    QList<Diagnostic> generateRoutedPolicy();

    friend bool operator==(const Workspace &, const Workspace &) = default;
};
