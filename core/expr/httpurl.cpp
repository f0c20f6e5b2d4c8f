// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpurl.h"

#include <QUrlQuery>

std::shared_ptr<HttpUrl> HttpUrl::fromUrl(const QUrl &url)
{
    auto u = std::make_shared<HttpUrl>();
    u->scheme = url.scheme();
    u->host = url.host();
    u->port = url.port(url.scheme() == u"http" ? 80 : 443);
    u->path = url.path(QUrl::FullyEncoded);
    if (u->path.isEmpty())
        u->path = QStringLiteral("/");
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        u->m_query->append(key, value);
    return u;
}

QString HttpUrl::queryString() const
{
    if (m_query->entries().isEmpty())
        return QStringLiteral(""); // the common case, built for every forwarded request
    QStringList parts;
    for (const auto &[name, values] : m_query->entries()) {
        for (const QString &v : values)
            parts.append(QString::fromUtf8(QUrl::toPercentEncoding(name)) + u'='
                         + QString::fromUtf8(QUrl::toPercentEncoding(v)));
    }
    return parts.isEmpty() ? QStringLiteral("") : u'?' + parts.join(u'&');
}

QString HttpUrl::toString() const
{
    const bool defaultPort
            = (scheme == u"https" && port == 443) || (scheme == u"http" && port == 80);
    QString s = scheme + QLatin1String("://") + host;
    if (!defaultPort)
        s += u':' + QString::number(port);
    return s + path + queryString();
}

std::shared_ptr<HttpUrl> HttpUrl::clone() const
{
    auto u = std::make_shared<HttpUrl>();
    u->scheme = scheme;
    u->host = host;
    u->port = port;
    u->path = path;
    for (const auto &[name, values] : m_query->entries())
        u->m_query->set(name, values);
    return u;
}
