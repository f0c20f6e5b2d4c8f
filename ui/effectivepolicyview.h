// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/scopeinheritance.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

// The merged policy of an API or operation, read-only, each policy's lines tinted with the colour
// of the scope it came from, and a legend naming each scope's document.
class EffectivePolicyView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EffectivePolicyView)

public:
    explicit EffectivePolicyView(QWidget *parent = nullptr);
    ~EffectivePolicyView() override;

    void setEffective(const QString &title, const ScopeInheritance::Text &effective);
    // Shows message instead of a policy (e.g. for a fragment, which has no effective policy).
    void showMessage(const QString &message);

    QPlainTextEdit *textEdit() const { return m_text; }
    QString legendText() const;
    // 1-based; None outside a policy.
    PolicyOrigin lineOrigin(int line) const;
    // The tint behind a line, invalid when it has none.
    QColor lineColor(int line) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTints();

    QLabel *m_title;
    QLabel *m_legend;
    QPlainTextEdit *m_text;
    QList<PolicyOrigin> m_lineOrigins;
};
