// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <deque>

// Requests per second, latency percentiles and which backend served them, per second of wall time
// and over the whole run, for the load runner and the live plots. Latencies go into logarithmic
// histograms (2 % wide buckets) rather than lists, so memory stays fixed at any request rate and a
// percentile costs one pass over a few hundred counters.
class RunStatistics
{
public:
    struct Second
    {
        qint64 startMs = 0; // wall clock, a multiple of 1000
        int requests = 0;
        int failures = 0; // no answer, or a status of 500 and above
        double p50Ms = 0;
        double p95Ms = 0;
        double p99Ms = 0;
        QMap<QString, int> byBackend; // "" for requests no backend served
    };

    explicit RunStatistics(int keepSeconds = 300);

    void record(qint64 atMs, qint64 latencyUs, int status, const QString &servedBy);
    void clear();

    qint64 total() const { return m_total; }
    qint64 failures() const { return m_failures; }
    // Over everything recorded since the last clear(); 0 when nothing was.
    double percentileMs(double percentile) const;
    // The newest keepSeconds seconds that saw requests, oldest first.
    QList<Second> seconds() const;
    QStringList backends() const { return m_backends; }

    static bool isFailure(int status) { return status == 0 || status >= 500; }

private:
    static constexpr int bucketCount = 800;
    using Histogram = std::array<quint32, bucketCount>;
    struct Bucket
    {
        qint64 startMs = 0;
        int requests = 0;
        int failures = 0;
        Histogram latencies{};
        QMap<QString, int> byBackend;
    };

    static int bucketOf(qint64 latencyUs);
    static double percentileOf(const Histogram &histogram, qint64 count, double percentile);
    Bucket &bucketFor(qint64 secondStartMs);

    int m_keepSeconds;
    std::deque<Bucket> m_seconds;
    Histogram m_overall{};
    qint64 m_total = 0;
    qint64 m_failures = 0;
    QStringList m_backends;
};
