// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headermap.h"
#include "httpurl.h"
#include "messagebody.h"
#include "scriptobject.h"

#include <QString>

#include <memory>

// context.Request, context.Response, and the IResponse objects send-request stores in variables.
// The engine fills and mutates these; expressions read them. body is null when the message has
// none (as in APIM, dereferencing it then raises NullReferenceException).
class HttpMessage final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Message;
    enum class Role { Request, Response };

    // A response's request-only members (IResponse has no Url, OriginalUrl or MatchedParameters)
    // stay null: every proxied request makes one response message. A request's four parts
    // share one allocation (their pointers alias it) instead of making one each.
    explicit HttpMessage(Role role)
        : ScriptObject(Kind::Message)
        , role(role)
    {
        if (role == Role::Request) {
            const auto parts = std::make_shared<RequestParts>();
            url = std::shared_ptr<HttpUrl>(parts, &parts->url);
            originalUrl = std::shared_ptr<HttpUrl>(parts, &parts->originalUrl);
            matchedParameters = std::shared_ptr<HeaderMap>(parts, &parts->matchedParameters);
            headers = std::shared_ptr<HeaderMap>(parts, &parts->headers);
        } else {
            headers = std::make_shared<HeaderMap>(true);
        }
    }

    QString typeName() const override
    {
        return role == Role::Request ? QStringLiteral("IRequest") : QStringLiteral("IResponse");
    }

    Role role;
    // Request
    QString method = QStringLiteral("GET");
    std::shared_ptr<HttpUrl> url;
    std::shared_ptr<HttpUrl> originalUrl;
    QString ipAddress;
    std::shared_ptr<HeaderMap> matchedParameters;
    // Response
    int statusCode = 200;
    QString statusReason = QStringLiteral("OK");
    // Both
    std::shared_ptr<HeaderMap> headers;
    std::shared_ptr<MessageBody> body;

private:
    struct RequestParts
    {
        HttpUrl url;
        HttpUrl originalUrl;
        HeaderMap matchedParameters{true, true};
        HeaderMap headers{true};
    };
};
