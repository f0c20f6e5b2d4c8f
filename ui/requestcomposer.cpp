// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestcomposer.h"

#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

constexpr int requestTimeoutMs = 30000;
constexpr qsizetype maxKeptBody = 64 * 1024;

QPlainTextEdit *smallEditor(QWidget *parent, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setMaximumHeight(70);
    edit->setFont(QFont(QStringLiteral("monospace")));
    return edit;
}

} // namespace

RequestComposer::RequestComposer(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_history(new RequestHistoryModel(500, this))
    , m_method(new QComboBox(this))
    , m_region(new QComboBox(this))
    , m_path(new QLineEdit(QStringLiteral("/hello"), this))
    , m_headers(smallEditor(this, tr("Header: value (one per line)")))
    , m_body(smallEditor(this, tr("Request body")))
    , m_send(new QPushButton(tr("Send"), this))
    , m_replay(new QPushButton(tr("Send again"), this))
    , m_message(new QLabel(this))
    , m_historyTable(new QTableView(this))
    , m_response(new QPlainTextEdit(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_method->addItems({QStringLiteral("GET"),
                        QStringLiteral("POST"),
                        QStringLiteral("PUT"),
                        QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"),
                        QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS")});
    m_method->setEditable(true);
    m_region->setMinimumWidth(220);
    m_send->setDefault(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));
    m_historyTable->setModel(m_history);
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyTable->verticalHeader()->hide();
    m_historyTable->verticalHeader()->setDefaultSectionSize(m_historyTable->fontMetrics().height()
                                                            + 6);
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    const int narrow
            = m_historyTable->fontMetrics().horizontalAdvance(QStringLiteral("West Europe")) + 12;
    for (int c : {RequestHistoryModel::MethodColumn,
                  RequestHistoryModel::StatusColumn,
                  RequestHistoryModel::LatencyColumn})
        m_historyTable->horizontalHeader()->resizeSection(c, narrow / 2);
    m_historyTable->horizontalHeader()->resizeSection(RequestHistoryModel::TimeColumn, narrow);
    m_historyTable->horizontalHeader()->resizeSection(RequestHistoryModel::RegionColumn, narrow);
    m_historyTable->horizontalHeader()->resizeSection(RequestHistoryModel::UrlColumn, 200);
    m_response->setReadOnly(true);
    m_response->setFont(QFont(QStringLiteral("monospace")));
    m_response->setPlaceholderText(tr("The answer of the selected request"));

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_region);
    line->addWidget(m_path, 1);
    line->addWidget(m_send);
    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(line);
    auto *extras = new QHBoxLayout;
    extras->addWidget(m_headers, 1);
    extras->addWidget(m_body, 1);
    formLayout->addLayout(extras);
    formLayout->addWidget(m_message);
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(new QLabel(tr("Sent requests"), this), 1);
    historyBar->addWidget(m_replay);
    formLayout->addLayout(historyBar);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_historyTable);
    splitter->addWidget(m_response);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(form);
    layout->addWidget(splitter, 1);

    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { send(); });
    connect(m_replay, &QPushButton::clicked, this, &RequestComposer::replaySelected);
    connect(m_historyTable->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showEntry(m_history->entryAt(current.row()));
            });
    setFrontends({});
}

RequestComposer::~RequestComposer() = default;

void RequestComposer::setFrontends(const QList<LiveGateway::Frontend> &frontends)
{
    const QString previous = m_region->currentText();
    m_region->clear();
    for (const LiveGateway::Frontend &f : frontends)
        m_region->addItem(QStringLiteral("%1 — %2").arg(f.region, f.url.toString()), f.url);
    for (int i = 0; i < frontends.size(); ++i) {
        if (m_region->itemText(i) == previous)
            m_region->setCurrentIndex(i);
    }
    m_send->setEnabled(!frontends.isEmpty());
    m_replay->setEnabled(!frontends.isEmpty());
    m_message->setText(frontends.isEmpty() ? tr("Start the gateway to send requests.") : QString());
    m_message->setStyleSheet(QString());
}

void RequestComposer::setMethod(const QString &method)
{
    m_method->setCurrentText(method);
}

void RequestComposer::setRegion(const QString &region)
{
    for (int i = 0; i < m_region->count(); ++i) {
        if (m_region->itemText(i).startsWith(region + u" —"))
            m_region->setCurrentIndex(i);
    }
}

void RequestComposer::setPath(const QString &path)
{
    m_path->setText(path);
}

void RequestComposer::setHeaders(const QString &headers)
{
    m_headers->setPlainText(headers);
}

void RequestComposer::setBody(const QString &body)
{
    m_body->setPlainText(body);
}

QString RequestComposer::currentRegion() const
{
    return m_region->currentText().section(QStringLiteral(" — "), 0, 0);
}

LoadRunner::Request RequestComposer::currentRequest(QString *error) const
{
    LoadRunner::Request request;
    request.method = m_method->currentText().trimmed().toUpper().toLatin1();
    const QString path = m_path->text().trimmed();
    if (path.startsWith(u"http://") || path.startsWith(u"https://")) {
        request.url = QUrl(path);
    } else {
        const QUrl base = m_region->currentData().toUrl();
        request.url = base.resolved(QUrl(path.startsWith(u'/') ? path : u'/' + path));
    }
    int lineNumber = 0;
    for (const QString &line : m_headers->toPlainText().split(u'\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0) {
            *error = tr("header line %1 is not \"Name: value\"").arg(lineNumber);
            return {};
        }
        request.headers.append(
                {line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    request.body = m_body->toPlainText().toUtf8();
    if (request.method.isEmpty())
        *error = tr("no method");
    else if (!request.url.isValid() || request.url.host().isEmpty())
        *error = tr("no front-end to send to: start the gateway, or give a full URL");
    return request;
}

bool RequestComposer::send(QString *error)
{
    QString why;
    const LoadRunner::Request request = currentRequest(&why);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));
    m_message->setText(why);
    if (error)
        *error = why;
    if (!why.isEmpty())
        return false;
    sendRequest(currentRegion(), request);
    return true;
}

void RequestComposer::sendRequest(const QString &region, const LoadRunner::Request &request)
{
    QNetworkRequest r(request.url);
    r.setTransferTimeout(requestTimeoutMs);
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    RequestHistoryModel::Entry entry;
    entry.sentAtMs = QDateTime::currentMSecsSinceEpoch();
    entry.region = region;
    entry.request = request;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network->sendCustomRequest(r, request.method, request.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, entry, clock] {
        RequestHistoryModel::Entry done = entry;
        done.latencyUs = clock.nsecsElapsed() / 1000;
        onFinished(reply, done);
    });
}

void RequestComposer::onFinished(QNetworkReply *reply, RequestHistoryModel::Entry entry)
{
    reply->deleteLater();
    entry.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    entry.responseBody = body.left(maxKeptBody);
    entry.servedBy = LoadRunner::backendOf(reply, body);
    if (entry.status == 0)
        entry.error = reply->errorString();
    m_history->append(entry);
    m_historyTable->scrollToBottom();
    m_historyTable->selectRow(m_history->rowCount() - 1);
    Q_EMIT requestFinished(entry);
}

void RequestComposer::replaySelected()
{
    const QModelIndex current = m_historyTable->currentIndex();
    if (!current.isValid())
        return;
    const RequestHistoryModel::Entry &entry = m_history->entryAt(current.row());
    sendRequest(entry.region, entry.request);
}

void RequestComposer::showEntry(const RequestHistoryModel::Entry &entry)
{
    QString text;
    if (entry.status > 0) {
        text = tr("%1 from %2 in %3 ms\n\n")
                       .arg(entry.status)
                       .arg(entry.servedBy.isEmpty() ? tr("the gateway") : entry.servedBy)
                       .arg(double(entry.latencyUs) / 1000.0, 0, 'f', 1);
        const QJsonDocument json = QJsonDocument::fromJson(entry.responseBody);
        text += json.isNull() ? QString::fromUtf8(entry.responseBody)
                              : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    } else {
        text = tr("No answer: %1").arg(entry.error);
    }
    m_response->setPlainText(text);
}
