// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "traceevent.h"

#include <QList>
#include <QString>

// Everything that happened to one request at the gateway: what came in, each policy step, and what
// went out. Recorded runs are lists of these (JSON lines).
struct RequestTrace
{
    quint64 sequence = 0;
    QString requestId;
    QString region;
    QString method;
    QString url;
    qint64 startedAtMs = 0; // wall clock, ms since the epoch
    qint64 durationUs = 0;
    int status = 0;
    // The backend that produced the response ("" when none did, e.g. return-response).
    QString servedBy;
    int attempts = 0;
    QString errorReason;
    QList<TraceEvent> events;

    QJsonObject toJson() const;
    // Appends toJson() as a compact JSON line (newline included), without building it.
    void appendJsonLine(QByteArray &out) const;
    static RequestTrace fromJson(const QJsonObject &json);

    friend bool operator==(const RequestTrace &, const RequestTrace &) = default;
};
