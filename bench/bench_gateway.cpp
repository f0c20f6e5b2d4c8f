// SPDX-License-Identifier: GPL-3.0-or-later
// Gateway throughput: requests per second through the article's step 0 policy (set-backend-service,
// rewrite-uri, forward-request) to a mock backend, against the same load sent to the mock directly
// (the baseline, measured in the same run).
#include "gateway/gateway.h"
#include "http/mockbackend.h"
#include "workspace/workspaceserializer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int connections = 32;
constexpr int rounds = 300;

// Reads one Content-Length framed response; false on timeout.
bool readResponse(QTcpSocket &socket, QByteArray &buffer)
{
    while (true) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = buffer.toLower().indexOf("content-length:");
            const qsizetype lineEnd = buffer.indexOf("\r\n", at);
            const qsizetype length = buffer.mid(at + 15, lineEnd - at - 15).trimmed().toLongLong();
            if (buffer.size() >= end + 4 + length) {
                buffer.remove(0, end + 4 + length);
                return true;
            }
        }
        if (!socket.waitForReadyRead(5000))
            return false;
        buffer += socket.readAll();
    }
}

double requestsPerSecond(const QUrl &url, const QByteArray &request)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> buffers(connections);
    for (int i = 0; i < connections; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(url.host(), quint16(url.port()));
        if (!sockets.back()->waitForConnected(5000))
            return 0;
    }
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        for (auto &socket : sockets)
            socket->write(request);
        for (int i = 0; i < connections; ++i) {
            if (!readResponse(*sockets[i], buffers[i]))
                return 0;
        }
    }
    return connections * rounds * 1000.0 / qMax<qint64>(1, timer.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    WorkspaceLoadResult loaded = WorkspaceSerializer::load(
            QStringLiteral(APIM_SOURCE_DIR "/resources/workspaces/article-step0.apimws"));
    if (!loaded.ok())
        return 1;
    for (Workspace::Region &region : loaded.workspace.regions)
        region.port = 0;
    for (Workspace::MockBackend &mock : loaded.workspace.mocks)
        mock.port = 0;
    Gateway gateway(loaded.workspace);
    if (!gateway.start())
        return 1;
    const double direct = requestsPerSecond(gateway.mock(QStringLiteral("eus"))->url(),
                                            "GET /api/Hello?code=x HTTP/1.1\r\nHost: b\r\n\r\n");
    const double through = requestsPerSecond(gateway.endpoints().first().url,
                                             "GET /hello HTTP/1.1\r\nHost: gw\r\n\r\n");
    std::printf("%d requests over %d connections\n", connections * rounds, connections);
    std::printf("mock backend directly (baseline): %.0f req/s\n", direct);
    std::printf("through the gateway (step 0 policy): %.0f req/s\n", through);
    std::printf("ratio gateway/baseline: %.2f\n", direct > 0 ? through / direct : 0.0);
    return 0;
}
