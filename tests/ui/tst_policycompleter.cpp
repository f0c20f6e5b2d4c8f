// SPDX-License-Identifier: GPL-3.0-or-later
#include "policycompleter.h"
#include "policyeditor.h"

#include <KSyntaxHighlighting/Repository>
#include <QAbstractItemView>
#include <QApplication>
#include <QFont>
#include <QTest>

// Completion typed into the real editor: keys go where a user's keys go (to the popup while it is
// open, which forwards the rest to the editor).
class tst_PolicyCompleter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typingAfterLessThanOffersSectionPolicies();
    void enterInsertsASkeletonInOneUndoStep();
    void tabCompletesAttributeNames();
    void ctrlSpaceOffersEnumValues();
    void contextMembersFollowTheTypedChain();
    void namedValuesAfterBraces();
    void escapeClosesWithoutInserting();
    void noPopupInPlainText();

private:
    void placeCursorAfter(const QString &marker);
    void type(const QString &text);
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    QStringList shown() const;

    KSyntaxHighlighting::Repository m_repository;
    PolicyEditor *m_editor = nullptr;
    const QString m_text = QStringLiteral("<policies>\n"
                                          "    <inbound>\n"
                                          "        <base />\n"
                                          "        \n"
                                          "    </inbound>\n"
                                          "</policies>");
};

void tst_PolicyCompleter::init()
{
    m_editor = new PolicyEditor(m_repository);
    m_editor->resize(700, 400);
    m_editor->setPlainText(m_text);
    m_editor->show();
    m_editor->activateWindow();
    m_editor->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_editor));
    placeCursorAfter(QStringLiteral("<base />\n        "));
}

void tst_PolicyCompleter::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
}

void tst_PolicyCompleter::placeCursorAfter(const QString &marker)
{
    const qsizetype at = m_editor->toPlainText().indexOf(marker);
    QVERIFY2(at >= 0, qPrintable(marker));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(int(at + marker.size()));
    m_editor->setTextCursor(cursor);
}

void tst_PolicyCompleter::type(const QString &text)
{
    for (const QChar c : text) {
        QWidget *target = QApplication::activePopupWidget();
        QTest::keyClick(target ? target : m_editor, c.toLatin1());
    }
}

void tst_PolicyCompleter::key(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::activePopupWidget();
    QTest::keyClick(target ? target : m_editor, key, modifiers);
}

QStringList tst_PolicyCompleter::shown() const
{
    QStringList rows;
    const QAbstractItemModel *model = m_editor->completer()->popup()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        rows.append(model->index(row, 0).data().toString());
    return rows;
}

void tst_PolicyCompleter::typingAfterLessThanOffersSectionPolicies()
{
    type(QStringLiteral("<"));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QVERIFY(shown().contains(QStringLiteral("<rate-limit>")));
    QVERIFY(!shown().contains(QStringLiteral("<forward-request>"))); // backend only
    QVERIFY(!shown().contains(QStringLiteral("<base>")));            // already there
    type(QStringLiteral("set-h"));
    QCOMPARE(shown().constFirst(), QStringLiteral("<set-header>"));
}

void tst_PolicyCompleter::enterInsertsASkeletonInOneUndoStep()
{
    type(QStringLiteral("<set-h"));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    const QString typed = m_editor->toPlainText();
    key(Qt::Key_Return);
    QVERIFY(!m_editor->completer()->isPopupVisible());
    const QString completed = m_editor->toPlainText();
    QVERIFY2(completed.contains(QStringLiteral("        <set-header name=\"\"></set-header>\n")),
             qPrintable(completed));
    // The cursor waits inside name's quotes.
    type(QStringLiteral("X-Test"));
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("<set-header name=\"X-Test\">")));

    // Undoing the typing reaches the completed text, and one more step the text before it.
    for (int i = 0; i < 10 && m_editor->toPlainText() != completed; ++i)
        m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), completed);
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), typed);
}

void tst_PolicyCompleter::tabCompletesAttributeNames()
{
    type(QStringLiteral("<set-header name=\"a\" "));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QVERIFY(!shown().contains(QStringLiteral("name")));
    type(QStringLiteral("exi"));
    QCOMPARE(shown(), QStringList{QStringLiteral("exists-action")});
    key(Qt::Key_Tab);
    QVERIFY(m_editor->toPlainText().contains(
            QStringLiteral("<set-header name=\"a\" exists-action=\"\"")));
    // Inside the new quotes, the values are a Ctrl+Space away.
    key(Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QVERIFY(shown().contains(QStringLiteral("override")));
}

void tst_PolicyCompleter::ctrlSpaceOffersEnumValues()
{
    type(QStringLiteral("<set-header name=\"a\" exists-action=\"s"));
    key(Qt::Key_Escape);
    QVERIFY(!m_editor->completer()->isPopupVisible());
    key(Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QCOMPARE(shown(), QStringList{QStringLiteral("skip")});
    key(Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("exists-action=\"skip")));
}

void tst_PolicyCompleter::contextMembersFollowTheTypedChain()
{
    type(QStringLiteral("<set-variable name=\"m\" value=\"@(context."));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QVERIFY(shown().contains(QStringLiteral("Request")));
    type(QStringLiteral("Req"));
    key(Qt::Key_Return);
    type(QStringLiteral("."));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QVERIFY(shown().contains(QStringLiteral("Headers")));
    QVERIFY(!shown().contains(QStringLiteral("StatusCode")));
    type(QStringLiteral("Me"));
    key(Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("value=\"@(context.Request.Method")));
}

void tst_PolicyCompleter::namedValuesAfterBraces()
{
    m_editor->completer()->setNamedValues(
            {{QStringLiteral("backend-url"), QStringLiteral("https://b.example")},
             {QStringLiteral("api-key"), QStringLiteral("s3cr3t"), true}});
    type(QStringLiteral("<set-backend-service base-url=\"{{"));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    QCOMPARE(shown(),
             (QStringList{QStringLiteral("{{api-key}}"), QStringLiteral("{{backend-url}}")}));
    // The secret is marked (italics, a detail saying so), its value appears nowhere.
    const QAbstractItemModel *model = m_editor->completer()->popup()->model();
    QVERIFY(model->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model->index(1, 0).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model->index(0, 1).data().toString(),
             QStringLiteral("secret named value (value hidden)"));
    QCOMPARE(model->index(1, 1).data().toString(),
             QStringLiteral("named value: https://b.example"));
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            QVERIFY(!index.data().toString().contains(QStringLiteral("s3cr3t")));
            QVERIFY(!index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("s3cr3t")));
        }
    }
    type(QStringLiteral("b"));
    key(Qt::Key_Return);
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("base-url=\"{{backend-url}}")));
}

void tst_PolicyCompleter::escapeClosesWithoutInserting()
{
    type(QStringLiteral("<"));
    QTRY_VERIFY(m_editor->completer()->isPopupVisible());
    key(Qt::Key_Escape);
    QVERIFY(!m_editor->completer()->isPopupVisible());
    QVERIFY(m_editor->toPlainText().contains(QStringLiteral("<base />\n        <\n")));
}

void tst_PolicyCompleter::noPopupInPlainText()
{
    type(QStringLiteral("<set-method>"));
    key(Qt::Key_Escape);
    type(QStringLiteral("GET and more"));
    QVERIFY(!m_editor->completer()->isPopupVisible());
}

QTEST_MAIN(tst_PolicyCompleter)
#include "tst_policycompleter.moc"
