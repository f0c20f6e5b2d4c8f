// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A loopback backend that answers only when the test says so: lets a test see which requests
// are in flight together, and pick the order in which they complete.
#include "http/httpserver.h"

#include <QMutex>
#include <QStringList>

#include <map>

class HeldBackend
{
public:
    HeldBackend()
    {
        HttpServer::Options options;
        options.workerCount = 1;
        m_server.setOptions(options);
        m_server.setHandler([this](HttpRequest request, HttpResponder responder) {
            const QMutexLocker lock(&m_mutex);
            const QString path = QString::fromLatin1(request.path());
            m_arrivals.append(path);
            m_waiting.emplace(path, responder);
        });
    }

    bool start() { return m_server.listen(); }
    QString url(const QString &path) const { return m_server.url().toString() + path; }

    QStringList arrivals() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_arrivals;
    }

    // Answers the request that arrived for path (on the server's worker thread).
    void answer(const QString &path, int status, const QByteArray &body = {})
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_waiting.find(path);
        if (it == m_waiting.end())
            return;
        const HttpResponder responder = it->second;
        m_waiting.erase(it);
        if (!responder.context())
            return; // the client gave up on it
        QMetaObject::invokeMethod(
                responder.context(),
                [responder, status, body] {
                    HttpResponse response(status, body);
                    responder.respond(std::move(response));
                },
                Qt::QueuedConnection);
    }

private:
    mutable QMutex m_mutex;
    QStringList m_arrivals;
    std::multimap<QString, HttpResponder> m_waiting;
    // Last, so it is destroyed first: its worker stops before the handler's state is gone.
    HttpServer m_server;
};
