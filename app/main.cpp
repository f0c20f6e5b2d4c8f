// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "expr/compilingexpressionchecker.h"
#include "mainwindow.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

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
        const CompilingExpressionChecker expressionChecker;
        return CommandLine(&out, &err, &expressionChecker).run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("apim-designer"));
    QApplication::setOrganizationName(QStringLiteral("apim-designer"));
    QApplication::setApplicationVersion(QStringLiteral(APIM_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("APIM Policy Designer"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(),
                          QStringLiteral("qtbase"),
                          QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(),
                        QStringLiteral("apim-designer"),
                        QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Designs and tests Azure API Management policies."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "Policy XML file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    KSyntaxHighlighting::Repository repository;
    MainWindow window(repository);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return app.exec();
}
