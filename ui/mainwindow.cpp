// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "expr/compilingexpressionchecker.h"
#include "live/workspacegateway.h"
#include "policy/cachingexpressionchecker.h"
#include "policy/policyvalidator.h"
#include "workspace/workspaceserializer.h"

#include "diagnosticmodel.h"
#include "diagrameditcontroller.h"
#include "diffview.h"
#include "diskchangewatcher.h"
#include "documentanalyzer.h"
#include "documentrecovery.h"
#include "editordocuments.h"
#include "effectivepolicyview.h"
#include "exportdialog.h"
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "gatewaypanel.h"
#include "importdialog.h"
#include "live/traceeventmodel.h"
#include "policycompleter.h"
#include "policyeditor.h"
#include "policypalette.h"
#include "policypropertypanel.h"
#include "problemsview.h"
#include "routingtableeditor.h"
#include "textundostack.h"
#include "thememenu.h"
#include "traceview.h"
#include "workspacenavigator.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDialog>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextCursor>
#include <QTimer>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoView>

namespace {
constexpr int maxRecentFiles = 8;
const char recentFilesKey[] = "recentFiles";

QString policyFileFilter()
{
    return MainWindow::tr("Policies and workspaces (*.xml *.apimws);;All files (*)");
}
} // namespace

MainWindow::MainWindow(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new PolicyEditor(repository, this))
    , m_documents(new EditorDocuments(m_editor))
    , m_scene(new FlowDiagramScene(this))
    , m_diagramView(new FlowDiagramView(m_scene, this))
    , m_diagnosticModel(new DiagnosticModel(this))
    , m_problemsView(new ProblemsView(m_diagnosticModel, this))
    , m_analyzer(new DocumentAnalyzer(m_editor->document(), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_gatewayPanel(new GatewayPanel(this))
    , m_recovery(new DocumentRecovery(
              m_editor->document(), DocumentRecovery::defaultDirectory(), this))
    , m_diskWatcher(new DiskChangeWatcher(this))
    , m_navigator(new WorkspaceNavigator(m_editor, m_documents, m_analyzer, m_scene, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_diagramView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("ProblemsDock"));
    problemsDock->setWidget(m_problemsView);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);

    auto *gatewayDock = new QDockWidget(tr("Gateway"), this);
    gatewayDock->setObjectName(QStringLiteral("GatewayDock"));
    gatewayDock->setWidget(m_gatewayPanel);
    addDockWidget(Qt::BottomDockWidgetArea, gatewayDock);
    tabifyDockWidget(problemsDock, gatewayDock);
    problemsDock->raise();
    createWorkspaceDocks();

    // Schema rules and C# compile errors, reported while typing like XML errors.
    // The cache compiles again only the expressions an edit changed.
    m_analyzer->addDiagnosticProvider([checker = std::make_shared<CachingExpressionChecker>(
                                               std::make_unique<CompilingExpressionChecker>())](
                                              const PolicyDocument &document) {
        return PolicyValidator(PolicySchema::builtin(), checker.get()).validate(document);
    });
    connect(m_analyzer, &DocumentAnalyzer::analyzed, this, &MainWindow::onAnalyzed);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::onCursorMoved);
    connect(m_scene, &FlowDiagramScene::nodeActivated, m_editor, &PolicyEditor::selectRange);
    connect(m_problemsView,
            &ProblemsView::positionActivated,
            this,
            [this](const SourcePosition &p) {
                m_editor->goToPosition(p);
                m_editor->setFocus();
            });
    connect(m_documents, &EditorDocuments::modificationChanged, this, [this] {
        setWindowModified(hasUnsavedChanges());
    });
    connect(m_documents, &EditorDocuments::shown, this, [this](QTextDocument *document) {
        m_analyzer->setDocument(document);
        m_recovery->setDocument(document);
    });

    createDeployDocks();
    createDiagramEditing();
    createUndoHistoryDock();
    connect(m_diskWatcher, &DiskChangeWatcher::changedOnDisk, this, &MainWindow::onChangedOnDisk);
    // In a workspace the editor holds one scope at a time: each scope's policy file has its own
    // recovery file, so a restore never puts one scope's text into another.
    connect(m_navigator,
            &WorkspaceNavigator::scopeChanged,
            this,
            [this](const WorkspaceScope &scope) {
                const Workspace workspace = m_navigator->workspace();
                const Workspace::PolicySource *source = scope.source(workspace);
                const QString file
                        = source && !source->file.isEmpty()
                                  ? QFileInfo(m_fileName).dir().filePath(source->file)
                                  : m_fileName + QLatin1Char('#') + scope.documentName(workspace);
                m_recovery->setFileName(file);
                offerRecovery();
            });

    createMenus();
    readSettings();
    setCurrentFile({});
    statusBar()->showMessage(tr("Ready"));
    // The last child: what shows or follows the documents (the editor first) is deleted before
    // them.
    m_documents->setParent(this);
    // After main() has opened the file it was given, an untitled window recovers its own text.
    QTimer::singleShot(0, this, [this] {
        if (m_fileName.isEmpty())
            offerRecovery();
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
}

void MainWindow::createDiagramEditing()
{
    m_policyPalette = new PolicyPalette(this);
    auto *paletteDock = new QDockWidget(tr("Policies"), this);
    paletteDock->setObjectName(QStringLiteral("PaletteDock"));
    paletteDock->setWidget(m_policyPalette);
    addDockWidget(Qt::RightDockWidgetArea, paletteDock);

    m_propertyPanel = new PolicyPropertyPanel(this);
    auto *propertiesDock = new QDockWidget(tr("Properties"), this);
    propertiesDock->setObjectName(QStringLiteral("PropertiesDock"));
    // Policies with many attributes and child elements outgrow a dock shared with the palette.
    auto *propertiesScroll = new QScrollArea(propertiesDock);
    propertiesScroll->setWidgetResizable(true);
    propertiesScroll->setFrameShape(QFrame::NoFrame);
    propertiesScroll->setWidget(m_propertyPanel);
    propertiesDock->setWidget(propertiesScroll);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    m_diagramEditController
            = new DiagramEditController(m_editor, m_analyzer, m_scene, m_propertyPanel, this);
    connect(m_diagramEditController,
            &DiagramEditController::editFailed,
            this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
}

void MainWindow::createFileMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = menu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = menu->addMenu(tr("Open &Recent"));
    menu->addSeparator();
    QAction *saveAction = menu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = menu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    menu->addSeparator();
    menu->addAction(tr("&Import…"), this, &MainWindow::showImportDialog);
    menu->addAction(tr("&Export…"), this, &MainWindow::showExportDialog);
    menu->addAction(tr("&Compare…"), this, &MainWindow::showDiff);
    menu->addSeparator();
    QAction *quitAction = menu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    updateRecentFilesMenu();
}

void MainWindow::createEditMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Edit"));
    // The shown document's history, typed or made on the diagram; the actions name the step.
    QAction *undo = m_documents->undoGroup()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    menu->addAction(undo);
    QAction *redo = m_documents->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    menu->addAction(redo);
    menu->addSeparator();
    menu->addAction(tr("Editor &Font…"), this, &MainWindow::chooseEditorFont);
}

void MainWindow::createViewMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = menu->addAction(tr("Zoom &In"), m_diagramView, &FlowDiagramView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = menu->addAction(tr("Zoom &Out"), m_diagramView, &FlowDiagramView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *reset
            = menu->addAction(tr("&Actual Size"), m_diagramView, &FlowDiagramView::resetZoom);
    reset->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction *fit
            = menu->addAction(tr("&Fit Diagram"), m_diagramView, &FlowDiagramView::fitToWindow);
    fit->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    menu->addSeparator();
    menu->addAction(
            tr("Export Diagram as &PNG…"), this, [this] { exportDiagram(QStringLiteral("png")); });
    menu->addAction(
            tr("Export Diagram as S&VG…"), this, [this] { exportDiagram(QStringLiteral("svg")); });
    menu->addSeparator();
    menu->addMenu(new ThemeMenu(m_editor, menu));
    menu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        menu->addAction(dock->toggleViewAction());
}

bool MainWindow::openFile(const QString &fileName)
{
    if (fileName.endsWith(QLatin1String(".apimws")))
        return openWorkspace(fileName);
    m_gatewayPanel->setGateway(nullptr);
    delete m_workspaceGateway;
    m_workspaceGateway = nullptr;
    m_navigator->clear();
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this,
                             tr("Open Policy"),
                             tr("Cannot open %1: %2").arg(fileName, file.errorString()));
        return false;
    }
    // The caller asked to save or to lose the edits being replaced.
    m_recovery->discardWritten();
    const QByteArray bytes = file.readAll();
    m_byteOrderMark = bytes.startsWith("\xEF\xBB\xBF");
    QString text = QString::fromUtf8(m_byteOrderMark ? bytes.mid(3) : bytes);
    m_lineEnding
            = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_documents->reset(text);
    setCurrentFile(fileName);
    addRecentFile(fileName);
    offerRecovery();
    m_analyzer->analyzeNow();
    m_diagramView->fitToWindow();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

bool MainWindow::openWorkspace(const QString &fileName)
{
    const WorkspaceLoadResult loaded = WorkspaceSerializer::load(fileName);
    if (!loaded.ok() || loaded.workspace.apis.isEmpty()) {
        QMessageBox::warning(this,
                             tr("Open Workspace"),
                             loaded.ok() ? tr("%1 has no API to edit.").arg(fileName)
                                         : loaded.diagnostics.constFirst().toString());
        return false;
    }
    m_recovery->discardWritten();
    m_gatewayPanel->setGateway(nullptr);
    delete m_workspaceGateway;
    m_workspaceGateway = new WorkspaceGateway(loaded.workspace, {}, this);
    m_byteOrderMark = false;
    m_lineEnding = QStringLiteral("\n");
    m_fileName = fileName;
    m_navigator->setWorkspace(loaded.workspace, fileName);
    m_routingEditor->setTable(loaded.workspace.routing ? loaded.workspace.routing->table
                                                       : RoutingTable());
    if (auto *dock = qobject_cast<QDockWidget *>(m_routingEditor->parentWidget());
        dock && loaded.workspace.routing) {
        dock->show();
        resizeDocks({dock}, {width() / 4}, Qt::Horizontal);
    }
    watchWorkspaceFiles();
    QList<CompletionEngine::NamedValue> namedValues;
    for (const Workspace::NamedValue &value : loaded.workspace.namedValues)
        namedValues.append({value.name, value.value, value.secret});
    m_editor->completer()->setNamedValues(namedValues);
    updateTitle();
    addRecentFile(fileName);
    m_gatewayPanel->setGateway(m_workspaceGateway);
    if (auto *dock = qobject_cast<QDockWidget *>(m_gatewayPanel->parentWidget())) {
        dock->raise();
        resizeDocks({dock}, {height() / 3}, Qt::Vertical);
    }
    m_analyzer->analyzeNow();
    m_diagramView->fitToWindow();
    statusBar()->showMessage(tr("Opened workspace %1").arg(QDir::toNativeSeparators(fileName)),
                             5000);
    return true;
}

bool MainWindow::saveWorkspace(const QString &fileName)
{
    // Every scope's text as edited, even while its analysis is pending or it does not parse:
    // saving loses nothing.
    Workspace workspace = m_workspaceGateway->workspace();
    m_navigator->applyPolicies(workspace);
    const QString error = WorkspaceSerializer::save(workspace, fileName);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save Workspace"), error);
        return false;
    }
    m_documents->markSaved();
    m_navigator->markSaved();
    m_fileName = fileName;
    updateTitle();
    watchWorkspaceFiles();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

bool MainWindow::saveFile(const QString &fileName)
{
    if (m_workspaceGateway && fileName.endsWith(QLatin1String(".apimws")))
        return saveWorkspace(fileName);
    QString text = m_editor->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    if (m_lineEnding != u'\n')
        text.replace(u'\n', m_lineEnding);
    QByteArray bytes = text.toUtf8();
    if (m_byteOrderMark)
        bytes.prepend("\xEF\xBB\xBF");
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(this,
                             tr("Save Policy"),
                             tr("Cannot save %1: %2").arg(fileName, file.errorString()));
        return false;
    }
    m_documents->markSaved();
    setCurrentFile(fileName);
    addRecentFile(fileName);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    return true;
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString fileName = QFileDialog::getOpenFileName(
            this, tr("Open Policy"), QFileInfo(m_fileName).path(), policyFileFilter());
    if (!fileName.isEmpty())
        openFile(fileName);
}

bool MainWindow::save()
{
    return m_fileName.isEmpty() ? saveAs() : saveFile(m_fileName);
}

bool MainWindow::saveAs()
{
    const QString fileName = QFileDialog::getSaveFileName(
            this, tr("Save Policy As"), m_fileName, policyFileFilter());
    return !fileName.isEmpty() && saveFile(fileName);
}

void MainWindow::exportDiagram(const QString &format)
{
    const QString suggested = QFileInfo(m_fileName).completeBaseName() + u'.' + format;
    const QString filter = format == u"png" ? tr("PNG image (*.png)") : tr("SVG image (*.svg)");
    const QString fileName
            = QFileDialog::getSaveFileName(this, tr("Export Diagram"), suggested, filter);
    if (fileName.isEmpty())
        return;
    const bool written = format == u"png" ? m_diagramView->exportPng(fileName)
                                          : m_diagramView->exportSvg(fileName);
    if (!written)
        QMessageBox::warning(this, tr("Export Diagram"), tr("Cannot write %1.").arg(fileName));
}

void MainWindow::chooseEditorFont()
{
    bool accepted = false;
    const QFont font = QFontDialog::getFont(&accepted, m_editor->font(), this, tr("Editor Font"));
    if (accepted)
        m_editor->setFont(font);
}

bool MainWindow::maybeSave()
{
    if (!hasUnsavedChanges())
        return true;
    const auto answer
            = QMessageBox::warning(this,
                                   tr("Unsaved Changes"),
                                   tr("The policy has been modified. Save the changes?"),
                                   QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    m_recovery->discardAll();
    event->accept();
}

void MainWindow::setCurrentFile(const QString &fileName)
{
    m_fileName = fileName;
    m_analyzer->setFileName(fileName);
    m_documents->markSaved();
    m_recovery->setFileName(fileName);
    m_diskWatcher->setFileName(fileName);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString shown = m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
    setWindowTitle(tr("%1[*] — APIM Policy Designer").arg(shown));
    setWindowModified(hasUnsavedChanges());
}

bool MainWindow::hasUnsavedChanges() const
{
    return m_navigator->hasWorkspace() ? m_navigator->isModified() : m_documents->isModified();
}

void MainWindow::addRecentFile(const QString &fileName)
{
    QSettings settings;
    QStringList files = settings.value(recentFilesKey).toStringList();
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings.setValue(recentFilesKey, files);
    updateRecentFilesMenu();
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(recentFilesKey).toStringList();
    for (const QString &file : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(file), this, [this, file] {
            if (maybeSave())
                openFile(file);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::onAnalyzed()
{
    m_diagnosticModel->setDiagnostics(m_analyzer->diagnostics());
    m_editor->setDiagnostics(m_analyzer->diagnostics());
    m_editor->setStructure(m_analyzer->document(), m_analyzer->revision());
    if (m_analyzer->isValid()) {
        m_scene->setPolicyDocument(m_analyzer->document());
        m_scene->selectNodeAt(m_editor->textCursor().selectionStart());
    }
    m_diagramView->setStale(!m_analyzer->isValid());
    if (m_workspaceGateway && m_analyzer->isValid()) {
        Workspace workspace = m_workspaceGateway->workspace();
        if (m_navigator->applyPolicies(workspace))
            m_workspaceGateway->setWorkspace(workspace);
    }
    const qsizetype problems = m_analyzer->diagnostics().size();
    statusBar()->showMessage(problems == 0   ? tr("No problems")
                             : problems == 1 ? tr("1 problem")
                                             : tr("%1 problems").arg(problems));
}

void MainWindow::onCursorMoved()
{
    // While an edit waits for its analysis the diagram's ranges no longer match the text.
    if (m_analyzer->isPending() || !m_analyzer->isValid())
        return;
    m_scene->selectNodeAt(m_editor->textCursor().selectionStart());
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    m_splitter->restoreState(settings.value("window/splitter").toByteArray());
    QFont font;
    if (settings.contains("editor/font")
        && font.fromString(settings.value("editor/font").toString()))
        m_editor->setFont(font);
    if (!settings.contains("window/geometry")) {
        // First start: most of the screen, and the XML a little wider than the diagram, whose
        // fit-to-width zoom keeps its labels readable in less room.
        const QRect screen = QGuiApplication::primaryScreen()
                                     ? QGuiApplication::primaryScreen()->availableGeometry()
                                     : QRect(0, 0, 1500, 950);
        resize(qMax(1200, screen.width() * 9 / 10), qMax(800, screen.height() * 9 / 10));
        m_splitter->setSizes({11, 9});
        // The gateway's tables would otherwise take half the height from the policy.
        if (auto *dock = qobject_cast<QDockWidget *>(m_gatewayPanel->parentWidget()))
            resizeDocks({dock}, {height() / 3}, Qt::Vertical);
        // Room for the property form's attribute names beside their fields (once the window
        // is laid out: before, the dock area keeps its hint).
        QTimer::singleShot(0, this, [this] {
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("PropertiesDock")))
                resizeDocks({dock}, {qMax(280, width() / 6)}, Qt::Horizontal);
        });
    }
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("window/splitter", m_splitter->saveState());
    settings.setValue("editor/font", m_editor->font().toString());
}

void MainWindow::createDeployDocks()
{
    m_routingEditor = new RoutingTableEditor(this);
    auto *routingDock = new QDockWidget(tr("Routing Table"), this);
    routingDock->setObjectName(QStringLiteral("RoutingDock"));
    routingDock->setWidget(m_routingEditor);
    addDockWidget(Qt::RightDockWidgetArea, routingDock);
    routingDock->hide();
    connect(m_routingEditor,
            &RoutingTableEditor::policyGenerated,
            this,
            &MainWindow::applyGeneratedPolicy);

    m_diffView = new DiffView(this);
    auto *diffDock = new QDockWidget(tr("Compare"), this);
    diffDock->setObjectName(QStringLiteral("DiffDock"));
    diffDock->setWidget(m_diffView);
    addDockWidget(Qt::BottomDockWidgetArea, diffDock);
    if (auto *problemsDock = findChild<QDockWidget *>(QStringLiteral("ProblemsDock")))
        tabifyDockWidget(problemsDock, diffDock);
    diffDock->hide();
}

Workspace MainWindow::currentWorkspace() const
{
    if (!m_workspaceGateway)
        return {};
    Workspace workspace = m_workspaceGateway->workspace();
    m_navigator->applyPolicies(workspace);
    return workspace;
}

void MainWindow::replaceEditorText(const QString &text)
{
    TextUndoStack::setNextCommandText(m_editor->document(), tr("Generate routing policy"));
    m_editor->replaceAllText(text);
    m_analyzer->analyzeNow();
}

void MainWindow::applyGeneratedPolicy(const QString &xml, const RoutingTable &table)
{
    if (!m_workspaceGateway) {
        replaceEditorText(xml);
        return;
    }
    // The table routes one API: the one being edited, else the workspace's first.
    const WorkspaceScope current = m_navigator->currentScope();
    const QString apiId = current.kind == PolicyScope::Api || current.kind == PolicyScope::Operation
                                  ? current.id
                                  : m_workspaceGateway->workspace().apis.constFirst().id;
    m_navigator->selectScope(WorkspaceScope::api(apiId));
    replaceEditorText(xml);
    Workspace workspace = currentWorkspace();
    workspace.routing = Workspace::Routing{apiId, table};
    m_workspaceGateway->setWorkspace(workspace);
}

void MainWindow::showExportDialog()
{
    if (!m_workspaceGateway) {
        QMessageBox::information(this, tr("Export"), tr("Open a workspace (*.apimws) to export."));
        return;
    }
    ExportDialog dialog(currentWorkspace(), this);
    dialog.setDirectory(QFileInfo(m_fileName).dir().filePath(QStringLiteral("export")));
    dialog.exec();
}

void MainWindow::showImportDialog()
{
    const Workspace workspace = currentWorkspace();
    ImportDialog dialog(m_workspaceGateway ? &workspace : nullptr, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.mode() == ImportDialog::Mode::ApiOpsFolder) {
        if (maybeSave())
            openFile(dialog.writtenWorkspaceFile());
        return;
    }
    m_workspaceGateway->setWorkspace(dialog.workspace());
    m_navigator->setEditedPolicies(dialog.workspace());
    setWindowModified(hasUnsavedChanges());
}

void MainWindow::showDiff()
{
    if (!m_workspaceGateway) {
        QMessageBox::information(
                this, tr("Compare"), tr("Open a workspace (*.apimws) to compare."));
        return;
    }
    m_diffView->setWorkspace(currentWorkspace());
    if (auto *dock = qobject_cast<QDockWidget *>(m_diffView->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::offerRecovery()
{
    const std::optional<QString> text = m_recovery->recoverableText();
    if (!text || *text == m_editor->document()->toPlainText())
        return;
    const QString shown = m_fileName.isEmpty() ? tr("An untitled policy")
                                               : QDir::toNativeSeparators(m_fileName);
    const auto answer = QMessageBox::question(
            this,
            tr("Recover Unsaved Changes"),
            tr("%1 has unsaved changes from a session that did not end cleanly. Restore them?")
                    .arg(shown),
            QMessageBox::Yes | QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        m_recovery->discard();
        return;
    }
    // One edit on the loaded text: the restore is undoable and leaves the document modified.
    TextUndoStack::setNextCommandText(m_editor->document(), tr("Restore unsaved changes"));
    m_editor->replaceAllText(*text);
    statusBar()->showMessage(tr("Restored unsaved changes"), 5000);
}

void MainWindow::onChangedOnDisk(const QString &fileName)
{
    const QString shown = QDir::toNativeSeparators(fileName);
    if (hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(
                this,
                tr("File Changed on Disk"),
                tr("%1 was changed by another program. Reload it and lose your unsaved changes?")
                        .arg(shown),
                QMessageBox::Yes | QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    const int position = m_editor->textCursor().position();
    const WorkspaceScope scope = m_navigator->currentScope();
    // A workspace reloads whole, whichever of its files changed.
    if (!openFile(m_fileName))
        return;
    m_navigator->selectScope(scope);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(qMin(position, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(cursor);
    statusBar()->showMessage(tr("%1 changed on disk and was reloaded.").arg(shown), 8000);
}

// The workspace's scopes beside the editor, the edited API's effective policy below them; trace
// steps and the selected request's path go through the navigator.
void MainWindow::createWorkspaceDocks()
{
    auto *scopesDock = new QDockWidget(tr("Workspace"), this);
    scopesDock->setObjectName(QStringLiteral("WorkspaceDock"));
    scopesDock->setWidget(m_navigator->treeView());
    addDockWidget(Qt::LeftDockWidgetArea, scopesDock);
    auto *effectiveDock = new QDockWidget(tr("Effective policy"), this);
    effectiveDock->setObjectName(QStringLiteral("EffectivePolicyDock"));
    effectiveDock->setWidget(m_navigator->effectiveView());
    splitDockWidget(scopesDock, effectiveDock, Qt::Vertical);
    connect(m_gatewayPanel, &GatewayPanel::stepSelected, m_navigator, [this](const TraceEvent &e) {
        m_navigator->showTraceStep(e);
    });
    TraceEventModel *steps = m_gatewayPanel->traceView()->eventModel();
    connect(steps, &QAbstractItemModel::modelReset, m_navigator, [this, steps] {
        m_navigator->setTrace(steps->trace());
    });
}

// Edit > Undo's history as a list: clicking a step undoes or redoes up to it.
void MainWindow::createUndoHistoryDock()
{
    auto *view = new QUndoView(m_documents->undoGroup(), this);
    view->setObjectName(QStringLiteral("UndoHistoryView"));
    view->setEmptyLabel(tr("<as opened>"));
    auto *dock = new QDockWidget(tr("Undo History"), this);
    dock->setObjectName(QStringLiteral("UndoHistoryDock"));
    dock->setWidget(view);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    if (auto *propertiesDock = findChild<QDockWidget *>(QStringLiteral("PropertiesDock")))
        tabifyDockWidget(propertiesDock, dock);
    dock->hide();
    // Asked for from the View menu, it comes to the front of the tabs it shares.
    connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock](bool shown) {
        if (shown)
            dock->raise();
    });
}

// The workspace file and the policy files it references: a change to any of them from outside
// offers to reload the workspace.
void MainWindow::watchWorkspaceFiles()
{
    QStringList files{m_fileName};
    const Workspace workspace = m_navigator->workspace();
    const QDir dir = QFileInfo(m_fileName).dir();
    for (const WorkspaceScope &scope : WorkspaceScope::all(workspace)) {
        const Workspace::PolicySource *source = scope.source(workspace);
        if (source && !source->file.isEmpty())
            files.append(dir.filePath(source->file));
    }
    files.removeDuplicates();
    m_diskWatcher->setFileNames(files);
}
