// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// One file of an export, before it is written: its path relative to the export folder ('/'
// separated, as in the APIOps layout) and its exact bytes.
struct ExportFile
{
    QString path;
    QByteArray content;

    friend bool operator==(const ExportFile &, const ExportFile &) = default;
};
