// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentanalyzer.h"

#include "policy/policyparser.h"

#include <QElapsedTimer>
#include <QTextDocument>

DocumentAnalyzer::DocumentAnalyzer(QTextDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(300));
    connect(&m_timer, &QTimer::timeout, this, &DocumentAnalyzer::analyzeNow);
    connect(document, &QTextDocument::contentsChanged, &m_timer, qOverload<>(&QTimer::start));
}

void DocumentAnalyzer::setFileName(const QString &fileName)
{
    m_fileName = fileName;
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
    QElapsedTimer clock;
    clock.start();
    PolicyParseResult result = PolicyParser::parse(m_document->toPlainText(), m_fileName);
    m_timing.parse = std::chrono::nanoseconds(clock.nsecsElapsed());
    m_valid = result.ok() && result.document.isValid();
    if (m_valid) {
        for (const DiagnosticProvider &provider : std::as_const(m_providers))
            result.diagnostics += provider(result.document);
        m_lastValid = result.document;
    }
    m_timing.diagnose = std::chrono::nanoseconds(clock.nsecsElapsed()) - m_timing.parse;
    for (Diagnostic &diagnostic : result.diagnostics)
        diagnostic.file = m_fileName;
    m_current = std::move(result.document);
    m_diagnostics = std::move(result.diagnostics);
    m_revision = m_document->revision();
    Q_EMIT analyzed();
}
