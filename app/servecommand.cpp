// SPDX-License-Identifier: GPL-3.0-or-later
#include "servecommand.h"

#include "engine/tracebuffer.h"
#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QCoreApplication>

#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <algorithm>

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace {

// The write end of the self-pipe: a signal handler may only touch async-signal-safe state, so
// this one process-wide descriptor is the exception to "no globals".
int &signalPipeWriteEnd()
{
    static int fd = -1;
    return fd;
}

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipeWriteEnd(), &byte, 1);
}

const QStringList &httpMethods()
{
    static const QStringList methods = {QStringLiteral("GET"),
                                        QStringLiteral("POST"),
                                        QStringLiteral("PUT"),
                                        QStringLiteral("DELETE"),
                                        QStringLiteral("PATCH"),
                                        QStringLiteral("HEAD"),
                                        QStringLiteral("OPTIONS")};
    return methods;
}

} // namespace

ServeCommand::ServeCommand(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err)
{}

void ServeCommand::print(QIODevice *device, const QString &text)
{
    device->write(text.toUtf8());
    if (auto *file = qobject_cast<QFile *>(device))
        file->flush();
}

bool ServeCommand::readPolicy(const QString &path, Workspace::PolicySource &source)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        print(m_err, QStringLiteral("%1: cannot read: %2\n").arg(path, file.errorString()));
        return false;
    }
    source.file = path;
    source.xml = QString::fromUtf8(file.readAll());
    return true;
}

std::optional<Workspace> ServeCommand::workspaceFrom(const QStringList &arguments,
                                                     QString *bind,
                                                     QString *tracePath,
                                                     Gateway::Options *options)
{
    Workspace workspace;
    Workspace::Api api;
    api.id = QStringLiteral("api");
    api.name = QStringLiteral("API");
    bool haveApi = false;
    QList<Workspace::Operation> operations;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QLatin1String("--"))) {
            WorkspaceLoadResult loaded = WorkspaceSerializer::load(argument);
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                print(m_err, diagnostic.toString() + u'\n');
            if (!loaded.ok())
                return std::nullopt;
            workspace = loaded.workspace;
            continue;
        }
        if (i + 1 >= arguments.size()) {
            print(m_err, QStringLiteral("serve: %1 needs a value\n").arg(argument));
            return std::nullopt;
        }
        const QString value = arguments.at(++i);
        const qsizetype equals = value.indexOf(u'=');
        const QString left = value.left(equals);
        const QString right = equals < 0 ? QString() : value.mid(equals + 1);
        auto needsPair = [&]() {
            if (equals > 0)
                return true;
            print(m_err,
                  QStringLiteral("serve: %1 expects NAME=VALUE, got '%2'\n").arg(argument, value));
            return false;
        };
        if (argument == u"--global") {
            if (!readPolicy(value, workspace.global))
                return std::nullopt;
        } else if (argument == u"--product") {
            Workspace::Product product{QStringLiteral("product"), QStringLiteral("Product"), {}};
            if (!readPolicy(value, product.policy))
                return std::nullopt;
            workspace.products = {product};
            api.products = {product.id};
        } else if (argument == u"--api") {
            if (!readPolicy(value, api.policy))
                return std::nullopt;
            haveApi = true;
        } else if (argument == u"--operation") {
            const QStringList methodAndTemplate = left.trimmed().split(u' ', Qt::SkipEmptyParts);
            if (!needsPair() || methodAndTemplate.size() != 2) {
                print(m_err,
                      QStringLiteral("serve: --operation expects 'METHOD /template=FILE'\n"));
                return std::nullopt;
            }
            Workspace::Operation operation;
            operation.method = methodAndTemplate.at(0).toUpper();
            operation.urlTemplate = methodAndTemplate.at(1);
            operation.id = QStringLiteral("op%1").arg(operations.size() + 1);
            operation.name = left.trimmed();
            if (!readPolicy(right, operation.policy))
                return std::nullopt;
            operations.append(operation);
        } else if (argument == u"--named-value") {
            if (!needsPair())
                return std::nullopt;
            workspace.namedValues.append({left, right, false});
        } else if (argument == u"--region") {
            if (!needsPair())
                return std::nullopt;
            // A region the workspace already has keeps its name and gets the new port.
            const auto region
                    = std::find_if(workspace.regions.begin(),
                                   workspace.regions.end(),
                                   [&](const Workspace::Region &r) { return r.name == left; });
            if (region != workspace.regions.end())
                region->port = right.toInt();
            else
                workspace.regions.append({left, right.toInt()});
        } else if (argument == u"--mock") {
            if (!needsPair())
                return std::nullopt;
            // A mock the workspace already has is reconfigured (it keeps its region).
            const auto existing
                    = std::find_if(workspace.mocks.begin(),
                                   workspace.mocks.end(),
                                   [&](const Workspace::MockBackend &m) { return m.name == left; });
            Workspace::MockBackend mock;
            if (existing != workspace.mocks.end()) {
                mock.region = existing->region;
                workspace.mocks.erase(existing);
            }
            mock.name = left;
            const QStringList parts = right.split(u',');
            mock.port = parts.value(0).toInt();
            for (const QString &part : parts.mid(1)) {
                if (part.startsWith(QLatin1String("status="))) {
                    mock.status = part.mid(7).toInt();
                    mock.mode = Workspace::MockBackend::Mode::Status;
                } else if (part.startsWith(QLatin1String("latency="))) {
                    mock.latencyMs = part.mid(8).toInt();
                    if (mock.mode == Workspace::MockBackend::Mode::Healthy)
                        mock.mode = Workspace::MockBackend::Mode::Latency;
                }
            }
            workspace.mocks.append(mock);
        } else if (argument == u"--map-backend") {
            if (!needsPair())
                return std::nullopt;
            // Origins contain "://" and may contain '=' nowhere else: split at the last '='.
            const qsizetype split = value.lastIndexOf(u'=');
            const QString origin = value.left(split);
            // A later mapping of the same origin replaces the workspace's.
            workspace.backendMap.removeIf(
                    [&](const Workspace::BackendMapping &m) { return m.origin == origin; });
            workspace.backendMap.append({origin, value.mid(split + 1)});
        } else if (argument == u"--bind") {
            *bind = value;
        } else if (argument == u"--cache") {
            workspace.cacheMode = value == u"shared" ? Workspace::CacheMode::Shared
                                                     : Workspace::CacheMode::PerRegion;
        } else if (argument == u"--trace") {
            *tracePath = value;
        } else if (argument == u"--max-connections" || argument == u"--workers") {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!ok || number < 1) {
                print(m_err,
                      QStringLiteral("serve: %1 expects a positive number, got '%2'\n")
                              .arg(argument, value));
                return std::nullopt;
            }
            (argument == u"--workers" ? options->workerCount : options->maxConnections) = number;
        } else {
            print(m_err, QStringLiteral("serve: unknown option %1\n").arg(argument));
            return std::nullopt;
        }
    }
    if (haveApi || !operations.isEmpty() || workspace.apis.isEmpty()) {
        if (operations.isEmpty()) {
            for (const QString &method : httpMethods())
                operations.append({QStringLiteral("all-") + method.toLower(),
                                   method,
                                   method,
                                   QStringLiteral("/*"),
                                   {}});
        }
        api.operations = operations;
        workspace.apis = {api};
    }
    return workspace;
}

int ServeCommand::run(const QStringList &arguments)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        print(m_out,
              QStringLiteral(
                      "Usage: apim-designer serve [WORKSPACE] [--global F] [--product F] [--api "
                      "F]\n"
                      "  [--operation 'METHOD /tmpl=F']... [--named-value NAME=VALUE]...\n"
                      "  [--region 'NAME=PORT']... [--mock "
                      "'NAME=PORT[,status=N][,latency=MS]']...\n"
                      "  [--map-backend 'ORIGIN=LOCAL_URL']... [--bind ADDR] [--cache "
                      "per-region|shared]\n"
                      "  [--trace FILE|-] [--max-connections N] [--workers N]\n"
                      "Runs the gateway: one front-end per region, the workspace's mock backends, "
                      "until\n"
                      "SIGINT or SIGTERM. A --region or --mock naming one the workspace has "
                      "reconfigures\n"
                      "it; without --operation every request matches a catch-all operation.\n"
                      "--max-connections: open client connections per region (default 1024; "
                      "each takes\n"
                      "a file descriptor, see ulimit -n). --workers: threads per region (default: "
                      "one per core).\n"));
        return 0;
    }
    QString bind = QStringLiteral("127.0.0.1");
    QString tracePath;
    Gateway::Options options;
    const std::optional<Workspace> workspace
            = workspaceFrom(arguments, &bind, &tracePath, &options);
    if (!workspace)
        return 2;
    options.bindAddress = QHostAddress(bind);
    // Headless, the traces have no reader but --trace.
    options.recordTraces = !tracePath.isEmpty();
    Gateway gateway(*workspace, options);
    for (const Diagnostic &diagnostic : gateway.diagnostics())
        print(m_err, diagnostic.toString() + u'\n');
    if (Diagnostic::hasErrors(gateway.diagnostics()))
        return 1;
    QFile traceFile;
    if (!tracePath.isEmpty()) {
        const bool ok = tracePath == u"-"
                                ? traceFile.open(stdout, QIODevice::WriteOnly)
                                : (traceFile.setFileName(tracePath),
                                   traceFile.open(QIODevice::WriteOnly | QIODevice::Append));
        if (!ok) {
            print(m_err, QStringLiteral("serve: cannot write trace %1\n").arg(tracePath));
            return 2;
        }
        gateway.traces()->setJsonLinesOutput(&traceFile);
    }
    if (!gateway.start()) {
        print(m_err, QStringLiteral("serve: %1\n").arg(gateway.errorString()));
        return 2;
    }
    for (const Gateway::Endpoint &endpoint : gateway.endpoints())
        print(m_out, QStringLiteral("%1: %2\n").arg(endpoint.region, endpoint.url.toString()));
    for (MockBackend *mock : gateway.mocks())
        print(m_out, QStringLiteral("mock %1: %2\n").arg(mock->name(), mock->url().toString()));

    int fds[2];
    if (::pipe(fds) != 0) {
        print(m_err, QStringLiteral("serve: cannot create the signal pipe\n"));
        return 2;
    }
    signalPipeWriteEnd() = fds[1];
    QSocketNotifier notifier(fds[0], QSocketNotifier::Read);
    QObject::connect(
            &notifier, &QSocketNotifier::activated, &notifier, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    QCoreApplication::exec();
    gateway.stop();
    ::close(fds[0]);
    ::close(fds[1]);
    print(m_out, QStringLiteral("stopped\n"));
    return 0;
}
