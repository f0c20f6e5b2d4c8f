// SPDX-License-Identifier: GPL-3.0-or-later
#include "policysyntax.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/FoldingRegion>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace KSyntaxHighlighting;

// Records the format name of every character, KSH's own NullHighlighter pattern.
class RecordingHighlighter final : public AbstractHighlighter
{
public:
    struct Line
    {
        QList<QString> formats; // per column
        int foldBegins = 0;
        int foldEnds = 0;
    };

    QList<Line> highlight(const QString &text)
    {
        QList<Line> lines;
        State state;
        for (const QString &line : text.split(u'\n')) {
            m_current = Line{QList<QString>(line.size()), 0, 0};
            state = highlightLine(line, state);
            lines.append(m_current);
        }
        return lines;
    }

protected:
    void applyFormat(int offset, int length, const Format &format) override
    {
        for (int i = offset; i < offset + length && i < m_current.formats.size(); ++i)
            m_current.formats[i] = format.name();
    }
    void applyFolding(int, int, FoldingRegion region) override
    {
        if (region.type() == FoldingRegion::Begin)
            ++m_current.foldBegins;
        else
            ++m_current.foldEnds;
    }

private:
    Line m_current;
};

class tst_PolicyHighlighting final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formats_data();
    void formats();
    void expressionEndsAtItsOwnParenthesis();
    void foldingRegionsPerElement();
    void corpusHasNoErrorFormats_data();
    void corpusHasNoErrorFormats();

private:
    QString formatAt(const QString &text, int line, const QString &needle, int delta = 0);

    Repository m_repository;
    RecordingHighlighter m_highlighter;
};

void tst_PolicyHighlighting::initTestCase()
{
    PolicySyntax::registerDefinitions(m_repository);
    const Definition definition = m_repository.definitionForName(PolicySyntax::definitionName());
    QVERIFY(definition.isValid());
    QVERIFY(definition.includedDefinitions().contains(m_repository.definitionForName("C#")));
    m_highlighter.setDefinition(definition);
}

QString tst_PolicyHighlighting::formatAt(const QString &text,
                                         int line,
                                         const QString &needle,
                                         int delta)
{
    const auto lines = m_highlighter.highlight(text);
    const QString lineText = text.split(u'\n').at(line);
    const int column = int(lineText.indexOf(needle));
    if (column < 0)
        return QStringLiteral("<needle not found>");
    return lines.at(line).formats.value(column + delta);
}

void tst_PolicyHighlighting::formats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("format");

    const QString policy = QStringLiteral(
            "<policies>\n"
            "  <set-backend-service base-url=\"{{weu-backend-url}}\" />\n"
            "  <when condition=\"@(context.Response != null && context.Response.StatusCode == "
            "404)\">\n"
            "  <set-header name=\"x\" exists-action=\"override\"><value>a &amp; b</value>\n"
            "  <!-- note -->\n"
            "  <set-body>@{ return \"{\" + (1 + 2); }</set-body>\n"
            "  <rewrite-uri template=\"/api/Hello?code={{hello-key}}\" />\n"
            "</policies>");
    QTest::newRow("element name") << policy << 1 << "set-backend-service"
                                  << "Element";
    QTest::newRow("attribute name") << policy << 1 << "base-url"
                                    << "Attribute";
    QTest::newRow("named value in attribute") << policy << 1 << "{{weu"
                                              << "Named Value";
    QTest::newRow("attribute value") << policy << 3 << "override"
                                     << "Value";
    QTest::newRow("expression delimiter") << policy << 2 << "@("
                                          << "Expression Delimiter";
    QTest::newRow("expression body") << policy << 2 << "context.Response"
                                     << "Expression";
    QTest::newRow("entity") << policy << 3 << "&amp;"
                            << "Entity";
    QTest::newRow("element text") << policy << 3 << "a &amp;"
                                  << "Text";
    QTest::newRow("comment") << policy << 4 << "note"
                             << "Comment";
    QTest::newRow("code block") << policy << 5 << "@{"
                                << "Expression Delimiter";
    QTest::newRow("tag after code block") << policy << 5 << "</set-body"
                                          << "Element";
    QTest::newRow("named value in text attribute") << policy << 6 << "{{hello"
                                                   << "Named Value";
    QTest::newRow("value before named value") << policy << 6 << "/api/Hello"
                                              << "Value";
    const QString values = QStringLiteral(
            "<set-variable name=\"a\" value=\"price @(5) {{tax}}\" other=\" @(1)\" />");
    QTest::newRow("@( inside a literal") << values << 0 << "@(5)"
                                         << "Value";
    QTest::newRow("named value after a literal @(") << values << 0 << "{{tax}}"
                                                    << "Named Value";
    QTest::newRow("expression after spaces") << values << 0 << "@(1)"
                                             << "Expression Delimiter";
    QTest::newRow("attribute after expression") << values << 0 << "other"
                                                << "Attribute";
}

void tst_PolicyHighlighting::formats()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, needle);
    QFETCH(QString, format);
    QCOMPARE(formatAt(text, line, needle), format);
}

void tst_PolicyHighlighting::expressionEndsAtItsOwnParenthesis()
{
    // Raw quotes, '<', '>' and '&&' inside the expression, as APIM users write them: the C# string
    // holding the quote must not end the attribute, and the attribute must end after ')'.
    const QString text = QStringLiteral(
            "<when condition=\"@(context.Variables.GetValueOrDefault<bool>(\"is-eus-down\", "
            "(false)))\" other=\"v\">");
    const QString stringFormat = formatAt(text, 0, "is-eus-down");
    QVERIFY2(stringFormat != "Value" && stringFormat != "Expression", qPrintable(stringFormat));
    const QString genericFormat = formatAt(text, 0, "<bool>");
    QVERIFY2(genericFormat != "Element" && genericFormat != "Error", qPrintable(genericFormat));
    QCOMPARE(formatAt(text, 0, ")))\"", 2), QStringLiteral("Expression Delimiter"));
    QCOMPARE(formatAt(text, 0, ")))\"", 3), QStringLiteral("Value"));
    QCOMPARE(formatAt(text, 0, "other"), QStringLiteral("Attribute"));
}

void tst_PolicyHighlighting::foldingRegionsPerElement()
{
    const QString text = QStringLiteral("<retry count=\"1\">\n  <forward-request />\n</retry>");
    const auto lines = m_highlighter.highlight(text);
    QCOMPARE(lines.at(0).foldBegins, 1);
    QCOMPARE(lines.at(1).foldBegins, lines.at(1).foldEnds);
    QCOMPARE(lines.at(2).foldEnds, 1);
}

void tst_PolicyHighlighting::corpusHasNoErrorFormats_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir corpus(QStringLiteral(APIM_SHARED_DIR "/policies"));
    const QStringList files = corpus.entryList({QStringLiteral("*.xml")}, QDir::Files);
    QVERIFY(files.size() > 50);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
    const QDir seeds(QStringLiteral(APIM_SHARED_DIR "/seed"));
    for (const QString &file : seeds.entryList({QStringLiteral("*.xml")}, QDir::Files))
        QTest::newRow(qPrintable(file)) << seeds.filePath(file);
}

// Real policies that APIM accepts must never show the error format: it would mean the definition
// lost track of where an expression, a value or a tag ends.
void tst_PolicyHighlighting::corpusHasNoErrorFormats()
{
    QFETCH(QString, fileName);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const auto lines = m_highlighter.highlight(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype column = lines.at(i).formats.indexOf(QStringLiteral("Error"));
        QVERIFY2(column < 0,
                 qPrintable(QStringLiteral("%1:%2: %3")
                                    .arg(i + 1)
                                    .arg(column + 1)
                                    .arg(text.split(u'\n').at(i))));
    }
}

QTEST_GUILESS_MAIN(tst_PolicyHighlighting)
#include "tst_policyhighlighting.moc"
