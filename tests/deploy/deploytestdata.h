// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"
#include "workspace/workspaceserializer.h"

#include <QDir>
#include <QMetaType>
#include <QStringList>

Q_DECLARE_METATYPE(Workspace)

// Workspaces shared by the deploy tests.
namespace DeployTestData {

inline QString bundledDir()
{
    return QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces");
}

inline QStringList bundledWorkspaces()
{
    QStringList paths;
    const QDir dir(bundledDir());
    for (const QString &file : dir.entryList({QStringLiteral("*.apimws")}, QDir::Files))
        paths.append(dir.filePath(file));
    return paths;
}

inline Workspace loadBundled(const QString &path)
{
    return WorkspaceSerializer::load(path).workspace;
}

inline const QString secretValue()
{
    return QStringLiteral("s3cr3t-function-key");
}

// Products, APIs with operations, fragments and named values (one secret), in tolerant XML.
inline Workspace richWorkspace()
{
    Workspace w;
    w.name = QStringLiteral("rich");
    w.global.xml = QStringLiteral(
            "<policies>\n    <inbound>\n        <include-fragment fragment-id=\"correlation\" />\n"
            "    </inbound>\n    <backend>\n        <forward-request />\n    </backend>\n"
            "    <outbound />\n    <on-error />\n</policies>\n");
    Workspace::Product starter{QStringLiteral("starter"), QStringLiteral("Starter"), {}};
    starter.policy.xml = QStringLiteral(
            "<policies>\n    <inbound>\n        <base />\n"
            "        <quota calls=\"100\" renewal-period=\"3600\" />\n    </inbound>\n"
            "    <backend>\n        <base />\n    </backend>\n    <outbound>\n        <base />\n"
            "    </outbound>\n    <on-error>\n        <base />\n    </on-error>\n</policies>\n");
    w.products = {starter, {QStringLiteral("unlimited"), QStringLiteral("Unlimited"), {}}};

    Workspace::Api orders;
    orders.id = QStringLiteral("orders");
    orders.name = QStringLiteral("Orders API");
    orders.path = QStringLiteral("orders");
    orders.serviceUrl = QStringLiteral("https://orders.example.com");
    orders.products = {QStringLiteral("starter"), QStringLiteral("unlimited")};
    orders.policy.xml = QStringLiteral(
            "<policies>\n    <inbound>\n        <base />\n"
            "        <set-header name=\"x-key\" exists-action=\"override\">\n"
            "            <value>{{orders-key}}</value>\n        </set-header>\n"
            "        <set-backend-service base-url=\"{{orders-url}}\" />\n    </inbound>\n"
            "    <backend>\n        <base />\n    </backend>\n    <outbound>\n        <base />\n"
            "    </outbound>\n    <on-error>\n        <base />\n    </on-error>\n</policies>\n");
    Workspace::Operation get;
    get.id = QStringLiteral("get-order");
    get.name = QStringLiteral("Get order");
    get.method = QStringLiteral("GET");
    get.urlTemplate = QStringLiteral("/orders/{id}");
    get.policy.xml = QStringLiteral(
            "<policies>\n    <inbound>\n        <base />\n"
            "        <choose>\n            <when condition=\"@(context.Request.Headers."
            "GetValueOrDefault(\"x-mode\", \"\") == \"fast\" && true)\">\n"
            "                <set-variable name=\"fast\" value=\"@(true)\" />\n"
            "            </when>\n        </choose>\n        <rate-limit calls=\"10\" "
            "renewal-period=\"60\" />\n    </inbound>\n    <backend>\n        <base />\n"
            "    </backend>\n    <outbound>\n        <base />\n    </outbound>\n"
            "    <on-error>\n        <base />\n    </on-error>\n</policies>\n");
    Workspace::Operation create;
    create.id = QStringLiteral("create-order");
    create.name = QStringLiteral("Create order");
    create.method = QStringLiteral("POST");
    create.urlTemplate = QStringLiteral("/orders");
    orders.operations = {get, create};

    Workspace::Api health;
    health.id = QStringLiteral("health");
    health.name = QStringLiteral("Health");
    health.path = QStringLiteral("health");
    health.serviceUrl = QStringLiteral("https://health.example.com");
    w.apis = {orders, health};

    Workspace::Fragment correlation{
            QStringLiteral("correlation"), QStringLiteral("Adds a correlation id"), {}};
    correlation.policy.xml = QStringLiteral(
            "<fragment>\n    <set-header name=\"x-correlation-id\" exists-action=\"skip\">\n"
            "        <value>@(context.RequestId.ToString())</value>\n    </set-header>\n"
            "</fragment>\n");
    w.fragments = {correlation};
    w.namedValues
            = {{QStringLiteral("orders-url"), QStringLiteral("https://orders.example.com"), false},
               {QStringLiteral("orders-key"), secretValue(), true}};
    Workspace::Backend eus;
    eus.id = QStringLiteral("eus");
    eus.url = QStringLiteral("https://hello-eus.azurewebsites.net");
    eus.hasCircuitBreaker = true;
    eus.circuitBreaker.failureCount = 3;
    eus.circuitBreaker.intervalSeconds = 90;
    eus.circuitBreaker.statusRanges = {{404, 404}, {500, 599}};
    eus.circuitBreaker.acceptRetryAfter = true;
    Workspace::Backend weu;
    weu.id = QStringLiteral("weu");
    weu.url = QStringLiteral("https://hello-weu.azurewebsites.net");
    Workspace::Backend pool;
    pool.id = QStringLiteral("pool");
    pool.type = Workspace::Backend::Type::Pool;
    pool.members = {{QStringLiteral("eus"), 1, 3}, {QStringLiteral("weu"), 2, 1}};
    w.backends = {eus, weu, pool};
    return w;
}

} // namespace DeployTestData
