// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentanalyzer.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QTextDocument>
#include <QThreadPool>

#include <memory>

DocumentAnalyzer::DocumentAnalyzer(QTextDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(300));
    connect(&m_timer, &QTimer::timeout, this, &DocumentAnalyzer::analyzeInBackground);
    connect(&m_watcher,
            &QFutureWatcherBase::finished,
            this,
            &DocumentAnalyzer::onBackgroundFinished);
    connect(document, &QTextDocument::contentsChanged, &m_timer, qOverload<>(&QTimer::start));
}

DocumentAnalyzer::~DocumentAnalyzer()
{
    m_watcher.waitForFinished();
}

void DocumentAnalyzer::setFileName(const QString &fileName)
{
    m_fileName = fileName;
}

void DocumentAnalyzer::setDocument(QTextDocument *document)
{
    if (document == m_document)
        return;
    disconnect(m_document, &QTextDocument::contentsChanged, &m_timer, nullptr);
    m_document = document;
    connect(document, &QTextDocument::contentsChanged, &m_timer, qOverload<>(&QTimer::start));
    m_timer.stop();
    m_lastValid = {};
    m_parsed = {};
    m_parsedText.clear();
    m_revision = -1;
}

void DocumentAnalyzer::addDiagnosticProvider(DiagnosticProvider provider)
{
    m_providers.append(std::move(provider));
}

void DocumentAnalyzer::setDelay(std::chrono::milliseconds delay)
{
    m_timer.setInterval(delay);
}

void DocumentAnalyzer::analyzeNow()
{
    m_timer.stop();
    // The providers run one analysis at a time; the one in the background is obsolete now.
    m_watcher.waitForFinished();
    m_running = false;
    ++m_generation;
    Analysis analysis
            = analyze(m_document->toPlainText(), m_fileName, m_providers, m_parsed, m_parsedText);
    analysis.revision = m_document->revision();
    apply(std::move(analysis));
}

void DocumentAnalyzer::analyzeInBackground()
{
    // A run still going is followed by another when it ends, on the text of then.
    if (m_running)
        return;
    m_running = true;
    auto promise = std::make_shared<QPromise<Analysis>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise,
                                          text = m_document->toPlainText(),
                                          fileName = m_fileName,
                                          providers = m_providers,
                                          revision = m_document->revision(),
                                          generation = m_generation,
                                          previous = m_parsed,
                                          previousText = m_parsedText] {
        Analysis analysis = analyze(text, fileName, providers, previous, previousText);
        analysis.revision = revision;
        analysis.generation = generation;
        promise->addResult(std::move(analysis));
        promise->finish();
    });
}

void DocumentAnalyzer::onBackgroundFinished()
{
    const QFuture<Analysis> future = m_watcher.future();
    if (!m_running || future.resultCount() == 0 || future.result().generation != m_generation)
        return;
    m_running = false;
    if (future.result().revision != m_document->revision()) {
        // Edited meanwhile: the pause after that edit analyzes it, or, if it is over, now.
        if (!m_timer.isActive())
            analyzeInBackground();
        return;
    }
    apply(future.result());
}

DocumentAnalyzer::Analysis DocumentAnalyzer::analyze(const QString &text,
                                                     const QString &fileName,
                                                     const QList<DiagnosticProvider> &providers,
                                                     const PolicyParseResult &previous,
                                                     const QString &previousText)
{
    Analysis analysis;
    QElapsedTimer clock;
    clock.start();
    analysis.parsed = PolicyParser::reparse(previous, previousText, text, fileName);
    analysis.text = text;
    analysis.result = analysis.parsed;
    analysis.timing.parse = std::chrono::nanoseconds(clock.nsecsElapsed());
    analysis.valid = analysis.result.ok() && analysis.result.document.isValid();
    if (analysis.valid) {
        for (const DiagnosticProvider &provider : providers)
            analysis.result.diagnostics += provider(analysis.result.document);
    }
    analysis.timing.diagnose
            = std::chrono::nanoseconds(clock.nsecsElapsed()) - analysis.timing.parse;
    for (Diagnostic &diagnostic : analysis.result.diagnostics)
        diagnostic.file = fileName;
    return analysis;
}

void DocumentAnalyzer::apply(Analysis analysis)
{
    m_valid = analysis.valid;
    if (m_valid)
        m_lastValid = analysis.result.document;
    m_current = std::move(analysis.result.document);
    m_parsed = std::move(analysis.parsed);
    m_parsedText = std::move(analysis.text);
    m_diagnostics = std::move(analysis.result.diagnostics);
    m_revision = analysis.revision;
    m_timing = analysis.timing;
    Q_EMIT analyzed();
}
