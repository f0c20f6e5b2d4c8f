// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headermap.h"
#include "scriptobject.h"

#include <QString>
#include <QUrl>

#include <memory>

// IUrl of the context model: context.Request.Url / OriginalUrl, context.Api.ServiceUrl.
// Always owned by a shared_ptr: Query hands scripts a pointer into it.
class HttpUrl final
    : public ScriptObject
    , public std::enable_shared_from_this<HttpUrl>
{
public:
    static constexpr Kind staticKind = Kind::Url;

    HttpUrl()
        : ScriptObject(Kind::Url)
    {}

    static std::shared_ptr<HttpUrl> fromUrl(const QUrl &url);

    QString typeName() const override { return QStringLiteral("IUrl"); }

    QString scheme;
    QString host;
    int port = 443;
    QString path = QStringLiteral("/");
    // A member, not a separate allocation: every request makes two URLs.
    HeaderMap &query() { return m_query; }
    const HeaderMap &query() const { return m_query; }
    // url's query as a script object, keeping url (and what owns it) alive while a script
    // holds it.
    static std::shared_ptr<HeaderMap> sharedQuery(const std::shared_ptr<HttpUrl> &url);
    // "?a=1&b=2" or "" (leading '?' included, values percent-encoded).
    QString queryString() const;
    // scheme://host[:port]/path?query, the port omitted when it is the scheme's default.
    QString toString() const;
    std::shared_ptr<HttpUrl> clone() const;
    // Makes this a copy of other.
    void assign(const HttpUrl &other);

private:
    HeaderMap m_query{false};
};
