// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("APIM Policy Designer"));
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;
