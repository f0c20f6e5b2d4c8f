// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncontext.h"

#include <QUuid>

ExpressionContext::ExpressionContext()
    : ExpressionContext(makeDeployment(QStringLiteral("West US")),
                        std::make_shared<ScriptRecord>(QStringLiteral("IApi")),
                        std::make_shared<ScriptRecord>(QStringLiteral("IOperation")))
{}

ExpressionContext::ExpressionContext(std::shared_ptr<ScriptRecord> deployment,
                                     std::shared_ptr<ScriptRecord> api,
                                     std::shared_ptr<ScriptRecord> operation)
    : request(std::make_shared<HttpMessage>(HttpMessage::Role::Request))
    , variables(std::make_shared<ScriptDictionary>(QStringLiteral(
              "System.Collections.Generic.IReadOnlyDictionary`2[System.String,System.Object]")))
    , deployment(std::move(deployment))
    , api(std::move(api))
    , operation(std::move(operation))
    , timestamp(QDateTime::currentDateTimeUtc())
{}

const QString &ExpressionContext::ensureRequestId()
{
    if (requestId.isEmpty())
        requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return requestId;
}

std::shared_ptr<ScriptRecord> ExpressionContext::makeDeployment(const QString &region)
{
    auto deployment = std::make_shared<ScriptRecord>(QStringLiteral("IDeployment"));
    deployment->reserve(4);
    deployment->set(QStringLiteral("Region"), Value::fromString(region));
    deployment->set(QStringLiteral("ServiceName"), Value::fromString(QStringLiteral("apim-local")));
    deployment->set(QStringLiteral("ServiceId"), Value::fromString(QStringLiteral("apim-local")));
    deployment->set(QStringLiteral("GatewayId"), Value::fromString(QStringLiteral("managed")));
    return deployment;
}

std::shared_ptr<ScriptRecord> ExpressionContext::makeLastError(const QString &source,
                                                               const QString &reason,
                                                               const QString &message,
                                                               const QString &scope,
                                                               const QString &section,
                                                               const QString &path,
                                                               const QString &policyId)
{
    auto e = std::make_shared<ScriptRecord>(QStringLiteral("ILastError"));
    e->set(QStringLiteral("Source"), Value::fromString(source));
    e->set(QStringLiteral("Reason"), Value::fromString(reason));
    e->set(QStringLiteral("Message"), Value::fromString(message));
    e->set(QStringLiteral("Scope"), Value::fromString(scope));
    e->set(QStringLiteral("Section"), Value::fromString(section));
    e->set(QStringLiteral("Path"), Value::fromString(path));
    e->set(QStringLiteral("PolicyId"), Value::fromString(policyId));
    return e;
}
