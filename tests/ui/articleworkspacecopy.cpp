// SPDX-License-Identifier: GPL-3.0-or-later
#include "articleworkspacecopy.h"

#include "documentanalyzer.h"
#include "mainwindow.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <chrono>

using namespace std::chrono_literals;

ArticleWorkspaceCopy::~ArticleWorkspaceCopy() = default;

QString ArticleWorkspaceCopy::open(KSyntaxHighlighting::Repository &repository)
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory: %1").arg(m_dir.errorString());
    const QString source = QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/");
    if (!QDir().mkpath(path(QStringLiteral("article"))))
        return QStringLiteral("cannot create %1").arg(path(QStringLiteral("article")));
    for (const QString &file : {QStringLiteral("article-step2.apimws"),
                                QStringLiteral("article/global.xml"),
                                apiFile(),
                                operationFile()}) {
        if (!QFile::copy(source + file, path(file)))
            return QStringLiteral("cannot copy %1").arg(file);
    }
    m_window = std::make_unique<MainWindow>(repository);
    m_window->resize(1500, 950);
    m_window->analyzer()->setDelay(20ms);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return QStringLiteral("the window was not exposed");
    if (!m_window->openFile(path(QStringLiteral("article-step2.apimws"))))
        return QStringLiteral("the workspace did not open");
    return {};
}
