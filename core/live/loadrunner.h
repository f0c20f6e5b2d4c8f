// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runstatistics.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

// Sends a batch of HTTP requests to the gateway (N requests, or for a duration) with bounded
// concurrency and an optional rate, measuring latency and which backend answered each. Results
// and progress are published in batches on a timer, so a fast run does not repaint per request.
class LoadRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadRunner)

public:
    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    struct Settings
    {
        // Sent in turn, cycling: one request for a plain load test, a recorded run for a replay.
        QList<Request> requests;
        int total = 100;          // ignored when durationMs is set
        qint64 durationMs = 0;    // send for this long instead of a fixed count
        int concurrency = 4;      // requests in flight at most
        double ratePerSecond = 0; // 0: as fast as the concurrency allows
        int timeoutMs = 10000;    // per request, since it was sent
    };

    struct Result
    {
        int index = 0;  // order of sending
        int status = 0; // 0: no answer (error says why)
        qint64 latencyUs = 0;
        qint64 finishedAtMs = 0; // wall clock
        QString servedBy;
        QString error;
        QByteArray body;
    };

    explicit LoadRunner(QObject *parent = nullptr);
    ~LoadRunner() override;

    // False (and nothing sent) when settings are unusable; errorString() says why.
    bool start(const Settings &settings);
    // Aborts what is in flight and sends nothing more; finished(true) follows.
    void cancel();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    int sent() const { return m_sent; }
    int completed() const { return m_completed; }
    int failed() const { return m_failed; }
    // 0 for a run by duration until it ends.
    int expectedTotal() const;
    double elapsedSeconds() const;
    const RunStatistics &statistics() const { return m_statistics; }

    // Which backend answered, from the mock's X-Backend header or its JSON echo.
    static QString backendOf(QNetworkReply *reply, const QByteArray &body);

Q_SIGNALS:
    void resultsReady(const QList<LoadRunner::Result> &batch);
    void progress(int completed, int expectedTotal);
    void finished(bool cancelled);

private:
    void pump();
    bool mayStartAnother() const;
    void send();
    void onReplyFinished(QNetworkReply *reply, int index, qint64 sentAtUs);
    void publish();
    void finish(bool cancelled);

    std::vector<QNetworkAccessManager *> m_managers;
    Settings m_settings;
    QTimer m_pumpTimer;
    QTimer m_publishTimer;
    QElapsedTimer m_elapsed;
    QList<QNetworkReply *> m_inFlight;
    QList<Result> m_pendingResults;
    RunStatistics m_statistics;
    bool m_running = false;
    bool m_cancelling = false;
    QString m_error;
    int m_sent = 0;
    int m_completed = 0;
    int m_failed = 0;
};
