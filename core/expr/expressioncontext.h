// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"
#include "scriptdictionary.h"
#include "scriptrecord.h"
#include "value.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

// The APIM `context` object as data: the engine fills and mutates it between policies, compiled
// expressions read it. Parts that APIM reports as null are null pointers here (response before the
// first forward, user/subscription for anonymous calls, product without subscription, lastError
// outside on-error). Also carries the evaluation limits and the injectable clock.
class ExpressionContext
{
public:
    ExpressionContext();
    // With the given Deployment, Api and Operation records (non-null).
    ExpressionContext(std::shared_ptr<ScriptRecord> deployment,
                      std::shared_ptr<ScriptRecord> api,
                      std::shared_ptr<ScriptRecord> operation);

    std::shared_ptr<HttpMessage> request;
    std::shared_ptr<HttpMessage> response;
    std::shared_ptr<ScriptDictionary> variables;
    // Properties: Region, ServiceName, ServiceId, GatewayId.
    std::shared_ptr<ScriptRecord> deployment;
    // Source, Reason, Message, Scope, Section, Path, PolicyId (null outside on-error).
    std::shared_ptr<ScriptRecord> lastError;
    // Id, Name, Path, Version, Revision, IsCurrentRevision, ServiceUrl (HttpUrl), Protocols.
    std::shared_ptr<ScriptRecord> api;
    std::shared_ptr<ScriptRecord> operation; // Id, Name, Method, UrlTemplate
    std::shared_ptr<ScriptRecord> product;   // Id, Name, ... (null without product)
    std::shared_ptr<ScriptRecord> subscription;
    std::shared_ptr<ScriptRecord> user;
    // Guid "D" form, made when first asked for (ensureRequestId): a request served without
    // traces whose policies never read context.RequestId needs none.
    QString requestId;
    QDateTime timestamp;
    bool tracing = false;

    const QString &ensureRequestId();

    // Now (UTC); DateTime.UtcNow, DateTime.Now and context.Elapsed read it.
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
    // Receives context.Trace(message).
    std::function<void(const QString &)> traceSink;

    // Limits that end runaway expressions with an evaluation error.
    qint64 stepBudget = 2000000;
    int recursionLimit = 200;
    qsizetype maxStringLength = 16 * 1024 * 1024;
    qsizetype maxCollectionSize = 1000000;

    // Convenience for the engine and tests.
    void setVariable(const QString &name, const Value &value) { variables->set(name, value); }
    // context.Deployment of this local gateway at region.
    static std::shared_ptr<ScriptRecord> makeDeployment(const QString &region);
    static std::shared_ptr<ScriptRecord> makeLastError(const QString &source,
                                                       const QString &reason,
                                                       const QString &message,
                                                       const QString &scope,
                                                       const QString &section,
                                                       const QString &path,
                                                       const QString &policyId);
};
