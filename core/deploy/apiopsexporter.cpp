// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiopsexporter.h"

#include "deploy/apiopsbackendjson.h"
#include "deploy/apiopslayout.h"
#include "deploy/exportlint.h"
#include "deploy/exportwriter.h"
#include "deploy/policylocation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

QByteArray json(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

Diagnostic note(const QString &code, const QString &message)
{
    return Diagnostic{Diagnostic::Severity::Info, {}, {}, message, code};
}

// The ARM resource shape the extractor writes: {"name": ..., "properties": {...}}.
QJsonObject resource(const QString &name, const QJsonObject &properties)
{
    return QJsonObject{{QLatin1String("name"), name}, {QLatin1String("properties"), properties}};
}

// A minimal OpenAPI 3 document: the only place the layout keeps operations' methods and URL
// templates (the extractor writes the API's specification beside apiInformation.json).
QJsonObject specification(const Workspace::Api &api)
{
    QJsonObject paths;
    for (const Workspace::Operation &op : api.operations) {
        QJsonObject path = paths.value(op.urlTemplate).toObject();
        path.insert(op.method.toLower(),
                    QJsonObject{{QLatin1String("operationId"), op.id},
                                {QLatin1String("summary"), op.name},
                                {QLatin1String("responses"), QJsonObject{}}});
        paths.insert(op.urlTemplate, path);
    }
    return QJsonObject{{QLatin1String("openapi"), QStringLiteral("3.0.1")},
                       {QLatin1String("info"),
                        QJsonObject{{QLatin1String("title"), api.name},
                                    {QLatin1String("version"), QStringLiteral("1.0")}}},
                       {QLatin1String("paths"), paths}};
}

class Collector
{
public:
    explicit Collector(const Workspace &workspace)
        : m_workspace(workspace)
    {}

    ExportResult collect()
    {
        addPolicy(PolicyLocation::global());
        for (const Workspace::Product &p : m_workspace.products)
            addProduct(p);
        for (const Workspace::Api &a : m_workspace.apis)
            addApi(a);
        for (const Workspace::Fragment &f : m_workspace.fragments)
            addFragment(f);
        for (const Workspace::NamedValue &v : m_workspace.namedValues)
            addNamedValue(v);
        for (const Workspace::Backend &b : m_workspace.backends) {
            if (checkName(QStringLiteral("backend"), b.id)) {
                add(QStringLiteral("%1/%2/%3")
                            .arg(ApiOpsLayout::backendsFolder,
                                 b.id,
                                 ApiOpsLayout::backendInformation),
                    json(ApiOpsBackendJson::toJson(b)));
            }
        }
        reportUncarried();
        return m_result;
    }

private:
    bool checkName(const QString &what, const QString &name)
    {
        if (ApiOpsLayout::isFolderName(name))
            return true;
        m_result.diagnostics.append(Diagnostic::error(
                QStringLiteral("deploy.invalid-name"),
                QStringLiteral("%1 \"%2\" cannot be a folder name in the APIOps layout")
                        .arg(what, name),
                {}));
        return false;
    }

    void add(const QString &path, const QByteArray &content)
    {
        m_result.files.append({path, content});
    }

    void addPolicy(const PolicyLocation &location)
    {
        const Workspace::PolicySource *source = location.find(m_workspace);
        if (source && !source->isEmpty())
            add(location.apiOpsPath(), source->xml.toUtf8());
    }

    void addProduct(const Workspace::Product &p)
    {
        if (!checkName(QStringLiteral("product"), p.id))
            return;
        const QString dir = QStringLiteral("%1/%2/").arg(ApiOpsLayout::productsFolder, p.id);
        add(dir + ApiOpsLayout::productInformation,
            json(resource(p.id,
                          QJsonObject{{QLatin1String("displayName"), p.name},
                                      {QLatin1String("subscriptionRequired"), true},
                                      {QLatin1String("state"), QStringLiteral("published")}})));
        QJsonArray apis;
        for (const Workspace::Api &a : m_workspace.apis) {
            if (a.products.contains(p.id))
                apis.append(QJsonObject{{QLatin1String("name"), a.id}});
        }
        if (!apis.isEmpty())
            add(dir + ApiOpsLayout::productApis, json(apis));
        addPolicy(PolicyLocation::product(p.id));
    }

    void addApi(const Workspace::Api &a)
    {
        if (!checkName(QStringLiteral("API"), a.id))
            return;
        const QString dir = QStringLiteral("%1/%2/").arg(ApiOpsLayout::apisFolder, a.id);
        add(dir + ApiOpsLayout::apiInformation,
            json(resource(a.id,
                          QJsonObject{{QLatin1String("displayName"), a.name},
                                      {QLatin1String("path"), a.path},
                                      {QLatin1String("serviceUrl"), a.serviceUrl},
                                      {QLatin1String("protocols"),
                                       QJsonArray{QStringLiteral("https")}}})));
        if (!a.operations.isEmpty())
            add(dir + ApiOpsLayout::apiSpecification, json(specification(a)));
        addPolicy(PolicyLocation::api(a.id));
        for (const Workspace::Operation &op : a.operations) {
            if (checkName(QStringLiteral("operation"), op.id))
                addPolicy(PolicyLocation::operation(a.id, op.id));
        }
    }

    void addFragment(const Workspace::Fragment &f)
    {
        if (!checkName(QStringLiteral("policy fragment"), f.id))
            return;
        add(QStringLiteral("%1/%2/%3")
                    .arg(ApiOpsLayout::fragmentsFolder, f.id, ApiOpsLayout::fragmentInformation),
            json(resource(f.id, QJsonObject{{QLatin1String("description"), f.description}})));
        addPolicy(PolicyLocation::fragment(f.id));
    }

    void addNamedValue(const Workspace::NamedValue &v)
    {
        if (!checkName(QStringLiteral("named value"), v.name))
            return;
        QJsonObject properties{{QLatin1String("displayName"), v.name},
                               {QLatin1String("secret"), v.secret},
                               {QLatin1String("tags"), QJsonArray{}}};
        // Secrets stay out of the repository: the extractor omits their values too, and the
        // publisher expects them from configuration or Key Vault.
        if (!v.secret)
            properties.insert(QLatin1String("value"), v.value);
        add(QStringLiteral("%1/%2/%3")
                    .arg(ApiOpsLayout::namedValuesFolder,
                         v.name,
                         ApiOpsLayout::namedValueInformation),
            json(resource(v.name, properties)));
        if (v.secret) {
            m_result.diagnostics.append(
                    note(QStringLiteral("deploy.secret-omitted"),
                         QStringLiteral("the value of secret named value \"%1\" is not exported; "
                                        "provide it at deployment")
                                 .arg(v.name)));
        }
    }

    void reportUncarried()
    {
        auto report = [this](qsizetype count, const char *what) {
            if (count > 0) {
                m_result.diagnostics.append(
                        note(QStringLiteral("deploy.not-exported"),
                             QStringLiteral("%1 %2 not part of the APIOps layout and not exported")
                                     .arg(count)
                                     .arg(QLatin1String(what))));
            }
        };
        report(m_workspace.regions.size(), "simulated region(s) are");
        report(m_workspace.mocks.size(), "mock backend(s) are");
        report(m_workspace.backendMap.size(), "backend address mapping(s) are");
        // The policy generated from it is exported; the table itself has no place in the layout.
        report(m_workspace.routing ? 1 : 0, "routing table is");
    }

    const Workspace &m_workspace;
    ExportResult m_result;
};

// The layout keeps a policy's text but not the workspace file it came from, and has no file for
// an empty document.
Workspace::PolicySource carriedPolicy(const Workspace::PolicySource &source)
{
    return {QString(), source.isEmpty() ? QString() : source.xml};
}

template<typename List, typename Key>
void sortBy(List &list, Key key)
{
    std::sort(list.begin(), list.end(), [&](const auto &a, const auto &b) {
        return a.*key < b.*key;
    });
}

} // namespace

ExportResult ApiOpsExporter::files(const Workspace &workspace)
{
    ExportResult result = Collector(workspace).collect();
    result.diagnostics.append(ExportLint::lint(workspace));
    return result;
}

ExportResult ApiOpsExporter::exportTo(const Workspace &workspace, const QString &directory)
{
    ExportResult result = files(workspace);
    if (result.ok())
        result.diagnostics.append(ExportWriter::write(directory, result.files));
    return result;
}

Workspace ApiOpsExporter::carriedPart(const Workspace &workspace)
{
    Workspace carried;
    carried.global = carriedPolicy(workspace.global);
    for (Workspace::Product p : workspace.products) {
        p.policy = carriedPolicy(p.policy);
        carried.products.append(p);
    }
    for (Workspace::Api a : workspace.apis) {
        a.policy = carriedPolicy(a.policy);
        for (Workspace::Operation &op : a.operations)
            op.policy = carriedPolicy(op.policy);
        sortBy(a.operations, &Workspace::Operation::id);
        a.products.removeIf([&](const QString &productId) {
            return std::none_of(workspace.products.cbegin(),
                                workspace.products.cend(),
                                [&](const Workspace::Product &p) { return p.id == productId; });
        });
        std::sort(a.products.begin(), a.products.end());
        carried.apis.append(a);
    }
    for (Workspace::Fragment f : workspace.fragments) {
        f.policy = carriedPolicy(f.policy);
        carried.fragments.append(f);
    }
    for (Workspace::NamedValue v : workspace.namedValues) {
        if (v.secret)
            v.value.clear();
        carried.namedValues.append(v);
    }
    sortBy(carried.products, &Workspace::Product::id);
    sortBy(carried.apis, &Workspace::Api::id);
    sortBy(carried.fragments, &Workspace::Fragment::id);
    sortBy(carried.namedValues, &Workspace::NamedValue::name);
    carried.backends = workspace.backends;
    sortBy(carried.backends, &Workspace::Backend::id);
    return carried;
}
