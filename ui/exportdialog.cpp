// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "deploy/exportwriter.h"

#include <QCheckBox>
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
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

ExportDialog::ExportDialog(const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_format(new QComboBox(this))
    , m_content(new QComboBox(this))
    , m_directory(new QLineEdit(this))
    , m_findings(new QTreeWidget(this))
    , m_confirmErrors(new QCheckBox(tr("Export despite &errors"), this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("&Export"), this))
{
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export Policies"));
    m_format->addItem(tr("Policy XML files"), int(WorkspaceExport::Format::Xml));
    m_format->addItem(tr("APIOps folder"), int(WorkspaceExport::Format::ApiOps));
    m_format->addItem(tr("Bicep"), int(WorkspaceExport::Format::Bicep));
    m_content->addItem(tr("Each scope's policy"), int(WorkspaceExport::Content::PerScope));
    m_content->addItem(tr("Effective policy of each operation"),
                       int(WorkspaceExport::Content::Effective));
    m_findings->setHeaderLabels({tr("Severity"), tr("Where"), tr("Finding")});
    m_findings->setRootIsDecorated(false);
    m_findings->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);

    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    auto *folder = new QHBoxLayout;
    folder->addWidget(m_directory, 1);
    folder->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Content:"), m_content);
    auto *folderLabel = new QLabel(tr("Output &folder:"), this);
    folderLabel->setBuddy(m_directory);
    form->addRow(folderLabel, folder);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Export lint:"), this));
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_confirmErrors);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 480);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::relint);
    connect(m_content, &QComboBox::currentIndexChanged, this, &ExportDialog::relint);
    connect(m_directory, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(m_confirmErrors, &QCheckBox::toggled, this, &ExportDialog::updateButtons);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::exportFiles);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    relint();
}

void ExportDialog::setFormat(WorkspaceExport::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setContent(WorkspaceExport::Content content)
{
    m_content->setCurrentIndex(m_content->findData(int(content)));
}

void ExportDialog::setDirectory(const QString &directory)
{
    m_directory->setText(directory);
}

void ExportDialog::browse()
{
    const QString directory
            = QFileDialog::getExistingDirectory(this, tr("Export To"), m_directory->text());
    if (!directory.isEmpty())
        m_directory->setText(directory);
}

void ExportDialog::relint()
{
    const auto format = WorkspaceExport::Format(m_format->currentData().toInt());
    m_content->setEnabled(format == WorkspaceExport::Format::Xml);
    m_result = WorkspaceExport::files(
            m_workspace, format, WorkspaceExport::Content(m_content->currentData().toInt()));
    m_findings->clear();
    for (const Diagnostic &d : std::as_const(m_result.diagnostics)) {
        const QString severity = d.isError()                                   ? tr("error")
                                 : d.severity == Diagnostic::Severity::Warning ? tr("warning")
                                                                               : tr("note");
        const QString where = d.range.begin.line > 0
                                      ? QStringLiteral("%1:%2").arg(d.file).arg(d.range.begin.line)
                                      : d.file;
        auto *item = new QTreeWidgetItem(m_findings, {severity, where, d.message});
        item->setToolTip(2, d.toString());
    }
    m_findings->resizeColumnToContents(0);
    m_findings->resizeColumnToContents(1);
    m_confirmErrors->setChecked(false);
    m_confirmErrors->setVisible(!m_result.ok());
    m_confirmErrors->setEnabled(!hasInlinedSecret());
    m_status->setText(
            hasInlinedSecret() ? tr("A secret is written into a policy: replace it with its "
                                    "{{named value}} before exporting.")
            : m_result.ok()    ? tr("%n file(s) to write.", nullptr, int(m_result.files.size()))
                               : tr("The lint found errors: APIM would reject or misrun this "
                                    "deployment."));
    updateButtons();
}

bool ExportDialog::hasInlinedSecret() const
{
    return std::any_of(m_result.diagnostics.cbegin(), m_result.diagnostics.cend(), [](auto &d) {
        return d.code == QLatin1String("deploy.secret-inlined");
    });
}

void ExportDialog::updateButtons()
{
    const bool allowed = m_result.ok() || (m_confirmErrors->isChecked() && !hasInlinedSecret());
    m_export->setEnabled(allowed && !m_directory->text().trimmed().isEmpty());
}

bool ExportDialog::exportFiles()
{
    if (!m_export->isEnabled())
        return false;
    const QString directory = m_directory->text().trimmed();
    const QList<Diagnostic> failures = ExportWriter::write(directory, m_result.files);
    if (!failures.isEmpty()) {
        m_status->setText(failures.first().toString());
        return false;
    }
    m_status->setText(tr("%n file(s) written to %1.", nullptr, int(m_result.files.size()))
                              .arg(QDir::toNativeSeparators(directory)));
    return true;
}
