// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportresult.h"
#include "deploy/workspaceexport.h"
#include "workspace/workspace.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

// File > Export: the format (policy XML per scope or effective, APIOps folder, Bicep) and the
// output folder. The export lint runs whenever the choice changes and its findings are listed
// before anything is written. Errors block the export until the user confirms them ("Export
// despite errors"); a secret written into a policy is refused outright, since it would leave the
// machine in a deployable file. Writes through WorkspaceExport, as `apim-designer export` does.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    explicit ExportDialog(const Workspace &workspace, QWidget *parent = nullptr);

    void setFormat(WorkspaceExport::Format format);
    void setContent(WorkspaceExport::Content content);
    void setDirectory(const QString &directory);
    // Lints and writes; false (with the reason shown) when refused or a file could not be written.
    bool exportFiles();

    ExportResult result() const { return m_result; }
    QTreeWidget *findingsView() const { return m_findings; }
    QCheckBox *confirmErrorsBox() const { return m_confirmErrors; }
    QPushButton *exportButton() const { return m_export; }
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *contentCombo() const { return m_content; }
    QLineEdit *directoryEdit() const { return m_directory; }
    QLabel *statusLabel() const { return m_status; }

private:
    void relint();
    void updateButtons();
    void browse();
    bool hasInlinedSecret() const;

    Workspace m_workspace;
    ExportResult m_result;
    QComboBox *m_format;
    QComboBox *m_content;
    QLineEdit *m_directory;
    QTreeWidget *m_findings;
    QCheckBox *m_confirmErrors;
    QLabel *m_status;
    QPushButton *m_export;
};
