// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QObject>

// Answers the next modal message box the window opens (polled, since the box's own event loop
// runs inside the call that opened it) and counts the questions answered.
class ModalAnswerer final : public QObject
{
    Q_DISABLE_COPY_MOVE(ModalAnswerer)

public:
    ModalAnswerer() = default;

    void answerNext(QMessageBox::StandardButton button);
    int answered() const { return m_answered; }
    void reset() { m_answered = 0; }

private:
    int m_answered = 0;
};
