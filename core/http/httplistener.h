// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

#include <functional>

// A QTcpServer that hands accepted descriptors on instead of creating sockets on the accepting
// thread, so each connection's socket is created by (and lives on) the worker that serves it.
class HttpListener final : public QTcpServer
{
    Q_OBJECT

public:
    using DescriptorHandler = std::function<void(qintptr)>;

    explicit HttpListener(DescriptorHandler handler, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    DescriptorHandler m_handler;
};
