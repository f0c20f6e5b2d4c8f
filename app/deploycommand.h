// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QIODevice;

// The deploy side of the command line:
//   export WORKSPACE --format xml|apiops|bicep [--effective] --out DIR   lint, then write the files
//   import (--apiops DIR | --policy FILE --scope S [--id ID] [--operation OP]) --out WORKSPACE
//   lint WORKSPACE                                         the export lint alone
// Exit codes as the other subcommands: 0 success, 1 errors in the input, 2 unreadable or bad usage.
class DeployCommand
{
public:
    DeployCommand(QIODevice *out, QIODevice *err);

    // arguments: the program and subcommand as one first element, then the subcommand's own.
    int exportWorkspace(const QStringList &arguments);
    int importPolicies(const QStringList &arguments);
    int lint(const QStringList &arguments);

private:
    void print(QIODevice *device, const QString &text);
    // Prints the diagnostics; returns whether any is an error.
    bool report(const QList<struct Diagnostic> &diagnostics, const QString &fallbackFile = {});

    QIODevice *m_out;
    QIODevice *m_err;
};
