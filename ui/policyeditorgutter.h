// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class PolicyEditor;

// Line numbers and fold markers beside a PolicyEditor; the editor paints it, since only the editor
// knows its block geometry.
class PolicyEditorGutter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditorGutter)

public:
    explicit PolicyEditorGutter(PolicyEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    PolicyEditor *m_editor;
};
