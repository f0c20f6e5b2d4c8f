// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace KSyntaxHighlighting {
class Repository;
}

class DiagnosticModel;
class DiffView;
class DiskChangeWatcher;
class DocumentRecovery;
class DiagramEditController;
class DocumentAnalyzer;
class EditorDocuments;
class FlowDiagramScene;
class FlowDiagramView;
class GatewayPanel;
class WorkspaceGateway;
class PolicyEditor;
class WorkspaceNavigator;
class PolicyPalette;
class PolicyPropertyPanel;
class ProblemsView;
class QMenu;
class QSplitter;
class RoutingTableEditor;
struct RoutingTable;
struct Workspace;

// The designer window: the XML editor and the flow diagram side by side, kept in sync both ways,
// and the problems of the current text in a dock. A workspace file (*.apimws) opens its API policy
// for editing (the Workspace dock switches between its scopes) and runs it on the embedded gateway
// in the Gateway dock; edits reach the running gateway from its next request.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The repository must outlive the window (one per application).
    explicit MainWindow(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Both report failures to the user and return false.
    // A policy XML file, or a workspace (*.apimws).
    bool openFile(const QString &fileName);
    bool saveFile(const QString &fileName);
    QString currentFile() const { return m_fileName; }

    PolicyEditor *editor() const { return m_editor; }
    FlowDiagramView *diagramView() const { return m_diagramView; }
    FlowDiagramScene *diagramScene() const { return m_scene; }
    ProblemsView *problemsView() const { return m_problemsView; }
    DiagnosticModel *diagnosticModel() const { return m_diagnosticModel; }
    // Where other diagnostic producers (the validator) plug in.
    DocumentAnalyzer *analyzer() const { return m_analyzer; }
    GatewayPanel *gatewayPanel() const { return m_gatewayPanel; }
    bool hasWorkspace() const { return m_workspaceGateway != nullptr; }
    RoutingTableEditor *routingEditor() const { return m_routingEditor; }
    DiffView *diffView() const { return m_diffView; }
    // The open workspace with the editor's text as its API policy (empty without a workspace).
    Workspace currentWorkspace() const;
    // Replaces the editor's text as one undo step, and keeps the table in the open workspace.
    void applyGeneratedPolicy(const QString &xml, const RoutingTable &table);
    DocumentRecovery *recovery() const { return m_recovery; }
    DiskChangeWatcher *diskWatcher() const { return m_diskWatcher; }
    // The workspace's scope tree, effective policy and request path on the diagram.
    WorkspaceNavigator *navigator() const { return m_navigator; }
    PolicyPalette *policyPalette() const { return m_policyPalette; }
    PolicyPropertyPanel *propertyPanel() const { return m_propertyPanel; }
    DiagramEditController *diagramEditController() const { return m_diagramEditController; }
    // The edited documents, each with its undo stack (one per workspace scope).
    EditorDocuments *editorDocuments() const { return m_documents; }
    // Some document has changes that are not saved.
    bool hasUnsavedChanges() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createDiagramEditing();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void open();
    bool save();
    bool saveAs();
    void exportDiagram(const QString &format);
    void chooseEditorFont();
    bool maybeSave();
    void setCurrentFile(const QString &fileName);
    void addRecentFile(const QString &fileName);
    void updateRecentFilesMenu();
    void updateTitle();
    void onAnalyzed();
    bool openWorkspace(const QString &fileName);
    bool saveWorkspace(const QString &fileName);
    void onCursorMoved();
    void createWorkspaceDocks();
    void readSettings();
    void writeSettings() const;
    void createDeployDocks();
    void showExportDialog();
    void showImportDialog();
    void showDiff();
    void replaceEditorText(const QString &text);
    void offerRecovery();
    void onChangedOnDisk(const QString &fileName);
    void createUndoHistoryDock();
    void watchWorkspaceFiles();

    PolicyEditor *m_editor;
    // Right after the editor: what follows the editor's document is built on its first one.
    EditorDocuments *m_documents;
    FlowDiagramScene *m_scene;
    FlowDiagramView *m_diagramView;
    DiagnosticModel *m_diagnosticModel;
    ProblemsView *m_problemsView;
    DocumentAnalyzer *m_analyzer;
    QSplitter *m_splitter;
    QMenu *m_recentMenu = nullptr;
    QString m_fileName;
    // How the file on disk wrote its line ends and whether it had a byte order mark, so saving an
    // unchanged file gives back the same bytes.
    QString m_lineEnding = QStringLiteral("\n");
    bool m_byteOrderMark = false;
    GatewayPanel *m_gatewayPanel;
    WorkspaceGateway *m_workspaceGateway = nullptr;
    RoutingTableEditor *m_routingEditor = nullptr;
    DiffView *m_diffView = nullptr;
    DocumentRecovery *m_recovery;
    DiskChangeWatcher *m_diskWatcher;
    WorkspaceNavigator *m_navigator;
    PolicyPalette *m_policyPalette = nullptr;
    PolicyPropertyPanel *m_propertyPanel = nullptr;
    DiagramEditController *m_diagramEditController = nullptr;
};
