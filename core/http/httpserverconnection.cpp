// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpserverconnection.h"

#include "http/httpresponder.h"
#include "http/httpserverworker.h"
#include "http/httpstreamsocket.h"
#include "http/httpwirewriter.h"

#include <algorithm>

using namespace std::chrono_literals;

namespace {
// How long a closing connection may take to flush its last answer to a client that does not read.
constexpr auto LingerTimeout = 2s;
// Bytes read from the socket at a time. The parser consumes each chunk whole unless the pipeline is
// full, and then nothing more is read: at most one chunk of unparsed input is ever held, and an
// incomplete request is capped by the parser's limits (431 for the headers, 413 for the body).
constexpr qint64 ReadChunk = 16 * 1024;

// Framing and connection management belong to this server.
bool isOwnField(const HttpHeaders::Field &field)
{
    return HttpHeaders::namesEqual(field.name, "Content-Length")
           || HttpHeaders::namesEqual(field.name, "Transfer-Encoding")
           || HttpHeaders::namesEqual(field.name, "Connection");
}
} // namespace

HttpServerConnection::HttpServerConnection(HttpServerWorker *worker, qintptr descriptor)
    : QObject(worker)
    , m_worker(worker)
    , m_socket(new HttpStreamSocket(this))
    , m_parser(worker->options().limits)
{
    m_lastActivity = Clock::now();
    if (!m_socket->open(descriptor)) {
        m_closing = true;
        m_closingSince = m_lastActivity - LingerTimeout; // reaped by the next sweep
        return;
    }
    connect(m_socket, &HttpStreamSocket::readyRead, this, &HttpServerConnection::readInput);
    connect(m_socket, &HttpStreamSocket::closed, this, &HttpServerConnection::finish);
}

HttpServerConnection::~HttpServerConnection() = default;

void HttpServerConnection::readInput()
{
    m_readPaused = false;
    const int maxPipelined = m_worker->options().maxPipelinedRequests;
    while (!m_readClosed) {
        if (m_unanswered >= maxPipelined) {
            // Left in the kernel's bounded buffer, so TCP pushes back on the client; the socket
            // signals no more until it is read again, so writeReadySlots() resumes here.
            m_readPaused = true;
            return;
        }
        QByteArray &buffer = m_worker->readBuffer();
        buffer.resize(ReadChunk); // keeps the capacity: no allocation per read
        const qint64 got = m_socket->read(buffer.data(), ReadChunk);
        if (got < 0) {
            // The client closed: what was already written still goes out.
            closeGracefully();
            return;
        }
        if (got == 0)
            return;
        if (m_inPos == m_in.size()) {
            m_in.resize(0); // keeps the capacity: no allocation per request
            m_inPos = 0;
        }
        m_in.append(buffer.constData(), got);
        m_lastActivity = Clock::now();
        processInput();
        // All that was there has been read: the next readyRead() tells of more, without asking
        // the kernel again now.
        if (got < ReadChunk)
            return;
    }
}

void HttpServerConnection::processInput()
{
    m_processing = true;
    const int maxPipelined = m_worker->options().maxPipelinedRequests;
    while (!m_readClosed && m_inPos < m_in.size() && m_unanswered < maxPipelined) {
        if (!m_parser.hasPartialMessage())
            m_requestStart = m_lastActivity;
        HttpRequestParser::Result result = m_parser.feed(QByteArrayView(m_in).sliced(m_inPos));
        m_inPos += result.consumed;
        if (result.expectContinue)
            queueReady("HTTP/1.1 100 Continue\r\n\r\n", false);
        if (result.status == HttpRequestParser::Status::NeedMore)
            break;
        if (result.status == HttpRequestParser::Status::Error) {
            queueFinal(result.errorStatus, result.errorMessage);
            break;
        }
        dispatch(std::move(result.request));
    }
    m_processing = false;
    if (m_inPos == m_in.size()) {
        m_in.resize(0);
        m_inPos = 0;
    }
}

void HttpServerConnection::dispatch(HttpRequest &&request)
{
    request.peerAddress = m_socket->peerAddress();
    request.peerPort = m_socket->peerPort();
    request.localPort = m_socket->localPort();
    Slot &slot = m_slots.emplace_back();
    slot.sequence = m_nextSequence++;
    slot.closeAfter = !request.keepAlive;
    slot.headRequest = request.method == "HEAD";
    ++m_unanswered;
    if (!request.keepAlive || m_worker->isDraining())
        m_readClosed = true;
    const HttpServer::Handler &handler = m_worker->handler();
    if (handler)
        handler(std::move(request), HttpResponder(this, slot.sequence));
    else
        respond(slot.sequence, HttpResponse(503, "no request handler\n", "text/plain"));
}

HttpServerConnection::Slot *HttpServerConnection::findSlot(quint64 sequence)
{
    if (m_slots.empty() || sequence < m_slots.front().sequence)
        return nullptr;
    const quint64 index = sequence - m_slots.front().sequence;
    return index < m_slots.size() ? &m_slots[index] : nullptr;
}

bool HttpServerConnection::isPending(quint64 sequence) const
{
    if (m_closing || m_slots.empty() || sequence < m_slots.front().sequence)
        return false;
    const quint64 index = sequence - m_slots.front().sequence;
    return index < m_slots.size() && !m_slots[index].ready;
}

void HttpServerConnection::respond(quint64 sequence, HttpResponse &&response)
{
    Slot *slot = m_closing ? nullptr : findSlot(sequence);
    if (!slot || slot->ready)
        return;
    slot->ready = true;
    --m_unanswered;
    slot->closeAfter = slot->closeAfter || m_worker->isDraining();
    if (slot == &m_slots.front()) {
        // The common case: serialise into the connection's reused buffer, no per-answer array.
        const bool close = slot->closeAfter;
        serialize(response, slot->headRequest, close, m_out);
        m_slots.pop_front();
        m_socket->write(m_out);
        if (close) {
            closeGracefully();
            return;
        }
    } else {
        serialize(response, slot->headRequest, slot->closeAfter, slot->bytes);
    }
    writeReadySlots();
}

void HttpServerConnection::writeReadySlots()
{
    while (!m_closing && !m_slots.empty() && m_slots.front().ready) {
        const Slot slot = std::move(m_slots.front());
        m_slots.pop_front();
        m_socket->write(slot.bytes);
        if (slot.closeAfter) {
            closeGracefully();
            return;
        }
    }
    if (m_closing)
        return;
    m_lastActivity = Clock::now();
    if (m_slots.empty() && m_worker->isDraining() && !m_parser.hasPartialMessage()) {
        closeGracefully();
        return;
    }
    if (!m_processing && !m_readClosed && m_unanswered < m_worker->options().maxPipelinedRequests) {
        if (m_inPos < m_in.size())
            processInput();
        if (!m_closing && m_readPaused)
            readInput();
    }
}

void HttpServerConnection::queueReady(QByteArray bytes, bool closeAfter)
{
    Slot &slot = m_slots.emplace_back();
    slot.sequence = m_nextSequence++;
    slot.bytes = std::move(bytes);
    slot.ready = true;
    slot.closeAfter = closeAfter;
    writeReadySlots();
}

void HttpServerConnection::queueFinal(int status, const QString &message)
{
    m_readClosed = true;
    m_in.clear();
    m_inPos = 0;
    QByteArray bytes;
    HttpResponse response(status,
                          QByteArray::number(status) + ' '
                                  + HttpResponse::standardReason(status).toByteArray() + ": "
                                  + message.toUtf8() + '\n',
                          "text/plain; charset=utf-8");
    serialize(response, false, true, bytes);
    queueReady(std::move(bytes), true);
}

void HttpServerConnection::rejectOverloaded()
{
    queueFinal(503, QStringLiteral("too many connections"));
}

void HttpServerConnection::startDraining()
{
    m_readClosed = true;
    if (m_slots.empty() && !m_parser.hasPartialMessage())
        closeGracefully();
}

void HttpServerConnection::checkTimeouts(Clock::time_point now)
{
    const HttpServer::Options &options = m_worker->options();
    if (m_closing) {
        if (now - m_closingSince > LingerTimeout)
            abortConnection();
        return;
    }
    if (m_parser.hasPartialMessage() && !m_readClosed) {
        const auto elapsed = now - m_requestStart;
        if (!m_parser.headersComplete() && elapsed > options.headerReadTimeout) {
            queueFinal(408,
                       QStringLiteral("request headers not received within %1 ms")
                               .arg(options.headerReadTimeout.count()));
        } else if (elapsed > options.requestReadTimeout) {
            queueFinal(408,
                       QStringLiteral("request body not received within %1 ms")
                               .arg(options.requestReadTimeout.count()));
        }
        return;
    }
    if (m_slots.empty() && now - m_lastActivity > options.idleTimeout)
        closeGracefully();
}

void HttpServerConnection::closeGracefully()
{
    if (m_closing)
        return;
    m_closing = true;
    m_readClosed = true;
    m_closingSince = Clock::now();
    m_socket->closeGracefully(); // emits closed() once the answer is flushed
}

void HttpServerConnection::abortConnection()
{
    m_closing = true;
    m_readClosed = true;
    m_socket->abort();
    finish();
}

void HttpServerConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closing = true;
    m_slots.clear();
    m_worker->connectionFinished(this);
}

void HttpServerConnection::serialize(const HttpResponse &response,
                                     bool headRequest,
                                     bool close,
                                     QByteArray &out)
{
    static constexpr QByteArrayView Version("HTTP/1.1 ");
    static constexpr QByteArrayView LengthName("Content-Length: ");
    static constexpr QByteArrayView CloseField("Connection: close\r\n");
    static constexpr QByteArrayView LineEnd("\r\n");
    const HttpWireWriter::Number status(response.status);
    const QByteArrayView reason = response.reasonPhrase();
    qsizetype size = Version.size() + status.view().size() + 1 + reason.size() + LineEnd.size();
    for (const HttpHeaders::Field &field : response.headers) {
        if (!isOwnField(field))
            size += HttpWireWriter::fieldSize(field);
    }
    const bool bodyAllowed = response.statusAllowsBody();
    const HttpWireWriter::Number length(response.body.size());
    if (bodyAllowed)
        size += LengthName.size() + length.view().size() + LineEnd.size();
    if (close)
        size += CloseField.size();
    const bool withBody = bodyAllowed && !headRequest;
    size += LineEnd.size() + (withBody ? response.body.size() : 0);

    // Sized once and filled in place: the capacity survives resize(), so a kept-alive connection
    // writes every answer into the same memory.
    HttpWireWriter writer(out, size);
    writer << Version << status.view() << " " << reason << LineEnd;
    for (const HttpHeaders::Field &field : response.headers) {
        if (!isOwnField(field))
            writer.field(field);
    }
    if (bodyAllowed)
        writer << LengthName << length.view() << LineEnd;
    if (close)
        writer << CloseField;
    writer << LineEnd;
    if (withBody)
        writer << response.body;
    Q_ASSERT(writer.isFull());
}
