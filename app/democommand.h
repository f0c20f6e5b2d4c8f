// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class Gateway;
class ManualClock;
class QIODevice;
class QNetworkAccessManager;

// "apim-designer demo [STEP]": the article's story in a terminal. Serves the bundled workspace of
// that step with its mock backends, sends requests, knocks the primary out (404) and brings it
// back, printing each request's route, retry attempts and the cache entries with their time to
// live. The gateway runs on a manual clock, so the 10-second outage memory is skipped over
// instead of waited for.
class DemoCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCommand)

public:
    DemoCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~DemoCommand() override;
    int run(const QStringList &arguments);

private:
    void next();
    void call(const QString &region);
    void setPrimaryStatus(int status);
    void printCache();
    void print(QIODevice *device, const QString &text);

    QIODevice *m_out;
    QIODevice *m_err;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Gateway> m_gateway;
    QNetworkAccessManager *m_network = nullptr;
    QList<std::function<void()>> m_steps;
    int m_calls = 0;
    int m_exitCode = 0;
};
