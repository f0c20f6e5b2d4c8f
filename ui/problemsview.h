// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/sourcerange.h"

#include <QListView>

class DiagnosticModel;

// The problems panel: lists a DiagnosticModel; activating a row (double-click, Enter) asks to jump
// to the diagnostic's place.
class ProblemsView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsView)

public:
    explicit ProblemsView(DiagnosticModel *model, QWidget *parent = nullptr);

    // A few rows: the dock should leave the room to the editor and the diagram.
    QSize sizeHint() const override;

Q_SIGNALS:
    void positionActivated(const SourcePosition &position);

private:
    DiagnosticModel *m_model;
};
