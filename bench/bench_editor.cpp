// SPDX-License-Identifier: GPL-3.0-or-later
// What one keystroke costs in a 2,000-line policy: the designer window (offscreen) holds a
// policy made of the article's step-3 inbound block repeated; each round types one character
// into an attribute value in the middle of the file (re-highlighting happens on that edit), then
// runs the analysis the debounce timer would run (parse, validate with the C# checker, update the
// problems, the editor's structure and the diagram) and lets the window repaint. The baseline,
// measured in the same run, is the tolerant parser alone on the same text (QXmlStreamReader
// cannot read it: expressions hold `&&` and `<bool>`); the stages after it are timed alone too,
// to show where a keystroke's time goes.
//   QT_QPA_PLATFORM=offscreen bench_editor [rounds]
#include "documentanalyzer.h"
#include "expr/compilingexpressionchecker.h"
#include "flowdiagramscene.h"
#include "mainwindow.h"
#include "policy/policyparser.h"
#include "policy/policyschema.h"
#include "policy/policyvalidator.h"
#include "policyeditor.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int targetLines = 2000;

QString largePolicy(int *lines)
{
    QFile file(QStringLiteral(APIM_SOURCE_DIR
                              "/resources/workspaces/article/03-multi-region-api.xml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList source = QString::fromUtf8(file.readAll()).split(u'\n');
    // The inbound block after <base />: the cache lookups and the region choose.
    const qsizetype first = source.indexOf(QStringLiteral("        <base />")) + 1;
    const qsizetype last = source.indexOf(QStringLiteral("    </inbound>"));
    const QStringList block = source.mid(first, last - first);
    QStringList out = source.mid(0, first);
    while (out.size() + (source.size() - last) < targetLines)
        out += block;
    out += source.mid(last);
    *lines = int(out.size());
    return out.join(u'\n');
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

template<typename Work>
double medianMs(int rounds, Work work)
{
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    return percentile(times, 0.5);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 40;
    int lines = 0;
    const QString text = largePolicy(&lines);
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("large.xml"));
    QFile out(fileName);
    if (text.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0) {
        std::fprintf(stderr, "cannot build the 2,000-line policy\n");
        return 1;
    }
    out.close();

    KSyntaxHighlighting::Repository repository;
    MainWindow window(repository);
    window.resize(1400, 900);
    window.show();
    if (!window.openFile(fileName))
        return 1;
    QCoreApplication::processEvents();

    PolicyEditor *editor = window.editor();
    // A value in the middle of the file: `value="weu"` of a set-variable.
    const int middleBlock = lines / 2;
    QTextBlock block = editor->document()->findBlockByNumber(middleBlock);
    while (block.isValid() && !block.text().contains(QLatin1String("value=\"")))
        block = block.next();
    const int column = int(block.text().indexOf(QLatin1String("value=\""))) + 7;

    QList<double> keystroke;
    QList<double> analysis;
    QList<double> total;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + column);
        cursor.insertText(QStringLiteral("x"));
        const double typed = timer.nsecsElapsed() / 1e6;
        window.analyzer()->analyzeNow();
        QCoreApplication::processEvents();
        const double all = timer.nsecsElapsed() / 1e6;
        keystroke.append(typed);
        analysis.append(all - typed);
        total.append(all);
    }
    const QString edited = editor->document()->toPlainText();
    const PolicyDocument parsed = PolicyParser::parse(edited).document;
    const double baseline = medianMs(rounds, [&] { PolicyParser::parse(edited); });
    CompilingExpressionChecker checker;
    const double validate = medianMs(
            rounds, [&] { PolicyValidator(PolicySchema::builtin(), &checker).validate(parsed); });
    const double diagram
            = medianMs(rounds, [&] { window.diagramScene()->setPolicyDocument(parsed); });
    const double p50 = percentile(total, 0.5);
    std::printf("editor keystroke in a %d-line policy (%d rounds)\n", lines, rounds);
    std::printf("  %-44s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "max ms");
    const auto row = [](const char *name, const QList<double> &values) {
        std::printf("  %-44s %8.2f %8.2f %8.2f\n",
                    name,
                    percentile(values, 0.5),
                    percentile(values, 0.9),
                    *std::max_element(values.cbegin(), values.cend()));
    };
    row("type one character (incl. re-highlighting)", keystroke);
    row("parse, validate, problems, diagram, repaint", analysis);
    row("total", total);
    std::printf("  stages alone (p50): parse %.2f ms (baseline), validate with C# checks %.2f ms "
                "(%.1fx), diagram rebuild %.2f ms (%.1fx)\n",
                baseline,
                validate,
                validate / baseline,
                diagram,
                diagram / baseline);
    std::printf("  total / parse baseline: %.1fx\n", p50 / baseline);
    std::printf("  target: total under 16 ms -> %s\n", p50 < 16.0 ? "met" : "missed");
    return 0;
}
