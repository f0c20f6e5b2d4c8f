// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/mockbackend.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

// One mock backend's controls: its mode (healthy, fixed status, latency, hang, refuse, reset, flap
// every Nth call or for a while) with the parameters that mode uses, and a live hit counter. A
// change applies at once, so a backend can be knocked out in one click during a demo.
class MockBackendWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockBackendWidget)

public:
    // The choices of the mode switch, in its order.
    enum class Choice {
        Healthy,
        Status,
        Latency,
        Hang,
        Refuse,
        Reset,
        FlapEveryNth,
        FlapForDuration
    };
    Q_ENUM(Choice)

    explicit MockBackendWidget(MockBackend *backend, QWidget *parent = nullptr);
    ~MockBackendWidget() override;

    MockBackend *backend() const { return m_backend; }
    void setChoice(Choice choice);
    Choice choice() const;
    void setStatus(int status);
    void setLatencyMs(int ms);
    QString hitsText() const;

private:
    void apply();
    void showParameters();
    void updateHits();

    QPointer<MockBackend> m_backend;
    QComboBox *m_mode;
    QSpinBox *m_status;
    QSpinBox *m_latency;
    QSpinBox *m_everyNth;
    QSpinBox *m_failForMs;
    QLabel *m_hits;
    QLabel *m_address;
};
