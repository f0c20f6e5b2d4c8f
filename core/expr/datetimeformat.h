// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QDateTime>
#include <QString>

// .NET DateTime/DateTimeOffset/TimeSpan text conversions with the invariant culture, which is what
// the APIM gateway uses: standard formats ("R", "o", "s", "u", "G" ...) and custom patterns
// ("yyyy-MM-ddTHH:mm:ssZ"). Hand-written because QDateTime's patterns differ from .NET's (ddd vs
// ddd, 'fffffff', 'K', 'zzz', standard one-letter formats).
class DateTimeFormat
{
public:
    static constexpr qint64 TicksPerMillisecond = 10000;
    static constexpr qint64 TicksPerSecond = 10000000;
    static constexpr qint64 TicksPerMinute = 600000000;
    static constexpr qint64 TicksPerDay = 864000000000;
    static constexpr qint64 UnixEpochTicks = 621355968000000000;

    static qint64 ticksFromDateTime(const QDateTime &dateTime);
    static QDateTime dateTimeFromTicks(qint64 ticks);
    // Null string when the format is not valid (.NET throws FormatException).
    static QString format(qint64 ticks,
                          Value::DateKind kind,
                          qint32 offsetMinutes,
                          bool isOffset,
                          const QString &format);
    static QString formatTimeSpan(qint64 ticks);
    // Accepts ISO 8601 (with or without offset), RFC 1123 and "MM/dd/yyyy HH:mm:ss".
    static bool parse(const QString &text, qint64 *ticks, Value::DateKind *kind, qint32 *offset);
    static bool parseTimeSpan(const QString &text, qint64 *ticks);
    static void components(qint64 ticks, int *year, int *month, int *day, int *dayOfWeek);
    static qint64 ticksFromComponents(int year, int month, int day, int h, int m, int s, int ms);
};
