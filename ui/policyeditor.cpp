// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyeditor.h"

#include "policycompleter.h"
#include "policyeditorgutter.h"
#include "policysyntax.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QApplication>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QTextBlock>
#include <QToolTip>

using KSyntaxHighlighting::Theme;

namespace {

// Bracket matching scans at most this far, so a keystroke in a huge file stays cheap.
constexpr int maxBracketScan = 20000;

QChar matchingBracket(QChar c)
{
    switch (c.unicode()) {
    case u'(':
        return u')';
    case u')':
        return u'(';
    case u'{':
        return u'}';
    case u'}':
        return u'{';
    case u'[':
        return u']';
    case u']':
        return u'[';
    default:
        return {};
    }
}

bool isOpeningBracket(QChar c)
{
    return c == u'(' || c == u'{' || c == u'[';
}

const PolicyNode *innermostElementWithTagAt(const QList<PolicyNode> &nodes, qsizetype offset)
{
    for (const PolicyNode &node : nodes) {
        if (!node.isElement() || !node.range.isValid() || offset < node.range.begin.offset
            || offset > node.range.end.offset)
            continue;
        if (const PolicyNode *inner = innermostElementWithTagAt(node.children, offset))
            return inner;
        const auto touches = [offset](const SourceRange &r) {
            return r.isValid() && offset >= r.begin.offset && offset <= r.end.offset;
        };
        if (touches(node.startTagRange) || touches(node.endTagRange))
            return &node;
    }
    return nullptr;
}

} // namespace

PolicyEditor::PolicyEditor(KSyntaxHighlighting::Repository &repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_gutter(new PolicyEditorGutter(this))
    , m_completer(new PolicyCompleter(this))
{
    PolicySyntax::registerDefinitions(m_repository);
    m_highlighter->setDefinition(m_repository.definitionForName(PolicySyntax::definitionName()));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(this, &QPlainTextEdit::blockCountChanged, this, &PolicyEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &PolicyEditor::updateGutterArea);
    connect(this,
            &QPlainTextEdit::cursorPositionChanged,
            this,
            &PolicyEditor::updateExtraSelections);
    applyTheme();
    updateGutterGeometry();
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    updateExtraSelections();
    m_gutter->update();
}

void PolicyEditor::setStructure(const PolicyDocument &document, int revision)
{
    m_structure = document;
    m_structureRevision = revision;
    updateExtraSelections();
}

void PolicyEditor::selectRange(const SourceRange &range)
{
    if (!range.isValid())
        return;
    const int size = document()->characterCount() - 1;
    QTextCursor cursor(document());
    cursor.setPosition(qBound(0, int(range.begin.offset), size));
    cursor.setPosition(qBound(0, int(range.end.offset), size), QTextCursor::KeepAnchor);
    if (!cursor.block().isVisible()) {
        for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
            block.setVisible(true);
        document()->markContentsDirty(0, document()->characterCount());
    }
    setTextCursor(cursor);
    ensureCursorVisible();
}

void PolicyEditor::replaceAllText(const QString &text)
{
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void PolicyEditor::showDocument(QTextDocument *shown)
{
    if (shown == document())
        return;
    QTextDocument *left = document();
    if (!m_viewStates.contains(left))
        connect(left, &QObject::destroyed, this, [this, left] { m_viewStates.remove(left); });
    m_viewStates.insert(
            left, {textCursor(), horizontalScrollBar()->value(), verticalScrollBar()->value()});
    m_highlighter = highlighterFor(shown);
    shown->setDefaultFont(font());
    setDocument(shown);
    // The parse and the problems pushed in belong to the other document until the next analysis.
    m_structure = {};
    m_structureRevision = -1;
    m_diagnostics.clear();
    if (const auto state = m_viewStates.find(shown); state != m_viewStates.end()) {
        setTextCursor(state->cursor);
        horizontalScrollBar()->setValue(state->horizontalScroll);
        verticalScrollBar()->setValue(state->verticalScroll);
    }
    updateGutterGeometry();
    updateExtraSelections();
}

// One highlighter per document, kept with it: showing a document again needs no re-highlighting.
KSyntaxHighlighting::SyntaxHighlighter *PolicyEditor::highlighterFor(QTextDocument *shown)
{
    auto *highlighter = shown->findChild<KSyntaxHighlighting::SyntaxHighlighter *>(
            QString(), Qt::FindDirectChildrenOnly);
    if (!highlighter) {
        highlighter = new KSyntaxHighlighting::SyntaxHighlighter(shown);
        highlighter->setDefinition(m_repository.definitionForName(PolicySyntax::definitionName()));
    }
    if (highlighter->theme().name() != m_highlighter->theme().name()) {
        highlighter->setTheme(m_highlighter->theme());
        highlighter->rehighlight();
    }
    return highlighter;
}

void PolicyEditor::goToPosition(const SourcePosition &position)
{
    if (position.offset >= 0)
        selectRange(SourceRange{position, position});
}

bool PolicyEditor::isFoldable(int blockNumber) const
{
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    return block.isValid() && m_highlighter->startsFoldingRegion(block)
           && foldEnd(block).blockNumber() > blockNumber + 1;
}

bool PolicyEditor::isFolded(int blockNumber) const
{
    const QTextBlock next = document()->findBlockByNumber(blockNumber + 1);
    return next.isValid() && !next.isVisible();
}

void PolicyEditor::toggleFold(int blockNumber)
{
    if (!isFoldable(blockNumber))
        return;
    const QTextBlock start = document()->findBlockByNumber(blockNumber);
    const QTextBlock end = foldEnd(start);
    const bool visible = isFolded(blockNumber);
    // The closing tag's line stays visible, so a folded element reads "<retry ...>" then
    // "</retry>".
    for (QTextBlock block = start.next(); block.isValid() && block != end; block = block.next())
        block.setVisible(visible);
    if (!textCursor().block().isVisible()) {
        QTextCursor cursor(start);
        cursor.movePosition(QTextCursor::EndOfBlock);
        setTextCursor(cursor);
    }
    document()->markContentsDirty(start.position(), end.position() - start.position());
    viewport()->update();
    m_gutter->update();
}

QTextBlock PolicyEditor::foldEnd(const QTextBlock &start) const
{
    const QTextBlock end = m_highlighter->findFoldingRegionEnd(start);
    return end.isValid() ? end : document()->lastBlock();
}

int PolicyEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    const QFontMetrics metrics(font());
    return 8 + metrics.horizontalAdvance(u'9') * qMax(3, digits) + metrics.height();
}

void PolicyEditor::paintGutter(QPaintEvent *event)
{
    const Theme theme = m_highlighter->theme();
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), QColor(theme.editorColor(Theme::IconBorder)));
    const QFontMetrics metrics(font());
    const int markerSize = metrics.height();
    const int numberWidth = m_gutter->width() - markerSize - 4;
    const int currentBlock = textCursor().blockNumber();

    QSet<int> errorLines;
    for (const Diagnostic &diagnostic : std::as_const(m_diagnostics))
        errorLines.insert(diagnostic.range.begin.line - 1);

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int number = block.blockNumber();
            QColor color = theme.editorColor(number == currentBlock ? Theme::CurrentLineNumber
                                                                    : Theme::LineNumbers);
            if (errorLines.contains(number))
                color = QColor(theme.editorColor(Theme::MarkError)).darker(150);
            painter.setPen(color);
            painter.drawText(QRect(0, top, numberWidth, metrics.height()),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number + 1));
            if (isFoldable(number)) {
                const QRectF box(numberWidth + 4, top, markerSize, markerSize);
                const QPointF c = box.center();
                const qreal r = markerSize / 4.0;
                const QPolygonF arrow = isFolded(number) ? QPolygonF({c + QPointF(-r / 2, -r),
                                                                      c + QPointF(r, 0),
                                                                      c + QPointF(-r / 2, r)})
                                                         : QPolygonF({c + QPointF(-r, -r / 2),
                                                                      c + QPointF(r, -r / 2),
                                                                      c + QPointF(0, r)});
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(theme.editorColor(Theme::LineNumbers)));
                painter.drawPolygon(arrow);
                painter.setRenderHint(QPainter::Antialiasing, false);
            }
        }
        block = block.next();
        top += height;
    }
}

void PolicyEditor::gutterClicked(const QPoint &position)
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && position.y() >= top && position.y() < top + height) {
            toggleFold(block.blockNumber());
            return;
        }
        block = block.next();
        top += height;
    }
}

QString PolicyEditor::diagnosticMessagesAt(int position) const
{
    QStringList messages;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        const SourceRange &r = diagnostic.range;
        // Empty ranges are drawn one character wide; hovering that character counts.
        if (r.contains(position) || (r.length() == 0 && r.begin.offset == position))
            messages.append(diagnostic.message);
    }
    return messages.join(u'\n');
}

bool PolicyEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFrom(this, help->pos());
        const QString text = diagnosticMessagesAt(cursorForPosition(inViewport).position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void PolicyEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void PolicyEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterGeometry();
    // Qt 6 reports an application palette change as PaletteChange, as it does the editor's own
    // setPalette in applyTheme: the flag tells them apart.
    if (event->type() == QEvent::PaletteChange && !m_applyingTheme)
        applyTheme();
}

void PolicyEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->handleKeyPress(event))
        return;
    QPlainTextEdit::keyPressEvent(event);
    m_completer->keyHandled(event);
}

void PolicyEditor::setThemeName(const QString &name)
{
    if (name == m_themeName)
        return;
    m_themeName = name;
    applyTheme();
}

QString PolicyEditor::activeThemeName() const
{
    return m_highlighter->theme().name();
}

void PolicyEditor::applyTheme()
{
    const Theme chosen = m_themeName.isEmpty() ? Theme() : m_repository.theme(m_themeName);
    const Theme theme
            = chosen.isValid() ? chosen : m_repository.themeForPalette(QApplication::palette());
    m_highlighter->setTheme(theme);
    QPalette colors = palette();
    colors.setColor(QPalette::Base, QColor(theme.editorColor(Theme::BackgroundColor)));
    colors.setColor(QPalette::Text, QColor(theme.textColor(Theme::Normal)));
    colors.setColor(QPalette::Highlight, QColor(theme.editorColor(Theme::TextSelection)));
    colors.setColor(QPalette::HighlightedText, QColor(theme.textColor(Theme::Normal)));
    m_applyingTheme = true;
    setPalette(colors);
    m_applyingTheme = false;
    m_currentLineColor = QColor(theme.editorColor(Theme::CurrentLine));
    m_matchColor = QColor(theme.editorColor(Theme::BracketMatching));
    m_highlighter->rehighlight();
    updateExtraSelections();
}

void PolicyEditor::updateGutterGeometry()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
    m_gutter->update();
}

void PolicyEditor::updateGutterArea(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void PolicyEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    line.format.setBackground(m_currentLineColor);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);
    selections += tagSelections();
    selections += bracketSelections();
    selections += diagnosticSelections();
    setExtraSelections(selections);
}

QList<QTextEdit::ExtraSelection> PolicyEditor::bracketSelections() const
{
    const int position = textCursor().position();
    const QTextDocument *doc = document();
    int at = position;
    QChar c = doc->characterAt(at);
    if (matchingBracket(c).isNull()) {
        at = position - 1;
        c = doc->characterAt(at);
    }
    const QChar partner = matchingBracket(c);
    if (partner.isNull())
        return {};
    const int step = isOpeningBracket(c) ? 1 : -1;
    const int last = doc->characterCount();
    int depth = 0;
    for (int i = at, scanned = 0; i >= 0 && i < last && scanned < maxBracketScan;
         i += step, ++scanned) {
        const QChar here = doc->characterAt(i);
        if (here == c)
            ++depth;
        else if (here == partner && --depth == 0) {
            QTextCharFormat format;
            format.setBackground(m_matchColor);
            const auto at1 = [&](int offset) {
                return selectionFor(SourceRange{{1, 1, offset}, {1, 1, offset + 1}}, format);
            };
            return {at1(at), at1(i)};
        }
    }
    return {};
}

QList<QTextEdit::ExtraSelection> PolicyEditor::tagSelections() const
{
    if (m_structureRevision != document()->revision() || !m_structure.isValid())
        return {};
    const PolicyNode *element
            = innermostElementWithTagAt(m_structure.nodes, textCursor().position());
    if (!element || element->selfClosing || !element->endTagRange.isValid())
        return {};
    QTextCharFormat format;
    format.setBackground(m_matchColor);
    const auto nameRange = [&](const SourceRange &tag, int prefix) {
        SourceRange r = tag;
        r.begin.offset += prefix;
        r.end.offset = r.begin.offset + element->name.size();
        return selectionFor(r, format);
    };
    return {nameRange(element->startTagRange, 1), nameRange(element->endTagRange, 2)};
}

QList<QTextEdit::ExtraSelection> PolicyEditor::diagnosticSelections() const
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const Diagnostic &diagnostic : m_diagnostics) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(diagnostic.isError() ? QColor(Qt::red) : QColor(0xd0, 0x80, 0));
        SourceRange range = diagnostic.range;
        if (range.begin.offset < 0)
            continue;
        if (range.end.offset <= range.begin.offset) {
            // An empty range (e.g. "unexpected end of file") still needs a visible character.
            range.end.offset = range.begin.offset + 1;
            if (range.end.offset >= document()->characterCount())
                range.begin.offset = qMax<qsizetype>(0, range.begin.offset - 1);
        }
        selections.append(selectionFor(range, format));
    }
    return selections;
}

QTextEdit::ExtraSelection PolicyEditor::selectionFor(const SourceRange &range,
                                                     const QTextCharFormat &format) const
{
    const int size = document()->characterCount() - 1;
    QTextEdit::ExtraSelection selection;
    selection.format = format;
    selection.cursor = QTextCursor(document());
    selection.cursor.setPosition(qBound(0, int(range.begin.offset), size));
    selection.cursor.setPosition(qBound(0, int(range.end.offset), size), QTextCursor::KeepAnchor);
    return selection;
}
