// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "democommand.h"
#include "servecommand.h"

#include "policy/effectivepolicybuilder.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"
#include "policy/policywriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace {

QStringList subcommands()
{
    return {QStringLiteral("validate"),
            QStringLiteral("format"),
            QStringLiteral("effective"),
            QStringLiteral("serve"),
            QStringLiteral("demo")};
}

QStringList topLevelOptions()
{
    return {QStringLiteral("--help"),
            QStringLiteral("-h"),
            QStringLiteral("--version"),
            QStringLiteral("-v")};
}

// The subcommand's own argument list, with the program name QCommandLineParser expects first.
QStringList subcommandArguments(const QStringList &arguments)
{
    return QStringList{arguments.first() + QLatin1Char(' ') + arguments.at(1)} + arguments.mid(2);
}

QString diagnosticLines(const QList<Diagnostic> &diagnostics, const QString &file)
{
    QString text;
    for (Diagnostic diagnostic : diagnostics) {
        if (diagnostic.file.isEmpty())
            diagnostic.file = file;
        text += diagnostic.toString() + QLatin1Char('\n');
    }
    return text;
}

} // namespace

CommandLine::CommandLine(QIODevice *out, QIODevice *err, const ExpressionChecker *expressionChecker)
    : m_out(out)
    , m_err(err)
    , m_expressionChecker(expressionChecker)
{}

bool CommandLine::handles(int argc, const char *const *argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return subcommands().contains(first) || topLevelOptions().contains(first);
}

int CommandLine::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("validate"))
        return validate(subcommandArguments(arguments));
    if (command == QLatin1String("format"))
        return format(subcommandArguments(arguments));
    if (command == QLatin1String("effective"))
        return effective(subcommandArguments(arguments));
    if (command == QLatin1String("serve"))
        return ServeCommand(m_out, m_err).run(arguments.mid(2));
    if (command == QLatin1String("demo"))
        return DemoCommand(m_out, m_err).run(arguments.mid(2));
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        print(m_out,
              QStringLiteral("%1 %2\n").arg(QCoreApplication::applicationName(),
                                            QCoreApplication::applicationVersion()));
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h"))
        return help();
    print(m_err, QStringLiteral("Unknown command '%1'. Try --help.\n").arg(command));
    return UsageOrIo;
}

int CommandLine::help()
{
    print(m_out,
          QStringLiteral(
                  "Usage: %1 [COMMAND] [ARGUMENTS]\n"
                  "APIM Policy Designer. Without a command, starts the designer window.\n\n"
                  "Commands:\n"
                  "  validate [--scope S] FILE...   check policy files; prints "
                  "FILE:LINE:COL: error|warning: message\n"
                  "  format FILE                    print the document as the designer writes it\n"
                  "  effective [--global F] [--product F] [--api F] [--operation F]\n"
                  "            [--fragment ID=F]... [--plain]\n"
                  "                                 print the effective (merged) policy\n"
                  "  serve [WORKSPACE] [--api F] [--operation 'METHOD /tmpl=F']... [--region "
                  "N=PORT]...\n"
                  "        [--mock 'NAME=PORT[,status=N][,latency=MS]']... [--map-backend "
                  "O=URL]...\n"
                  "        [--named-value N=V]... [--bind ADDR] [--cache per-region|shared] "
                  "[--trace F|-]\n"
                  "                                 run the gateway until SIGINT/SIGTERM\n"
                  "  demo [STEP]                    the article's failover story (steps 0-4)\n\n"
                  "Options:\n"
                  "  -h, --help     show this help; COMMAND --help shows a command's options\n"
                  "  -v, --version  show the version\n\n"
                  "Exit status: 0 success, 1 errors in the input, 2 unreadable input or bad "
                  "usage.\n")
                  .arg(QCoreApplication::applicationName()));
    return Success;
}

void CommandLine::print(QIODevice *device, const QString &text)
{
    device->write(text.toUtf8());
}

bool CommandLine::read(const QString &path, QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        print(m_err, QStringLiteral("%1: cannot read: %2\n").arg(path, file.errorString()));
        return false;
    }
    contents = file.readAll();
    return true;
}

int CommandLine::validate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Checks policy files: XML, APIM schema, sections, <base/>, scopes."));
    parser.addHelpOption();
    const QCommandLineOption scopeOption(
            QStringLiteral("scope"),
            QStringLiteral("Scope the files are attached to: global, product, api or operation."),
            QStringLiteral("scope"));
    parser.addOption(scopeOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Policy documents, fragments or snippets."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(arguments)) {
        print(m_err, parser.errorText() + QLatin1Char('\n'));
        return UsageOrIo;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(m_out, parser.helpText());
        return Success;
    }
    PolicyScope scope = PolicyScope::None;
    if (parser.isSet(scopeOption)) {
        scope = policyScopeFromName(parser.value(scopeOption));
        if (scope == PolicyScope::None || scope == PolicyScope::Fragment) {
            print(m_err,
                  QStringLiteral("Unknown scope '%1': use global, product, api or operation.\n")
                          .arg(parser.value(scopeOption)));
            return UsageOrIo;
        }
    }
    if (parser.positionalArguments().isEmpty()) {
        print(m_err, QStringLiteral("validate: no file given. Try validate --help.\n"));
        return UsageOrIo;
    }

    const PolicyValidator validator(PolicySchema::builtin(), m_expressionChecker);
    int result = Success;
    for (const QString &path : parser.positionalArguments()) {
        QByteArray contents;
        if (!read(path, contents)) {
            result = UsageOrIo;
            continue;
        }
        const PolicyParseResult parsed = PolicyParser::parse(contents, path);
        QList<Diagnostic> diagnostics = parsed.diagnostics;
        if (parsed.ok())
            diagnostics.append(validator.validate(parsed.document, scope, path));
        print(m_out, diagnosticLines(diagnostics, path));
        if (Diagnostic::hasErrors(diagnostics))
            result = std::max<int>(result, InputErrors);
    }
    return result;
}

int CommandLine::format(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Prints a policy file as the designer writes it (unchanged parts are "
                           "kept byte for byte)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Policy file."));
    if (!parser.parse(arguments)) {
        print(m_err, parser.errorText() + QLatin1Char('\n'));
        return UsageOrIo;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(m_out, parser.helpText());
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        print(m_err, QStringLiteral("format: give exactly one file. Try format --help.\n"));
        return UsageOrIo;
    }
    const QString path = parser.positionalArguments().first();
    QByteArray contents;
    if (!read(path, contents))
        return UsageOrIo;
    const PolicyParseResult parsed = PolicyParser::parse(contents, path);
    if (!parsed.ok()) {
        print(m_err, diagnosticLines(parsed.diagnostics, path));
        return InputErrors;
    }
    m_out->write(PolicyWriter::writeUtf8(parsed.document));
    return Success;
}

int CommandLine::effective(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Prints the effective policy: each <base/> replaced by the parent "
                           "scope's section, fragments inserted. A scope not given behaves as "
                           "<base/> only."));
    parser.addHelpOption();
    const QList<std::pair<PolicyScope, QCommandLineOption>> scopeOptions = {
            {PolicyScope::Global,
             QCommandLineOption(QStringLiteral("global"),
                                QStringLiteral("Global (all APIs) policy."),
                                QStringLiteral("file"))},
            {PolicyScope::Product,
             QCommandLineOption(QStringLiteral("product"),
                                QStringLiteral("Product policy."),
                                QStringLiteral("file"))},
            {PolicyScope::Api,
             QCommandLineOption(
                     QStringLiteral("api"), QStringLiteral("API policy."), QStringLiteral("file"))},
            {PolicyScope::Operation,
             QCommandLineOption(QStringLiteral("operation"),
                                QStringLiteral("Operation policy."),
                                QStringLiteral("file"))},
    };
    for (const auto &[scope, option] : scopeOptions)
        parser.addOption(option);
    const QCommandLineOption fragmentOption(QStringLiteral("fragment"),
                                            QStringLiteral("Policy fragment with its id."),
                                            QStringLiteral("id=file"));
    const QCommandLineOption plainOption(QStringLiteral("plain"),
                                         QStringLiteral("Omit the comments naming where each "
                                                        "part comes from."));
    parser.addOption(fragmentOption);
    parser.addOption(plainOption);
    if (!parser.parse(arguments)) {
        print(m_err, parser.errorText() + QLatin1Char('\n'));
        return UsageOrIo;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(m_out, parser.helpText());
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        print(m_err,
              QStringLiteral("effective: unexpected argument '%1'. Try effective --help.\n")
                      .arg(parser.positionalArguments().first()));
        return UsageOrIo;
    }

    EffectivePolicyBuilder builder;
    builder.setAnnotateOrigins(!parser.isSet(plainOption));
    bool readable = true;
    bool parseErrors = false;
    const auto load = [&](const QString &path, PolicyDocument &document) {
        QByteArray contents;
        if (!read(path, contents)) {
            readable = false;
            return false;
        }
        const PolicyParseResult parsed = PolicyParser::parse(contents, path);
        if (!parsed.ok()) {
            print(m_err, diagnosticLines(parsed.diagnostics, path));
            parseErrors = true;
            return false;
        }
        document = parsed.document;
        return true;
    };
    for (const auto &[scope, option] : scopeOptions) {
        PolicyDocument document;
        if (parser.isSet(option) && load(parser.value(option), document))
            builder.setScopeDocument(scope, document, parser.value(option));
    }
    for (const QString &value : parser.values(fragmentOption)) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == value.size() - 1) {
            print(m_err,
                  QStringLiteral("effective: --fragment needs ID=FILE, got '%1'\n").arg(value));
            return UsageOrIo;
        }
        PolicyDocument document;
        if (load(value.mid(equals + 1), document))
            builder.addFragment(value.left(equals), document, value.mid(equals + 1));
    }
    if (!readable)
        return UsageOrIo;
    if (parseErrors)
        return InputErrors;

    const EffectivePolicyBuilder::Result result = builder.build();
    print(m_err, diagnosticLines(result.diagnostics, QString()));
    m_out->write(PolicyWriter::writeUtf8(result.document));
    return Diagnostic::hasErrors(result.diagnostics) ? InputErrors : Success;
}
