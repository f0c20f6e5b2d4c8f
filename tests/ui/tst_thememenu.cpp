// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyeditor.h"
#include "thememenu.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QActionGroup>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using KSyntaxHighlighting::Theme;

class tst_ThemeMenu final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsFollowSystemAndEveryTheme();
    void pickingAThemeAppliesAndPersistsIt();
    void followingTheSystemUsesThePaletteTheme();
    void unknownSavedThemeFallsBackToTheSystem();

private:
    QAction *actionFor(ThemeMenu &menu, const QString &themeName) const;
    QString darkThemeName() const;

    KSyntaxHighlighting::Repository m_repository;
    PolicyEditor *m_editor = nullptr;
};

void tst_ThemeMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("apim-designer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_thememenu"));
}

void tst_ThemeMenu::init()
{
    QSettings().remove(ThemeMenu::settingsKey);
    m_editor = new PolicyEditor(m_repository);
    m_editor->setPlainText(QStringLiteral("<policies><inbound /></policies>"));
}

void tst_ThemeMenu::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
}

QAction *tst_ThemeMenu::actionFor(ThemeMenu &menu, const QString &themeName) const
{
    for (QAction *action : menu.actions()) {
        if (action->isCheckable() && action->data().toString() == themeName)
            return action;
    }
    return nullptr;
}

QString tst_ThemeMenu::darkThemeName() const
{
    for (const Theme &theme : m_repository.themes()) {
        if (QColor(theme.editorColor(Theme::BackgroundColor)).lightness() < 128)
            return theme.name();
    }
    return {};
}

void tst_ThemeMenu::listsFollowSystemAndEveryTheme()
{
    ThemeMenu menu(m_editor);
    QAction *system = actionFor(menu, QString());
    QVERIFY(system);
    QVERIFY(system->isChecked());
    for (const Theme &theme : m_repository.themes())
        QVERIFY2(actionFor(menu, theme.name()), qPrintable(theme.name()));
}

void tst_ThemeMenu::pickingAThemeAppliesAndPersistsIt()
{
    const QString dark = darkThemeName();
    QVERIFY(!dark.isEmpty());
    {
        ThemeMenu menu(m_editor);
        actionFor(menu, dark)->trigger();
        QVERIFY(actionFor(menu, dark)->isChecked());
        QVERIFY(!actionFor(menu, QString())->isChecked());
    }
    QCOMPARE(m_editor->activeThemeName(), dark);
    QCOMPARE(m_editor->palette().color(QPalette::Base),
             QColor(m_repository.theme(dark).editorColor(Theme::BackgroundColor)));
    QCOMPARE(QSettings().value(ThemeMenu::settingsKey).toString(), dark);

    // The next start applies it.
    PolicyEditor next(m_repository);
    ThemeMenu menu(&next);
    QCOMPARE(next.activeThemeName(), dark);
    QVERIFY(actionFor(menu, dark)->isChecked());
}

void tst_ThemeMenu::followingTheSystemUsesThePaletteTheme()
{
    ThemeMenu menu(m_editor);
    menu.chooseTheme(darkThemeName());
    actionFor(menu, QString())->trigger();
    QVERIFY(m_editor->themeName().isEmpty());
    QCOMPARE(m_editor->activeThemeName(),
             m_repository.themeForPalette(QApplication::palette()).name());
    QCOMPARE(QSettings().value(ThemeMenu::settingsKey).toString(), QString());
}

void tst_ThemeMenu::unknownSavedThemeFallsBackToTheSystem()
{
    QSettings().setValue(ThemeMenu::settingsKey, QStringLiteral("No Such Theme"));
    ThemeMenu menu(m_editor);
    QVERIFY(actionFor(menu, QString())->isChecked());
    QCOMPARE(m_editor->activeThemeName(),
             m_repository.themeForPalette(QApplication::palette()).name());
}

QTEST_MAIN(tst_ThemeMenu)
#include "tst_thememenu.moc"
