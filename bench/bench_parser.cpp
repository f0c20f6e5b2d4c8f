// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of PolicyParser against plain QXmlStreamReader over the same bytes, in one run.
//
// The baseline can only read the corpus files that are strict XML (QXmlStreamReader stops at
// the first raw expression in the others), so the ratio compares both on that subset; the
// parser's figure over the whole corpus is printed beside it. Both CPU time (fair when other
// processes load the machine) and wall time are reported. Usage: bench_parser [shared-dir]
#include "policy/policyparser.h"
#include "policy/policywriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QXmlStreamReader>

#include <cstdio>
#include <ctime>

namespace {

struct Timing
{
    double cpuSeconds = 0;
    double wallSeconds = 0;
};

template<typename Work>
Timing measure(Work work)
{
    QElapsedTimer wall;
    wall.start();
    const std::clock_t cpu = std::clock();
    work();
    return {double(std::clock() - cpu) / CLOCKS_PER_SEC, wall.nsecsElapsed() / 1e9};
}

QList<QByteArray> readCorpus(const QString &shared)
{
    QList<QByteArray> files;
    for (const QString &folder : {QStringLiteral("/policies"),
                                  QStringLiteral("/policies/invalid"),
                                  QStringLiteral("/seed")}) {
        const QDir dir(shared + folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                files.append(file.readAll());
        }
    }
    return files;
}

bool isStrictXml(const QByteArray &bytes)
{
    QXmlStreamReader reader(bytes);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

qsizetype totalSize(const QList<QByteArray> &files)
{
    qsizetype total = 0;
    for (const QByteArray &file : files)
        total += file.size();
    return total;
}

// Returns a checksum so the compiler cannot drop the work.
qsizetype parseAll(const QList<QByteArray> &files, int rounds)
{
    qsizetype nodes = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QByteArray &file : files)
            nodes += PolicyParser::parse(file).document.nodes.size();
    }
    return nodes;
}

qsizetype readAll(const QList<QByteArray> &files, int rounds)
{
    qsizetype tokens = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QByteArray &file : files) {
            QXmlStreamReader reader(file);
            while (!reader.atEnd()) {
                reader.readNext();
                ++tokens;
            }
        }
    }
    return tokens;
}

void report(const char *what, qsizetype bytes, int rounds, const Timing &timing)
{
    const double megabytes = double(bytes) * rounds / (1024.0 * 1024.0);
    std::printf("%-44s %8.1f MB/s cpu  %8.1f MB/s wall\n",
                what,
                megabytes / timing.cpuSeconds,
                megabytes / timing.wallSeconds);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString shared
            = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(APIM_SHARED_DIR);
    const QList<QByteArray> all = readCorpus(shared);
    QList<QByteArray> strict;
    for (const QByteArray &file : all) {
        if (isStrictXml(file))
            strict.append(file);
    }
    if (all.isEmpty() || strict.isEmpty()) {
        std::fprintf(stderr, "no policy corpus under %s\n", qPrintable(shared));
        return 1;
    }
    std::printf("corpus: %lld files, %lld bytes; strict XML: %lld files, %lld bytes\n",
                qlonglong(all.size()),
                qlonglong(totalSize(all)),
                qlonglong(strict.size()),
                qlonglong(totalSize(strict)));

    // Warm up, then alternate the contenders so a change in machine load hits both alike.
    qsizetype sink = parseAll(all, 5) + readAll(strict, 5);
    const int rounds = 20;
    Timing parserStrict, readerStrict, parserAll, writer;
    for (int block = 0; block < 5; ++block) {
        const Timing p = measure([&] { sink += parseAll(strict, rounds); });
        const Timing r = measure([&] { sink += readAll(strict, rounds); });
        const Timing a = measure([&] { sink += parseAll(all, rounds); });
        parserStrict = {parserStrict.cpuSeconds + p.cpuSeconds,
                        parserStrict.wallSeconds + p.wallSeconds};
        readerStrict = {readerStrict.cpuSeconds + r.cpuSeconds,
                        readerStrict.wallSeconds + r.wallSeconds};
        parserAll = {parserAll.cpuSeconds + a.cpuSeconds, parserAll.wallSeconds + a.wallSeconds};
    }
    QList<PolicyDocument> documents;
    for (const QByteArray &file : all)
        documents.append(PolicyParser::parse(file).document);
    writer = measure([&] {
        for (int round = 0; round < 5 * rounds; ++round) {
            for (const PolicyDocument &document : documents)
                sink += PolicyWriter::writeUtf8(document).size();
        }
    });

    const int totalRounds = 5 * rounds;
    report("QXmlStreamReader, strict-XML files", totalSize(strict), totalRounds, readerStrict);
    report("PolicyParser, strict-XML files", totalSize(strict), totalRounds, parserStrict);
    report("PolicyParser, whole corpus", totalSize(all), totalRounds, parserAll);
    report("PolicyWriter, whole corpus", totalSize(all), totalRounds, writer);
    std::printf("ratio PolicyParser / QXmlStreamReader (strict files): %.2fx cpu, %.2fx wall "
                "(target >= 0.5x)\n",
                readerStrict.cpuSeconds / parserStrict.cpuSeconds,
                readerStrict.wallSeconds / parserStrict.wallSeconds);
    std::printf("(checksum %lld)\n", qlonglong(sink));
    return 0;
}
