// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/httpurl.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <array>
#include <memory>
#include <utility>

// Parsed URLs by their text, for one thread's policy executions: a request names the same few
// backend and service URLs over and over, and parsing them with QUrl was about 14% of the
// gateway's CPU per request. Likewise a rewrite-uri target, the same text for every request of an
// operation (QUrlQuery about 3% of the instructions per request). Bounded: when full it starts
// over, so varied URLs (query strings) cost at most a parse each, as without it. Not thread-safe:
// one per worker thread.
class UrlParseCache final
{
public:
    explicit UrlParseCache(qsizetype capacity = 256)
        : m_capacity(capacity)
    {}

    // A backend base URL (service URL, set-backend-service) taken apart as a request URL takes
    // it: QUrl makes a new string for each part it is asked for.
    struct Base
    {
        bool absolute = false; // with a host
        QString scheme;
        QString host;
        int port = 443; // the scheme's default when the URL names none
        QString path;   // percent-encoded
    };

    QUrl parse(const QString &text);
    // A request URL of the context model as a QUrl, what parse(url.toString()) gives. Its last
    // few answers are kept by the URL's parts: forward-request converts the same URL for every
    // request, and comparing the parts costs a tenth of writing the URL out and looking it up.
    QUrl url(const HttpUrl &url);
    Base base(const QString &text);
    // A rewrite-uri target (its parameters filled in) taken apart: the path, and the query fully
    // decoded into a map that a request URL's query takes over (HeaderMap::assign) without
    // copying while nothing changes it.
    struct RewriteTarget
    {
        QString path;
        std::shared_ptr<const HeaderMap> query;
    };
    RewriteTarget rewriteTarget(const QString &target);
    qsizetype size() const { return m_urls.size() + m_bases.size() + m_rewrites.size(); }

private:
    struct RecentUrl
    {
        HttpUrl parts; // a copy, sharing the strings and the query list
        QUrl url;
        bool matches(const HttpUrl &url) const;
    };

    qsizetype m_capacity;
    // A few, so alternating backends (failover) do not evict each other.
    std::array<RecentUrl, 4> m_recentUrls;
    qsizetype m_nextRecent = 0;
    QHash<QString, QUrl> m_urls;
    QHash<QString, Base> m_bases;
    QHash<QString, RewriteTarget> m_rewrites;
};
