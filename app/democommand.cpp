// SPDX-License-Identifier: GPL-3.0-or-later
#include "democommand.h"

#include "engine/manualclock.h"
#include "engine/tracebuffer.h"
#include "engine/valuecache.h"
#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

// The bundled workspaces: beside the source tree when run from a build, else installed data.
QString workspacePath(int step)
{
    const QString name = QStringLiteral("article-step%1.apimws").arg(step);
    const QStringList candidates
            = {QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/") + name,
               QCoreApplication::applicationDirPath()
                       + QStringLiteral("/../share/apim-designer/workspaces/") + name};
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return candidates.first();
}

} // namespace

DemoCommand::DemoCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
    , m_clock(std::make_unique<ManualClock>(0))
{}

DemoCommand::~DemoCommand() = default;

void DemoCommand::print(QIODevice *device, const QString &text)
{
    device->write(text.toUtf8());
    if (auto *file = qobject_cast<QFile *>(device))
        file->flush();
}

int DemoCommand::run(const QStringList &arguments)
{
    bool ok = true;
    const int step = arguments.isEmpty() ? 4 : arguments.first().toInt(&ok);
    if (!ok || step < 0 || step > 4) {
        print(m_err, QStringLiteral("demo: STEP must be 0 to 4\n"));
        return 2;
    }
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(workspacePath(step));
    if (!loaded.ok()) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            print(m_err, diagnostic.toString() + u'\n');
        return 2;
    }
    for (Workspace::Region &region : loaded.workspace.regions)
        region.port = 0;
    for (Workspace::MockBackend &mock : loaded.workspace.mocks)
        mock.port = 0;
    Gateway::Options options;
    options.clock = m_clock.get();
    m_gateway = std::make_unique<Gateway>(loaded.workspace, options);
    if (!m_gateway->start()) {
        print(m_err, QStringLiteral("demo: %1\n").arg(m_gateway->errorString()));
        return 2;
    }
    m_network = new QNetworkAccessManager(this);
    print(m_out,
          QStringLiteral("%1\n%2\n\n").arg(loaded.workspace.name, loaded.workspace.description));
    for (const Gateway::Endpoint &endpoint : m_gateway->endpoints())
        print(m_out,
              QStringLiteral("front-end %1: %2\n").arg(endpoint.region, endpoint.url.toString()));

    const QString primary = m_gateway->endpoints().first().region;
    auto say = [this](const QString &text) {
        return [this, text] {
            print(m_out, text);
            next();
        };
    };
    m_steps = {say(QStringLiteral("\n-- all healthy\n")),
               [this, primary] { call(primary); },
               [this] { setPrimaryStatus(404); },
               [this, primary] { call(primary); },
               [this, primary] { call(primary); },
               say(QStringLiteral("\n-- 11 seconds later\n")),
               [this] {
                   m_clock->advance(11000);
                   next();
               },
               [this, primary] { call(primary); },
               [this] { setPrimaryStatus(200); },
               [this] {
                   m_clock->advance(11000);
                   next();
               },
               say(QStringLiteral("\n-- 11 seconds later\n")),
               [this, primary] { call(primary); },
               [] {
                   QCoreApplication::quit();
               }};
    next();
    QCoreApplication::exec();
    m_gateway->stop();
    return m_exitCode;
}

void DemoCommand::next()
{
    if (m_steps.isEmpty())
        return;
    const std::function<void()> step = m_steps.takeFirst();
    QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
}

void DemoCommand::setPrimaryStatus(int status)
{
    MockBackend *mock = m_gateway->mocks().first();
    MockBackend::Behaviour behaviour;
    behaviour.mode = status == 200 ? MockBackend::Mode::Healthy : MockBackend::Mode::FixedStatus;
    behaviour.status = status;
    mock->setBehaviour(behaviour);
    print(m_out,
          status == 200 ? QStringLiteral("\n-- %1 is back\n").arg(mock->name())
                        : QStringLiteral("\n-- %1 knocked out: it answers %2\n")
                                  .arg(mock->name())
                                  .arg(status));
    next();
}

void DemoCommand::call(const QString &region)
{
    QUrl url = m_gateway->url(region);
    url.setPath(QStringLiteral("/hello"));
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, region] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject echo = QJsonDocument::fromJson(reply->readAll()).object();
        m_gateway->traces()->flush();
        const QList<RequestTrace> traces = m_gateway->traces()->traces();
        const RequestTrace trace = traces.isEmpty() ? RequestTrace() : traces.last();
        QStringList route;
        for (const TraceEvent &event : trace.events) {
            if (event.kind == TraceEvent::Kind::Forward)
                route.append(QStringLiteral("%1 -> %2").arg(event.backend).arg(event.status));
            else if (event.kind == TraceEvent::Kind::RetryAttempt && event.attempt > 1)
                route.append(QStringLiteral("retry %1 after %2 ms")
                                     .arg(event.attempt)
                                     .arg(event.delayMs));
        }
        print(m_out,
              QStringLiteral("#%1 GET /hello at %2: %3 from %4, %5 attempt(s): %6\n")
                      .arg(++m_calls)
                      .arg(region)
                      .arg(status)
                      .arg(echo.value(QStringLiteral("backend")).toString())
                      .arg(trace.attempts)
                      .arg(route.join(QStringLiteral("; "))));
        if (status != 200)
            m_exitCode = 1;
        printCache();
        next();
    });
}

void DemoCommand::printCache()
{
    const QList<CacheEntry> entries = m_gateway->cache()->entries();
    bool any = false;
    for (const CacheEntry &entry : entries) {
        if (entry.isExpired(m_clock->nowMs()))
            continue;
        any = true;
        print(m_out,
              QStringLiteral("   cache [%1] %2 = %3, expires in %4 s\n")
                      .arg(entry.partition, entry.key, entry.displayValue)
                      .arg(entry.remainingMs(m_clock->nowMs()) / 1000.0, 0, 'f', 1));
    }
    if (!any)
        print(m_out, QStringLiteral("   cache empty\n"));
}
