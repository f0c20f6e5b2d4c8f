// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QFile>

int main(int argc, char *argv[])
{
    if (CommandLine::handles(argc, argv)) {
        // Subcommands need no display.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("apim-designer"));
        QCoreApplication::setApplicationVersion(QStringLiteral(APIM_VERSION));
        QFile out;
        QFile err;
        out.open(stdout, QIODevice::WriteOnly);
        err.open(stderr, QIODevice::WriteOnly);
        return CommandLine(&out, &err).run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("apim-designer"));
    QApplication::setOrganizationName(QStringLiteral("apim-designer"));
    QApplication::setApplicationVersion(QStringLiteral(APIM_VERSION));
    MainWindow window;
    window.show();
    return app.exec();
}
