// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "deploy/apiopsimporter.h"
#include "deploy/policyimporter.h"
#include "deploy/policylocation.h"
#include "workspace/workspaceserializer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

QHBoxLayout *withBrowse(QLineEdit *edit, QPushButton *browse)
{
    auto *layout = new QHBoxLayout;
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return layout;
}

} // namespace

ImportDialog::ImportDialog(const Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace ? *workspace : Workspace())
    , m_hasWorkspace(workspace != nullptr)
    , m_policyMode(new QRadioButton(tr("&Policy XML into a scope of this workspace"), this))
    , m_folderMode(new QRadioButton(tr("&APIOps folder into a new workspace"), this))
    , m_source(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_findingsView(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("ImportDialog"));
    setWindowTitle(tr("Import"));
    for (const PolicyLocation &location : PolicyLocation::all(m_workspace))
        m_scope->addItem(location.displayName());
    m_findingsView->setHeaderLabels({tr("Severity"), tr("Where"), tr("Not mapped / finding")});
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);

    auto *browseSourceButton = new QPushButton(tr("&Browse…"), this);
    auto *browseTargetButton = new QPushButton(tr("B&rowse…"), this);
    auto *form = new QFormLayout;
    form->addRow(m_policyMode);
    form->addRow(m_folderMode);
    form->addRow(buddyLabel(tr("&Source:"), m_source), withBrowse(m_source, browseSourceButton));
    form->addRow(tr("Into &scope:"), m_scope);
    form->addRow(buddyLabel(tr("New &workspace file:"), m_target),
                 withBrowse(m_target, browseTargetButton));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_findingsView, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 440);

    m_policyMode->setEnabled(m_hasWorkspace);
    (m_hasWorkspace ? m_policyMode : m_folderMode)->setChecked(true);
    connect(m_policyMode, &QRadioButton::toggled, this, &ImportDialog::updateMode);
    connect(browseSourceButton, &QPushButton::clicked, this, &ImportDialog::browseSource);
    connect(browseTargetButton, &QPushButton::clicked, this, &ImportDialog::browseTarget);
    connect(importButton, &QPushButton::clicked, this, [this, buttons, importButton] {
        if (!runImport())
            return;
        if (m_findings.isEmpty()) {
            accept();
            return;
        }
        // Imported, with things it could not map: they stay listed until the user has seen them.
        importButton->setEnabled(false);
        delete buttons->button(QDialogButtonBox::Cancel);
        buttons->addButton(QDialogButtonBox::Ok)->setText(tr("&Done"));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateMode();
}

ImportDialog::Mode ImportDialog::mode() const
{
    return m_policyMode->isChecked() ? Mode::PolicyIntoScope : Mode::ApiOpsFolder;
}

void ImportDialog::setMode(Mode mode)
{
    (mode == Mode::PolicyIntoScope ? m_policyMode : m_folderMode)->setChecked(true);
}

void ImportDialog::setSource(const QString &path)
{
    m_source->setText(path);
}

void ImportDialog::setScope(int index)
{
    m_scope->setCurrentIndex(index);
}

void ImportDialog::setTargetWorkspaceFile(const QString &path)
{
    m_target->setText(path);
}

void ImportDialog::updateMode()
{
    const bool policy = mode() == Mode::PolicyIntoScope;
    m_scope->setEnabled(policy);
    m_target->setEnabled(!policy);
}

void ImportDialog::browseSource()
{
    const QString path
            = mode() == Mode::PolicyIntoScope
                      ? QFileDialog::getOpenFileName(this,
                                                     tr("Import Policy"),
                                                     m_source->text(),
                                                     tr("Policy XML (*.xml);;All files (*)"))
                      : QFileDialog::getExistingDirectory(
                              this, tr("Import APIOps Folder"), m_source->text());
    if (!path.isEmpty())
        m_source->setText(path);
}

void ImportDialog::browseTarget()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("New Workspace"), m_target->text(), tr("Workspaces (*.apimws)"));
    if (!path.isEmpty())
        m_target->setText(path);
}

bool ImportDialog::runImport()
{
    const bool imported = mode() == Mode::PolicyIntoScope ? importPolicy() : importFolder();
    showFindings();
    return imported;
}

bool ImportDialog::importPolicy()
{
    const QList<PolicyLocation> locations = PolicyLocation::all(m_workspace);
    const int index = m_scope->currentIndex();
    if (index < 0 || index >= locations.size()) {
        m_findings = {};
        m_status->setText(tr("Choose the scope to import into."));
        return false;
    }
    Workspace changed = m_workspace;
    m_findings = PolicyImporter::importFile(changed, locations.at(index), m_source->text());
    // The importer leaves the workspace unchanged when it refuses the document.
    if (changed == m_workspace && Diagnostic::hasErrors(m_findings)) {
        m_status->setText(tr("Not imported."));
        return false;
    }
    m_workspace = changed;
    m_status->setText(
            tr("Imported into %1; %n finding(s) listed above.", nullptr, int(m_findings.size()))
                    .arg(locations.at(index).displayName()));
    return true;
}

bool ImportDialog::importFolder()
{
    if (m_target->text().trimmed().isEmpty()) {
        m_findings = {};
        m_status->setText(tr("Choose the workspace file to create."));
        return false;
    }
    const WorkspaceLoadResult imported = ApiOpsImporter::import(m_source->text());
    m_findings = imported.diagnostics;
    if (!imported.ok()) {
        m_status->setText(tr("Not imported."));
        return false;
    }
    const QString error = WorkspaceSerializer::save(imported.workspace, m_target->text().trimmed());
    if (!error.isEmpty()) {
        m_status->setText(error);
        return false;
    }
    m_written = m_target->text().trimmed();
    m_status->setText(tr("Workspace written to %1; %n item(s) not mapped, listed above.",
                         nullptr,
                         int(m_findings.size()))
                              .arg(QDir::toNativeSeparators(m_written)));
    return true;
}

void ImportDialog::showFindings()
{
    m_findingsView->clear();
    for (const Diagnostic &d : std::as_const(m_findings)) {
        const QString severity = d.isError()                                   ? tr("error")
                                 : d.severity == Diagnostic::Severity::Warning ? tr("warning")
                                                                               : tr("note");
        auto *item = new QTreeWidgetItem(m_findingsView, {severity, d.file, d.message});
        item->setToolTip(2, d.toString());
    }
    m_findingsView->resizeColumnToContents(0);
    m_findingsView->resizeColumnToContents(1);
}
