// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstatistics.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr double bucketGrowth = 1.02;

} // namespace

RunStatistics::RunStatistics(int keepSeconds)
    : m_keepSeconds(qMax(1, keepSeconds))
{}

void RunStatistics::record(qint64 atMs, qint64 latencyUs, int status, const QString &servedBy)
{
    const qint64 secondStartMs = atMs - atMs % 1000;
    const int index = bucketOf(latencyUs);
    const bool failed = isFailure(status);
    ++m_overall[size_t(index)];
    ++m_total;
    m_failures += failed ? 1 : 0;
    if (!m_backends.contains(servedBy))
        m_backends.append(servedBy);
    if (!m_seconds.empty() && secondStartMs < m_seconds.front().startMs)
        return; // older than what is kept: counted in the totals only
    Bucket &bucket = bucketFor(secondStartMs);
    ++bucket.requests;
    bucket.failures += failed ? 1 : 0;
    ++bucket.latencies[size_t(index)];
    ++bucket.byBackend[servedBy];
}

void RunStatistics::clear()
{
    m_seconds.clear();
    m_overall.fill(0);
    m_total = 0;
    m_failures = 0;
    m_backends.clear();
}

double RunStatistics::percentileMs(double percentile) const
{
    return percentileOf(m_overall, m_total, percentile);
}

QList<RunStatistics::Second> RunStatistics::seconds() const
{
    QList<Second> result;
    result.reserve(qsizetype(m_seconds.size()));
    for (const Bucket &bucket : m_seconds) {
        Second s;
        s.startMs = bucket.startMs;
        s.requests = bucket.requests;
        s.failures = bucket.failures;
        s.p50Ms = percentileOf(bucket.latencies, bucket.requests, 50);
        s.p95Ms = percentileOf(bucket.latencies, bucket.requests, 95);
        s.p99Ms = percentileOf(bucket.latencies, bucket.requests, 99);
        s.byBackend = bucket.byBackend;
        result.append(s);
    }
    return result;
}

int RunStatistics::bucketOf(qint64 latencyUs)
{
    if (latencyUs <= 1)
        return 0;
    const int index = int(std::log(double(latencyUs)) / std::log(bucketGrowth));
    return std::clamp(index, 0, bucketCount - 1);
}

double RunStatistics::percentileOf(const Histogram &histogram, qint64 count, double percentile)
{
    if (count <= 0)
        return 0;
    const qint64 rank = qMax<qint64>(1, qint64(std::ceil(double(count) * percentile / 100.0)));
    qint64 seen = 0;
    for (int i = 0; i < bucketCount; ++i) {
        seen += histogram[size_t(i)];
        if (seen >= rank) // the bucket's geometric middle, in ms
            return std::pow(bucketGrowth, double(i) + 0.5) / 1000.0;
    }
    return std::pow(bucketGrowth, double(bucketCount)) / 1000.0;
}

RunStatistics::Bucket &RunStatistics::bucketFor(qint64 secondStartMs)
{
    auto it = std::lower_bound(m_seconds.begin(),
                               m_seconds.end(),
                               secondStartMs,
                               [](const Bucket &b, qint64 start) { return b.startMs < start; });
    if (it != m_seconds.end() && it->startMs == secondStartMs)
        return *it;
    Bucket fresh;
    fresh.startMs = secondStartMs;
    it = m_seconds.insert(it, fresh);
    const qint64 offset = it - m_seconds.begin();
    if (qsizetype(m_seconds.size()) <= m_keepSeconds)
        return *it;
    m_seconds.pop_front();
    return m_seconds[size_t(qMax<qint64>(0, offset - 1))];
}
