// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracerecording.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

QByteArray TraceRecording::toJsonLines(const QList<RequestTrace> &traces)
{
    QByteArray out;
    for (const RequestTrace &trace : traces)
        trace.appendJsonLine(out);
    return out;
}

TraceRecording::ReadResult TraceRecording::fromJsonLines(const QByteArray &data,
                                                         const QString &fileName)
{
    ReadResult result;
    int lineNumber = 0;
    for (const QByteArray &line : data.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            const QString why = parseError.error != QJsonParseError::NoError
                                        ? parseError.errorString()
                                        : QStringLiteral("not a JSON object");
            result.error = QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNumber).arg(why);
            result.traces.clear();
            return result;
        }
        result.traces.append(RequestTrace::fromJson(document.object()));
    }
    return result;
}

bool TraceRecording::save(const QString &path, const QList<RequestTrace> &traces, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJsonLines(traces)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

TraceRecording::ReadResult TraceRecording::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult result;
        result.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return result;
    }
    return fromJsonLines(file.readAll(), path);
}
