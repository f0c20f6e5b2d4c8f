// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "policy/policydocument.h"

#include <QHash>
#include <QPlainTextEdit>
#include <QTextCursor>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

class PolicyCompleter;
class PolicyEditorGutter;

// The XML editor: APIM policy highlighting, line numbers with fold markers, current line, bracket
// and tag matching, and squiggles under diagnostics. The parse that drives tag matching is pushed
// in from outside (setStructure) because the editor does not parse by itself.
class PolicyEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditor)

public:
    PolicyEditor(KSyntaxHighlighting::Repository &repository, QWidget *parent = nullptr);
    ~PolicyEditor() override;

    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    // The document parsed from the text at revision; ignored once the text has changed since.
    void setStructure(const PolicyDocument &document, int revision);
    // The messages of the diagnostics under a text position, one per line (the squiggle's tooltip).
    QString diagnosticMessagesAt(int position) const;
    void selectRange(const SourceRange &range);
    void goToPosition(const SourcePosition &position);
    // Replaces the whole text as one undo step (generated, imported or recovered text), so the
    // user can take it back with one Ctrl+Z.
    void replaceAllText(const QString &text);
    // Edits document from now on (it needs a QPlainTextDocumentLayout), in place of the one shown:
    // each document keeps its own undo history, highlighting, folds, cursor and scroll position.
    // The editor does not own it.
    void showDocument(QTextDocument *document);

    bool isFoldable(int blockNumber) const;
    bool isFolded(int blockNumber) const;
    void toggleFold(int blockNumber);

    PolicyCompleter *completer() const { return m_completer; }
    KSyntaxHighlighting::Repository &repository() const { return m_repository; }
    // A KSyntaxHighlighting theme by name; empty follows the application palette (light/dark).
    void setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }
    // The name of the theme in use (the palette's choice when following it).
    QString activeThemeName() const;

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void gutterClicked(const QPoint &position);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyTheme();
    void updateGutterGeometry();
    void updateGutterArea(const QRect &rect, int dy);
    void updateExtraSelections();
    QList<QTextEdit::ExtraSelection> bracketSelections() const;
    QList<QTextEdit::ExtraSelection> tagSelections() const;
    QList<QTextEdit::ExtraSelection> diagnosticSelections() const;
    QTextEdit::ExtraSelection selectionFor(const SourceRange &range,
                                           const QTextCharFormat &format) const;
    QTextBlock foldEnd(const QTextBlock &start) const;
    KSyntaxHighlighting::SyntaxHighlighter *highlighterFor(QTextDocument *document);

    struct ViewState
    {
        QTextCursor cursor;
        int horizontalScroll = 0;
        int verticalScroll = 0;
    };

    KSyntaxHighlighting::Repository &m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    PolicyEditorGutter *m_gutter = nullptr;
    PolicyCompleter *m_completer = nullptr;
    QString m_themeName;
    QList<Diagnostic> m_diagnostics;
    PolicyDocument m_structure;
    int m_structureRevision = -1;
    QColor m_currentLineColor;
    QColor m_matchColor;
    bool m_applyingTheme = false;
    // Of the documents shown before, while they exist.
    QHash<const QTextDocument *, ViewState> m_viewStates;
};
