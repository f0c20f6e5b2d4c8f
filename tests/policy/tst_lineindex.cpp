// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/lineindex.h"

#include <QTest>

class tst_LineIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void position_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("start") << "ab\ncd" << 0 << 1 << 1;
        QTest::newRow("on the line feed") << "ab\ncd" << 2 << 1 << 3;
        QTest::newRow("after LF") << "ab\ncd" << 3 << 2 << 1;
        QTest::newRow("end of text") << "ab\ncd" << 5 << 2 << 3;
        QTest::newRow("CRLF is one break") << "ab\r\ncd" << 4 << 2 << 1;
        QTest::newRow("on the CR of CRLF") << "ab\r\ncd" << 2 << 1 << 3;
        QTest::newRow("lone CR") << "ab\rcd" << 3 << 2 << 1;
        QTest::newRow("LF CR is two breaks") << "a\n\rb" << 3 << 3 << 1;
        QTest::newRow("empty lines") << "\n\n\nx" << 3 << 4 << 1;
        QTest::newRow("surrogate pair counts two")
                << QString::fromUtf8("\xF0\x9F\x98\x80x") << 2 << 1 << 3;
        QTest::newRow("empty text") << "" << 0 << 1 << 1;
    }
    void position()
    {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        const LineIndex index(text);
        QCOMPARE(index.position(offset), (SourcePosition{line, column, offset}));
    }

    // The hint for in-order lookups must not break lookups out of order.
    void anyOrder()
    {
        const QString text = QStringLiteral("a\nbb\nccc\n");
        const LineIndex index(text);
        const QList<int> offsets = {9, 0, 5, 2, 8, 1, 4, 9, 3};
        for (int offset : offsets) {
            const SourcePosition position = index.position(offset);
            const QStringView before = QStringView(text).left(offset);
            QCOMPARE(position.line, before.count(u'\n') + 1);
            QCOMPARE(position.column, offset - (before.lastIndexOf(u'\n') + 1) + 1);
        }
        QCOMPARE(index.range(2, 5), (SourceRange{{2, 1, 2}, {3, 1, 5}}));
    }
};

QTEST_GUILESS_MAIN(tst_LineIndex)
#include "tst_lineindex.moc"
