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
