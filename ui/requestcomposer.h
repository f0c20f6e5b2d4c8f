// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/livegateway.h"
#include "live/requesthistorymodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// Builds one request (method, region's front-end, path, headers, body), sends it to the gateway and
// keeps a history with status, time and the backend that answered; any entry can be sent again.
class RequestComposer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestComposer)

public:
    explicit RequestComposer(QWidget *parent = nullptr);
    ~RequestComposer() override;

    void setFrontends(const QList<LiveGateway::Frontend> &frontends);
    void setMethod(const QString &method);
    void setRegion(const QString &region);
    void setPath(const QString &path);
    // "Name: value" per line.
    void setHeaders(const QString &headers);
    void setBody(const QString &body);

    // Sends what the form holds; false with the reason shown (and returned) when it cannot.
    bool send(QString *error = nullptr);
    // The request the form holds, with the reason in error when it is unusable.
    LoadRunner::Request currentRequest(QString *error) const;
    QString currentRegion() const;
    RequestHistoryModel *history() const { return m_history; }
    QTableView *historyTable() const { return m_historyTable; }

Q_SIGNALS:
    void requestFinished(const RequestHistoryModel::Entry &entry);

private:
    void sendRequest(const QString &region, const LoadRunner::Request &request);
    void onFinished(QNetworkReply *reply, RequestHistoryModel::Entry entry);
    void replaySelected();
    void showEntry(const RequestHistoryModel::Entry &entry);

    QNetworkAccessManager *m_network;
    RequestHistoryModel *m_history;
    QComboBox *m_method;
    QComboBox *m_region;
    QLineEdit *m_path;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QPushButton *m_replay;
    QLabel *m_message;
    QTableView *m_historyTable;
    QPlainTextEdit *m_response;
};
