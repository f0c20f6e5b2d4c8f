// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/completionengine.h"

#include <QObject>

class QAbstractItemView;
class QCompleter;
class QKeyEvent;
class QModelIndex;
class QPlainTextEdit;
class QStandardItemModel;

// The editor's completion popup: asks CompletionEngine what fits at the cursor and shows it in a
// QCompleter popup. Opens by itself while typing where there is something to complete (after
// '<', in a tag, in quotes, after "context." or "{{") and on Ctrl+Space; Enter or Tab inserts the
// selected item (an element's skeleton with its required attributes).
class PolicyCompleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyCompleter)

public:
    explicit PolicyCompleter(QPlainTextEdit *editor);

    void setNamedValues(const QList<CompletionEngine::NamedValue> &namedValues);
    // Called by the editor before it handles a key: true when the key belongs to the popup (or
    // is Ctrl+Space) and the editor must leave it alone.
    bool handleKeyPress(QKeyEvent *event);
    // Called by the editor after it handled a key: opens, narrows or closes the popup.
    void keyHandled(QKeyEvent *event);
    // Shows what fits at the cursor (Ctrl+Space).
    void showCompletions();
    bool isPopupVisible() const;
    QAbstractItemView *popup() const;

private:
    void refresh();
    void insert(const QModelIndex &index);

    QPlainTextEdit *m_editor;
    QCompleter *m_completer;
    QStandardItemModel *m_model;
    CompletionEngine m_engine;
    QList<CompletionItem> m_items;
};
