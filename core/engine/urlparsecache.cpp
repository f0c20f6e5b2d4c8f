// SPDX-License-Identifier: GPL-3.0-or-later
#include "urlparsecache.h"

#include <QUrlQuery>

QUrl UrlParseCache::parse(const QString &text)
{
    const auto it = m_urls.constFind(text);
    if (it != m_urls.constEnd())
        return it.value();
    if (m_urls.size() >= m_capacity)
        m_urls.clear();
    const QUrl url(text);
    m_urls.insert(text, url);
    return url;
}

UrlParseCache::Base UrlParseCache::base(const QString &text)
{
    const auto it = m_bases.constFind(text);
    if (it != m_bases.constEnd())
        return it.value();
    if (m_bases.size() >= m_capacity)
        m_bases.clear();
    const QUrl url = parse(text);
    Base base;
    base.absolute = url.isValid() && !url.host().isEmpty();
    base.scheme = url.scheme();
    base.host = url.host();
    base.port = url.port(base.scheme == u"http" ? 80 : 443);
    base.path = url.path(QUrl::FullyEncoded);
    m_bases.insert(text, base);
    return base;
}

UrlParseCache::QueryItems UrlParseCache::queryItems(const QString &query)
{
    const auto it = m_queries.constFind(query);
    if (it != m_queries.constEnd())
        return it.value();
    if (m_queries.size() >= m_capacity)
        m_queries.clear();
    const QueryItems items
            = query.isEmpty() ? QueryItems() : QUrlQuery(query).queryItems(QUrl::FullyDecoded);
    m_queries.insert(query, items);
    return items;
}
