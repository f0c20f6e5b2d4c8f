// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/requesttrace.h"
#include "policy/policynode.h"
#include "workspace/workspacescope.h"

#include <QHash>
#include <QObject>

class DocumentAnalyzer;
class EditorDocuments;
class EffectivePolicyView;
class FlowDiagramScene;
class PolicyEditor;
class QTextDocument;
class QTreeView;
class WorkspaceScopeModel;

// Moves the designer's one editor between the policy documents of a workspace. Each scope opened
// keeps its own text document (EditorDocuments), so its unsaved text and its undo history survive
// while another is edited; the others' texts stay in the workspace until opened. Shows the
// workspace's tree of scopes, fragments and named values, the effective policy of the edited API
// or operation, expands <base/> and fragments in the diagram from the workspace, and draws the
// path of the selected request on the diagram. Trace steps and diagram nodes of other documents
// switch the editor to the scope they came from.
class WorkspaceNavigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceNavigator)

public:
    // The views it creates are children of parentWidget (for the main window to dock).
    WorkspaceNavigator(PolicyEditor *editor,
                       EditorDocuments *documents,
                       DocumentAnalyzer *analyzer,
                       FlowDiagramScene *scene,
                       QWidget *parentWidget);
    ~WorkspaceNavigator() override;

    // Opens the workspace's first API policy (or the global one) in the editor.
    void setWorkspace(const Workspace &workspace, const QString &fileName);
    // No workspace: the editor holds a plain policy file.
    void clear();
    bool hasWorkspace() const { return m_hasWorkspace; }
    // The workspace with every scope's text as edited, the editor's included.
    Workspace workspace() const;
    // Copies every scope's text as edited into target; true when that changed it.
    bool applyPolicies(Workspace &target) const;
    // Texts changed outside the editor (an import) become unsaved edits; in an opened scope the
    // new text replaces the old as one undo step.
    void setEditedPolicies(const Workspace &edited);
    // The texts as they are now were saved (EditorDocuments::markSaved first, for the documents).
    void markSaved();
    // An opened scope's document has unsaved changes, or an unopened scope's text differs from
    // the saved one.
    bool isModified() const;

    WorkspaceScope currentScope() const { return m_current; }
    // The scope's text document, null while it was never opened.
    QTextDocument *document(const WorkspaceScope &scope) const { return m_documents.value(scope); }
    // False when the workspace has no such scope.
    bool selectScope(const WorkspaceScope &scope);
    // Switches to the scope a trace step's policy came from and selects it there.
    void showTraceStep(const TraceEvent &event);
    // Likewise for a policy of an effective policy (e.g. a node of an expanded <base/>).
    void showOrigin(const PolicyOrigin &origin, const SourceRange &range);
    // The request whose path the diagram shows (an empty trace shows none).
    void setTrace(const RequestTrace &trace);

    WorkspaceScopeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    EffectivePolicyView *effectiveView() const { return m_effectiveView; }

Q_SIGNALS:
    void scopeChanged(const WorkspaceScope &scope);

private:
    void loadScope(const WorkspaceScope &scope);
    void onAnalyzed();
    void onTreeCurrentChanged();
    void updateEffectiveView();
    void updateModifiedMarks();
    bool isModified(const WorkspaceScope &scope) const;
    void applyTrace();
    QList<PolicyNode> expansion(const PolicyNode &element, const QString &sectionName) const;

    PolicyEditor *m_editor;
    EditorDocuments *m_editorDocuments;
    DocumentAnalyzer *m_analyzer;
    FlowDiagramScene *m_scene;
    WorkspaceScopeModel *m_model;
    QTreeView *m_tree;
    EffectivePolicyView *m_effectiveView;
    // Every scope's text, except the opened ones', which their documents hold.
    Workspace m_workspace;
    QHash<WorkspaceScope, QTextDocument *> m_documents;
    Workspace m_saved;
    QString m_fileName;
    WorkspaceScope m_current;
    bool m_hasWorkspace = false;
    RequestTrace m_trace;
};
