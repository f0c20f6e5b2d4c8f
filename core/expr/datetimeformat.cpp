// SPDX-License-Identifier: GPL-3.0-or-later
#include "datetimeformat.h"

#include <QRegularExpression>
#include <QTimeZone>

static const char *const s_dayNames[]
        = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
static const char *const s_monthNames[] = {"January",
                                           "February",
                                           "March",
                                           "April",
                                           "May",
                                           "June",
                                           "July",
                                           "August",
                                           "September",
                                           "October",
                                           "November",
                                           "December"};

static qint64 epochDay()
{
    return QDate(1, 1, 1).toJulianDay();
}

qint64 DateTimeFormat::ticksFromDateTime(const QDateTime &dateTime)
{
    return dateTime.toMSecsSinceEpoch() * TicksPerMillisecond + UnixEpochTicks;
}

QDateTime DateTimeFormat::dateTimeFromTicks(qint64 ticks)
{
    return QDateTime::fromMSecsSinceEpoch((ticks - UnixEpochTicks) / TicksPerMillisecond,
                                          QTimeZone::utc());
}

void DateTimeFormat::components(qint64 ticks, int *year, int *month, int *day, int *dayOfWeek)
{
    const QDate date = QDate::fromJulianDay(epochDay() + ticks / TicksPerDay);
    *year = date.year();
    *month = date.month();
    *day = date.day();
    *dayOfWeek = date.dayOfWeek() % 7;
}

qint64 DateTimeFormat::ticksFromComponents(
        int year, int month, int day, int h, int m, int s, int ms)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        return -1;
    return (date.toJulianDay() - epochDay()) * TicksPerDay + h * 60 * TicksPerMinute
           + m * TicksPerMinute + s * TicksPerSecond + ms * TicksPerMillisecond;
}

static QString pad(qint64 v, int width)
{
    return QString::number(v).rightJustified(width, u'0');
}

static QString offsetText(qint32 minutes, int digits)
{
    const QChar sign = minutes < 0 ? u'-' : u'+';
    const int a = qAbs(minutes);
    if (digits == 1)
        return sign + QString::number(a / 60);
    if (digits == 2)
        return sign + pad(a / 60, 2);
    return sign + pad(a / 60, 2) + u':' + pad(a % 60, 2);
}

static QString customFormat(
        qint64 ticks, Value::DateKind kind, qint32 offset, bool isOffset, const QString &f)
{
    int year, month, day, dow;
    DateTimeFormat::components(ticks, &year, &month, &day, &dow);
    const qint64 tod = ((ticks % DateTimeFormat::TicksPerDay) + DateTimeFormat::TicksPerDay)
                       % DateTimeFormat::TicksPerDay;
    const int hour = int(tod / (60 * DateTimeFormat::TicksPerMinute));
    const int minute = int(tod / DateTimeFormat::TicksPerMinute % 60);
    const int second = int(tod / DateTimeFormat::TicksPerSecond % 60);
    const qint64 fraction = tod % DateTimeFormat::TicksPerSecond;
    QString out;
    qsizetype i = 0;
    while (i < f.size()) {
        const QChar c = f.at(i);
        qsizetype n = 1;
        while (i + n < f.size() && f.at(i + n) == c)
            ++n;
        switch (c.unicode()) {
        case 'd':
            if (n == 1 || n == 2)
                out += n == 1 ? QString::number(day) : pad(day, 2);
            else if (n == 3)
                out += QLatin1String(s_dayNames[dow]).left(3);
            else
                out += QLatin1String(s_dayNames[dow]);
            break;
        case 'M':
            if (n <= 2)
                out += n == 1 ? QString::number(month) : pad(month, 2);
            else if (n == 3)
                out += QLatin1String(s_monthNames[month - 1]).left(3);
            else
                out += QLatin1String(s_monthNames[month - 1]);
            break;
        case 'y':
            if (n == 1)
                out += QString::number(year % 100);
            else if (n == 2)
                out += pad(year % 100, 2);
            else
                out += pad(year, int(n));
            break;
        case 'h':
            out += pad(hour % 12 == 0 ? 12 : hour % 12, n >= 2 ? 2 : 1);
            break;
        case 'H':
            out += pad(hour, n >= 2 ? 2 : 1);
            break;
        case 'm':
            out += pad(minute, n >= 2 ? 2 : 1);
            break;
        case 's':
            out += pad(second, n >= 2 ? 2 : 1);
            break;
        case 'f':
        case 'F': {
            if (n > 7)
                return QString();
            QString digits = pad(fraction, 7).left(n);
            if (c == u'F') {
                while (digits.endsWith(u'0'))
                    digits.chop(1);
                if (digits.isEmpty() && out.endsWith(u'.'))
                    out.chop(1);
            }
            out += digits;
            break;
        }
        case 't':
            out += n == 1 ? QString(hour < 12 ? u'A' : u'P')
                          : (hour < 12 ? QStringLiteral("AM") : QStringLiteral("PM"));
            break;
        case 'z':
            out += offsetText(isOffset ? offset : 0, int(qMin<qsizetype>(n, 3)));
            break;
        case 'K':
            if (isOffset)
                out += offsetText(offset, 3);
            else if (kind == Value::DateKind::Utc)
                out += u'Z';
            else if (kind == Value::DateKind::Local)
                out += offsetText(0, 3);
            n = 1;
            break;
        case '\'':
        case '"': {
            const qsizetype end = f.indexOf(c, i + 1);
            if (end < 0)
                return QString();
            out += f.mid(i + 1, end - i - 1);
            n = end - i + 1;
            break;
        }
        case '\\':
            if (i + 1 < f.size())
                out += f.at(i + 1);
            n = 2;
            break;
        default:
            out += QString(n, c);
            break;
        }
        i += n;
    }
    return out;
}

QString DateTimeFormat::format(
        qint64 ticks, Value::DateKind kind, qint32 offset, bool isOffset, const QString &fmt)
{
    if (fmt.size() == 1) {
        const qint64 utcTicks = isOffset ? ticks - offset * TicksPerMinute : ticks;
        switch (fmt.at(0).unicode()) {
        case 'R':
        case 'r':
            return customFormat(utcTicks,
                                kind,
                                0,
                                false,
                                QStringLiteral("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"));
        case 'o':
        case 'O':
            return customFormat(ticks,
                                kind,
                                offset,
                                isOffset,
                                QStringLiteral("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"));
        case 's':
            return customFormat(
                    ticks, kind, offset, isOffset, QStringLiteral("yyyy'-'MM'-'dd'T'HH':'mm':'ss"));
        case 'u':
            return customFormat(
                    utcTicks, kind, 0, false, QStringLiteral("yyyy'-'MM'-'dd HH':'mm':'ss'Z'"));
        case 'd':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("MM/dd/yyyy"));
        case 'D':
            return customFormat(
                    ticks, kind, offset, isOffset, QStringLiteral("dddd, dd MMMM yyyy"));
        case 't':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("HH:mm"));
        case 'T':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("HH:mm:ss"));
        case 'g':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("MM/dd/yyyy HH:mm"));
        case 'G':
            return customFormat(
                    ticks, kind, offset, isOffset, QStringLiteral("MM/dd/yyyy HH:mm:ss"));
        case 'f':
            return customFormat(
                    ticks, kind, offset, isOffset, QStringLiteral("dddd, dd MMMM yyyy HH:mm"));
        case 'F':
            return customFormat(
                    ticks, kind, offset, isOffset, QStringLiteral("dddd, dd MMMM yyyy HH:mm:ss"));
        case 'M':
        case 'm':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("MMMM dd"));
        case 'Y':
        case 'y':
            return customFormat(ticks, kind, offset, isOffset, QStringLiteral("yyyy MMMM"));
        default:
            return QString();
        }
    }
    if (fmt.isEmpty()) {
        const QString base = customFormat(
                ticks, kind, offset, isOffset, QStringLiteral("MM/dd/yyyy HH:mm:ss"));
        return isOffset ? base + u' ' + offsetText(offset, 3) : base;
    }
    return customFormat(ticks, kind, offset, isOffset, fmt);
}

QString DateTimeFormat::formatTimeSpan(qint64 ticks)
{
    QString out;
    if (ticks < 0) {
        out += u'-';
        ticks = -ticks;
    }
    const qint64 days = ticks / TicksPerDay;
    const qint64 rest = ticks % TicksPerDay;
    if (days)
        out += QString::number(days) + u'.';
    out += pad(rest / (60 * TicksPerMinute), 2) + u':' + pad(rest / TicksPerMinute % 60, 2) + u':'
           + pad(rest / TicksPerSecond % 60, 2);
    if (rest % TicksPerSecond)
        out += u'.' + pad(rest % TicksPerSecond, 7);
    return out;
}

bool DateTimeFormat::parse(const QString &input,
                           qint64 *ticks,
                           Value::DateKind *kind,
                           qint32 *offset)
{
    const QString text = input.trimmed();
    static const QRegularExpression iso(QStringLiteral(
            R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$)"));
    static const QRegularExpression us(
            QStringLiteral(
                    R"(^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$)"),
            QRegularExpression::CaseInsensitiveOption);
    *offset = 0;
    *kind = Value::DateKind::Unspecified;
    QRegularExpressionMatch m = iso.match(text);
    if (m.hasMatch()) {
        qint64 t = ticksFromComponents(m.captured(1).toInt(),
                                       m.captured(2).toInt(),
                                       m.captured(3).toInt(),
                                       m.captured(4).toInt(),
                                       m.captured(5).toInt(),
                                       m.captured(6).toInt(),
                                       0);
        if (t < 0 || m.captured(4).toInt() > 23 || m.captured(5).toInt() > 59)
            return false;
        if (!m.captured(7).isEmpty())
            t += m.captured(7).leftJustified(7, u'0').toLongLong();
        const QString zone = m.captured(8);
        if (zone == u"Z") {
            *kind = Value::DateKind::Utc;
        } else if (!zone.isEmpty()) {
            const QString digits = QString(zone).remove(u':');
            const int minutes = digits.mid(1, 2).toInt() * 60 + digits.mid(3, 2).toInt();
            *offset = zone.startsWith(u'-') ? -minutes : minutes;
            *kind = Value::DateKind::Local;
        }
        *ticks = t;
        return true;
    }
    m = us.match(text);
    if (m.hasMatch()) {
        int hour = m.captured(4).toInt();
        const QString ampm = m.captured(7).toUpper();
        if (ampm == u"PM" && hour < 12)
            hour += 12;
        if (ampm == u"AM" && hour == 12)
            hour = 0;
        const qint64 t = ticksFromComponents(m.captured(3).toInt(),
                                             m.captured(1).toInt(),
                                             m.captured(2).toInt(),
                                             hour,
                                             m.captured(5).toInt(),
                                             m.captured(6).toInt(),
                                             0);
        if (t < 0)
            return false;
        *ticks = t;
        return true;
    }
    const QDateTime rfc = QDateTime::fromString(text, Qt::RFC2822Date);
    if (rfc.isValid()) {
        *ticks = ticksFromDateTime(rfc);
        *kind = Value::DateKind::Utc;
        return true;
    }
    return false;
}

bool DateTimeFormat::parseTimeSpan(const QString &input, qint64 *ticks)
{
    static const QRegularExpression re(QStringLiteral(
            R"(^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$)"));
    const QRegularExpressionMatch m = re.match(input);
    if (!m.hasMatch())
        return false;
    qint64 t = m.captured(2).toLongLong() * TicksPerDay
               + m.captured(3).toLongLong() * 60 * TicksPerMinute
               + m.captured(4).toLongLong() * TicksPerMinute
               + m.captured(5).toLongLong() * TicksPerSecond;
    if (!m.captured(6).isEmpty())
        t += m.captured(6).leftJustified(7, u'0').toLongLong();
    *ticks = m.captured(1).isEmpty() ? t : -t;
    return true;
}
