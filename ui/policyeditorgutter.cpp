// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyeditorgutter.h"

#include "policyeditor.h"

#include <QMouseEvent>

PolicyEditorGutter::PolicyEditorGutter(PolicyEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setCursor(Qt::PointingHandCursor);
}

QSize PolicyEditorGutter::sizeHint() const
{
    return {m_editor->gutterWidth(), 0};
}

void PolicyEditorGutter::paintEvent(QPaintEvent *event)
{
    m_editor->paintGutter(event);
}

void PolicyEditorGutter::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_editor->gutterClicked(event->position().toPoint());
}
