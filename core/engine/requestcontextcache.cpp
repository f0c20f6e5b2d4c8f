// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestcontextcache.h"

#include "executioninput.h"
#include "urlparsecache.h"

#include "expr/expressioncontext.h"
#include "expr/httpurl.h"
#include "expr/scriptrecord.h"
#include "expr/value.h"

RequestContextCache::Records RequestContextCache::records(const ExecutionInput &input,
                                                          UrlParseCache *urls)
{
    // A linear scan: a gateway has a handful of operations per region, and comparing the strings
    // (shared with the workspace, so mostly the same data) is cheaper than hashing them.
    for (const auto &[route, records] : std::as_const(m_records)) {
        if (route == input.route)
            return records;
    }
    if (m_records.size() >= m_capacity)
        m_records.clear();
    m_records.append({input.route, buildRecords(input, urls)});
    return m_records.constLast().second;
}

std::shared_ptr<const HttpUrl> RequestContextCache::originalUrl(const ExecutionInput &input)
{
    for (const UrlEntry &entry : std::as_const(m_urls)) {
        if (entry.target == input.request.target && entry.frontEnd == input.frontEndUrl)
            return entry.url;
    }
    if (m_urls.size() >= m_capacity)
        m_urls.clear();
    std::shared_ptr<const HttpUrl> url = buildOriginalUrl(input);
    m_urls.append({input.frontEndUrl, input.request.target, url});
    return url;
}

QString RequestContextCache::addressText(const QHostAddress &address)
{
    if (address != m_lastAddress || m_lastAddressText.isNull()) {
        m_lastAddress = address;
        m_lastAddressText = address.toString();
    }
    return m_lastAddressText;
}

RequestContextCache::Records RequestContextCache::buildRecords(const ExecutionInput &input,
                                                               UrlParseCache *urls)
{
    Records records;
    records.deployment = ExpressionContext::makeDeployment(input.route.region);

    records.api = std::make_shared<ScriptRecord>(QStringLiteral("IApi"));
    records.api->reserve(4);
    records.api->set(QStringLiteral("Id"), Value::fromString(input.route.apiId));
    records.api->set(QStringLiteral("Name"), Value::fromString(input.route.apiName));
    records.api->set(QStringLiteral("Path"), Value::fromString(input.route.apiPath));
    const QUrl serviceUrl
            = urls ? urls->parse(input.route.serviceUrl) : QUrl(input.route.serviceUrl);
    records.api->set(QStringLiteral("ServiceUrl"), Value::fromObject(HttpUrl::fromUrl(serviceUrl)));

    records.operation = std::make_shared<ScriptRecord>(QStringLiteral("IOperation"));
    records.operation->reserve(4);
    records.operation->set(QStringLiteral("Id"), Value::fromString(input.route.operationId));
    records.operation->set(QStringLiteral("Name"), Value::fromString(input.route.operationName));
    records.operation->set(QStringLiteral("Method"),
                           Value::fromString(input.route.operationMethod));
    records.operation->set(QStringLiteral("UrlTemplate"),
                           Value::fromString(input.route.operationTemplate));
    return records;
}

std::shared_ptr<HttpUrl> RequestContextCache::buildOriginalUrl(const ExecutionInput &input)
{
    QUrl original = input.frontEndUrl;
    original.setPath(QUrl::fromPercentEncoding(input.request.path()), QUrl::DecodedMode);
    original.setQuery(QString::fromUtf8(input.request.query()));
    return HttpUrl::fromUrl(original);
}
