// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyparser.h"
#include "policyeditor.h"
#include "policyeditorgutter.h"

#include <KSyntaxHighlighting/Repository>
#include <QApplication>
#include <QTest>
#include <QTextBlock>

class tst_PolicyEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void foldsAnElementThroughTheGutter();
    void squigglesUnderDiagnostics();
    void matchesBrackets();
    void matchesTagsFromTheStructure();
    void ignoresAStaleStructure();
    void selectRangeUnfoldsAndSelects();
    void themeFollowsTheApplicationPalette();

private:
    QList<QTextEdit::ExtraSelection> selectionsWith(
            bool (*predicate)(const QTextCharFormat &)) const;
    QPoint gutterPointFor(int blockNumber) const;

    KSyntaxHighlighting::Repository m_repository;
    PolicyEditor *m_editor = nullptr;
    const QString m_text = QStringLiteral("<policies>\n"
                                          "    <backend>\n"
                                          "        <retry count=\"1\" condition=\"@(f(1))\">\n"
                                          "            <forward-request />\n"
                                          "        </retry>\n"
                                          "    </backend>\n"
                                          "</policies>");
};

void tst_PolicyEditor::init()
{
    m_editor = new PolicyEditor(m_repository);
    m_editor->resize(600, 400);
    m_editor->setPlainText(m_text);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor));
}

void tst_PolicyEditor::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
}

QList<QTextEdit::ExtraSelection> tst_PolicyEditor::selectionsWith(
        bool (*predicate)(const QTextCharFormat &)) const
{
    QList<QTextEdit::ExtraSelection> result;
    for (const QTextEdit::ExtraSelection &selection : m_editor->extraSelections()) {
        if (predicate(selection.format))
            result.append(selection);
    }
    return result;
}

QPoint tst_PolicyEditor::gutterPointFor(int blockNumber) const
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(blockNumber);
    QTextCursor cursor(block);
    const QRect line = m_editor->cursorRect(cursor);
    return QPoint(m_editor->gutterWidth() - 6, line.center().y());
}

void tst_PolicyEditor::foldsAnElementThroughTheGutter()
{
    QVERIFY(m_editor->isFoldable(2));  // <retry> spans three lines
    QVERIFY(!m_editor->isFoldable(3)); // <forward-request /> is one line
    auto *gutter = m_editor->findChild<PolicyEditorGutter *>();
    QVERIFY(gutter);
    QTest::mouseClick(gutter, Qt::LeftButton, {}, gutterPointFor(2));
    QVERIFY(m_editor->isFolded(2));
    QVERIFY(!m_editor->document()->findBlockByNumber(3).isVisible());
    QVERIFY(m_editor->document()->findBlockByNumber(4).isVisible()); // </retry> stays
    QTest::mouseClick(gutter, Qt::LeftButton, {}, gutterPointFor(2));
    QVERIFY(!m_editor->isFolded(2));
    QVERIFY(m_editor->document()->findBlockByNumber(3).isVisible());
}

void tst_PolicyEditor::squigglesUnderDiagnostics()
{
    const qsizetype at = m_text.indexOf(u"count");
    m_editor->setDiagnostics({Diagnostic::error(QStringLiteral("x"),
                                                QStringLiteral("bad count"),
                                                SourceRange{{3, 16, at}, {3, 21, at + 5}})});
    const auto squiggles = selectionsWith([](const QTextCharFormat &f) {
        return f.underlineStyle() == QTextCharFormat::WaveUnderline;
    });
    QCOMPARE(squiggles.size(), 1);
    QCOMPARE(squiggles.at(0).cursor.selectedText(), QStringLiteral("count"));
    QCOMPARE(m_editor->diagnosticMessagesAt(int(at + 2)), QStringLiteral("bad count"));
    QCOMPARE(m_editor->diagnosticMessagesAt(int(at + 5)), QString());

    // An empty range at the very end still marks a character.
    const SourcePosition end{7, 12, m_text.size()};
    m_editor->setDiagnostics(
            {Diagnostic::error(QStringLiteral("x"), QStringLiteral("eof"), {end, end})});
    const auto atEnd = selectionsWith([](const QTextCharFormat &f) {
        return f.underlineStyle() == QTextCharFormat::WaveUnderline;
    });
    QCOMPARE(atEnd.size(), 1);
    QCOMPARE(atEnd.at(0).cursor.selectedText(), QStringLiteral(">"));
}

static bool isMatchHighlight(const QTextCharFormat &format)
{
    return format.hasProperty(QTextFormat::BackgroundBrush)
           && !format.hasProperty(QTextFormat::FullWidthSelection);
}

void tst_PolicyEditor::matchesBrackets()
{
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(m_text.indexOf(u"@(") + 1));
    m_editor->setTextCursor(cursor);
    const auto matches = selectionsWith(isMatchHighlight);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).cursor.selectionStart(), int(m_text.indexOf(u"@(") + 1));
    QCOMPARE(matches.at(1).cursor.selectionStart(), int(m_text.indexOf(u"))\"") + 1));
}

void tst_PolicyEditor::matchesTagsFromTheStructure()
{
    m_editor->setStructure(PolicyParser::parse(m_text).document, m_editor->document()->revision());
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(m_text.indexOf(u"<retry") + 3));
    m_editor->setTextCursor(cursor);
    const auto matches = selectionsWith(isMatchHighlight);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).cursor.selectedText(), QStringLiteral("retry"));
    QCOMPARE(matches.at(1).cursor.selectionStart(), int(m_text.indexOf(u"</retry>") + 2));
}

void tst_PolicyEditor::ignoresAStaleStructure()
{
    m_editor->setStructure(PolicyParser::parse(m_text).document, m_editor->document()->revision());
    QTextCursor cursor(m_editor->document());
    cursor.insertText(QStringLiteral("<!-- shifted -->"));
    cursor.setPosition(int(m_text.indexOf(u"<retry") + 3));
    m_editor->setTextCursor(cursor);
    QCOMPARE(selectionsWith(isMatchHighlight).size(), 0);
}

void tst_PolicyEditor::selectRangeUnfoldsAndSelects()
{
    m_editor->toggleFold(2);
    QVERIFY(m_editor->isFolded(2));
    const qsizetype begin = m_text.indexOf(u"<forward-request");
    const qsizetype end = m_text.indexOf(u"/>", begin) + 2;
    m_editor->selectRange(SourceRange{{4, 13, begin}, {4, 32, end}});
    QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("<forward-request />"));
    QVERIFY(m_editor->textCursor().block().isVisible());
}

void tst_PolicyEditor::themeFollowsTheApplicationPalette()
{
    // Inside a window, as in the designer; Qt delivers the palette change through the event loop.
    QWidget window;
    auto *editor = new PolicyEditor(m_repository, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(editor->palette().color(QPalette::Base).lightness() > 150);

    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    QTRY_VERIFY(editor->palette().color(QPalette::Base).lightness() < 100);
    QApplication::setPalette(original);
    QTRY_VERIFY(editor->palette().color(QPalette::Base).lightness() > 150);
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_policyeditor.moc"
