// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class PolicyEditor;
class QActionGroup;

// View > Theme: follow the system palette (light or dark) or pick one of KSyntaxHighlighting's
// themes, grouped light then dark. The choice is kept in QSettings ("editor/theme") and applied
// to the editor at once and on the next start.
class ThemeMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeMenu)

public:
    static constexpr const char *settingsKey = "editor/theme";

    // Applies the saved choice to editor.
    explicit ThemeMenu(PolicyEditor *editor, QWidget *parent = nullptr);

    void chooseTheme(const QString &name);

private:
    void addThemes(bool dark);

    PolicyEditor *m_editor;
    QActionGroup *m_group;
};
