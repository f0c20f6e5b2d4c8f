// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/linediff.h"

#include <QTest>

class tst_LineDiff : public QObject
{
    Q_OBJECT

private:
    // A compact picture of a diff: " a" same, "-a" removed, "+a" added.
    static QStringList picture(const QList<DiffLine> &diff)
    {
        QStringList out;
        for (const DiffLine &line : diff) {
            const char mark = line.kind == DiffLine::Kind::Same      ? ' '
                              : line.kind == DiffLine::Kind::Removed ? '-'
                                                                     : '+';
            out.append(QLatin1Char(mark) + line.text);
        }
        return out;
    }

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("equal") << QStringLiteral("a\nb\n") << QStringLiteral("a\nb\n")
                               << QStringList{QStringLiteral(" a"), QStringLiteral(" b")};
        QTest::newRow("both empty") << QString() << QString() << QStringList{};
        QTest::newRow("all added") << QString() << QStringLiteral("a\nb")
                                   << QStringList{QStringLiteral("+a"), QStringLiteral("+b")};
        QTest::newRow("all removed") << QStringLiteral("a\nb") << QString()
                                     << QStringList{QStringLiteral("-a"), QStringLiteral("-b")};
        QTest::newRow("changed middle") << QStringLiteral("a\nb\nc") << QStringLiteral("a\nx\nc")
                                        << QStringList{QStringLiteral(" a"),
                                                       QStringLiteral("-b"),
                                                       QStringLiteral("+x"),
                                                       QStringLiteral(" c")};
        QTest::newRow("insert") << QStringLiteral("a\nc") << QStringLiteral("a\nb\nc")
                                << QStringList{QStringLiteral(" a"),
                                               QStringLiteral("+b"),
                                               QStringLiteral(" c")};
        QTest::newRow("crlf equals lf") << QStringLiteral("a\r\nb\r\n") << QStringLiteral("a\nb\n")
                                        << QStringList{QStringLiteral(" a"), QStringLiteral(" b")};
        // Myers' paper example: ABCABBA -> CBABAC, edit distance 5.
        QTest::newRow("myers") << QStringLiteral("A\nB\nC\nA\nB\nB\nA")
                               << QStringLiteral("C\nB\nA\nB\nA\nC")
                               << QStringList{QStringLiteral("-A"),
                                              QStringLiteral("-B"),
                                              QStringLiteral(" C"),
                                              QStringLiteral("+B"),
                                              QStringLiteral(" A"),
                                              QStringLiteral(" B"),
                                              QStringLiteral("-B"),
                                              QStringLiteral(" A"),
                                              QStringLiteral("+C")};
    }
    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QStringList, expected);
        QCOMPARE(picture(LineDiff::compare(left, right)), expected);
    }

    void lineNumbersRebuildBothSides_data()
    {
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        QTest::newRow("shuffled") << QStringList{"a", "b", "c", "d", "e"}
                                  << QStringList{"e", "c", "a", "x", "b"};
        QTest::newRow("repeated") << QStringList{"x", "x", "y", "x"}
                                  << QStringList{"y", "x", "x", "x", "y"};
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many.append(QString::number(i % 7));
        QStringList other = many;
        other.removeAt(10);
        other.insert(150, QStringLiteral("new"));
        QTest::newRow("long") << many << other;
    }
    void lineNumbersRebuildBothSides()
    {
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        const QList<DiffLine> diff = LineDiff::compare(left, right);
        QStringList l;
        QStringList r;
        int edits = 0;
        for (const DiffLine &line : diff) {
            if (line.kind != DiffLine::Kind::Added) {
                QCOMPARE(line.leftLine, int(l.size() + 1));
                l.append(line.text);
            }
            if (line.kind != DiffLine::Kind::Removed) {
                QCOMPARE(line.rightLine, int(r.size() + 1));
                r.append(line.text);
            }
            edits += line.kind != DiffLine::Kind::Same;
        }
        QCOMPARE(l, left);
        QCOMPARE(r, right);
        QVERIFY(edits <= left.size() + right.size());
    }

    void hugeUnrelatedInputsStayBounded()
    {
        QStringList left;
        QStringList right;
        for (int i = 0; i < 3000; ++i) {
            left.append(QStringLiteral("l%1").arg(i));
            right.append(QStringLiteral("r%1").arg(i));
        }
        const QList<DiffLine> diff = LineDiff::compare(left, right);
        QCOMPARE(diff.size(), 6000);
    }
};

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"
