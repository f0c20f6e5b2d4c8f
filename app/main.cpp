// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("apim-designer"));
    QApplication::setOrganizationName(QStringLiteral("apim-designer"));
    MainWindow window;
    window.show();
    return app.exec();
}
