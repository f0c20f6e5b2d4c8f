// SPDX-License-Identifier: GPL-3.0-or-later
#include "urlparsecache.h"

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
