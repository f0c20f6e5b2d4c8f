// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/loadrunner.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;

// Runs N requests (or for a duration) with a concurrency and an optional rate, showing progress,
// throughput and latency percentiles while it runs; cancel stops it at once.
class LoadRunnerWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadRunnerWidget)

public:
    // Gives the requests to send (the composer's), or an empty list and the reason.
    using RequestSource = std::function<QList<LoadRunner::Request>(QString *error)>;

    explicit LoadRunnerWidget(QWidget *parent = nullptr);
    ~LoadRunnerWidget() override;

    void setRequestSource(RequestSource source);
    void setTotal(int total);
    void setConcurrency(int concurrency);
    void setRatePerSecond(double rate);
    void setDurationSeconds(int seconds);
    // Starts a run with the form's settings; false with the reason shown.
    bool start();
    void cancel();

    LoadRunner *runner() const { return m_runner; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statisticsText() const;

Q_SIGNALS:
    void runStarted();
    void runFinished(bool cancelled);

private:
    void updateStatistics();
    void setRunning(bool running);

    LoadRunner *m_runner;
    RequestSource m_source;
    QSpinBox *m_total;
    QSpinBox *m_duration;
    QSpinBox *m_concurrency;
    QDoubleSpinBox *m_rate;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_statistics;
    QLabel *m_message;
};
