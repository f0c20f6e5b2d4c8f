// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "workspace/workspace.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTreeWidget;

// File > Import: a policy XML file into a chosen scope of the open workspace (PolicyImporter), or
// an APIOps folder into a new workspace file (ApiOpsImporter). Everything the importers could not
// map (files with no place in a workspace, undefined references, a document refused for its
// scope) is listed; nothing is dropped without being named. The dialog stays open on refusal.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    enum class Mode { PolicyIntoScope, ApiOpsFolder };

    // workspace: the open one (policy mode imports into a copy of it); none disables that mode.
    explicit ImportDialog(const Workspace *workspace, QWidget *parent = nullptr);

    void setMode(Mode mode);
    void setSource(const QString &path);
    // Index into the scope list (PolicyLocation::all order).
    void setScope(int index);
    void setTargetWorkspaceFile(const QString &path);
    // Runs the import; true when something was imported (warnings may remain in findings()).
    bool runImport();

    Mode mode() const;
    // Policy mode: the workspace with the imported policy.
    Workspace workspace() const { return m_workspace; }
    // APIOps mode: the workspace file written.
    QString writtenWorkspaceFile() const { return m_written; }
    QList<Diagnostic> findings() const { return m_findings; }
    QTreeWidget *findingsView() const { return m_findingsView; }
    QComboBox *scopeCombo() const { return m_scope; }

private:
    void updateMode();
    void browseSource();
    void browseTarget();
    void showFindings();
    bool importPolicy();
    bool importFolder();

    Workspace m_workspace;
    bool m_hasWorkspace;
    QList<Diagnostic> m_findings;
    QString m_written;
    QRadioButton *m_policyMode;
    QRadioButton *m_folderMode;
    QLineEdit *m_source;
    QComboBox *m_scope;
    QLineEdit *m_target;
    QTreeWidget *m_findingsView;
    QLabel *m_status;
};
