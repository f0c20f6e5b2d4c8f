// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadrunnerwidget.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

LoadRunnerWidget::LoadRunnerWidget(QWidget *parent)
    : QWidget(parent)
    , m_runner(new LoadRunner(this))
    , m_total(new QSpinBox(this))
    , m_duration(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_start(new QPushButton(tr("Run"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_statistics(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_total->setRange(1, 10'000'000);
    m_total->setValue(200);
    m_total->setSuffix(tr(" requests"));
    m_duration->setRange(0, 3600);
    m_duration->setSpecialValueText(tr("count instead"));
    m_duration->setSuffix(tr(" s"));
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(8);
    m_rate->setRange(0, 100000);
    m_rate->setDecimals(1);
    m_rate->setSpecialValueText(tr("as fast as possible"));
    m_rate->setSuffix(tr(" /s"));
    m_statistics->setTextFormat(Qt::RichText);
    m_statistics->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #c62828"));

    auto *form = new QFormLayout;
    form->addRow(tr("Requests"), m_total);
    form->addRow(tr("Or for"), m_duration);
    form->addRow(tr("Concurrency"), m_concurrency);
    form->addRow(tr("Rate"), m_rate);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_statistics);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &LoadRunnerWidget::start);
    connect(m_cancel, &QPushButton::clicked, this, &LoadRunnerWidget::cancel);
    connect(m_runner, &LoadRunner::progress, this, &LoadRunnerWidget::updateStatistics);
    connect(m_runner, &LoadRunner::finished, this, [this](bool cancelled) {
        setRunning(false);
        updateStatistics();
        Q_EMIT runFinished(cancelled);
    });
    setRunning(false);
    updateStatistics();
}

LoadRunnerWidget::~LoadRunnerWidget() = default;

void LoadRunnerWidget::setRequestSource(RequestSource source)
{
    m_source = std::move(source);
}

void LoadRunnerWidget::setTotal(int total)
{
    m_total->setValue(total);
}

void LoadRunnerWidget::setConcurrency(int concurrency)
{
    m_concurrency->setValue(concurrency);
}

void LoadRunnerWidget::setRatePerSecond(double rate)
{
    m_rate->setValue(rate);
}

void LoadRunnerWidget::setDurationSeconds(int seconds)
{
    m_duration->setValue(seconds);
}

bool LoadRunnerWidget::start()
{
    QString error;
    LoadRunner::Settings settings;
    settings.requests = m_source ? m_source(&error) : QList<LoadRunner::Request>();
    if (settings.requests.isEmpty() && error.isEmpty())
        error = tr("no request to send");
    settings.total = m_total->value();
    settings.durationMs = m_duration->value() * 1000LL;
    settings.concurrency = m_concurrency->value();
    settings.ratePerSecond = m_rate->value();
    if (error.isEmpty() && !m_runner->start(settings))
        error = m_runner->errorString();
    m_message->setText(error);
    if (!error.isEmpty())
        return false;
    setRunning(true);
    Q_EMIT runStarted();
    return true;
}

void LoadRunnerWidget::cancel()
{
    m_runner->cancel();
}

QString LoadRunnerWidget::statisticsText() const
{
    return m_statistics->text();
}

void LoadRunnerWidget::updateStatistics()
{
    const LoadRunner &r = *m_runner;
    const int expected = r.expectedTotal();
    if (expected > 0) {
        m_progress->setRange(0, expected);
        m_progress->setValue(r.completed());
    } else if (m_duration->value() > 0) {
        m_progress->setRange(0, m_duration->value() * 1000);
        m_progress->setValue(int(qMin(r.elapsedSeconds(), double(m_duration->value())) * 1000));
    }
    const double seconds = r.elapsedSeconds();
    const double throughput = seconds > 0 ? double(r.completed()) / seconds : 0;
    const RunStatistics &s = r.statistics();
    m_statistics->setText(
            tr("<table cellspacing=6>"
               "<tr><td>Sent</td><td><b>%1</b></td><td>Completed</td><td><b>%2</b></td>"
               "<td>Failed (5xx or none)</td><td><b>%3</b></td></tr>"
               "<tr><td>Throughput</td><td><b>%4/s</b></td><td>Elapsed</td><td><b>%5 s</b></td>"
               "<td></td><td></td></tr>"
               "<tr><td>p50</td><td><b>%6 ms</b></td><td>p95</td><td><b>%7 ms</b></td>"
               "<td>p99</td><td><b>%8 ms</b></td></tr></table>")
                    .arg(r.sent())
                    .arg(r.completed())
                    .arg(r.failed())
                    .arg(throughput, 0, 'f', 0)
                    .arg(seconds, 0, 'f', 1)
                    .arg(s.percentileMs(50), 0, 'f', 2)
                    .arg(s.percentileMs(95), 0, 'f', 2)
                    .arg(s.percentileMs(99), 0, 'f', 2));
}

void LoadRunnerWidget::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
}
