// SPDX-License-Identifier: GPL-3.0-or-later
#include "policycompleter.h"

#include "policy/policyschema.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTreeView>

namespace {

constexpr int itemRole = Qt::UserRole + 1;
// Long descriptions are cut here; the full text is the row's tool tip.
constexpr int maxDetailWidth = 360;

// Characters after which completion opens by itself; anything else (space in text, digits
// after a value) waits for Ctrl+Space.
bool triggersCompletion(QChar c)
{
    return c.isLetter() || c == u'<' || c == u'/' || c == u'"' || c == u'\'' || c == u'.'
           || c == u'{' || c == u'-' || c == u' ' || c == u'(';
}

QString decorated(const CompletionItem &item)
{
    switch (item.kind) {
    case CompletionItem::Kind::Element:
        return u'<' + item.label + u'>';
    case CompletionItem::Kind::ClosingTag:
        return QStringLiteral("</") + item.label + u'>';
    case CompletionItem::Kind::Method:
        return item.label + QStringLiteral("()");
    case CompletionItem::Kind::NamedValue:
        return QStringLiteral("{{") + item.label + QStringLiteral("}}");
    case CompletionItem::Kind::Attribute:
    case CompletionItem::Kind::Value:
    case CompletionItem::Kind::Property:
        break;
    }
    return item.label;
}

} // namespace

PolicyCompleter::PolicyCompleter(QPlainTextEdit *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_completer(new QCompleter(this))
    , m_model(new QStandardItemModel(this))
    , m_engine(PolicySchema::builtin())
{
    // Two columns: what is inserted, and its type or description.
    auto *view = new QTreeView;
    view->setRootIsDecorated(false);
    view->setHeaderHidden(true);
    view->setUniformRowHeights(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTextElideMode(Qt::ElideRight);
    m_completer->setPopup(view);
    // The engine filters and orders; the completer only shows its list.
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(editor);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer,
            qOverload<const QModelIndex &>(&QCompleter::activated),
            this,
            &PolicyCompleter::insert);
}

void PolicyCompleter::setNamedValues(const QList<CompletionEngine::NamedValue> &namedValues)
{
    m_engine.setNamedValues(namedValues);
}

bool PolicyCompleter::handleKeyPress(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showCompletions();
        event->accept();
        return true;
    }
    if (!isPopupVisible())
        return false;
    switch (event->key()) {
    case Qt::Key_Enter:
    case Qt::Key_Return:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        // Left unaccepted, QCompleter's popup handles it (inserts or closes).
        event->ignore();
        return true;
    default:
        return false;
    }
}

void PolicyCompleter::keyHandled(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return;
    const QString typed = event->text();
    if (isPopupVisible()) {
        refresh();
        return;
    }
    if (typed.size() == 1 && triggersCompletion(typed.front()))
        refresh();
}

void PolicyCompleter::showCompletions()
{
    refresh();
}

bool PolicyCompleter::isPopupVisible() const
{
    return m_completer->popup()->isVisible();
}

QAbstractItemView *PolicyCompleter::popup() const
{
    return m_completer->popup();
}

void PolicyCompleter::refresh()
{
    const QTextCursor cursor = m_editor->textCursor();
    const CompletionEngine::Result result
            = cursor.hasSelection()
                      ? CompletionEngine::Result{}
                      : m_engine.complete(m_editor->document()->toPlainText(), cursor.position());
    m_items = result.items;
    if (m_items.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_model->clear();
    const QColor detailColor = m_editor->palette().color(QPalette::PlaceholderText);
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const CompletionItem &item = m_items.at(i);
        auto *label = new QStandardItem(decorated(item));
        label->setData(int(i), itemRole);
        auto *detail = new QStandardItem(item.detail.section(u'\n', 0, 0));
        detail->setForeground(detailColor);
        // Secrets in italics, beside a detail that says so instead of their value.
        if (item.secret) {
            QFont font = m_editor->font();
            font.setItalic(true);
            label->setFont(font);
        }
        for (QStandardItem *cell : {label, detail})
            cell->setToolTip(item.detail);
        m_model->appendRow({label, detail});
    }
    auto *list = static_cast<QTreeView *>(m_completer->popup());
    list->header()->resizeSections(QHeaderView::ResizeToContents);
    list->setColumnWidth(1, qMin(list->columnWidth(1), maxDetailWidth));
    QRect rect = m_editor->cursorRect();
    rect.translate(m_editor->viewport()->mapTo(m_editor, QPoint(0, 0)));
    rect.setWidth(list->columnWidth(0) + list->columnWidth(1)
                  + list->verticalScrollBar()->sizeHint().width() + 2 * list->frameWidth());
    m_completer->complete(rect);
    list->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void PolicyCompleter::insert(const QModelIndex &index)
{
    const qsizetype row = index.data(itemRole).toInt();
    if (row < 0 || row >= m_items.size())
        return;
    const CompletionItem item = m_items.at(row);
    // The text may have changed since the list was made: take the range at the cursor now.
    const QTextCursor at = m_editor->textCursor();
    const CompletionEngine::Result result
            = m_engine.complete(m_editor->document()->toPlainText(), at.position());
    if (result.replaceBegin < 0)
        return;
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(result.replaceBegin));
    cursor.setPosition(int(result.replaceEnd), QTextCursor::KeepAnchor);
    cursor.insertText(item.insertText);
    const qsizetype offset = item.cursorOffset < 0 ? item.insertText.size() : item.cursorOffset;
    cursor.setPosition(int(result.replaceBegin + offset));
    m_editor->setTextCursor(cursor);
    m_items.clear();
}
