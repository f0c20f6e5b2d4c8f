// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every checked-in fuzz seed through the fuzz targets' own oracles in the normal suite,
// crashers too once fixed (kept beside the seeds as tests/fuzz/corpus/<target>/crash-*), so a
// finding stays a regression test on builds without clang and libFuzzer.
#include "fuzzoracles.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

class tst_FuzzCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seeds_data();
    void seeds();
};

using Oracle = std::function<QString(QByteArrayView)>;
Q_DECLARE_METATYPE(Oracle)

namespace {
QString corpusDir(const QString &target)
{
    return QStringLiteral(APIM_SOURCE_DIR "/tests/fuzz/corpus/") + target;
}

const QList<std::pair<QString, Oracle>> &targets()
{
    static const QList<std::pair<QString, Oracle>> list = {
            {QStringLiteral("fuzz_policyparser"), FuzzOracles::checkPolicy},
            {QStringLiteral("fuzz_expression"), FuzzOracles::checkExpression},
            {QStringLiteral("fuzz_httprequest"), FuzzOracles::checkHttpRequest},
    };
    return list;
}
} // namespace

void tst_FuzzCorpus::seeds_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<Oracle>("oracle");
    for (const auto &target : targets()) {
        const QDir dir(corpusDir(target.first));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 5, qPrintable(target.first));
        for (const QString &file : files) {
            QTest::addRow("%s/%s", qPrintable(target.first), qPrintable(file))
                    << dir.filePath(file) << target.second;
        }
    }
}

void tst_FuzzCorpus::seeds()
{
    QFETCH(QString, path);
    QFETCH(Oracle, oracle);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray input = file.readAll();
    const QString problem = oracle(input);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_FuzzCorpus)
#include "tst_fuzzcorpus.moc"
