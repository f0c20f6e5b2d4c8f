// SPDX-License-Identifier: GPL-3.0-or-later
#include "thememenu.h"

#include "policyeditor.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QActionGroup>
#include <QColor>
#include <QSettings>

ThemeMenu::ThemeMenu(PolicyEditor *editor, QWidget *parent)
    : QMenu(tr("&Theme"), parent)
    , m_editor(editor)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("ThemeMenu"));
    QAction *system = addAction(tr("Follow &System Palette"));
    system->setCheckable(true);
    system->setData(QString());
    m_group->addAction(system);
    addSection(tr("Light"));
    addThemes(false);
    addSection(tr("Dark"));
    addThemes(true);
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *action) {
        chooseTheme(action->data().toString());
    });

    const QString saved = QSettings().value(settingsKey).toString();
    const bool known = saved.isEmpty() || m_editor->repository().theme(saved).isValid();
    chooseTheme(known ? saved : QString());
}

void ThemeMenu::addThemes(bool dark)
{
    for (const KSyntaxHighlighting::Theme &theme : m_editor->repository().themes()) {
        // Theme::isDarkTheme() is newer than the 5.116 build Debian 12 uses.
        const bool isDark
                = QColor(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)).lightness()
                  < 128;
        if (isDark != dark)
            continue;
        QAction *action = addAction(theme.translatedName());
        action->setCheckable(true);
        action->setData(theme.name());
        m_group->addAction(action);
    }
}

void ThemeMenu::chooseTheme(const QString &name)
{
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == name);
    m_editor->setThemeName(name);
    QSettings settings;
    if (settings.value(settingsKey).toString() != name)
        settings.setValue(settingsKey, name);
}
