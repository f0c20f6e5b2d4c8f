// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

// Parsed URLs by their text, for one thread's policy executions: a request names the same few
// backend and service URLs over and over, and parsing them with QUrl was about 14% of the
// gateway's CPU per request. Bounded: when full it starts over, so varied URLs (query strings)
// cost at most a parse each, as without it. Not thread-safe: one per worker thread.
class UrlParseCache final
{
public:
    explicit UrlParseCache(qsizetype capacity = 256)
        : m_capacity(capacity)
    {}

    QUrl parse(const QString &text);
    qsizetype size() const { return m_urls.size(); }

private:
    qsizetype m_capacity;
    QHash<QString, QUrl> m_urls;
};
