// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class MainWindow;

namespace KSyntaxHighlighting {
class Repository;
}

// The article's step-2 workspace copied into a temporary directory, so that a test may save it and
// change its files on disk, and opened in a shown MainWindow (analysis delay 20 ms). The window
// goes before the directory.
class ArticleWorkspaceCopy final
{
    Q_DISABLE_COPY_MOVE(ArticleWorkspaceCopy)

public:
    // The policy files of the API and of its operation, relative to the workspace.
    static QString apiFile() { return QStringLiteral("article/02-cached-failover-api.xml"); }
    static QString operationFile() { return QStringLiteral("article/00-default-operation.xml"); }

    ArticleWorkspaceCopy() = default;
    ~ArticleWorkspaceCopy();

    // What went wrong, or an empty string when the window shows the workspace.
    QString open(KSyntaxHighlighting::Repository &repository);
    QString path(const QString &file) const { return m_dir.filePath(file); }
    MainWindow *window() const { return m_window.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};
