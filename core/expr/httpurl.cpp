// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpurl.h"

#include <QUrlQuery>

#include <algorithm>

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
        u->m_query.append(key, value);
    return u;
}

namespace {
bool isUnreserved(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'-' || c == u'.' || c == u'_' || c == u'~';
}

// What QUrl::toPercentEncoding gives, without its two conversions for the usual plain-ASCII
// names and values (this runs for every query parameter of every forwarded request).
void appendPercentEncoded(QString &out, const QString &text)
{
    if (std::all_of(text.cbegin(), text.cend(), isUnreserved))
        out += text;
    else
        out += QLatin1String(QUrl::toPercentEncoding(text));
}

void appendQuery(QString &out, const HeaderMap &query)
{
    QChar separator = u'?';
    for (const auto &[name, values] : query.entries()) {
        for (const QString &value : values) {
            out += separator;
            separator = u'&';
            appendPercentEncoded(out, name);
            out += u'=';
            appendPercentEncoded(out, value);
        }
    }
}
} // namespace

std::shared_ptr<HeaderMap> HttpUrl::sharedQuery(const std::shared_ptr<HttpUrl> &url)
{
    return std::shared_ptr<HeaderMap>(url, &url->m_query);
}

QString HttpUrl::queryString() const
{
    QString query;
    appendQuery(query, m_query);
    return query.isNull() ? QStringLiteral("") : query;
}

QString HttpUrl::toString() const
{
    const bool defaultPort
            = (scheme == u"https" && port == 443) || (scheme == u"http" && port == 80);
    QString s;
    s.reserve(scheme.size() + host.size() + path.size() + 64);
    s += scheme;
    s += QLatin1String("://");
    s += host;
    if (!defaultPort) {
        s += u':';
        s += QString::number(port);
    }
    s += path;
    appendQuery(s, m_query);
    return s;
}

std::shared_ptr<HttpUrl> HttpUrl::clone() const
{
    auto u = std::make_shared<HttpUrl>();
    u->assign(*this);
    return u;
}

void HttpUrl::assign(const HttpUrl &other)
{
    scheme = other.scheme;
    host = other.host;
    port = other.port;
    path = other.path;
    m_query.assign(other.m_query);
}
