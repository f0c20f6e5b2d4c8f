// SPDX-License-Identifier: GPL-3.0-or-later
// What one keystroke costs in a 2,000-line policy: the designer window (offscreen) holds a
// policy made of the article's step-3 inbound block repeated; each round types one character
// into a C# expression in the middle of the file (a string literal of a <when> condition, so the
// text stays valid and the expression, the diagram's branch label and its width change every
// round), re-highlighting on that edit, then runs the analysis the debounce timer would run and
// lets the window repaint. Each stage is reported: re-highlighting (the edit itself), parse
// (PolicyParser::reparse: the element holding the edit is read again), validate (schema and C#
// checks through the analyzer's cache: the edited expression compiles again), the views
// (problems, editor marks, the diagram's update) and the repaint. The baseline,
// measured in the same run, is the tolerant parser alone on the same text (QXmlStreamReader
// cannot read it: expressions hold `&&` and `<bool>`). The diagram's part of the views is then
// timed alone: updating it between the texts before and after a keystroke, and building it in an
// empty scene (what every analysis cost before the update was incremental). The analysis runs
// here in the GUI thread (analyzeNow), so every stage is timed; after a typing pause the window
// runs parse and validate on a worker, and the last row adds up what then stays on the GUI
// thread.
//   QT_QPA_PLATFORM=offscreen bench_editor [rounds]
#include "documentanalyzer.h"
#include "flowdiagramscene.h"
#include "mainwindow.h"
#include "policy/policyparser.h"
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
    // `"West Europe"` in the condition of a <when> in the middle of the file.
    const QString literal = QStringLiteral("== \"West Europe\")");
    QTextBlock block = editor->document()->findBlockByNumber(lines / 2);
    while (block.isValid() && !block.text().contains(literal))
        block = block.next();
    if (!block.isValid())
        return 1;
    const int column = int(block.text().indexOf(literal)) + int(literal.size()) - 2;

    struct Round
    {
        double highlight = 0;
        double parse = 0;
        double validate = 0;
        double views = 0;
        double repaint = 0;
        double total = 0;
        // What stays on the GUI thread when the pause's analysis parses and validates on a
        // worker (as the window does): highlight, views and repaint.
        double gui = 0;
    };
    QList<Round> measured;
    DocumentAnalyzer *analyzer = window.analyzer();
    QString before;
    for (int i = 0; i < rounds; ++i) {
        before = editor->document()->toPlainText();
        Round round;
        QElapsedTimer timer;
        timer.start();
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + column);
        cursor.insertText(QStringLiteral("x"));
        round.highlight = timer.nsecsElapsed() / 1e6;
        analyzer->analyzeNow();
        const double analysed = timer.nsecsElapsed() / 1e6;
        QCoreApplication::processEvents();
        round.total = timer.nsecsElapsed() / 1e6;
        round.parse = analyzer->lastTiming().parse.count() / 1e6;
        round.validate = analyzer->lastTiming().diagnose.count() / 1e6;
        round.views = analysed - round.highlight - round.parse - round.validate;
        round.repaint = round.total - analysed;
        round.gui = round.highlight + round.views + round.repaint;
        measured.append(round);
    }
    if (!analyzer->isValid() || !analyzer->diagnostics().isEmpty()) {
        std::fprintf(stderr, "the edited policy no longer validates\n");
        return 1;
    }
    const QString edited = editor->document()->toPlainText();
    const PolicyDocument previous = PolicyParser::parse(before).document;
    const PolicyDocument parsed = PolicyParser::parse(edited).document;
    const double baseline = medianMs(rounds, [&] { PolicyParser::parse(edited); });
    FlowDiagramScene *scene = window.diagramScene();
    int flip = 0;
    const double diagramUpdate
            = medianMs(rounds, [&] { scene->setPolicyDocument(++flip % 2 ? previous : parsed); });
    const double diagramBuild = medianMs(rounds, [&] {
        FlowDiagramScene empty;
        empty.setPolicyDocument(parsed);
    });

    std::printf("editor keystroke in a %d-line policy (%d rounds)\n", lines, rounds);
    std::printf("  %-52s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "max ms");
    const auto row = [&measured](const char *name, double Round::*stage) {
        QList<double> values;
        for (const Round &round : std::as_const(measured))
            values.append(round.*stage);
        std::printf("  %-52s %8.2f %8.2f %8.2f\n",
                    name,
                    percentile(values, 0.5),
                    percentile(values, 0.9),
                    *std::max_element(values.cbegin(), values.cend()));
    };
    row("highlight: type one character, re-highlighting", &Round::highlight);
    row("parse (again only where the text changed)", &Round::parse);
    row("validate: schema and C# checks (one recompiled)", &Round::validate);
    row("views: problems, editor marks, diagram update", &Round::views);
    row("repaint", &Round::repaint);
    row("total", &Round::total);
    row("of which on the GUI thread after a typing pause", &Round::gui);
    std::printf("  diagram alone (p50): update after one keystroke %.2f ms, built from scratch "
                "%.2f ms\n",
                diagramUpdate,
                diagramBuild);
    QList<double> totals;
    for (const Round &round : std::as_const(measured))
        totals.append(round.total);
    const double p50 = percentile(totals, 0.5);
    std::printf("  parse alone (baseline, p50): %.2f ms; total / parse baseline: %.1fx\n",
                baseline,
                p50 / baseline);
    std::printf("  target: total under 16 ms -> %s\n", p50 < 16.0 ? "met" : "missed");
    return 0;
}
