// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QAbstractButton;
class QLabel;
class QListWidget;
class QVBoxLayout;
struct PolicyAttributeSpec;
struct PolicyAttribute;
struct PolicyElementSpec;
struct PolicyNode;

// The attributes of the element selected in the diagram, as a form: enum and boolean values as
// combo boxes, required attributes marked, the validator's messages under the values they are
// about. Below them the element's text where it has one (set-method's method, set-body's body)
// and the texts of repeated text children as a list (set-header's <value>s). Finishing an edit
// asks for the change through a signal; the form follows the text.
class PolicyPropertyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyPropertyPanel)

public:
    explicit PolicyPropertyPanel(QWidget *parent = nullptr);

    // element null: nothing to edit. spec null: an element the schema does not describe (its
    // attributes are still shown). diagnostics: the document's; those about element are shown.
    // owner: the policy selected in the diagram when element is one of its child elements (a
    // button leads back to it).
    void setElement(const PolicyNode *element,
                    const PolicyElementSpec *spec,
                    const QList<Diagnostic> &diagnostics,
                    const PolicyNode *owner = nullptr);
    // Where the shown element starts in the text (-1 when none).
    qsizetype elementOffset() const { return m_elementOffset; }
    QString elementName() const { return m_elementName; }
    // The QLineEdit or QComboBox editing attribute, or null.
    QWidget *editor(const QString &attribute) const { return m_editors.value(attribute); }
    // The validator's message shown for attribute (empty when it is fine).
    QString problem(const QString &attribute) const { return m_problems.value(attribute); }
    bool isRequired(const QString &attribute) const { return m_required.contains(attribute); }
    // The element's text: a QComboBox for a choice (set-method), else a QPlainTextEdit applied
    // with applyTextButton(). Null when the element has no text to edit here.
    QWidget *textEditor() const { return m_textEditor; }
    QAbstractButton *applyTextButton() const { return m_applyText; }
    QString textProblem() const { return m_textProblem; }
    // The list of the texts of the element's childName children (null when not shown).
    QListWidget *childList(const QString &childName) const { return m_lists.value(childName); }
    QString childProblem(const QString &childName) const
    {
        return m_childProblems.value(childName);
    }
    // The element's child elements that open in this form when clicked (return-response's
    // <set-status>, <set-header>s, <set-body>), in document order; null when it has none. And the
    // button back to the owner.
    QListWidget *childElementList() const { return m_childElements; }
    QAbstractButton *backButton() const { return m_back; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void attributeChanged(qsizetype elementOffset, const QString &name, const QString &value);
    void attributeRemoved(qsizetype elementOffset, const QString &name);
    void textChanged(qsizetype elementOffset, const QString &text);
    void childTextsChanged(qsizetype elementOffset,
                           const QString &childName,
                           const QStringList &texts);
    // The user asked to edit the element starting at elementOffset here instead.
    void elementRequested(qsizetype elementOffset);

private:
    void clearForm();
    void addAttributeRow(const QString &name,
                         const PolicyAttributeSpec *spec,
                         const PolicyAttribute *current);
    QWidget *createEditor(const QString &name,
                          const PolicyAttributeSpec *spec,
                          const PolicyAttribute *current);
    void collectProblems(const PolicyNode &element, const QList<Diagnostic> &diagnostics);
    // A problem inside the element's content: its text, or one of its children.
    void collectContentProblem(const PolicyNode &element, const Diagnostic &diagnostic);
    void commit(const QString &name, const QString &text);
    void addTextRow(const PolicyNode &element, const PolicyElementSpec &spec);
    void addChildListRow(const PolicyNode &element, const PolicyElementSpec &childSpec);
    void addChildElementList(const PolicyNode &element, const PolicyElementSpec &spec);
    void addBackRow(const PolicyNode &owner);
    void addProblemRow(QWidget *editor, const QString &problem, const QString &objectName);
    void commitText(const QString &text);
    void commitChildTexts(const QString &childName);
    // The child specs whose texts the panel edits as a list.
    static QList<const PolicyElementSpec *> listedChildren(const PolicyElementSpec &spec);

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
    QWidget *m_textEditor = nullptr;
    QAbstractButton *m_applyText = nullptr;
    QString m_text;
    QString m_textProblem;
    QHash<QString, QListWidget *> m_lists;
    QHash<QString, QString> m_childProblems;
    QListWidget *m_childElements = nullptr;
    QAbstractButton *m_back = nullptr;
};
