// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadrunner.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

// QNetworkAccessManager opens at most six connections per host; more concurrency needs more
// managers.
constexpr int connectionsPerManager = 6;
constexpr int publishIntervalMs = 100;

} // namespace

LoadRunner::LoadRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<LoadRunner::Result>>();
    m_pumpTimer.setInterval(2);
    connect(&m_pumpTimer, &QTimer::timeout, this, &LoadRunner::pump);
    m_publishTimer.setInterval(publishIntervalMs);
    connect(&m_publishTimer, &QTimer::timeout, this, &LoadRunner::publish);
}

LoadRunner::~LoadRunner()
{
    m_cancelling = true;
    for (QNetworkReply *reply : std::as_const(m_inFlight))
        reply->abort();
}

bool LoadRunner::start(const Settings &settings)
{
    if (m_running) {
        m_error = tr("a run is already going");
        return false;
    }
    if (settings.requests.isEmpty() || settings.concurrency < 1
        || (settings.durationMs <= 0 && settings.total < 1) || settings.ratePerSecond < 0) {
        m_error = tr("nothing to send: give at least one request, a count or a duration, and a "
                     "concurrency of 1 or more");
        return false;
    }
    for (const Request &request : settings.requests) {
        if (!request.url.isValid() || request.url.scheme() != u"http") {
            m_error = tr("not an http URL: %1").arg(request.url.toString());
            return false;
        }
    }
    m_settings = settings;
    m_error.clear();
    m_sent = m_completed = m_failed = 0;
    m_statistics.clear();
    m_pendingResults.clear();
    const int managersNeeded
            = (settings.concurrency + connectionsPerManager - 1) / connectionsPerManager;
    while (int(m_managers.size()) < managersNeeded) {
        auto *manager = new QNetworkAccessManager(this);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_managers.push_back(manager);
    }
    m_running = true;
    m_cancelling = false;
    m_elapsed.start();
    m_pumpTimer.start();
    m_publishTimer.start();
    pump();
    return true;
}

void LoadRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelling = true;
    const QList<QNetworkReply *> inFlight = m_inFlight;
    for (QNetworkReply *reply : inFlight)
        reply->abort();
    finish(true);
}

int LoadRunner::expectedTotal() const
{
    if (m_settings.durationMs > 0)
        return m_running ? 0 : m_sent;
    return m_settings.total;
}

double LoadRunner::elapsedSeconds() const
{
    return m_elapsed.isValid() ? double(m_elapsed.nsecsElapsed()) / 1e9 : 0;
}

QString LoadRunner::backendOf(QNetworkReply *reply, const QByteArray &body)
{
    const QByteArray header = reply->rawHeader("X-Backend");
    if (!header.isEmpty())
        return QString::fromUtf8(header);
    if (!body.startsWith('{'))
        return {};
    return QJsonDocument::fromJson(body).object().value(QLatin1String("backend")).toString();
}

void LoadRunner::pump()
{
    while (mayStartAnother())
        send();
    const bool doneSending = m_settings.durationMs > 0
                                     ? m_elapsed.elapsed() >= m_settings.durationMs
                                     : m_sent >= m_settings.total;
    if (doneSending && m_inFlight.isEmpty())
        finish(false);
}

bool LoadRunner::mayStartAnother() const
{
    if (!m_running || m_cancelling || m_inFlight.size() >= m_settings.concurrency)
        return false;
    if (m_settings.durationMs > 0) {
        if (m_elapsed.elapsed() >= m_settings.durationMs)
            return false;
    } else if (m_sent >= m_settings.total) {
        return false;
    }
    if (m_settings.ratePerSecond <= 0)
        return true;
    const double due = double(m_elapsed.nsecsElapsed()) / 1e9 * m_settings.ratePerSecond;
    return double(m_sent) < due + 1.0;
}

void LoadRunner::send()
{
    const int index = m_sent++;
    const Request &r = m_settings.requests.at(index % m_settings.requests.size());
    QNetworkRequest request(r.url);
    request.setTransferTimeout(m_settings.timeoutMs);
    for (const auto &[name, value] : r.headers)
        request.setRawHeader(name, value);
    QNetworkAccessManager *manager = m_managers.at(size_t(index) % m_managers.size());
    QNetworkReply *reply = manager->sendCustomRequest(request, r.method, r.body);
    m_inFlight.append(reply);
    const qint64 sentAtUs = m_elapsed.nsecsElapsed() / 1000;
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, sentAtUs] {
        onReplyFinished(reply, index, sentAtUs);
    });
}

void LoadRunner::onReplyFinished(QNetworkReply *reply, int index, qint64 sentAtUs)
{
    m_inFlight.removeOne(reply);
    reply->deleteLater();
    if (m_cancelling || !m_running)
        return;
    Result result;
    result.index = index;
    result.latencyUs = m_elapsed.nsecsElapsed() / 1000 - sentAtUs;
    result.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (result.status == 0)
        result.error = reply->errorString();
    result.servedBy = backendOf(reply, result.body);
    ++m_completed;
    m_failed += RunStatistics::isFailure(result.status) ? 1 : 0;
    m_statistics.record(result.finishedAtMs, result.latencyUs, result.status, result.servedBy);
    m_pendingResults.append(std::move(result));
    pump();
}

void LoadRunner::publish()
{
    if (!m_pendingResults.isEmpty()) {
        QList<Result> batch;
        batch.swap(m_pendingResults);
        Q_EMIT resultsReady(batch);
    }
    Q_EMIT progress(m_completed, expectedTotal());
}

void LoadRunner::finish(bool cancelled)
{
    m_pumpTimer.stop();
    m_publishTimer.stop();
    m_running = false;
    publish();
    m_cancelling = false;
    Q_EMIT finished(cancelled);
}
