// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

#include <optional>

// Where to connect for an origin, like a hosts-file entry: "https://hello-eus.azurewebsites.net"
// can be sent to "http://127.0.0.1:PORT" (plain HTTP) while the request keeps its own URL and Host
// header. Unmapped http:// origins connect to themselves; unmapped https:// ones cannot be
// reached, since the gateway speaks no TLS.
class HttpAddressMap
{
public:
    struct Endpoint
    {
        QString host;
        quint16 port = 0;
        friend bool operator==(const Endpoint &, const Endpoint &) = default;
    };

    // origin: scheme://host[:port] (any path is ignored); target: http://host:port.
    void insert(const QUrl &origin, const QUrl &target);
    void remove(const QUrl &origin);
    void clear() { m_entries.clear(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }

    // The endpoint for url's origin, or nullopt when it cannot be reached.
    std::optional<Endpoint> resolve(const QUrl &url) const;

    // "https://hello-eus.azurewebsites.net:443": scheme and host lower-cased, port explicit.
    static QString originKey(const QUrl &url);

    friend bool operator==(const HttpAddressMap &, const HttpAddressMap &) = default;

private:
    QHash<QString, Endpoint> m_entries;
};
