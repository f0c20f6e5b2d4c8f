// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiopsimporter.h"

#include "deploy/apiopsbackendjson.h"
#include "deploy/apiopslayout.h"
#include "deploy/textlocator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace {

const QStringList &httpMethods()
{
    static const QStringList methods{QStringLiteral("get"),
                                     QStringLiteral("put"),
                                     QStringLiteral("post"),
                                     QStringLiteral("delete"),
                                     QStringLiteral("options"),
                                     QStringLiteral("head"),
                                     QStringLiteral("patch"),
                                     QStringLiteral("trace")};
    return methods;
}

class Reader
{
public:
    explicit Reader(const QString &directory)
        : m_root(directory)
    {}

    WorkspaceLoadResult read()
    {
        WorkspaceLoadResult result;
        if (!QFileInfo(m_root.path()).isDir()) {
            error(m_root.path(),
                  QStringLiteral("deploy.import-unreadable"),
                  QStringLiteral("not a folder"));
            result.diagnostics = m_diagnostics;
            return result;
        }
        collectFiles();
        Workspace &w = result.workspace;
        w.name = QFileInfo(m_root.absolutePath()).fileName();
        w.description = QStringLiteral("Imported from the APIOps folder %1").arg(m_root.path());
        w.global = policy(ApiOpsLayout::policyFile);
        for (const QString &id : subfolders(ApiOpsLayout::productsFolder))
            w.products.append(product(id));
        for (const QString &id : subfolders(ApiOpsLayout::apisFolder))
            w.apis.append(api(id));
        for (const QString &folder : {QString(ApiOpsLayout::fragmentsFolder),
                                      QString(ApiOpsLayout::fragmentsFolderCamel)}) {
            for (const QString &id : subfolders(folder))
                w.fragments.append(fragment(folder, id));
        }
        for (const QString &folder : {QString(ApiOpsLayout::namedValuesFolder),
                                      QString(ApiOpsLayout::namedValuesFolderCamel)}) {
            for (const QString &name : subfolders(folder))
                w.namedValues.append(namedValue(folder, name));
        }
        for (const QString &id : subfolders(ApiOpsLayout::backendsFolder)) {
            const QString path = QStringLiteral("%1/%2/%3")
                                         .arg(ApiOpsLayout::backendsFolder,
                                              id,
                                              ApiOpsLayout::backendInformation);
            if (has(path))
                w.backends.append(ApiOpsBackendJson::fromJson(takeJson(path).toObject(), id));
        }
        assignProducts(w);
        reportUnmapped();
        result.diagnostics = m_diagnostics;
        return result;
    }

private:
    void collectFiles()
    {
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            m_unread.insert(m_root.relativeFilePath(it.next()));
    }

    QStringList subfolders(const QString &folder) const
    {
        return QDir(m_root.filePath(folder))
                .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }

    bool has(const QString &relativePath) const { return m_unread.contains(relativePath); }

    // Reads a file once; later attempts (and reportUnmapped) see it as consumed.
    bool take(const QString &relativePath, QString &text)
    {
        if (!m_unread.remove(relativePath))
            return false;
        QFile file(m_root.filePath(relativePath));
        if (!file.open(QIODevice::ReadOnly)) {
            error(relativePath, QStringLiteral("deploy.import-unreadable"), file.errorString());
            return false;
        }
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
        text = decoder(file.readAll());
        if (decoder.hasError()) {
            error(relativePath,
                  QStringLiteral("deploy.import-encoding"),
                  QStringLiteral("not valid UTF-8"));
        }
        return true;
    }

    QJsonValue takeJson(const QString &relativePath)
    {
        QString text;
        if (!take(relativePath, text))
            return {};
        QJsonParseError parseError;
        const QByteArray bytes = text.toUtf8();
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const qsizetype offset = QString::fromUtf8(bytes.left(parseError.offset)).size();
            error(relativePath,
                  QStringLiteral("deploy.import-json"),
                  parseError.errorString(),
                  TextLocator(text).range(offset, 0));
            return {};
        }
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    Workspace::PolicySource policy(const QString &relativePath)
    {
        Workspace::PolicySource source;
        take(relativePath, source.xml);
        return source;
    }

    static QString name(const QJsonObject &info, const QString &fallback)
    {
        return info.value(QLatin1String("name")).toString(fallback);
    }

    static QJsonObject properties(const QJsonObject &info)
    {
        return info.value(QLatin1String("properties")).toObject();
    }

    Workspace::Product product(const QString &folder)
    {
        const QString dir = QStringLiteral("%1/%2/").arg(ApiOpsLayout::productsFolder, folder);
        const QJsonObject info = takeJson(dir + ApiOpsLayout::productInformation).toObject();
        Workspace::Product p;
        p.id = name(info, folder);
        p.name = properties(info).value(QLatin1String("displayName")).toString(p.id);
        p.policy = policy(dir + ApiOpsLayout::policyFile);
        for (const QJsonValue &api : takeJson(dir + ApiOpsLayout::productApis).toArray())
            m_productApis.append({p.id, api.toObject().value(QLatin1String("name")).toString()});
        return p;
    }

    Workspace::Api api(const QString &folder)
    {
        const QString dir = QStringLiteral("%1/%2/").arg(ApiOpsLayout::apisFolder, folder);
        const QJsonObject info = takeJson(dir + ApiOpsLayout::apiInformation).toObject();
        const QJsonObject props = properties(info);
        Workspace::Api a;
        a.id = name(info, folder);
        a.name = props.value(QLatin1String("displayName")).toString(a.id);
        a.path = props.value(QLatin1String("path")).toString();
        a.serviceUrl = props.value(QLatin1String("serviceUrl")).toString();
        a.policy = policy(dir + ApiOpsLayout::policyFile);
        a.operations = operations(takeJson(dir + ApiOpsLayout::apiSpecification)
                                          .toObject()
                                          .value(QLatin1String("paths"))
                                          .toObject());
        for (const QString &opFolder : subfolders(dir + ApiOpsLayout::operationsFolder)) {
            const QString policyPath = QStringLiteral("%1%2/%3/%4")
                                               .arg(dir,
                                                    ApiOpsLayout::operationsFolder,
                                                    opFolder,
                                                    ApiOpsLayout::policyFile);
            if (!has(policyPath))
                continue;
            auto it = std::find_if(
                    a.operations.begin(), a.operations.end(), [&](const Workspace::Operation &op) {
                        return op.id == opFolder;
                    });
            if (it == a.operations.end()) {
                warning(policyPath,
                        QStringLiteral("deploy.import-operation-unknown"),
                        QStringLiteral("operation \"%1\" is not in the API's specification.json; "
                                       "imported as GET / (set its method and URL template)")
                                .arg(opFolder));
                Workspace::Operation added;
                added.id = opFolder;
                added.name = opFolder;
                a.operations.append(added);
                it = a.operations.end() - 1;
            }
            it->policy = policy(policyPath);
        }
        return a;
    }

    static QList<Workspace::Operation> operations(const QJsonObject &paths)
    {
        QList<Workspace::Operation> result;
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject methods = path.value().toObject();
            for (auto method = methods.begin(); method != methods.end(); ++method) {
                if (!httpMethods().contains(method.key()))
                    continue;
                const QJsonObject op = method.value().toObject();
                Workspace::Operation operation;
                operation.method = method.key().toUpper();
                operation.urlTemplate = path.key();
                operation.id = op.value(QLatin1String("operationId"))
                                       .toString(method.key() + path.key());
                operation.name = op.value(QLatin1String("summary")).toString(operation.id);
                result.append(operation);
            }
        }
        return result;
    }

    Workspace::Fragment fragment(const QString &folder, const QString &id)
    {
        const QString dir = QStringLiteral("%1/%2/").arg(folder, id);
        const QJsonObject info = takeJson(dir + ApiOpsLayout::fragmentInformation).toObject();
        Workspace::Fragment f;
        f.id = name(info, id);
        f.description = properties(info).value(QLatin1String("description")).toString();
        f.policy = policy(dir + ApiOpsLayout::policyFile);
        return f;
    }

    Workspace::NamedValue namedValue(const QString &folder, const QString &folderName)
    {
        const QString path = QStringLiteral("%1/%2/%3")
                                     .arg(folder, folderName, ApiOpsLayout::namedValueInformation);
        const QJsonObject info = takeJson(path).toObject();
        const QJsonObject props = properties(info);
        Workspace::NamedValue v;
        // Policies reference named values by display name, which the workspace calls name.
        v.name = props.value(QLatin1String("displayName")).toString(name(info, folderName));
        v.value = props.value(QLatin1String("value")).toString();
        v.secret = props.value(QLatin1String("secret")).toBool();
        if (props.contains(QLatin1String("keyVault"))) {
            warning(path,
                    QStringLiteral("deploy.import-keyvault"),
                    QStringLiteral("named value \"%1\" is a Key Vault reference, which the "
                                   "workspace cannot resolve: set a local value to run it")
                            .arg(v.name));
        } else if (v.secret && v.value.isEmpty()) {
            Diagnostic d{Diagnostic::Severity::Info,
                         m_root.filePath(path),
                         {},
                         QStringLiteral("secret named value \"%1\" has no value in the folder; "
                                        "set a local value to run it")
                                 .arg(v.name),
                         QStringLiteral("deploy.import-secret-empty")};
            m_diagnostics.append(d);
        }
        return v;
    }

    void assignProducts(Workspace &w)
    {
        for (const auto &[productId, apiId] : std::as_const(m_productApis)) {
            // A named copy: clang 14 cannot capture a structured binding in a lambda.
            const QString wantedApi = apiId;
            auto it = std::find_if(w.apis.begin(), w.apis.end(), [&](const Workspace::Api &a) {
                return a.id == wantedApi;
            });
            if (it == w.apis.end()) {
                warning(QStringLiteral("%1/%2/%3")
                                .arg(ApiOpsLayout::productsFolder,
                                     productId,
                                     ApiOpsLayout::productApis),
                        QStringLiteral("deploy.import-api-unknown"),
                        QStringLiteral("product \"%1\" lists API \"%2\", which the folder does "
                                       "not contain")
                                .arg(productId, apiId));
                continue;
            }
            it->products.append(productId);
            std::sort(it->products.begin(), it->products.end());
        }
    }

    void reportUnmapped()
    {
        QStringList rest(m_unread.cbegin(), m_unread.cend());
        std::sort(rest.begin(), rest.end());
        for (const QString &path : std::as_const(rest)) {
            warning(path,
                    QStringLiteral("deploy.not-imported"),
                    QStringLiteral("%1 has no place in a designer workspace and was not imported")
                            .arg(path));
        }
    }

    void error(const QString &relativePath,
               const QString &code,
               const QString &message,
               const SourceRange &range = {})
    {
        Diagnostic d = Diagnostic::error(code, message, range);
        d.file = m_root.filePath(relativePath);
        m_diagnostics.append(d);
    }

    void warning(const QString &relativePath, const QString &code, const QString &message)
    {
        Diagnostic d = Diagnostic::warning(code, message, {});
        d.file = m_root.filePath(relativePath);
        m_diagnostics.append(d);
    }

    QDir m_root;
    QSet<QString> m_unread;
    QList<QPair<QString, QString>> m_productApis;
    QList<Diagnostic> m_diagnostics;
};

} // namespace

WorkspaceLoadResult ApiOpsImporter::import(const QString &directory)
{
    return Reader(directory).read();
}
