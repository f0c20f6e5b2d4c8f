// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentanalyzer.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

#include <chrono>

using namespace std::chrono_literals;

class tst_DocumentAnalyzer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsInABurstAreAnalyzedOnce();
    void brokenTextKeepsTheLastValidDocument();
    void providersRunOnlyOnDocumentsThatParsed();
};

static const QString validPolicy
        = QStringLiteral("<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>\n");

void tst_DocumentAnalyzer::editsInABurstAreAnalyzedOnce()
{
    QTextDocument document;
    DocumentAnalyzer analyzer(&document);
    analyzer.setDelay(30ms);
    QSignalSpy analyzed(&analyzer, &DocumentAnalyzer::analyzed);
    QTextCursor cursor(&document);
    for (QChar c : validPolicy)
        cursor.insertText(QString(c));
    QVERIFY(analyzer.isPending());
    QCOMPARE(analyzed.size(), 0); // nothing on the keystroke path
    QVERIFY(analyzed.wait());
    QCOMPARE(analyzed.size(), 1);
    QVERIFY(!analyzer.isPending());
    QVERIFY(analyzer.isValid());
    QCOMPARE(analyzer.revision(), document.revision());
    QVERIFY(analyzer.document().section(u"inbound"));
}

void tst_DocumentAnalyzer::brokenTextKeepsTheLastValidDocument()
{
    QTextDocument document(validPolicy);
    DocumentAnalyzer analyzer(&document);
    analyzer.setFileName(QStringLiteral("api.xml"));
    analyzer.analyzeNow();
    QVERIFY(analyzer.isValid());
    QVERIFY(analyzer.diagnostics().isEmpty());

    QTextCursor cursor = document.find(QStringLiteral("</inbound>"));
    cursor.insertText(QStringLiteral("</inbond>"));
    analyzer.analyzeNow();
    QVERIFY(!analyzer.isValid());
    QVERIFY(analyzer.hasValidDocument());
    QVERIFY(analyzer.lastValidDocument().section(u"inbound"));
    QVERIFY(!analyzer.diagnostics().isEmpty());
    const Diagnostic &first = analyzer.diagnostics().constFirst();
    QCOMPARE(first.file, QStringLiteral("api.xml"));
    QCOMPARE(first.range.begin.line, 4);
    QVERIFY(first.toString().startsWith(u"api.xml:4:"));
}

void tst_DocumentAnalyzer::providersRunOnlyOnDocumentsThatParsed()
{
    QTextDocument document(validPolicy);
    DocumentAnalyzer analyzer(&document);
    int calls = 0;
    analyzer.addDiagnosticProvider([&calls](const PolicyDocument &parsed) {
        ++calls;
        return QList<Diagnostic>{Diagnostic::warning(QStringLiteral("test.base"),
                                                     QStringLiteral("base seen"),
                                                     parsed.section(u"inbound")->range)};
    });
    analyzer.analyzeNow();
    QCOMPARE(calls, 1);
    QCOMPARE(analyzer.diagnostics().size(), 1);
    QVERIFY(analyzer.isValid()); // warnings do not make the text invalid

    document.setPlainText(QStringLiteral("<policies><inbound>"));
    analyzer.analyzeNow();
    QCOMPARE(calls, 1);
    QVERIFY(!analyzer.isValid());
}

QTEST_MAIN(tst_DocumentAnalyzer)
#include "tst_documentanalyzer.moc"
