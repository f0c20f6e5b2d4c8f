// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTest>

class tst_DiagnosticModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsLineColumnAndMessageInPositionOrder();
    void unchangedDiagnosticsDoNotResetTheModel();
};

static Diagnostic diagnosticAt(int line, int column, qsizetype offset, const QString &message)
{
    return Diagnostic::error(QStringLiteral("test.code"),
                             message,
                             SourceRange{{line, column, offset}, {line, column + 1, offset + 1}});
}

void tst_DiagnosticModel::listsLineColumnAndMessageInPositionOrder()
{
    DiagnosticModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics({diagnosticAt(7, 3, 120, QStringLiteral("second")),
                          diagnosticAt(2, 14, 30, QStringLiteral("first"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("2:14: first"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("7:3: second"));
    QCOMPARE(model.index(1).data(DiagnosticModel::LineRole).toInt(), 7);
    QCOMPARE(model.index(1).data(DiagnosticModel::OffsetRole).toLongLong(), 120);
    QCOMPARE(model.index(0).data(DiagnosticModel::CodeRole).toString(),
             QStringLiteral("test.code"));
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(u"test.code"));
    model.setDiagnostics({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiagnosticModel::unchangedDiagnosticsDoNotResetTheModel()
{
    DiagnosticModel model;
    const QList<Diagnostic> diagnostics = {diagnosticAt(1, 1, 0, QStringLiteral("x"))};
    model.setDiagnostics(diagnostics);
    int resets = 0;
    connect(&model, &QAbstractItemModel::modelReset, this, [&resets] { ++resets; });
    model.setDiagnostics(diagnostics);
    QCOMPARE(resets, 0);
    model.setDiagnostics({diagnosticAt(1, 2, 1, QStringLiteral("x"))});
    QCOMPARE(resets, 1);
}

QTEST_MAIN(tst_DiagnosticModel)
#include "tst_diagnosticmodel.moc"
