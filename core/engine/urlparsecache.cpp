// SPDX-License-Identifier: GPL-3.0-or-later
#include "urlparsecache.h"

#include "expr/headermap.h"

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

bool UrlParseCache::RecentUrl::matches(const HttpUrl &other) const
{
    return !url.isEmpty() && parts.port == other.port && parts.host == other.host
           && parts.path == other.path && parts.scheme == other.scheme
           && parts.query().entries() == other.query().entries();
}

QUrl UrlParseCache::url(const HttpUrl &url)
{
    for (const RecentUrl &recent : m_recentUrls) {
        if (recent.matches(url))
            return recent.url;
    }
    RecentUrl &slot = m_recentUrls[size_t(m_nextRecent)];
    m_nextRecent = (m_nextRecent + 1) % qsizetype(m_recentUrls.size());
    slot.parts.assign(url);
    slot.url = parse(url.toString());
    return slot.url;
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

UrlParseCache::RewriteTarget UrlParseCache::rewriteTarget(const QString &target)
{
    const auto it = m_rewrites.constFind(target);
    if (it != m_rewrites.constEnd())
        return it.value();
    if (m_rewrites.size() >= m_capacity)
        m_rewrites.clear();
    const qsizetype question = target.indexOf(u'?');
    RewriteTarget rewrite;
    rewrite.path = question < 0 ? target : target.left(question);
    auto query = std::make_shared<HeaderMap>(false);
    if (question >= 0) {
        const QUrlQuery parsed(target.mid(question + 1));
        for (const auto &[name, value] : parsed.queryItems(QUrl::FullyDecoded))
            query->append(name, value);
    }
    rewrite.query = std::move(query);
    m_rewrites.insert(target, rewrite);
    return rewrite;
}
