// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentrecovery.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>

using namespace std::chrono_literals;

DocumentRecovery::DocumentRecovery(QTextDocument *document,
                                   const QString &directory,
                                   QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(30s);
    connect(&m_timer, &QTimer::timeout, this, &DocumentRecovery::autosave);
    watchDocument();
}

void DocumentRecovery::setDocument(QTextDocument *document)
{
    if (document == m_document)
        return;
    flushPending();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    watchDocument();
}

void DocumentRecovery::watchDocument()
{
    // Started by the first change and not restarted by later ones, so steady typing cannot
    // postpone the autosave forever.
    connect(m_document, &QTextDocument::contentsChanged, this, [this] {
        if (!m_timer.isActive())
            m_timer.start();
    });
    connect(m_document, &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
}

QString DocumentRecovery::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/recovery");
}

void DocumentRecovery::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void DocumentRecovery::setFileName(const QString &fileName)
{
    flushPending();
    m_fileName = fileName.isEmpty() ? QString() : QFileInfo(fileName).absoluteFilePath();
}

QString DocumentRecovery::recoveryFile() const
{
    // A hash of the path keeps one recovery file per document without path characters in the
    // name.
    const QString key
            = m_fileName.isEmpty()
                      ? QStringLiteral("untitled")
                      : QString::fromLatin1(QCryptographicHash::hash(m_fileName.toUtf8(),
                                                                     QCryptographicHash::Sha1)
                                                    .toHex()
                                                    .left(16));
    return QDir(m_directory).filePath(key + QStringLiteral(".recovery"));
}

bool DocumentRecovery::autosave()
{
    m_timer.stop();
    if (!m_document || !m_document->isModified())
        return false;
    if (!QDir().mkpath(m_directory))
        return false;
    QSaveFile file(recoveryFile());
    const QByteArray bytes = m_document->toPlainText().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return false;
    m_written.insert(file.fileName());
    Q_EMIT autosaved(file.fileName());
    return true;
}

// Switching scope changes the document and its file name, in either order: an autosave still
// waiting for its interval is written now, under the name of the document it belongs to, so the
// unsaved changes of the scope left behind are recoverable too.
void DocumentRecovery::flushPending()
{
    if (m_timer.isActive())
        autosave();
}

void DocumentRecovery::discard()
{
    m_timer.stop();
    m_written.remove(recoveryFile());
    QFile::remove(recoveryFile());
}

void DocumentRecovery::discardWritten()
{
    m_timer.stop();
    for (const QString &file : std::as_const(m_written))
        QFile::remove(file);
    m_written.clear();
}

void DocumentRecovery::discardAll()
{
    discardWritten();
    QFile::remove(recoveryFile());
}

std::optional<QString> DocumentRecovery::recoverableText() const
{
    const QFileInfo recovery(recoveryFile());
    if (!recovery.exists())
        return std::nullopt;
    if (!m_fileName.isEmpty()) {
        const QFileInfo document(m_fileName);
        if (document.exists() && document.lastModified() >= recovery.lastModified())
            return std::nullopt;
    }
    QFile file(recovery.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}
