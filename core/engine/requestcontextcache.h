// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "executioninput.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

class HttpUrl;
class ScriptRecord;
class UrlParseCache;

// The parts of a request's APIM context that repeat from request to request on one worker thread:
// the Deployment, Api and Operation records of an operation at a region, the parsed OriginalUrl
// of a request target, and the client address as text (the same for every request of a
// connection). Building them (QUrl parsing, a dozen strings and records) cost
// about a tenth of a proxied request's instructions. The records are shared by the executions that
// get them: nothing changes them once built (the engine only reads them, expressions cannot write
// them). URLs are handed out to copy from, since the engine changes context.Request.Url.
// Bounded: when full it starts over. Not thread-safe: one per worker thread.
class RequestContextCache final
{
public:
    struct Records
    {
        std::shared_ptr<ScriptRecord> deployment;
        std::shared_ptr<ScriptRecord> api;
        std::shared_ptr<ScriptRecord> operation;
    };

    explicit RequestContextCache(qsizetype capacity = 64)
        : m_capacity(capacity)
    {}

    Records records(const ExecutionInput &input, UrlParseCache *urls);
    // The request's OriginalUrl, to copy from (HttpUrl::assign): never to be changed.
    std::shared_ptr<const HttpUrl> originalUrl(const ExecutionInput &input);

    // Records and URLs held.
    qsizetype size() const { return m_records.size() + m_urls.size(); }
    // context.Request.IpAddress.
    QString addressText(const QHostAddress &address);

    // Without a cache.
    static Records buildRecords(const ExecutionInput &input, UrlParseCache *urls);
    static std::shared_ptr<HttpUrl> buildOriginalUrl(const ExecutionInput &input);

private:
    struct UrlEntry
    {
        QUrl frontEnd;
        QByteArray target;
        std::shared_ptr<const HttpUrl> url;
    };
    qsizetype m_capacity;
    QList<std::pair<ExecutionInput::Route, Records>> m_records;
    QList<UrlEntry> m_urls;
    QHostAddress m_lastAddress;
    QString m_lastAddressText;
};
