// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"

#include <QList>
#include <QString>

// A recorded run: the traces of its requests as JSON lines (one RequestTrace object per line, the
// format --trace writes), so a run can be saved, opened later, replayed and compared.
class TraceRecording
{
public:
    struct ReadResult
    {
        QList<RequestTrace> traces;
        // Empty on success, else "FILE:LINE: what is wrong".
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    static QByteArray toJsonLines(const QList<RequestTrace> &traces);
    // Blank lines are skipped; the first malformed line stops the read and is named.
    static ReadResult fromJsonLines(const QByteArray &data, const QString &fileName);

    static bool save(const QString &path, const QList<RequestTrace> &traces, QString *error);
    static ReadResult load(const QString &path);
};
