// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httplistener.h"

HttpListener::HttpListener(DescriptorHandler handler, QObject *parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler))
{}

void HttpListener::incomingConnection(qintptr descriptor)
{
    m_handler(descriptor);
}
