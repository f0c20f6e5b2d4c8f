// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/bicepexporter.h"
#include "deploy/policylocation.h"
#include "deploytestdata.h"

#include <QRegularExpression>
#include <QTest>

Q_DECLARE_METATYPE(PolicyLocation)

// The generated Bicep read back as text: its parameters and resources with the properties the
// tests check. Understands exactly the subset the exporter writes (and fails on anything else).
struct BicepFile
{
    struct Resource
    {
        QString symbol;
        QString type; // without @version
        QString apiVersion;
        bool existing = false;
        QString parent;
        QString name;
        QString format;
        QString value; // multi-line string content, or the raw expression
        bool multiLine = false;
        QStringList dependsOn;
        QStringList templateParameters;
    };
    QStringList secureParameters;
    QStringList parameters;
    QList<Resource> resources;
    QString error;

    const Resource *find(const QString &type,
                         const QString &parentSymbol,
                         const QString &name) const
    {
        for (const Resource &r : resources) {
            if (r.type == type && r.parent == parentSymbol && r.name == name)
                return &r;
        }
        return nullptr;
    }
    const Resource *bySymbol(const QString &symbol) const
    {
        for (const Resource &r : resources) {
            if (r.symbol == symbol)
                return &r;
        }
        return nullptr;
    }

    static QString unquote(QString literal)
    {
        literal = literal.trimmed();
        if (literal.size() < 2 || !literal.startsWith(u'\'') || !literal.endsWith(u'\''))
            return {};
        QString out;
        for (qsizetype i = 1; i < literal.size() - 1; ++i) {
            QChar c = literal.at(i);
            if (c == u'\\' && i + 1 < literal.size() - 1) {
                c = literal.at(++i);
                out += c == u'n'   ? QChar(u'\n')
                       : c == u'r' ? QChar(u'\r')
                       : c == u't' ? QChar(u'\t')
                                   : c;
            } else {
                out += c;
            }
        }
        return out;
    }

    static BicepFile parse(const QString &text)
    {
        static const QRegularExpression resourceStart(
                QStringLiteral("^resource (\\w+) '([^@']+)@([^']+)' (existing )?= \\{$"));
        static const QRegularExpression property(QStringLiteral("^\\s+(\\w+): (.*)$"));
        BicepFile file;
        const QStringList lines = text.split(u'\n');
        bool nextSecure = false;
        Resource *current = nullptr;
        QString listName;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            if (line == QLatin1String("@secure()")) {
                nextSecure = true;
            } else if (line.startsWith(QLatin1String("param "))) {
                const QString name = line.section(u' ', 1, 1);
                (nextSecure ? file.secureParameters : file.parameters).append(name);
                nextSecure = false;
            } else if (const auto m = resourceStart.match(line); m.hasMatch()) {
                file.resources.append(
                        {m.captured(1), m.captured(2), m.captured(3), !m.captured(4).isEmpty()});
                current = &file.resources.last();
            } else if (line == QLatin1String("}")) {
                current = nullptr;
            } else if (current && line.trimmed() == QLatin1String("]")) {
                listName.clear();
            } else if (current && !listName.isEmpty()) {
                if (listName == QLatin1String("dependsOn"))
                    current->dependsOn.append(line.trimmed());
                else if (line.trimmed().startsWith(QLatin1String("name:")))
                    current->templateParameters.append(unquote(line.trimmed().mid(5)));
            } else if (const auto p = property.match(line); current && p.hasMatch()) {
                const QString key = p.captured(1);
                const QString value = p.captured(2);
                if (value == QLatin1String("[")) {
                    listName = key;
                } else if (key == QLatin1String("value") && value == QLatin1String("'''")) {
                    QString content;
                    qsizetype end = -1;
                    for (++i; i < lines.size(); ++i) {
                        end = lines.at(i).indexOf(QLatin1String("'''"));
                        if (end >= 0) {
                            content += lines.at(i).left(end);
                            break;
                        }
                        content += lines.at(i) + u'\n';
                    }
                    if (end < 0)
                        file.error = QStringLiteral("unterminated multi-line string");
                    current->value = content;
                    current->multiLine = true;
                } else if (key == QLatin1String("parent")) {
                    current->parent = value;
                } else if (key == QLatin1String("name")) {
                    current->name = value == QLatin1String("serviceName") ? value : unquote(value);
                } else if (key == QLatin1String("format")) {
                    current->format = unquote(value);
                } else if (key == QLatin1String("value")) {
                    current->value = value;
                }
            } else if (current && !line.trimmed().isEmpty() && !line.endsWith(u'{')
                       && line.trimmed() != QLatin1String("}")) {
                file.error = QStringLiteral("line %1 not understood: %2").arg(i + 1).arg(line);
            }
        }
        return file;
    }
};

class tst_BicepExporter : public QObject
{
    Q_OBJECT

private:
    static BicepFile generate(const Workspace &w, ExportResult *result = nullptr)
    {
        const ExportResult exported = BicepExporter::files(w);
        if (result)
            *result = exported;
        return BicepFile::parse(
                QString::fromUtf8(exported.file(QStringLiteral("main.bicep"))->content));
    }

    static QString type(const char *child)
    {
        return QStringLiteral("Microsoft.ApiManagement/service") + QLatin1String(child);
    }

private Q_SLOTS:
    void policyResources_data()
    {
        QTest::addColumn<PolicyLocation>("location");
        QTest::addColumn<QString>("policyType");
        QTest::addColumn<QString>("parentType");
        QTest::addColumn<QString>("parentName");
        QTest::newRow("global") << PolicyLocation::global() << type("/policies") << type("")
                                << QStringLiteral("serviceName");
        QTest::newRow("product") << PolicyLocation::product(QStringLiteral("starter"))
                                 << type("/products/policies") << type("/products")
                                 << QStringLiteral("starter");
        QTest::newRow("api") << PolicyLocation::api(QStringLiteral("orders"))
                             << type("/apis/policies") << type("/apis") << QStringLiteral("orders");
        QTest::newRow("operation")
                << PolicyLocation::operation(QStringLiteral("orders"), QStringLiteral("get-order"))
                << type("/apis/operations/policies") << type("/apis/operations")
                << QStringLiteral("get-order");
    }
    void policyResources()
    {
        QFETCH(PolicyLocation, location);
        QFETCH(QString, policyType);
        QFETCH(QString, parentType);
        QFETCH(QString, parentName);
        const Workspace w = DeployTestData::richWorkspace();
        const BicepFile bicep = generate(w);
        QVERIFY2(bicep.error.isEmpty(), qPrintable(bicep.error));
        const BicepFile::Resource *policy = nullptr;
        for (const BicepFile::Resource &r : bicep.resources) {
            const BicepFile::Resource *parent = bicep.bySymbol(r.parent);
            if (r.type == policyType && parent && parent->type == parentType
                && parent->name == parentName)
                policy = &r;
        }
        QVERIFY(policy);
        QCOMPARE(policy->name, QStringLiteral("policy"));
        QCOMPARE(policy->format, QStringLiteral("rawxml"));
        QCOMPARE(policy->apiVersion, QString(BicepExporter::apiVersion));
        QVERIFY(policy->multiLine);
        QCOMPARE(policy->value, location.find(w)->xml);
    }

    void everyResourceHasAKnownParent()
    {
        const BicepFile bicep = generate(DeployTestData::richWorkspace());
        QVERIFY(bicep.error.isEmpty());
        QCOMPARE(bicep.resources.first().type, type(""));
        QVERIFY(bicep.resources.first().existing);
        for (const BicepFile::Resource &r : bicep.resources.mid(1)) {
            const BicepFile::Resource *parent = bicep.bySymbol(r.parent);
            QVERIFY2(parent, qPrintable(r.symbol));
            // A child type is its parent's type plus one segment.
            QCOMPARE(r.type.section(u'/', 0, -2), parent->type);
            for (const QString &dependency : r.dependsOn)
                QVERIFY2(bicep.bySymbol(dependency), qPrintable(dependency));
        }
    }

    void counts()
    {
        const BicepFile bicep = generate(DeployTestData::richWorkspace());
        auto count = [&](const QString &t) {
            return std::count_if(bicep.resources.cbegin(),
                                 bicep.resources.cend(),
                                 [&](const BicepFile::Resource &r) { return r.type == t; });
        };
        QCOMPARE(count(type("/namedValues")), 2);
        QCOMPARE(count(type("/policyFragments")), 1);
        QCOMPARE(count(type("/products")), 2);
        QCOMPARE(count(type("/products/apis")), 2);
        QCOMPARE(count(type("/apis")), 2);
        QCOMPARE(count(type("/apis/operations")), 2);
        QCOMPARE(count(type("/apis/operations/policies")), 1); // create-order has none
    }

    void fragmentResource()
    {
        const Workspace w = DeployTestData::richWorkspace();
        const BicepFile bicep = generate(w);
        const BicepFile::Resource *fragment = bicep.find(type("/policyFragments"),
                                                         bicep.resources.first().symbol,
                                                         QStringLiteral("correlation"));
        QVERIFY(fragment);
        QCOMPARE(fragment->format, QStringLiteral("rawxml"));
        QCOMPARE(fragment->value, w.fragments.first().policy.xml);
        // The global policy includes it, which Bicep cannot see in the XML.
        const BicepFile::Resource *global = bicep.find(
                type("/policies"), bicep.resources.first().symbol, QStringLiteral("policy"));
        QVERIFY(global->dependsOn.contains(fragment->symbol));
    }

    void namedValues()
    {
        ExportResult result;
        const BicepFile bicep = generate(DeployTestData::richWorkspace(), &result);
        const QString service = bicep.resources.first().symbol;
        const BicepFile::Resource *plain
                = bicep.find(type("/namedValues"), service, QStringLiteral("orders-url"));
        const BicepFile::Resource *secret
                = bicep.find(type("/namedValues"), service, QStringLiteral("orders-key"));
        QVERIFY(plain && secret);
        QCOMPARE(BicepFile::unquote(plain->value), QStringLiteral("https://orders.example.com"));
        QCOMPARE(bicep.secureParameters.size(), 1);
        QCOMPARE(secret->value, bicep.secureParameters.first());
        QVERIFY(!result.file(QStringLiteral("main.bicep"))
                         ->content.contains(DeployTestData::secretValue().toUtf8()));
        const BicepFile::Resource *apiPolicy = nullptr;
        for (const BicepFile::Resource &r : bicep.resources) {
            if (r.type == type("/apis/policies"))
                apiPolicy = &r;
        }
        QCOMPARE(apiPolicy->dependsOn, (QStringList{secret->symbol, plain->symbol}));
    }

    void operationTemplateParameters()
    {
        const BicepFile bicep = generate(DeployTestData::richWorkspace());
        for (const BicepFile::Resource &r : bicep.resources) {
            if (r.type == type("/apis/operations") && r.name == u"get-order")
                QCOMPARE(r.templateParameters, QStringList{QStringLiteral("id")});
        }
    }

    void awkwardXmlUsesLoadTextContent_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::newRow("triple quote")
                << QStringLiteral("<policies><inbound><set-variable name=\"x\" "
                                  "value=\"@(\"'''\")\" /></inbound></policies>");
        QTest::newRow("ends with a quote") << QStringLiteral("<policies /><!-- it's '");
    }
    void awkwardXmlUsesLoadTextContent()
    {
        QFETCH(QString, xml);
        Workspace w = DeployTestData::richWorkspace();
        w.apis.first().policy.xml = xml;
        ExportResult result;
        const BicepFile bicep = generate(w, &result);
        QVERIFY(bicep.error.isEmpty());
        QCOMPARE(result.files.size(), 2);
        const ExportFile &sidecar = result.files.at(1);
        QCOMPARE(sidecar.content, xml.toUtf8());
        bool found = false;
        for (const BicepFile::Resource &r : bicep.resources) {
            if (r.type == type("/apis/policies")) {
                QCOMPARE(r.value, QStringLiteral("loadTextContent('%1')").arg(sidecar.path));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void bundledWorkspaces_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : DeployTestData::bundledWorkspaces())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
    void bundledWorkspaces()
    {
        QFETCH(QString, path);
        const Workspace w = DeployTestData::loadBundled(path);
        const BicepFile bicep = generate(w);
        QVERIFY2(bicep.error.isEmpty(), qPrintable(bicep.error));
        QStringList values;
        for (const BicepFile::Resource &r : bicep.resources) {
            if (r.multiLine)
                values.append(r.value);
        }
        for (const PolicyLocation &location : PolicyLocation::all(w)) {
            if (!location.find(w)->isEmpty())
                QVERIFY2(values.contains(location.find(w)->xml),
                         qPrintable(location.displayName()));
        }
        QCOMPARE(bicep.secureParameters, QStringList{QStringLiteral("helloKey")});
    }

    void quoted_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it\\'s'");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'");
        QTest::newRow("interpolation") << QStringLiteral("${x}") << QStringLiteral("'\\${x}'");
        QTest::newRow("lone dollar") << QStringLiteral("$5") << QStringLiteral("'$5'");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\\nb'");
    }
    void quoted()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(BicepExporter::quoted(value), expected);
        QCOMPARE(BicepFile::unquote(expected), value);
    }
};

QTEST_GUILESS_MAIN(tst_BicepExporter)
#include "tst_bicepexporter.moc"
