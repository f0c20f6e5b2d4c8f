// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypropertypanel.h"

#include "policy/policyelementspec.h"
#include "policy/policynode.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace {

bool inside(const SourceRange &inner, const SourceRange &outer)
{
    return inner.isValid() && outer.isValid() && inner.begin.offset >= outer.begin.offset
           && inner.end.offset <= outer.end.offset;
}

QString problemStyle()
{
    return QStringLiteral("color: #c0392b;");
}

} // namespace

PolicyPropertyPanel::PolicyPropertyPanel(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_elementProblems(new QLabel(this))
{
    setObjectName(QStringLiteral("PolicyPropertyPanel"));
    m_description->setWordWrap(true);
    m_elementProblems->setWordWrap(true);
    m_elementProblems->setStyleSheet(problemStyle());
    m_layout->addWidget(m_title);
    m_layout->addWidget(m_description);
    m_layout->addWidget(m_elementProblems);
    m_layout->addStretch(1);
    setElement(nullptr, nullptr, {});
}

void PolicyPropertyPanel::setElement(const PolicyNode *element,
                                     const PolicyElementSpec *spec,
                                     const QList<Diagnostic> &diagnostics)
{
    clearForm();
    if (!element) {
        m_title->setText(tr("No policy selected"));
        m_description->setText(tr("Select a policy in the diagram to edit its attributes."));
        m_elementProblems->clear();
        return;
    }
    m_elementOffset = element->range.begin.offset;
    m_elementName = element->name;
    m_title->setText(QStringLiteral("<b>&lt;%1&gt;</b>").arg(element->name));
    m_description->setText(spec ? spec->description : tr("Not described by the APIM schema."));
    for (const PolicyAttribute &attribute : element->attributes)
        m_values.insert(attribute.name, attribute.value);
    collectProblems(*element, diagnostics);

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    m_layout->insertWidget(2, m_form);
    if (spec) {
        for (const PolicyAttributeSpec &attribute : spec->attributes)
            addAttributeRow(attribute.name, &attribute, element->findAttribute(attribute.name));
    }
    for (const PolicyAttribute &attribute : element->attributes) {
        if (!spec || !spec->attribute(attribute.name))
            addAttributeRow(attribute.name, nullptr, &attribute);
    }
}

void PolicyPropertyPanel::clearForm()
{
    // An edit finishing in the old form may be what rebuilt it: delete it only later, and keep
    // it from reporting anything more (hiding it takes its focus and finishes edits).
    if (m_form) {
        for (QWidget *widget : m_form->findChildren<QWidget *>())
            widget->blockSignals(true);
        m_form->hide();
        m_form->deleteLater();
        m_form = nullptr;
    }
    m_elementOffset = -1;
    m_elementName.clear();
    m_values.clear();
    m_editors.clear();
    m_problems.clear();
    m_required.clear();
}

void PolicyPropertyPanel::addAttributeRow(const QString &name,
                                          const PolicyAttributeSpec *spec,
                                          const PolicyAttribute *current)
{
    auto *label = new QLabel(name, m_form);
    if (spec && spec->required) {
        m_required.insert(name);
        label->setText(name + QStringLiteral(" *"));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        label->setToolTip(tr("Required"));
    }
    if (spec && !spec->description.isEmpty())
        label->setToolTip(spec->description);
    QWidget *editor = createEditor(name, spec, current);
    editor->setObjectName(QStringLiteral("attribute:") + name);
    m_editors.insert(name, editor);
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    form->addRow(label, editor);
    const QString problem = m_problems.value(name);
    if (!problem.isEmpty()) {
        editor->setStyleSheet(QStringLiteral("background-color: #fde2df;"));
        editor->setToolTip(problem);
        auto *message = new QLabel(problem, m_form);
        message->setObjectName(QStringLiteral("problem:") + name);
        message->setWordWrap(true);
        message->setStyleSheet(problemStyle());
        form->addRow(QString(), message);
    }
}

QWidget *PolicyPropertyPanel::createEditor(const QString &name,
                                           const PolicyAttributeSpec *spec,
                                           const PolicyAttribute *current)
{
    const QString value = current ? current->value : QString();
    const bool choice = spec
                        && (spec->value.type == PolicyValueSpec::Type::Enum
                            || spec->value.type == PolicyValueSpec::Type::Boolean);
    if (!choice) {
        auto *edit = new QLineEdit(value, m_form);
        if (spec) {
            edit->setPlaceholderText(spec->defaultValue.isEmpty()
                                             ? PolicyValueSpec::typeName(spec->value.type)
                                             : spec->defaultValue);
        }
        connect(edit, &QLineEdit::editingFinished, this, [this, name, edit] {
            commit(name, edit->text());
        });
        return edit;
    }
    auto *combo = new QComboBox(m_form);
    QStringList values = spec->value.type == PolicyValueSpec::Type::Boolean
                                 ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
                                 : spec->value.enumValues;
    // Empty stands for "absent": APIM then uses the default.
    if (!spec->required || !current)
        values.prepend(QString());
    combo->addItems(values);
    // An expression may stand for the literal where the schema allows it.
    combo->setEditable(spec->value.expressionAllowed);
    if (combo->isEditable()) {
        combo->setInsertPolicy(QComboBox::NoInsert);
        if (!spec->defaultValue.isEmpty())
            combo->lineEdit()->setPlaceholderText(spec->defaultValue);
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [this, name, combo] {
            commit(name, combo->currentText());
        });
    }
    const int index = combo->findText(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
    else if (combo->isEditable())
        combo->setEditText(value);
    connect(combo, &QComboBox::activated, this, [this, name, combo](int i) {
        commit(name, combo->itemText(i));
    });
    return combo;
}

void PolicyPropertyPanel::collectProblems(const PolicyNode &element,
                                          const QList<Diagnostic> &diagnostics)
{
    QStringList elementProblems;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (!inside(diagnostic.range, element.startTagRange))
            continue;
        QString attributeName;
        for (const PolicyAttribute &attribute : element.attributes) {
            if (inside(diagnostic.range, attribute.range))
                attributeName = attribute.name;
        }
        // A missing attribute is reported at the start tag, naming it.
        if (attributeName.isEmpty() && diagnostic.range == element.startTagRange
            && diagnostic.code == u"schema.missing-attribute"
            && diagnostic.message.contains(u"requires attribute")) {
            const qsizetype quote = diagnostic.message.lastIndexOf(u'\'', -2);
            if (quote >= 0 && diagnostic.message.endsWith(u'\''))
                attributeName = diagnostic.message.mid(quote + 1).chopped(1);
        }
        if (!attributeName.isEmpty() && !m_problems.contains(attributeName))
            m_problems.insert(attributeName, diagnostic.message);
        else
            elementProblems.append(diagnostic.message);
    }
    m_elementProblems->setText(elementProblems.join(u'\n'));
}

void PolicyPropertyPanel::commit(const QString &name, const QString &text)
{
    if (m_elementOffset < 0)
        return;
    const auto current = m_values.constFind(name);
    const bool present = current != m_values.cend();
    if (present && *current == text)
        return;
    if (text.isEmpty()) {
        if (present && !m_required.contains(name))
            Q_EMIT attributeRemoved(m_elementOffset, name);
        return;
    }
    Q_EMIT attributeChanged(m_elementOffset, name, text);
}
