// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QVBoxLayout;
struct PolicyAttributeSpec;
struct PolicyAttribute;
struct PolicyElementSpec;
struct PolicyNode;

// The attributes of the element selected in the diagram, as a form: enum and boolean values as
// combo boxes, required attributes marked, the validator's messages under the values they are
// about. Finishing an edit asks for the change through a signal; the form follows the text.
class PolicyPropertyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPropertyPanel)

public:
    explicit PolicyPropertyPanel(QWidget *parent = nullptr);

    // element null: nothing to edit. spec null: an element the schema does not describe (its
    // attributes are still shown). diagnostics: the document's; those about element are shown.
    void setElement(const PolicyNode *element,
                    const PolicyElementSpec *spec,
                    const QList<Diagnostic> &diagnostics);
    // Where the shown element starts in the text (-1 when none).
    qsizetype elementOffset() const { return m_elementOffset; }
    QString elementName() const { return m_elementName; }
    // The QLineEdit or QComboBox editing attribute, or null.
    QWidget *editor(const QString &attribute) const { return m_editors.value(attribute); }
    // The validator's message shown for attribute (empty when it is fine).
    QString problem(const QString &attribute) const { return m_problems.value(attribute); }
    bool isRequired(const QString &attribute) const { return m_required.contains(attribute); }

Q_SIGNALS:
    void attributeChanged(qsizetype elementOffset, const QString &name, const QString &value);
    void attributeRemoved(qsizetype elementOffset, const QString &name);

private:
    void clearForm();
    void addAttributeRow(const QString &name,
                         const PolicyAttributeSpec *spec,
                         const PolicyAttribute *current);
    QWidget *createEditor(const QString &name,
                          const PolicyAttributeSpec *spec,
                          const PolicyAttribute *current);
    void collectProblems(const PolicyNode &element, const QList<Diagnostic> &diagnostics);
    void commit(const QString &name, const QString &text);

    QVBoxLayout *m_layout;
    QLabel *m_title;
    QLabel *m_description;
    QWidget *m_form = nullptr;
    QLabel *m_elementProblems;
    qsizetype m_elementOffset = -1;
    QString m_elementName;
    // Current values; absent attributes are missing from the hash.
    QHash<QString, QString> m_values;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_problems;
    QSet<QString> m_required;
};
