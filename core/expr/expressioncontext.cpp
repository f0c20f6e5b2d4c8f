// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncontext.h"

#include <QUuid>

ExpressionContext::ExpressionContext()
    : request(std::make_shared<HttpMessage>(HttpMessage::Role::Request))
    , variables(std::make_shared<ScriptDictionary>(QStringLiteral(
              "System.Collections.Generic.IReadOnlyDictionary`2[System.String,System.Object]")))
    , deployment(std::make_shared<ScriptRecord>(QStringLiteral("IDeployment")))
    , api(std::make_shared<ScriptRecord>(QStringLiteral("IApi")))
    , operation(std::make_shared<ScriptRecord>(QStringLiteral("IOperation")))
    , requestId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , timestamp(QDateTime::currentDateTimeUtc())
{
    // Four fields each (PolicyExecution fills the API and operation ones) for every request: one
    // allocation per record instead of three regrowths.
    deployment->reserve(4);
    api->reserve(4);
    operation->reserve(4);
    deployment->set(QStringLiteral("Region"), Value::fromString(QStringLiteral("West US")));
    deployment->set(QStringLiteral("ServiceName"), Value::fromString(QStringLiteral("apim-local")));
    deployment->set(QStringLiteral("ServiceId"), Value::fromString(QStringLiteral("apim-local")));
    deployment->set(QStringLiteral("GatewayId"), Value::fromString(QStringLiteral("managed")));
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
