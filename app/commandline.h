// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class ExpressionChecker;
class QIODevice;

// The headless side of apim-designer: "validate", "format" and "effective" subcommands, --help and
// --version, run instead of the GUI when the first argument asks for them.
//   validate [--scope S] FILE...   diagnostics as FILE:LINE:COL: error|warning: message
//   format FILE                    the document as PolicyWriter writes it
//   effective [--global F] [--product F] [--api F] [--operation F] [--fragment ID=F]... [--plain]
//                                  the merged effective policy
// Exit codes: 0 success, 1 errors in the input, 2 unreadable input or bad usage.
class CommandLine
{
public:
    enum ExitCode { Success = 0, InputErrors = 1, UsageOrIo = 2 };

    // expressionChecker (optional) compiles the expressions the validator finds.
    CommandLine(QIODevice *out,
                QIODevice *err,
                const ExpressionChecker *expressionChecker = nullptr);

    // True when argv[1] is a subcommand, --help or --version: main() then runs run() instead of
    // starting the GUI. Works before any QCoreApplication exists.
    static bool handles(int argc, const char *const *argv);
    // arguments as QCoreApplication::arguments(): the program, the subcommand, its arguments.
    int run(const QStringList &arguments);

private:
    int validate(const QStringList &arguments);
    int format(const QStringList &arguments);
    int effective(const QStringList &arguments);
    int help();
    void print(QIODevice *device, const QString &text);
    // Reads a file for parsing; false (after reporting) when it cannot be read.
    bool read(const QString &path, QByteArray &contents);

    QIODevice *m_out = nullptr;
    QIODevice *m_err = nullptr;
    const ExpressionChecker *m_expressionChecker = nullptr;
};
