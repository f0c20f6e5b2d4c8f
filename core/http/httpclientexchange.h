// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpclientresult.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>

// One request in flight inside HttpClient: what a connection needs to send it, time it and
// report it, and what the client needs to send it again on a fresh connection.
struct HttpClientExchange
{
    using Clock = std::chrono::steady_clock;

    quint64 id = 0;
    QByteArray bytes; // the serialised request
    bool headRequest = false;
    QString endpointKey; // "host:port" actually connected to
    QString host;
    quint16 port = 0;
    Clock::time_point startedAt;
    Clock::time_point headersDeadline;
    std::chrono::milliseconds timeout{0};
    std::function<void(HttpClientResult)> callback;
};
