// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentanalyzer.h"

#include "policy/policyparser.h"

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

void DocumentAnalyzer::setDocument(QTextDocument *document)
{
    if (document == m_document)
        return;
    disconnect(m_document, &QTextDocument::contentsChanged, &m_timer, nullptr);
    m_document = document;
    connect(document, &QTextDocument::contentsChanged, &m_timer, qOverload<>(&QTimer::start));
    m_timer.stop();
    m_lastValid = {};
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
    PolicyParseResult result = PolicyParser::parse(m_document->toPlainText(), m_fileName);
    m_valid = result.ok() && result.document.isValid();
    if (m_valid) {
        for (const DiagnosticProvider &provider : std::as_const(m_providers))
            result.diagnostics += provider(result.document);
        m_lastValid = result.document;
    }
    for (Diagnostic &diagnostic : result.diagnostics)
        diagnostic.file = m_fileName;
    m_current = std::move(result.document);
    m_diagnostics = std::move(result.diagnostics);
    m_revision = m_document->revision();
    Q_EMIT analyzed();
}
