// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateway/gateway.h"
#include "workspace/workspace.h"

#include <QStringList>

#include <optional>

class QIODevice;

// "apim-designer serve": runs the embedded gateway headless until SIGINT/SIGTERM.
//   serve [WORKSPACE] [--global F] [--product F] [--api F] [--operation 'METHOD /tmpl=F']...
//         [--named-value NAME=VALUE]... [--region 'NAME=PORT']...
//         [--mock 'NAME=PORT[,status=N][,latency=MS]']... [--map-backend 'ORIGIN=LOCAL_URL']...
//         [--bind ADDR] [--cache per-region|shared] [--trace FILE|-]
//         [--max-connections N] [--workers N]
// Without --operation every request matches one catch-all operation. Needs a running
// QCoreApplication; returns the exit code.
class ServeCommand
{
public:
    ServeCommand(QIODevice *out, QIODevice *err);
    int run(const QStringList &arguments);

private:
    std::optional<Workspace> workspaceFrom(const QStringList &arguments,
                                           QString *bind,
                                           QString *tracePath,
                                           Gateway::Options *options);
    bool readPolicy(const QString &path, Workspace::PolicySource &source);
    void print(QIODevice *device, const QString &text);

    QIODevice *m_out;
    QIODevice *m_err;
};
