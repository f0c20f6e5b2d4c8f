// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headermap.h"
#include "scriptobject.h"

#include <QString>
#include <QUrl>

#include <memory>

// IUrl of the context model: context.Request.Url / OriginalUrl, context.Api.ServiceUrl.
class HttpUrl final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Url;

    HttpUrl()
        : ScriptObject(Kind::Url)
        , m_query(std::make_shared<HeaderMap>(false))
    {}

    static std::shared_ptr<HttpUrl> fromUrl(const QUrl &url);

    QString typeName() const override { return QStringLiteral("IUrl"); }

    QString scheme;
    QString host;
    int port = 443;
    QString path = QStringLiteral("/");
    const std::shared_ptr<HeaderMap> &query() const { return m_query; }
    // "?a=1&b=2" or "" (leading '?' included, values percent-encoded).
    QString queryString() const;
    // scheme://host[:port]/path?query, the port omitted when it is the scheme's default.
    QString toString() const;
    std::shared_ptr<HttpUrl> clone() const;
    // Makes this a copy of other.
    void assign(const HttpUrl &other);

private:
    std::shared_ptr<HeaderMap> m_query;
};
