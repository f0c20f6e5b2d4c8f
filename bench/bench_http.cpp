// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the embedded gateway's HTTP layer, in requests per second, each figure beside a
// baseline measured in the same run:
//   direct      a trivial HttpServer handler (the baseline) and the JSON mock backend
//   gateway     HttpServer -> HttpClient (keep-alive pool) -> trivial backend
//   gateway-qnam  the same with QNetworkAccessManager as the backend client
// Load: N keep-alive connections on a load thread of this process; then wrk when installed.
// Usage: bench_http [seconds-per-scenario=2] [connections=32] [wrk-only]
#include "http/httpclient.h"
#include "http/httpresponseparser.h"
#include "http/httpserver.h"
#include "http/mockbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace std::chrono_literals;

namespace {
struct LoadConnection
{
    QTcpSocket *socket = nullptr;
    std::unique_ptr<HttpResponseParser> parser;
};

// Runs `connections` keep-alive clients against port for `duration` on a thread of its own;
// returns completed requests per second.
double runLoad(quint16 port, int connections, std::chrono::milliseconds duration)
{
    std::atomic<quint64> completed{0};
    std::atomic<quint64> failures{0};
    double seconds = 0;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        const QByteArray request = "GET /bench?x=1 HTTP/1.1\r\nHost: bench\r\n\r\n";
        QObject context;
        std::vector<LoadConnection> clients(connections);
        bool counting = false;
        QElapsedTimer clock;
        for (LoadConnection &client : clients) {
            client.socket = new QTcpSocket(&context);
            client.parser = std::make_unique<HttpResponseParser>();
            QTcpSocket *socket = client.socket;
            HttpResponseParser *parser = client.parser.get();
            QObject::connect(socket, &QTcpSocket::connected, &context, [socket, &request] {
                socket->write(request);
            });
            QObject::connect(socket, &QTcpSocket::readyRead, &context, [&, socket, parser] {
                QByteArray bytes = socket->readAll();
                QByteArrayView rest(bytes);
                while (!rest.isEmpty()) {
                    const HttpResponseParser::Result result = parser->feed(rest);
                    rest = rest.sliced(result.consumed);
                    if (result.status == HttpResponseParser::Status::NeedMore)
                        break;
                    if (result.status == HttpResponseParser::Status::Error) {
                        ++failures;
                        socket->abort();
                        return;
                    }
                    if (counting)
                        ++completed;
                    if (result.response.status != 200)
                        ++failures;
                    socket->write(request);
                }
            });
            socket->connectToHost(QHostAddress::LocalHost, port);
        }
        QEventLoop loop;
        // A short warm-up (connections opened, pools filled) before counting.
        QTimer::singleShot(300ms, &context, [&] {
            counting = true;
            clock.start();
        });
        QTimer::singleShot(duration + 300ms, &context, [&] {
            seconds = clock.nsecsElapsed() / 1e9;
            loop.quit();
        });
        loop.exec();
    }));
    thread->start();
    thread->wait();
    if (failures > 0)
        std::printf("    (%llu failed responses)\n",
                    static_cast<unsigned long long>(failures.load()));
    return seconds > 0 ? double(completed) / seconds : 0;
}

void trivialHandler(HttpRequest, HttpResponder responder)
{
    HttpResponse response(200, "hello from the trivial backend\n", "text/plain");
    responder.respond(std::move(response));
}

std::unique_ptr<HttpServer> startServer(int workers, HttpServer::HandlerFactory factory)
{
    auto server = std::make_unique<HttpServer>();
    HttpServer::Options options;
    options.workerCount = workers;
    server->setOptions(options);
    server->setHandlerFactory(std::move(factory));
    if (!server->listen())
        qFatal("listen: %s", qPrintable(server->errorString()));
    return server;
}

// The gateway's forwarding path without policies: the request goes to the backend as received.
HttpServer::HandlerFactory gatewayFactory(QUrl backend)
{
    return [backend](int) -> HttpServer::Handler {
        auto client = std::make_shared<HttpClient>();
        return [client, backend](HttpRequest request, HttpResponder responder) {
            HttpClientRequest forward;
            forward.method = request.method;
            forward.url = backend;
            forward.target = request.target;
            forward.headers = std::move(request.headers);
            forward.body = std::move(request.body);
            forward.timeout = 5s;
            client->send(forward, [responder](HttpClientResult result) {
                if (result.ok())
                    responder.respond(std::move(result.response));
                else
                    responder.respond(HttpResponse(502, result.errorMessage.toUtf8()));
            });
        };
    };
}

HttpServer::HandlerFactory qnamGatewayFactory(QUrl backend)
{
    return [backend](int) -> HttpServer::Handler {
        auto manager = std::make_shared<QNetworkAccessManager>();
        return [manager, backend](HttpRequest request, HttpResponder responder) {
            QUrl url = backend;
            url.setPath(QString::fromUtf8(request.path()));
            url.setQuery(QString::fromUtf8(request.query()));
            QNetworkRequest forward(url);
            forward.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
            for (const HttpHeaders::Field &field : request.headers)
                forward.setRawHeader(field.name, field.value);
            QNetworkReply *reply = manager->get(forward);
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, responder] {
                const int status
                        = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                responder.respond(HttpResponse(status > 0 ? status : 502, reply->readAll()));
                reply->deleteLater();
            });
        };
    };
}

struct WrkFigure
{
    double requestsPerSecond = 0;
    double cpuMicrosPerRequest = 0; // this process's CPU (server, client, backend) per request
};

WrkFigure wrkFigure(const QString &wrk, quint16 port, int seconds)
{
    const std::clock_t cpuBefore = std::clock();
    QProcess process;
    process.start(wrk,
                  {QStringLiteral("-t1"),
                   QStringLiteral("-c32"),
                   QStringLiteral("-d%1s").arg(seconds),
                   QStringLiteral("http://127.0.0.1:%1/bench?x=1").arg(port)});
    if (!process.waitForFinished((seconds + 30) * 1000))
        return {};
    const double cpuSeconds = double(std::clock() - cpuBefore) / CLOCKS_PER_SEC;
    const QString output = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QRegularExpressionMatch match
            = QRegularExpression(QStringLiteral("Requests/sec:\\s*([0-9.]+)")).match(output);
    WrkFigure figure;
    figure.requestsPerSecond = match.hasMatch() ? match.captured(1).toDouble() : 0;
    const double requests = figure.requestsPerSecond * seconds;
    figure.cpuMicrosPerRequest = requests > 0 ? cpuSeconds * 1e6 / requests : 0;
    return figure;
}

void printWrkRow(const char *name, const WrkFigure &figure, const WrkFigure &baseline)
{
    std::printf("  %-44s %10.0f req/s   %5.2fx baseline   %6.1f us CPU/request (%.2fx)\n",
                name,
                figure.requestsPerSecond,
                baseline.requestsPerSecond > 0
                        ? figure.requestsPerSecond / baseline.requestsPerSecond
                        : 0,
                figure.cpuMicrosPerRequest,
                baseline.cpuMicrosPerRequest > 0
                        ? figure.cpuMicrosPerRequest / baseline.cpuMicrosPerRequest
                        : 0);
}

void printRow(const char *name, double rps, double baseline)
{
    std::printf("  %-44s %10.0f req/s   %5.2fx baseline\n",
                name,
                rps,
                baseline > 0 ? rps / baseline : 0);
}
void runInProcess(int connections,
                  std::chrono::milliseconds duration,
                  const HttpServer &trivialServer,
                  const MockBackend &mock,
                  const HttpServer &gateway,
                  const HttpServer &gatewayToMock,
                  const HttpServer &qnamGateway)
{
    std::printf("in-process load (%d keep-alive connections on one load thread):\n", connections);
    const double baseline = runLoad(trivialServer.port(), connections, duration);
    printRow("HttpServer, trivial handler (baseline)", baseline, baseline);
    const double mockDirect = runLoad(mock.port(), connections, duration);
    printRow("MockBackend direct (JSON echo, 1 worker)", mockDirect, baseline);
    const double proxied = runLoad(gateway.port(), connections, duration);
    printRow("gateway: HttpClient -> trivial backend", proxied, baseline);
    const double proxiedMock = runLoad(gatewayToMock.port(), connections, duration);
    printRow("gateway: HttpClient -> MockBackend", proxiedMock, baseline);
    const double qnam = runLoad(qnamGateway.port(), connections, duration);
    printRow("gateway: QNetworkAccessManager -> trivial", qnam, baseline);
    std::printf("  HttpClient / QNAM as backend client: %.2fx\n", qnam > 0 ? proxied / qnam : 0);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 2;
    const int connections = args.size() > 2 ? args.at(2).toInt() : 32;
    const auto duration = std::chrono::milliseconds(seconds * 1000);
    const int workers = 2;
    std::printf("bench_http: %d connections, %d s per scenario, %d gateway workers, %d cores\n",
                connections,
                seconds,
                workers,
                QThread::idealThreadCount());

    auto trivialBackend = startServer(1, [](int) { return HttpServer::Handler(trivialHandler); });
    auto trivialServer
            = startServer(workers, [](int) { return HttpServer::Handler(trivialHandler); });
    MockBackend mock(QStringLiteral("bench"), QStringLiteral("local"));
    if (!mock.start())
        qFatal("mock backend: %s", qPrintable(mock.errorString()));
    auto gateway = startServer(workers, gatewayFactory(trivialBackend->url()));
    auto gatewayToMock = startServer(workers, gatewayFactory(mock.url()));
    auto qnamGateway = startServer(workers, qnamGatewayFactory(trivialBackend->url()));

    const bool wrkOnly = args.size() > 3 && args.at(3) == QLatin1String("wrk-only");
    if (!wrkOnly)
        runInProcess(connections,
                     duration,
                     *trivialServer,
                     mock,
                     *gateway,
                     *gatewayToMock,
                     *qnamGateway);
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty()) {
        std::printf("wrk: not installed, skipped\n");
        return 0;
    }
    std::printf("wrk -t1 -c32 -d%ds:\n", seconds);
    const WrkFigure wrkBaseline = wrkFigure(wrk, trivialServer->port(), seconds);
    printWrkRow("HttpServer, trivial handler (baseline)", wrkBaseline, wrkBaseline);
    printWrkRow("MockBackend direct (JSON echo, 1 worker)",
                wrkFigure(wrk, mock.port(), seconds),
                wrkBaseline);
    printWrkRow("gateway: HttpClient -> trivial backend",
                wrkFigure(wrk, gateway->port(), seconds),
                wrkBaseline);
    printWrkRow("gateway: HttpClient -> MockBackend",
                wrkFigure(wrk, gatewayToMock->port(), seconds),
                wrkBaseline);
    printWrkRow("gateway: QNetworkAccessManager -> trivial",
                wrkFigure(wrk, qnamGateway->port(), seconds),
                wrkBaseline);
    return 0;
}
