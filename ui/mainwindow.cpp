// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "expr/compilingexpressionchecker.h"
#include "live/workspacegateway.h"
#include "policy/policyvalidator.h"
#include "workspace/workspaceserializer.h"

#include "diagnosticmodel.h"
#include "diagrameditcontroller.h"
#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "flowdiagramview.h"
#include "gatewaypanel.h"
#include "policyeditor.h"
#include "policypalette.h"
#include "policypropertypanel.h"
#include "problemsview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

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
    , m_scene(new FlowDiagramScene(this))
    , m_diagramView(new FlowDiagramView(m_scene, this))
    , m_diagnosticModel(new DiagnosticModel(this))
    , m_problemsView(new ProblemsView(m_diagnosticModel, this))
    , m_analyzer(new DocumentAnalyzer(m_editor->document(), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_gatewayPanel(new GatewayPanel(this))
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
    connect(m_gatewayPanel,
            &GatewayPanel::sourceRangeSelected,
            this,
            [this](PolicyScope scope, const SourceRange &range) {
                if (scope == PolicyScope::Api)
                    m_editor->selectRange(range);
            });

    // Schema rules and C# compile errors, reported while typing like XML errors.
    m_analyzer->addDiagnosticProvider([checker = std::make_shared<CompilingExpressionChecker>()](
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
    connect(m_editor->document(),
            &QTextDocument::modificationChanged,
            this,
            &QWidget::setWindowModified);

    createDiagramEditing();
    createMenus();
    readSettings();
    setCurrentFile({});
    statusBar()->showMessage(tr("Ready"));
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
    propertiesDock->setWidget(m_propertyPanel);
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
    QAction *quitAction = menu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    updateRecentFilesMenu();
}

void MainWindow::createEditMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = menu->addAction(tr("&Undo"), m_editor, &QPlainTextEdit::undo);
    undo->setShortcut(QKeySequence::Undo);
    undo->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::undoAvailable, undo, &QAction::setEnabled);
    QAction *redo = menu->addAction(tr("&Redo"), m_editor, &QPlainTextEdit::redo);
    redo->setShortcut(QKeySequence::Redo);
    redo->setEnabled(false);
    connect(m_editor, &QPlainTextEdit::redoAvailable, redo, &QAction::setEnabled);
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
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this,
                             tr("Open Policy"),
                             tr("Cannot open %1: %2").arg(fileName, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    m_byteOrderMark = bytes.startsWith("\xEF\xBB\xBF");
    QString text = QString::fromUtf8(m_byteOrderMark ? bytes.mid(3) : bytes);
    m_lineEnding
            = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_editor->setPlainText(text);
    setCurrentFile(fileName);
    addRecentFile(fileName);
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
    m_gatewayPanel->setGateway(nullptr);
    delete m_workspaceGateway;
    m_workspaceGateway = new WorkspaceGateway(loaded.workspace, {}, this);
    m_byteOrderMark = false;
    m_lineEnding = QStringLiteral("\n");
    m_editor->setPlainText(loaded.workspace.apis.constFirst().policy.xml);
    const QString policyFile = loaded.workspace.apis.constFirst().policy.file;
    m_analyzer->setFileName(policyFile.isEmpty() ? fileName
                                                 : QFileInfo(fileName).dir().filePath(policyFile));
    m_fileName = fileName;
    updateTitle();
    addRecentFile(fileName);
    m_gatewayPanel->setGateway(m_workspaceGateway);
    if (auto *dock = qobject_cast<QDockWidget *>(m_gatewayPanel->parentWidget())) {
        dock->raise();
        resizeDocks({dock}, {height() * 2 / 5}, Qt::Vertical);
    }
    m_analyzer->analyzeNow();
    m_diagramView->fitToWindow();
    statusBar()->showMessage(tr("Opened workspace %1").arg(QDir::toNativeSeparators(fileName)),
                             5000);
    return true;
}

bool MainWindow::saveWorkspace(const QString &fileName)
{
    // The editor's text, even while its analysis is pending or it does not parse: saving loses
    // nothing.
    Workspace workspace = m_workspaceGateway->workspace();
    workspace.apis.first().policy.xml = m_editor->document()->toPlainText();
    const QString error = WorkspaceSerializer::save(workspace, fileName);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save Workspace"), error);
        return false;
    }
    m_editor->document()->setModified(false);
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
    m_editor->document()->setModified(false);
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
    if (!m_editor->document()->isModified())
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
    event->accept();
}

void MainWindow::setCurrentFile(const QString &fileName)
{
    m_fileName = fileName;
    m_analyzer->setFileName(fileName);
    m_editor->document()->setModified(false);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString shown = m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
    setWindowTitle(tr("%1[*] — APIM Policy Designer").arg(shown));
    setWindowModified(m_editor->document()->isModified());
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
        const QString text = m_editor->document()->toPlainText();
        if (workspace.apis.first().policy.xml != text) {
            workspace.apis.first().policy.xml = text;
            m_workspaceGateway->setWorkspace(workspace);
        }
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
        resize(1500, 950);
        m_splitter->setSizes({620, 880});
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
