// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpaddressmap.h"

namespace {
int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}
} // namespace

void HttpAddressMap::insert(const QUrl &origin, const QUrl &target)
{
    const QString scheme = target.scheme().toLower();
    m_entries.insert(originKey(origin),
                     Endpoint{target.host(), quint16(target.port(defaultPort(scheme)))});
}

void HttpAddressMap::remove(const QUrl &origin)
{
    m_entries.remove(originKey(origin));
}

std::optional<HttpAddressMap::Endpoint> HttpAddressMap::resolve(const QUrl &url) const
{
    if (!m_entries.isEmpty()) {
        const auto it = m_entries.constFind(originKey(url));
        if (it != m_entries.cend())
            return *it;
    }
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0
        || url.host().isEmpty())
        return std::nullopt;
    return Endpoint{url.host(), quint16(url.port(80))};
}

QString HttpAddressMap::originKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme + QLatin1String("://") + url.host().toLower() + u':'
           + QString::number(url.port(defaultPort(scheme)));
}
