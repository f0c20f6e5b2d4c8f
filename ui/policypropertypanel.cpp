// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypropertypanel.h"

#include "policy/policyelementspec.h"
#include "policy/policynode.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

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

// Text and CDATA only: what a text field shows without losing anything.
bool holdsOnlyText(const PolicyNode &element)
{
    return std::all_of(element.children.cbegin(), element.children.cend(), [](const PolicyNode &c) {
        return c.kind == PolicyNode::Kind::Text || c.kind == PolicyNode::Kind::CData;
    });
}

QList<const PolicyNode *> childrenNamed(const PolicyNode &element, const QString &name)
{
    QList<const PolicyNode *> children;
    for (const PolicyNode *child : element.elements()) {
        if (child->name == name)
            children.append(child);
    }
    return children;
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
                                     const QList<Diagnostic> &diagnostics,
                                     const PolicyNode *owner)
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
    // The dock is often narrow: long attribute names put their field on the next line.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_layout->insertWidget(2, m_form);
    if (owner)
        addBackRow(*owner);
    if (spec) {
        for (const PolicyAttributeSpec &attribute : spec->attributes)
            addAttributeRow(attribute.name, &attribute, element->findAttribute(attribute.name));
    }
    for (const PolicyAttribute &attribute : element->attributes) {
        if (!spec || !spec->attribute(attribute.name))
            addAttributeRow(attribute.name, nullptr, &attribute);
    }
    if (!spec)
        return;
    addTextRow(*element, *spec);
    for (const PolicyElementSpec *child : listedChildren(*spec))
        addChildListRow(*element, *child);
    addChildElementList(*element, *spec);
}

QList<const PolicyElementSpec *> PolicyPropertyPanel::listedChildren(const PolicyElementSpec &spec)
{
    QList<const PolicyElementSpec *> listed;
    if (spec.childMode != PolicyElementSpec::Children::Listed)
        return listed;
    for (const PolicyElementSpec &child : spec.children) {
        if (child.text != PolicyElementSpec::Text::None && child.attributes.isEmpty()
            && child.children.isEmpty() && child.maxOccurs != 1 && !child.policyReference)
            listed.append(&child);
    }
    return listed;
}

void PolicyPropertyPanel::addTextRow(const PolicyNode &element, const PolicyElementSpec &spec)
{
    const bool hasText = spec.text != PolicyElementSpec::Text::None
                         || spec.childMode == PolicyElementSpec::Children::Any;
    if (!hasText)
        return;
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    if (!holdsOnlyText(element)) {
        auto *note = new QLabel(tr("Holds markup: edit its content in the editor."), m_form);
        note->setWordWrap(true);
        form->addRow(tr("Content"), note);
        return;
    }
    m_text = element.textContent();
    auto *label = new QLabel(tr("Content"), m_form);
    if (spec.text == PolicyElementSpec::Text::Required) {
        label->setText(tr("Content") + QStringLiteral(" *"));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    if (!spec.textValue.enumValues.isEmpty()) {
        auto *combo = new QComboBox(m_form);
        combo->addItems(spec.textValue.enumValues);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setEditText(m_text);
        connect(combo, &QComboBox::activated, this, [this, combo](int i) {
            commitText(combo->itemText(i));
        });
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [this, combo] {
            commitText(combo->currentText());
        });
        m_textEditor = combo;
        form->addRow(label, combo);
    } else {
        // A body is often several lines of expression: a text area, applied on request so that
        // half-typed code does not rewrite the document on every key.
        auto *box = new QWidget(m_form);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *edit = new QPlainTextEdit(m_text, box);
        edit->setTabChangesFocus(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        // Code reads in the editor's fixed-width font; its indentation is part of the value.
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setMinimumHeight(fontMetrics().lineSpacing() * 6);
        auto *apply = new QPushButton(tr("Apply content"), box);
        apply->setObjectName(QStringLiteral("applyText"));
        apply->setEnabled(false);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, apply] {
            apply->setEnabled(edit->toPlainText() != m_text);
        });
        connect(apply, &QPushButton::clicked, this, [this, edit] {
            commitText(edit->toPlainText());
        });
        apply->setToolTip(tr("Writes the content into the policy (Ctrl+Return)"));
        // Ctrl+Return would be the text area's own line break: caught before it sees it.
        edit->installEventFilter(this);
        layout->addWidget(edit);
        layout->addWidget(apply, 0, Qt::AlignRight);
        m_textEditor = edit;
        m_applyText = apply;
        form->addRow(label, box);
    }
    m_textEditor->setObjectName(QStringLiteral("text"));
    addProblemRow(m_textEditor, m_textProblem, QStringLiteral("problem:text"));
}

void PolicyPropertyPanel::addChildListRow(const PolicyNode &element,
                                          const PolicyElementSpec &childSpec)
{
    const QString childName = childSpec.name;
    const QList<const PolicyNode *> children = childrenNamed(element, childName);
    if (!std::all_of(children.cbegin(), children.cend(), [](const PolicyNode *child) {
            return holdsOnlyText(*child) && child->attributes.isEmpty();
        }))
        return;
    auto *box = new QWidget(m_form);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *list = new QListWidget(box);
    list->setObjectName(QStringLiteral("children:") + childName);
    for (const PolicyNode *child : children) {
        auto *item = new QListWidgetItem(child->textContent(), list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    list->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    connect(list, &QListWidget::itemChanged, this, [this, childName] {
        commitChildTexts(childName);
    });
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), box);
    add->setObjectName(QStringLiteral("add:") + childName);
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(QStringLiteral("remove:") + childName);
    // A new entry becomes a child once it has a text: until then there is nothing to write.
    connect(add, &QPushButton::clicked, this, [list] {
        const QSignalBlocker blocker(list);
        auto *item = new QListWidgetItem(QString(), list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        list->setCurrentItem(item);
        list->editItem(item);
    });
    connect(remove, &QPushButton::clicked, this, [this, list, childName] {
        if (QListWidgetItem *item = list->currentItem()) {
            delete item;
            commitChildTexts(childName);
        }
    });
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    layout->addWidget(list);
    layout->addLayout(buttons);
    m_lists.insert(childName, list);
    static_cast<QFormLayout *>(m_form->layout())->addRow(childName, box);
    addProblemRow(list, m_childProblems.value(childName), QStringLiteral("problem:") + childName);
}

void PolicyPropertyPanel::addProblemRow(QWidget *editor,
                                        const QString &problem,
                                        const QString &objectName)
{
    if (problem.isEmpty())
        return;
    editor->setToolTip(problem);
    auto *message = new QLabel(problem, m_form);
    message->setObjectName(objectName);
    message->setWordWrap(true);
    message->setStyleSheet(problemStyle());
    static_cast<QFormLayout *>(m_form->layout())->addRow(QString(), message);
}

bool PolicyPropertyPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_textEditor && m_applyText && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            m_applyText->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PolicyPropertyPanel::commitText(const QString &text)
{
    if (m_elementOffset >= 0 && text != m_text)
        Q_EMIT textChanged(m_elementOffset, text);
}

void PolicyPropertyPanel::commitChildTexts(const QString &childName)
{
    const QListWidget *list = m_lists.value(childName);
    if (m_elementOffset < 0 || !list)
        return;
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    Q_EMIT childTextsChanged(m_elementOffset, childName, texts);
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
    m_textEditor = nullptr;
    m_applyText = nullptr;
    m_text.clear();
    m_textProblem.clear();
    m_lists.clear();
    m_childProblems.clear();
    m_childElements = nullptr;
    m_back = nullptr;
}

void PolicyPropertyPanel::addBackRow(const PolicyNode &owner)
{
    auto *back = new QPushButton(QStringLiteral("\u2039 <%1>").arg(owner.name), m_form);
    back->setObjectName(QStringLiteral("back"));
    back->setToolTip(tr("Back to the policy selected in the diagram"));
    const qsizetype offset = owner.range.begin.offset;
    connect(back, &QPushButton::clicked, this, [this, offset] { Q_EMIT elementRequested(offset); });
    static_cast<QFormLayout *>(m_form->layout())->addRow(back);
    m_back = back;
}

void PolicyPropertyPanel::addChildElementList(const PolicyNode &element,
                                              const PolicyElementSpec &spec)
{
    // Branches (<when>) and policies inside containers are nodes of the diagram, and the texts
    // of list rows are edited in place: the rest (return-response's <set-status>, <set-header>s,
    // <set-body>) open in this form.
    if (spec.childMode != PolicyElementSpec::Children::Listed)
        return;
    auto *list = new QListWidget(m_form);
    list->setObjectName(QStringLiteral("elements"));
    list->setTextElideMode(Qt::ElideRight);
    for (const PolicyNode *child : element.elements()) {
        const PolicyElementSpec *childSpec = spec.child(child->name);
        if (m_lists.contains(child->name)
            || (childSpec && childSpec->childMode == PolicyElementSpec::Children::Policies))
            continue;
        QString label = QStringLiteral("<") + child->name;
        for (const PolicyAttribute &attribute : child->attributes)
            label += QStringLiteral(" %1=\"%2\"").arg(attribute.name, attribute.value);
        label += QStringLiteral(">");
        auto *item = new QListWidgetItem(label, list);
        item->setToolTip(tr("Click to edit %1 here").arg(label.toHtmlEscaped()));
        item->setData(Qt::UserRole, child->range.begin.offset);
    }
    if (list->count() == 0) {
        delete list;
        return;
    }
    list->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    connect(list, &QListWidget::itemClicked, this, [this](const QListWidgetItem *item) {
        Q_EMIT elementRequested(item->data(Qt::UserRole).value<qsizetype>());
    });
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    form->addRow(new QLabel(tr("Elements"), m_form));
    form->addRow(list);
    m_childElements = list;
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
    if (!problem.isEmpty())
        editor->setStyleSheet(QStringLiteral("background-color: #fde2df;"));
    addProblemRow(editor, problem, QStringLiteral("problem:") + name);
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
        if (!inside(diagnostic.range, element.startTagRange)) {
            collectContentProblem(element, diagnostic);
            continue;
        }
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

void PolicyPropertyPanel::collectContentProblem(const PolicyNode &element,
                                                const Diagnostic &diagnostic)
{
    if (!inside(diagnostic.range, element.range))
        return;
    for (const PolicyNode *child : element.elements()) {
        if (inside(diagnostic.range, child->range)) {
            if (!m_childProblems.contains(child->name))
                m_childProblems.insert(child->name, diagnostic.message);
            return;
        }
    }
    if (m_textProblem.isEmpty())
        m_textProblem = diagnostic.message;
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
