// SPDX-License-Identifier: GPL-3.0-or-later
#include "effectivepolicyview.h"

#include "scopepalette.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

EffectivePolicyView::EffectivePolicyView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_legend);
    layout->addWidget(m_text, 1);
    showMessage(tr("Select an API or an operation to see its effective policy."));
}

EffectivePolicyView::~EffectivePolicyView() = default;

void EffectivePolicyView::setEffective(const QString &title,
                                       const ScopeInheritance::Text &effective)
{
    m_title->setText(tr("<b>Effective policy of %1</b>").arg(title.toHtmlEscaped()));
    m_lineOrigins = effective.lineOrigins;
    // Keep the reader's place while the text is edited elsewhere.
    const int scroll = m_text->verticalScrollBar()->value();
    m_text->setPlainText(effective.text);
    m_text->verticalScrollBar()->setValue(scroll);

    QList<PolicyOrigin> seen;
    for (const PolicyOrigin &origin : std::as_const(m_lineOrigins)) {
        if (origin.scope != PolicyScope::None && !seen.contains(origin))
            seen.append(origin);
    }
    QStringList entries;
    for (const PolicyOrigin &origin : std::as_const(seen)) {
        entries.append(QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;</span> %2")
                               .arg(ScopePalette::color(origin.scope).name(),
                                    ScopePalette::originLabel(origin).toHtmlEscaped()));
    }
    for (const Diagnostic &diagnostic : effective.diagnostics)
        entries.append(QStringLiteral("<span style='color:#c62828'>%1</span>")
                               .arg(diagnostic.toString().toHtmlEscaped()));
    m_legend->setText(entries.join(QStringLiteral("<br>")));
    m_legend->setVisible(!entries.isEmpty());
    applyTints();
}

void EffectivePolicyView::showMessage(const QString &message)
{
    m_title->setText(message);
    m_legend->clear();
    m_legend->hide();
    m_lineOrigins.clear();
    m_text->clear();
    applyTints();
}

QString EffectivePolicyView::legendText() const
{
    return m_legend->text();
}

PolicyOrigin EffectivePolicyView::lineOrigin(int line) const
{
    return line >= 1 && line <= m_lineOrigins.size() ? m_lineOrigins.at(line - 1) : PolicyOrigin();
}

QColor EffectivePolicyView::lineColor(int line) const
{
    return ScopePalette::background(lineOrigin(line).scope,
                                    m_text->palette().color(QPalette::Base));
}

void EffectivePolicyView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTints();
}

void EffectivePolicyView::applyTints()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (QTextBlock block = m_text->document()->begin(); block.isValid(); block = block.next()) {
        const QColor tint = lineColor(block.blockNumber() + 1);
        if (!tint.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(tint);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.format.setToolTip(ScopePalette::originLabel(lineOrigin(block.blockNumber() + 1)));
        selections.append(selection);
    }
    m_text->setExtraSelections(selections);
}
