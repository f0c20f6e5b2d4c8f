// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/filediff.h"
#include "workspace/workspace.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

// Side-by-side differences: two scopes of the workspace, or the workspace against a folder it was
// exported to in the APIOps layout (what deploying it would change there). Runs of removed and
// added lines are paired row by row, so a changed line sits beside its new version; removed lines
// are marked on the left, added ones on the right, and blank filler rows keep both sides aligned.
// The two sides scroll together.
class DiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    enum class Side { Left, Right };

    explicit DiffView(QWidget *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // Indices into PolicyLocation::all(workspace).
    void compareScopes(int left, int right);
    void compareWithFolder(const QString &directory);
    void showDiffs(const QList<FileDiff> &diffs);
    void showFile(int index);

    QList<FileDiff> diffs() const { return m_diffs; }
    QListWidget *fileList() const { return m_files; }
    QPlainTextEdit *text(Side side) const { return side == Side::Left ? m_left : m_right; }
    // Rows (0-based) marked as removed (left) or added (right) in the shown file.
    QList<int> changedRows(Side side) const;
    QLabel *summaryLabel() const { return m_summary; }
    QComboBox *modeCombo() const { return m_mode; }
    QComboBox *scopeCombo(Side side) const
    {
        return side == Side::Left ? m_leftScope : m_rightScope;
    }
    QLineEdit *folderEdit() const { return m_folder; }
    QPushButton *compareButton() const { return m_compare; }

private:
    QWidget *createControls();
    QWidget *titled(QLabel *title, QWidget *side);
    void compare();
    void browse();
    void render(const FileDiff &diff);

    Workspace m_workspace;
    QList<FileDiff> m_diffs;
    QComboBox *m_mode;
    QStackedWidget *m_sources;
    QComboBox *m_leftScope;
    QComboBox *m_rightScope;
    QLineEdit *m_folder;
    QListWidget *m_files;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QLabel *m_summary;
    QPushButton *m_compare = nullptr;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
};
