// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <optional>

class QTextDocument;

// Autosave for crash recovery: a while after the first unsaved change, the document's text goes
// to a recovery file of its own (QSaveFile, one per document path, in the application's local
// data directory). Saving, reverting to the saved text or closing cleanly removes it; after a
// crash it is still there and newer than the document, and recoverableText() offers it back.
class DocumentRecovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentRecovery)

public:
    DocumentRecovery(QTextDocument *document, const QString &directory, QObject *parent = nullptr);

    // <AppLocalDataLocation>/recovery.
    static QString defaultDirectory();

    void setInterval(std::chrono::milliseconds interval);
    // Autosaves document from now on (the editor switched documents); a pending autosave of the
    // other one is written first.
    void setDocument(QTextDocument *document);
    // The file the document is saved to; empty for an untitled document. A pending autosave is
    // written first, under the previous name.
    void setFileName(const QString &fileName);
    QString recoveryFile() const;

    // Writes the text now if it has unsaved changes; false when nothing was written.
    bool autosave();
    void discard();
    // Drops the pending autosave and removes the recovery files written since this object was
    // made (the user let those changes go: another file is opened or this one reloaded), never
    // one left by an earlier session that ended badly.
    void discardWritten();
    // discardWritten(), and the current document's recovery file too (a clean close).
    void discardAll();
    // The recovery file's text when it is newer than the document's file (or the document is
    // untitled or its file is gone).
    std::optional<QString> recoverableText() const;

Q_SIGNALS:
    void autosaved(const QString &recoveryFile);

private:
    void watchDocument();
    void flushPending();

    // Documents of scopes go away when a workspace is reloaded or closed.
    QPointer<QTextDocument> m_document;
    QString m_directory;
    QString m_fileName;
    QTimer m_timer;
    QSet<QString> m_written;
};
