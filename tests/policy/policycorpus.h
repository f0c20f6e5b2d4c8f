// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>

// The shared corpus of real policies and the article's seeds, listed when the test runs so that a
// file added to the corpus is tested without touching the tests.
class PolicyCorpus
{
public:
    static QStringList files()
    {
        QStringList result;
        const QString shared = QStringLiteral(APIM_SHARED_DIR);
        for (const QString &folder : {QStringLiteral("/policies"),
                                      QStringLiteral("/policies/invalid"),
                                      QStringLiteral("/seed")}) {
            const QDir dir(shared + folder);
            for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files))
                result.append(dir.filePath(name));
        }
        return result;
    }

    // One row per file, named after the file, with its path in the column "path".
    static void addRows()
    {
        QTest::addColumn<QString>("path");
        const QStringList all = files();
        QVERIFY2(all.size() >= 90, "the shared policy corpus is missing");
        for (const QString &path : all)
            QTest::newRow(qPrintable(QDir(QStringLiteral(APIM_SHARED_DIR)).relativeFilePath(path)))
                    << path;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }
};
