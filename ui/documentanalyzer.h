// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/diagnostic.h"
#include "policy/policydocument.h"
#include "policy/policyparser.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QTextDocument;

// Validation as you type, off the keystroke path: after a pause in editing (debounced), parses the
// text and asks every registered provider (schema validator, expression checks, ...) for more
// diagnostics on a document that parsed. Keeps the last valid document, so views can go on
// showing it while the text is broken. After a pause the work runs on a worker thread and the GUI
// thread only takes the result (dropped if the text changed meanwhile); analyzeNow() runs it
// in the caller's thread. Providers therefore run on either thread, one analysis at a time: they
// may keep state (a cache), but must not touch widgets.
class DocumentAnalyzer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentAnalyzer)

public:
    using DiagnosticProvider = std::function<QList<Diagnostic>(const PolicyDocument &document)>;

    explicit DocumentAnalyzer(QTextDocument *document, QObject *parent = nullptr);
    ~DocumentAnalyzer() override;

    void setFileName(const QString &fileName);
    // Analyzes document's text from now on (the editor switched documents); the last valid parse
    // belonged to the other one. The caller analyzes when it is ready.
    void setDocument(QTextDocument *document);
    void addDiagnosticProvider(DiagnosticProvider provider);
    void setDelay(std::chrono::milliseconds delay);
    // Runs now instead of after the pause (e.g. on opening a file).
    void analyzeNow();

    // True while an edit waits for its analysis: positions in document() may be out of date.
    bool isPending() const { return m_timer.isActive() || m_running; }
    bool isValid() const { return m_valid; }
    bool hasValidDocument() const { return m_lastValid.isValid(); }
    // The latest parse, and the QTextDocument revision it was taken from.
    const PolicyDocument &document() const { return m_current; }
    int revision() const { return m_revision; }
    const PolicyDocument &lastValidDocument() const { return m_lastValid; }
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    // How long the last analysis took to parse, and to ask the providers (validation).
    struct Timing
    {
        std::chrono::nanoseconds parse{0};
        std::chrono::nanoseconds diagnose{0};
    };
    Timing lastTiming() const { return m_timing; }

Q_SIGNALS:
    void analyzed();

private:
    // One run's outcome, made on whichever thread ran it.
    struct Analysis
    {
        // The parser's result alone, and the text it read: where the next analysis starts from.
        PolicyParseResult parsed;
        QString text;
        PolicyParseResult result;
        bool valid = false;
        Timing timing;
        int revision = -1;
        int generation = 0;
    };
    // Parses text again where it changed since previous (the last analysis's parse of its text).
    static Analysis analyze(const QString &text,
                            const QString &fileName,
                            const QList<DiagnosticProvider> &providers,
                            const PolicyParseResult &previous,
                            const QString &previousText);
    void analyzeInBackground();
    void onBackgroundFinished();
    void apply(Analysis analysis);

    QTextDocument *m_document;
    QTimer m_timer;
    QFutureWatcher<Analysis> m_watcher;
    bool m_running = false;
    // Tells a background result from one that analyzeNow() made obsolete.
    int m_generation = 0;
    QString m_fileName;
    QList<DiagnosticProvider> m_providers;
    PolicyDocument m_current;
    PolicyDocument m_lastValid;
    QList<Diagnostic> m_diagnostics;
    PolicyParseResult m_parsed;
    QString m_parsedText;
    bool m_valid = false;
    int m_revision = -1;
    Timing m_timing;
};
