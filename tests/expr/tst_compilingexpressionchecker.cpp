// SPDX-License-Identifier: GPL-3.0-or-later
#include "../policy/policycorpus.h"

#include "expr/compilingexpressionchecker.h"
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"

#include <QDir>
#include <QTest>

class tst_CompilingExpressionChecker : public QObject
{
    Q_OBJECT

private:
    static QList<Diagnostic> validate(const QByteArray &xml,
                                      const CompilingExpressionChecker &checker
                                      = CompilingExpressionChecker())
    {
        const PolicyParseResult parsed = PolicyParser::parse(xml, QStringLiteral("t.xml"));
        if (!parsed.ok())
            return parsed.diagnostics;
        return PolicyValidator(PolicySchema::builtin(), &checker).validate(parsed.document);
    }

    static QStringList errorPlaces(const QList<Diagnostic> &diagnostics)
    {
        QStringList places;
        for (const Diagnostic &d : diagnostics) {
            if (d.isError())
                places.append(
                        QStringLiteral("%1:%2").arg(d.range.begin.line).arg(d.range.begin.column));
        }
        return places;
    }

private Q_SLOTS:
    // Expression errors are validation errors at their place in the file. Apart from invalid/,
    // four corpus files were published upstream with C# that cannot compile either: the same
    // corrupted literals ("patch=""" is two adjacent strings) or a dictionary called like a
    // method (MatchedParameters("x")). APIM refuses them at save time, so validation reports them;
    // every other file must validate without errors.
    void corpus_data() { PolicyCorpus::addRows(); }
    void corpus()
    {
        QFETCH(QString, path);
        static const QHash<QString, QStringList> knownBroken = {
                {QStringLiteral(
                         "invalid/Call out to an HTTP endpoint and cache the response.policy.xml"),
                 {"17:67", "32:88", "36:99", "36:150", "42:73"}},
                {QStringLiteral("DELETE a from to blobStorage account.xml"), {"27:115"}},
                {QStringLiteral("GET a file from blobStorage account.xml"), {"27:115"}},
                {QStringLiteral("PUT a file to blobStorage account.xml"), {"28:115"}},
                {QStringLiteral("Loopback request for service at same API Management service.xml"),
                 {"16:119"}},
                {QStringLiteral("Pre-authorize requests based on HTTP method with "
                                "validate-jwt.policy.xml"),
                 {"11:66", "23:43"}},
        };
        const QString name
                = QDir(QStringLiteral(APIM_SHARED_DIR "/policies")).relativeFilePath(path);
        QCOMPARE(errorPlaces(validate(PolicyCorpus::read(path))), knownBroken.value(name));
    }

    void namedValues_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("reference inside a string")
                << QByteArray(R"x(<set-variable name="a" value="@("{{backend-url}}" + "/x")" />)x")
                << QStringList();
        QTest::newRow("reference as a number") << QByteArray(
                R"x(<cache-store-value key="k" value="v" duration="@({{ttl}} * 2)" />)x")
                                               << QStringList();
        QTest::newRow("error after a reference keeps its column")
                << QByteArray(R"x(<set-variable name="a" value="@("{{x}}" + )" />)x")
                << QStringList{QStringLiteral("1:43")};
    }
    void namedValues()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QStringList, errors);
        QCOMPARE(errorPlaces(validate(xml)), errors);
    }

    void knownNamedValuesAreSubstituted()
    {
        const QByteArray xml = R"x(<set-variable name="a" value="@({{expr}})" />)x";
        const CompilingExpressionChecker valid({{QStringLiteral("expr"), QStringLiteral("1 + 1")}});
        QCOMPARE(errorPlaces(validate(xml, valid)), QStringList());
        const CompilingExpressionChecker broken({{QStringLiteral("expr"), QStringLiteral("1 +")}});
        QCOMPARE(errorPlaces(validate(xml, broken)).size(), 1);
    }

    void escapedExpressionErrorStaysInsideIt()
    {
        const QByteArray xml
                = R"x(<set-variable name="a" value="@(&quot;x&quot; &quot;y&quot;)" />)x";
        const QList<Diagnostic> diagnostics = validate(xml);
        QCOMPARE(errorPlaces(diagnostics).size(), 1);
        QVERIFY(diagnostics.first().range.begin.column >= 31);
    }
};

QTEST_GUILESS_MAIN(tst_CompilingExpressionChecker)
#include "tst_compilingexpressionchecker.moc"
