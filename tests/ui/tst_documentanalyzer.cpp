// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentanalyzer.h"

#include "policy/policyparser.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <chrono>

using namespace std::chrono_literals;

class tst_DocumentAnalyzer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsInABurstAreAnalyzedOnce();
    void brokenTextKeepsTheLastValidDocument();
    void providersRunOnlyOnDocumentsThatParsed();
    void pauseAnalysisRunsOnAWorkerThread();
    void resultOfTextEditedMeanwhileIsDropped();
    void analyzeNowMakesTheBackgroundRunObsolete();
    void eachAnalysisMatchesAFullParse_data();
    void eachAnalysisMatchesAFullParse();
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

void tst_DocumentAnalyzer::pauseAnalysisRunsOnAWorkerThread()
{
    QTextDocument document;
    DocumentAnalyzer analyzer(&document);
    analyzer.setDelay(1ms);
    std::atomic<QThread *> providerThread = nullptr;
    analyzer.addDiagnosticProvider([&providerThread](const PolicyDocument &) {
        providerThread = QThread::currentThread();
        return QList<Diagnostic>();
    });
    QSignalSpy analyzed(&analyzer, &DocumentAnalyzer::analyzed);
    QTextCursor(&document).insertText(validPolicy);
    QVERIFY(analyzed.wait());
    QVERIFY(providerThread.load());
    QVERIFY(providerThread.load() != QThread::currentThread());
    QVERIFY(!analyzer.isPending());
    QCOMPARE(analyzer.revision(), document.revision());
    QVERIFY(analyzer.document().section(u"inbound"));
}

void tst_DocumentAnalyzer::resultOfTextEditedMeanwhileIsDropped()
{
    QTextDocument document;
    DocumentAnalyzer analyzer(&document);
    analyzer.setDelay(1ms);
    QSemaphore entered;
    QSemaphore gate;
    analyzer.addDiagnosticProvider([&entered, &gate](const PolicyDocument &) {
        entered.release();
        gate.tryAcquire(1, 10000);
        return QList<Diagnostic>();
    });
    QSignalSpy analyzed(&analyzer, &DocumentAnalyzer::analyzed);
    QTextCursor cursor(&document);
    cursor.insertText(validPolicy);
    QTRY_VERIFY(entered.available() == 1);
    // Edited while the worker analyzes the text before: that result is not the text's any more.
    cursor.setPosition(document.toPlainText().indexOf(u"</inbound>"));
    cursor.insertText(QStringLiteral("<set-method>GET</set-method>"));
    QVERIFY(analyzer.isPending());
    gate.release(2);
    QVERIFY(analyzed.wait());
    QCOMPARE(analyzed.size(), 1);
    QCOMPARE(analyzer.revision(), document.revision());
    QVERIFY(analyzer.document().section(u"inbound")->firstElement(u"set-method"));
    QVERIFY(!analyzer.isPending());
}

void tst_DocumentAnalyzer::analyzeNowMakesTheBackgroundRunObsolete()
{
    QTextDocument document;
    DocumentAnalyzer analyzer(&document);
    analyzer.setDelay(1ms);
    QSemaphore entered;
    QSemaphore gate;
    analyzer.addDiagnosticProvider([&entered, &gate](const PolicyDocument &) {
        entered.release();
        gate.tryAcquire(1, 10000);
        return QList<Diagnostic>();
    });
    QSignalSpy analyzed(&analyzer, &DocumentAnalyzer::analyzed);
    QTextCursor(&document).insertText(validPolicy);
    QTRY_VERIFY(entered.available() == 1);
    gate.release(2);
    analyzer.analyzeNow();
    QCOMPARE(analyzed.size(), 1);
    QVERIFY(!analyzer.isPending());
    // The background run's result, arriving after, changes nothing.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(analyzed.size(), 1);
    QCOMPARE(analyzer.revision(), document.revision());
}

// The analyzer parses again only where the text changed (PolicyParser::reparse, from the last
// analysis's parse): typed one character at a time, through valid and broken text, every
// analysis must still be what a full parse of the text gives.
void tst_DocumentAnalyzer::eachAnalysisMatchesAFullParse_data()
{
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("afterAPause");
    QTest::newRow("attribute value")
            << QStringLiteral("name=\"x") << QStringLiteral("-id") << false;
    QTest::newRow("attribute value, after a pause")
            << QStringLiteral("name=\"x") << QStringLiteral("-id") << true;
    QTest::newRow("element typed in, broken until closed")
            << QStringLiteral("<base />") << QStringLiteral("<set-method>GET</set-method>")
            << false;
    QTest::newRow("line breaks inside an element")
            << QStringLiteral("<value>") << QStringLiteral("\n\r\n") << false;
    QTest::newRow("expression with quotes and operators")
            << QStringLiteral("<value>")
            << QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"a\", \"\") != \"b\")")
            << false;
}

void tst_DocumentAnalyzer::eachAnalysisMatchesAFullParse()
{
    QFETCH(QString, after);
    QFETCH(QString, typed);
    QFETCH(bool, afterAPause);
    const QString fileName = QStringLiteral("api.xml");
    QTextDocument document(QStringLiteral(
            "<policies>\n  <inbound>\n    <base />\n    <set-header name=\"x\" "
            "exists-action=\"override\">\n      <value>v</value>\n    </set-header>\n  "
            "</inbound>\n  <outbound />\n</policies>\n"));
    DocumentAnalyzer analyzer(&document);
    analyzer.setFileName(fileName);
    analyzer.setDelay(1ms);
    analyzer.analyzeNow();
    QSignalSpy analyzed(&analyzer, &DocumentAnalyzer::analyzed);
    QTextCursor cursor(&document);
    cursor.setPosition(int(document.toPlainText().indexOf(after) + after.size()));
    for (const QChar c : typed) {
        cursor.insertText(QString(c));
        if (afterAPause)
            QVERIFY(analyzed.wait());
        else
            analyzer.analyzeNow();
        const PolicyParseResult parsed = PolicyParser::parse(document.toPlainText(), fileName);
        QCOMPARE(analyzer.diagnostics(), parsed.diagnostics);
        QVERIFY(analyzer.document() == parsed.document);
    }
    QVERIFY(analyzer.isValid());
}

QTEST_MAIN(tst_DocumentAnalyzer)
#include "tst_documentanalyzer.moc"
