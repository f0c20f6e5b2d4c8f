// SPDX-License-Identifier: GPL-3.0-or-later
#include "mockbackendwidget.h"

#include "http/mockbackend.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

namespace {

QSpinBox *spin(
        QWidget *parent, int min, int max, int value, const QString &prefix, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setPrefix(prefix);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

MockBackendWidget::MockBackendWidget(MockBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_mode(new QComboBox(this))
    , m_status(spin(this, 100, 599, 503, tr("status "), {}))
    , m_latency(spin(this, 0, 120000, 0, tr("+"), tr(" ms")))
    , m_everyNth(spin(this, 1, 1000, 2, tr("every "), tr(" calls")))
    , m_failForMs(spin(this, 0, 3600000, 10000, tr("for "), tr(" ms")))
    , m_hits(new QLabel(this))
    , m_address(new QLabel(this))
{
    m_mode->addItem(tr("Healthy"), int(Choice::Healthy));
    m_mode->addItem(tr("Status"), int(Choice::Status));
    m_mode->addItem(tr("Latency"), int(Choice::Latency));
    m_mode->addItem(tr("Hang"), int(Choice::Hang));
    m_mode->addItem(tr("Refuse"), int(Choice::Refuse));
    m_mode->addItem(tr("Reset"), int(Choice::Reset));
    m_mode->addItem(tr("Flap every Nth"), int(Choice::FlapEveryNth));
    m_mode->addItem(tr("Flap for a while"), int(Choice::FlapForDuration));
    m_mode->setToolTip(tr("What this backend does with the calls it gets"));
    auto *name = new QLabel(
            QStringLiteral("<b>%1</b> <small>%2</small>")
                    .arg(backend->name().toHtmlEscaped(), backend->region().toHtmlEscaped()),
            this);
    name->setMinimumWidth(130);
    m_address->setText(backend->url().toString());
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hits->setMinimumWidth(150);
    auto *reset = new QPushButton(tr("Reset hits"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(name);
    layout->addWidget(m_mode);
    for (QWidget *w : {static_cast<QWidget *>(m_status),
                       static_cast<QWidget *>(m_latency),
                       static_cast<QWidget *>(m_everyNth),
                       static_cast<QWidget *>(m_failForMs)})
        layout->addWidget(w);
    layout->addStretch(1);
    layout->addWidget(m_hits);
    layout->addWidget(m_address);
    layout->addWidget(reset);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &MockBackendWidget::apply);
    for (QSpinBox *box : {m_status, m_latency, m_everyNth, m_failForMs})
        connect(box, &QSpinBox::valueChanged, this, &MockBackendWidget::apply);
    connect(reset, &QPushButton::clicked, backend, &MockBackend::resetHits);
    connect(backend, &MockBackend::hitsChanged, this, &MockBackendWidget::updateHits);
    showParameters();
    updateHits();
}

MockBackendWidget::~MockBackendWidget() = default;

void MockBackendWidget::setChoice(Choice choice)
{
    m_mode->setCurrentIndex(m_mode->findData(int(choice)));
}

MockBackendWidget::Choice MockBackendWidget::choice() const
{
    return Choice(m_mode->currentData().toInt());
}

void MockBackendWidget::setStatus(int status)
{
    m_status->setValue(status);
}

void MockBackendWidget::setLatencyMs(int ms)
{
    m_latency->setValue(ms);
}

QString MockBackendWidget::hitsText() const
{
    return m_hits->text();
}

void MockBackendWidget::apply()
{
    if (choice() == Choice::Latency && m_latency->value() == 0) {
        const QSignalBlocker blocker(m_latency);
        m_latency->setValue(500); // a latency mode that adds nothing would look broken
    }
    showParameters();
    if (!m_backend)
        return;
    MockBackend::Behaviour b;
    b.status = m_status->value();
    b.everyNth = m_everyNth->value();
    b.failFor = std::chrono::milliseconds(m_failForMs->value());
    b.latency = std::chrono::milliseconds(m_latency->value());
    switch (choice()) {
    case Choice::Healthy:
        b.mode = MockBackend::Mode::Healthy;
        b.latency = std::chrono::milliseconds(0);
        break;
    case Choice::Latency:
        b.mode = MockBackend::Mode::Healthy;
        break;
    case Choice::Status:
        b.mode = MockBackend::Mode::FixedStatus;
        break;
    case Choice::Hang:
        b.mode = MockBackend::Mode::Hang;
        break;
    case Choice::Refuse:
        b.mode = MockBackend::Mode::RefuseConnections;
        break;
    case Choice::Reset:
        b.mode = MockBackend::Mode::ResetConnections;
        break;
    case Choice::FlapEveryNth:
        b.mode = MockBackend::Mode::FlapEveryNth;
        break;
    case Choice::FlapForDuration:
        b.mode = MockBackend::Mode::FlapForDuration;
        break;
    }
    m_backend->setBehaviour(b);
}

void MockBackendWidget::showParameters()
{
    const Choice c = choice();
    const bool flap = c == Choice::FlapEveryNth || c == Choice::FlapForDuration;
    m_status->setVisible(c == Choice::Status || flap);
    m_latency->setVisible(c != Choice::Healthy && c != Choice::Hang && c != Choice::Refuse
                          && c != Choice::Reset);
    m_everyNth->setVisible(c == Choice::FlapEveryNth);
    m_failForMs->setVisible(c == Choice::FlapForDuration);
}

void MockBackendWidget::updateHits()
{
    if (!m_backend)
        return;
    const MockBackend::Hits hits = m_backend->hits();
    QStringList byStatus;
    for (auto it = hits.byStatus.cbegin(); it != hits.byStatus.cend(); ++it)
        byStatus.append(QStringLiteral("%1×%2")
                                .arg(it.key() == 0 ? tr("none") : QString::number(it.key()))
                                .arg(it.value()));
    m_hits->setText(tr("<b>%n hit(s)</b>", nullptr, int(hits.total))
                    + (byStatus.isEmpty() ? QString() : u"  " + byStatus.join(u' ')));
}
