// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/expressioncompiler.h"
#include "expr/expressioncontext.h"
#include "expr/expressionnames.h"
#include "expr/namedvaluesubstitution.h"
#include "policy/policyescaping.h"
#include "policy/policyparser.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// Every policy expression of the shared corpus and the seeds, located by PolicyParser, compiles;
// the few that APIM itself cannot compile fail at the documented places.
class tst_ExpressionCorpus : public QObject
{
    Q_OBJECT

public:
    struct Expression
    {
        QString file;
        QString code;
        SourcePosition start;
    };

private:
    static void collect(const PolicyNode &node, const QString &file, QList<Expression> &out)
    {
        for (const PolicyAttribute &a : node.attributes) {
            if (a.isExpression())
                out.append({file, a.value, a.valueRange.begin});
        }
        for (const PolicyNode &child : node.children) {
            if ((child.kind == PolicyNode::Kind::Text || child.kind == PolicyNode::Kind::CData)
                && PolicyEscaping::isExpression(child.text))
                out.append({file, child.text, child.range.begin});
            if (child.isElement())
                collect(child, file, out);
        }
    }

    static QList<Expression> expressionsOf(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const PolicyParseResult parsed = PolicyParser::parse(f.readAll(), path);
        QList<Expression> out;
        for (const PolicyNode &node : parsed.document.nodes) {
            if (node.isElement())
                collect(node, QFileInfo(path).fileName(), out);
        }
        return out;
    }

    // Named values are substituted textually before compiling; the corpus's are unknown here, so
    // every {{name}} becomes 1 (valid both as a number and inside strings).
    static QString substituted(const QString &code)
    {
        static const QRegularExpression names(QStringLiteral(R"(\{\{([A-Za-z0-9._-]+)\}\})"));
        QHash<QString, QString> values;
        for (const auto &m : names.globalMatch(code))
            values.insert(m.captured(1), QStringLiteral("1"));
        return NamedValueSubstitution::substitute(code, values).text;
    }

    static QStringList corpusFiles()
    {
        QStringList files;
        for (const QString &dir : {QStringLiteral(APIM_SHARED_DIR "/policies"),
                                   QStringLiteral(APIM_SHARED_DIR "/seed")}) {
            for (const QString &name :
                 QDir(dir).entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
                files.append(dir + u'/' + name);
        }
        return files;
    }

private Q_SLOTS:
    void corpusCompiles();
    void invalidFileReportsEachLine();
    void corpusEvaluatesWithoutCrashing();
    void truncatedExpressionsNeverCrash();
    void corpusMembersAreKnown_data();
    void corpusMembersAreKnown();
};

void tst_ExpressionCorpus::corpusCompiles()
{
    // Expressions in the corpus that C# itself rejects (so APIM refuses to save them), with the
    // first line of the diagnostic we give. Keys: "file:line".
    const QHash<QString, QString> expectedErrors = {
            // Non-invocable member used like a method: MatchedParameters("...") instead of [...].
            {QStringLiteral("DELETE a from to blobStorage account.xml:27"),
             QStringLiteral(
                     "Non-invocable member 'MatchedParameters' cannot be used like a method.")},
            {QStringLiteral("GET a file from blobStorage account.xml:27"),
             QStringLiteral(
                     "Non-invocable member 'MatchedParameters' cannot be used like a method.")},
            {QStringLiteral("PUT a file to blobStorage account.xml:28"),
             QStringLiteral(
                     "Non-invocable member 'MatchedParameters' cannot be used like a method.")},
            // Corrupted upstream like policies/invalid: two adjacent string literals ("patch=""").
            {QStringLiteral(
                     "Pre-authorize requests based on HTTP method with validate-jwt.policy.xml:11"),
             QStringLiteral("Syntax error, ')' expected, found string literal")},
            {QStringLiteral(
                     "Pre-authorize requests based on HTTP method with validate-jwt.policy.xml:23"),
             QStringLiteral("Syntax error, '}' expected, found string literal")},
            {QStringLiteral("Loopback request for service at same API Management service.xml:16"),
             QStringLiteral("Syntax error, ')' expected, found string literal")},
    };
    int compiled = 0;
    QStringList failures;
    QSet<QString> seenErrors;
    for (const QString &path : corpusFiles()) {
        for (const Expression &e : expressionsOf(path)) {
            const ExpressionCompileResult r
                    = ExpressionCompiler::compile(substituted(e.code), e.start, e.file);
            const QString key = e.file + u':' + QString::number(e.start.line);
            if (r.ok()) {
                ++compiled;
                QVERIFY2(!expectedErrors.contains(key),
                         qPrintable(key + QLatin1String(" compiled but should not")));
                continue;
            }
            const QString message = r.diagnostics.first().message;
            if (expectedErrors.value(key) == message) {
                seenErrors.insert(key);
                continue;
            }
            failures.append(r.diagnostics.first().toString());
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(seenErrors.size(), expectedErrors.size());
    QVERIFY2(compiled > 450, qPrintable(QString::number(compiled)));
}

void tst_ExpressionCorpus::invalidFileReportsEachLine()
{
    const QString path = QStringLiteral(
            APIM_SHARED_DIR
            "/policies/invalid/Call out to an HTTP endpoint and cache the response.policy.xml");
    QSet<int> errorLines;
    for (const Expression &e : expressionsOf(path)) {
        const ExpressionCompileResult r
                = ExpressionCompiler::compile(substituted(e.code), e.start, e.file);
        for (const Diagnostic &d : r.diagnostics) {
            QVERIFY(d.isError());
            QCOMPARE(d.file, e.file);
            errorLines.insert(d.range.begin.line);
        }
    }
    // The README names lines 17, 32, 36 and 42 (the rewrite-uri template spans 41-45).
    for (const int line : {17, 32, 36})
        QVERIFY2(errorLines.contains(line), qPrintable(QString::number(line)));
    QVERIFY(errorLines.contains(42) || errorLines.contains(43));
    const auto first = expressionsOf(path);
    const auto it = std::find_if(
            first.begin(), first.end(), [](const Expression &e) { return e.start.line == 17; });
    QVERIFY(it != first.end());
    const ExpressionCompileResult r = ExpressionCompiler::compile(it->code, it->start, it->file);
    QCOMPARE(r.diagnostics.size(), 1);
    // '      <when condition="@(!context.Variables.ContainsKey("latlong="""))">': the second
    // literal
    // "" starts at column 67.
    QCOMPARE(r.diagnostics.first().range.begin.line, 17);
    QCOMPARE(r.diagnostics.first().range.begin.column, 67);
}

void tst_ExpressionCorpus::corpusEvaluatesWithoutCrashing()
{
    // Against an empty context most expressions raise (missing variables, null response): the
    // point is that each one ends with a value or an evaluation error with a range.
    int values = 0;
    int errors = 0;
    for (const QString &path : corpusFiles()) {
        for (const Expression &e : expressionsOf(path)) {
            const ExpressionCompileResult r
                    = ExpressionCompiler::compile(substituted(e.code), e.start, e.file);
            if (!r.ok())
                continue;
            ExpressionContext context;
            context.request->body = std::make_shared<MessageBody>(QByteArray("{\"a\":1}"));
            const EvaluationResult result = r.expression->evaluate(context);
            if (result.ok()) {
                ++values;
            } else {
                ++errors;
                QVERIFY(result.error.range.isValid());
                QVERIFY(!result.error.message.isEmpty());
                QVERIFY(result.error.type.contains(u'.'));
            }
        }
    }
    QVERIFY(values > 30);
    QVERIFY(errors > 30);
}

void tst_ExpressionCorpus::truncatedExpressionsNeverCrash()
{
    int compiled = 0;
    for (const QString &path : corpusFiles()) {
        for (const Expression &e : expressionsOf(path)) {
            const QString code = substituted(e.code);
            for (qsizetype cut = 2; cut < code.size(); cut += 5) {
                const QString truncated
                        = code.left(cut) + (code.startsWith(QLatin1String("@{")) ? u'}' : u')');
                const ExpressionCompileResult r
                        = ExpressionCompiler::compile(truncated, e.start, e.file);
                QVERIFY(r.ok() || !r.diagnostics.isEmpty());
                compiled += r.ok() ? 1 : 0;
            }
        }
    }
    QVERIFY(compiled > 0);
}

void tst_ExpressionCorpus::corpusMembersAreKnown_data()
{
    // Every member the corpus and the seeds call (scan of /work/shared, kept here so a change to
    // the supported set that drops one fails loudly).
    QTest::addColumn<QString>("member");
    const QStringList members = {
            "Abs",
            "AbsolutePath",
            "Add",
            "AddDays",
            "AddMinutes",
            "AddSeconds",
            "Api",
            "As",
            "AsBasic",
            "AsFormUrlEncodedContent",
            "AsJwt",
            "Body",
            "Claims",
            "ComputeHash",
            "Concat",
            "Contains",
            "ContainsKey",
            "Copy",
            "Count",
            "Create",
            "Decrypt",
            "Deployment",
            "Descendants",
            "DocumentElement",
            "EOF",
            "Empty",
            "Encrypt",
            "Equals",
            "EscapeDataString",
            "Exists",
            "First",
            "FirstOrDefault",
            "Format",
            "FromBase64String",
            "FromObject",
            "FromSeconds",
            "FromUnixTimeMilliseconds",
            "FromUnixTimeSeconds",
            "GetBytes",
            "GetCertHash",
            "GetHashCode",
            "GetRSAPrivateKey",
            "GetString",
            "GetValue",
            "GetValueOrDefault",
            "Groups",
            "Headers",
            "Host",
            "HtmlEncode",
            "Id",
            "InnerText",
            "InvariantCultureIgnoreCase",
            "IpAddress",
            "IsNullOrEmpty",
            "LastError",
            "Length",
            "LoadXml",
            "LocalName",
            "Match",
            "MatchedParameters",
            "Message",
            "Method",
            "MoveToContent",
            "Name",
            "NewGuid",
            "Next",
            "None",
            "Now",
            "OrdinalIgnoreCase",
            "OriginalUrl",
            "Parse",
            "Password",
            "Path",
            "Pkcs1",
            "PolicyId",
            "Port",
            "Product",
            "Property",
            "Query",
            "QueryString",
            "Read",
            "ReadFrom",
            "Reason",
            "Region",
            "Remove",
            "Replace",
            "Request",
            "RequestId",
            "Response",
            "SHA256",
            "Scheme",
            "Scope",
            "Section",
            "Select",
            "SelectSingleNode",
            "SelectToken",
            "SerializeObject",
            "ServiceName",
            "ServiceUrl",
            "SignData",
            "Single",
            "SingleOrDefault",
            "Source",
            "Split",
            "StartsWith",
            "StatusCode",
            "Subject",
            "Subscription",
            "Ticks",
            "ToBase64String",
            "ToBoolean",
            "ToByte",
            "ToByteArray",
            "ToInt32",
            "ToLowerInvariant",
            "ToString",
            "ToUnixTimeMilliseconds",
            "ToUnixTimeSeconds",
            "TotalSeconds",
            "Trim",
            "UTF8",
            "UnescapeDataString",
            "Url",
            "UrlEncode",
            "User",
            "UserId",
            "UtcNow",
            "Value",
            "Variables",
            "Where",
    };
    for (const QString &m : members)
        QTest::newRow(qPrintable(m)) << m;
}

void tst_ExpressionCorpus::corpusMembersAreKnown()
{
    QFETCH(QString, member);
    QVERIFY(ExpressionNames::memberId(member) >= 0);
}

QTEST_GUILESS_MAIN(tst_ExpressionCorpus)
#include "tst_expressioncorpus.moc"
