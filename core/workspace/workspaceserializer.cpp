// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceserializer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

const QLatin1String formatName("apim-designer-workspace");

const QList<QPair<Workspace::MockBackend::Mode, QString>> &mockModeNames()
{
    using Mode = Workspace::MockBackend::Mode;
    static const QList<QPair<Mode, QString>> names = {{Mode::Healthy, QStringLiteral("healthy")},
                                                      {Mode::Status, QStringLiteral("status")},
                                                      {Mode::Latency, QStringLiteral("latency")},
                                                      {Mode::Hang, QStringLiteral("hang")},
                                                      {Mode::Refuse, QStringLiteral("refuse")},
                                                      {Mode::Flap, QStringLiteral("flap")}};
    return names;
}

SourceRange rangeAtOffset(const QByteArray &text, qsizetype offset)
{
    SourcePosition position{1, 1, 0};
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((text.at(i) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    position.offset = offset;
    return {position, position};
}

// Reads the JSON objects into the value type, collecting every problem with its JSON path.
class Reader
{
public:
    Reader(const QString &baseDir, const QString &fileName)
        : m_baseDir(baseDir)
        , m_fileName(fileName)
    {}

    Workspace read(const QJsonObject &root)
    {
        Workspace w;
        if (root.value(QLatin1String("format")).toString() != formatName)
            error(QStringLiteral("format"),
                  QStringLiteral("not an APIM Policy Designer workspace"));
        w.version = root.value(QLatin1String("version")).toInt(0);
        if (w.version < 1 || w.version > Workspace::currentVersion) {
            error(QStringLiteral("version"),
                  QStringLiteral("unsupported version %1 (this build reads 1 to %2)")
                          .arg(w.version)
                          .arg(Workspace::currentVersion));
        }
        w.name = root.value(QLatin1String("name")).toString();
        w.description = root.value(QLatin1String("description")).toString();
        w.global = policy(root.value(QLatin1String("global")).toObject(), QStringLiteral("global"));
        w.products
                = list<Workspace::Product>(root, "products", [&](const QJsonObject &o, auto path) {
                      return Workspace::Product{requiredString(o, "id", path),
                                                o.value(QLatin1String("name")).toString(),
                                                policy(o, path)};
                  });
        w.apis = list<Workspace::Api>(
                root, "apis", [&](const QJsonObject &o, auto path) { return api(o, path); });
        w.fragments = list<Workspace::Fragment>(
                root, "fragments", [&](const QJsonObject &o, auto path) {
                    return Workspace::Fragment{requiredString(o, "id", path),
                                               o.value(QLatin1String("description")).toString(),
                                               policy(o, path)};
                });
        w.namedValues = list<Workspace::NamedValue>(
                root, "namedValues", [&](const QJsonObject &o, auto path) {
                    return Workspace::NamedValue{requiredString(o, "name", path),
                                                 o.value(QLatin1String("value")).toString(),
                                                 o.value(QLatin1String("secret")).toBool()};
                });
        w.backends
                = list<Workspace::Backend>(root, "backends", [&](const QJsonObject &o, auto path) {
                      return backend(o, path);
                  });
        w.regions = list<Workspace::Region>(root, "regions", [&](const QJsonObject &o, auto path) {
            return Workspace::Region{requiredString(o, "name", path), port(o, path)};
        });
        w.mocks = list<Workspace::MockBackend>(
                root, "mocks", [&](const QJsonObject &o, auto path) { return mock(o, path); });
        w.backendMap = list<Workspace::BackendMapping>(
                root, "backendMap", [&](const QJsonObject &o, auto path) {
                    return Workspace::BackendMapping{requiredString(o, "origin", path),
                                                     requiredString(o, "target", path)};
                });
        const QString cache
                = root.value(QLatin1String("cache")).toString(QStringLiteral("per-region"));
        if (cache == QLatin1String("shared"))
            w.cacheMode = Workspace::CacheMode::Shared;
        else if (cache != QLatin1String("per-region"))
            error(QStringLiteral("cache"), QStringLiteral("must be \"per-region\" or \"shared\""));
        const QJsonValue routingValue = root.value(QLatin1String("routing"));
        if (routingValue.isObject())
            w.routing = routing(routingValue.toObject(), w);
        else if (!routingValue.isUndefined())
            error(QStringLiteral("routing"), QStringLiteral("must be an object"));
        checkUnique(w);
        return w;
    }

    QList<Diagnostic> diagnostics;

private:
    template<typename T, typename F>
    QList<T> list(const QJsonObject &parent, const char *key, F readOne)
    {
        QList<T> result;
        const QJsonValue value = parent.value(QLatin1String(key));
        if (value.isUndefined())
            return result;
        if (!value.isArray()) {
            error(QLatin1String(key), QStringLiteral("must be an array"));
            return result;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            if (!array.at(i).isObject()) {
                error(path, QStringLiteral("must be an object"));
                continue;
            }
            result.append(readOne(array.at(i).toObject(), path));
        }
        return result;
    }

    Workspace::Api api(const QJsonObject &o, const QString &path)
    {
        Workspace::Api a;
        a.id = requiredString(o, "id", path);
        a.name = o.value(QLatin1String("name")).toString(a.id);
        a.path = o.value(QLatin1String("path")).toString();
        a.serviceUrl = o.value(QLatin1String("serviceUrl")).toString();
        for (const QJsonValue &product : o.value(QLatin1String("products")).toArray())
            a.products.append(product.toString());
        a.policy = policy(o, path);
        a.operations = list<Workspace::Operation>(
                o, "operations", [&](const QJsonObject &op, const QString &opPath) {
                    Workspace::Operation operation;
                    operation.id = requiredString(op, "id", path + u'.' + opPath);
                    operation.name = op.value(QLatin1String("name")).toString(operation.id);
                    operation.method = op.value(QLatin1String("method"))
                                               .toString(QStringLiteral("GET"))
                                               .toUpper();
                    operation.urlTemplate
                            = op.value(QLatin1String("urlTemplate")).toString(QStringLiteral("/"));
                    if (!operation.urlTemplate.startsWith(u'/'))
                        error(path + u'.' + opPath + QLatin1String(".urlTemplate"),
                              QStringLiteral("must start with /"));
                    operation.policy = policy(op, path + u'.' + opPath);
                    return operation;
                });
        return a;
    }

    Workspace::Backend backend(const QJsonObject &o, const QString &path)
    {
        Workspace::Backend b;
        b.id = requiredString(o, "id", path);
        const QString type = o.value(QLatin1String("type")).toString(QStringLiteral("single"));
        if (type == QLatin1String("pool"))
            b.type = Workspace::Backend::Type::Pool;
        else if (type != QLatin1String("single"))
            error(path + QLatin1String(".type"), QStringLiteral("must be \"single\" or \"pool\""));
        b.url = o.value(QLatin1String("url")).toString();
        if (b.type == Workspace::Backend::Type::Single && b.url.isEmpty())
            error(path + QLatin1String(".url"), QStringLiteral("a single backend needs a url"));
        b.members = list<Workspace::PoolMember>(
                o, "members", [&](const QJsonObject &m, const QString &mPath) {
                    return Workspace::PoolMember{
                            requiredString(m, "backendId", path + u'.' + mPath),
                            m.value(QLatin1String("priority")).toInt(1),
                            m.value(QLatin1String("weight")).toInt(1)};
                });
        const QJsonValue breaker = o.value(QLatin1String("circuitBreaker"));
        if (breaker.isObject()) {
            b.hasCircuitBreaker = true;
            b.circuitBreaker = circuitBreaker(breaker.toObject());
        }
        return b;
    }

    static Workspace::CircuitBreaker circuitBreaker(const QJsonObject &o)
    {
        Workspace::CircuitBreaker c;
        c.failureCount = o.value(QLatin1String("failureCount")).toInt(0);
        c.failurePercentage = o.value(QLatin1String("failurePercentage")).toInt(0);
        c.intervalSeconds = o.value(QLatin1String("intervalSeconds")).toInt(60);
        c.tripDurationSeconds = o.value(QLatin1String("tripDurationSeconds")).toInt(60);
        c.acceptRetryAfter = o.value(QLatin1String("acceptRetryAfter")).toBool();
        if (o.contains(QLatin1String("statusRanges"))) {
            c.statusRanges.clear();
            for (const QJsonValue &range : o.value(QLatin1String("statusRanges")).toArray()) {
                const QJsonArray pair = range.toArray();
                c.statusRanges.append({pair.at(0).toInt(), pair.at(1).toInt(pair.at(0).toInt())});
            }
        }
        return c;
    }

    Workspace::MockBackend mock(const QJsonObject &o, const QString &path)
    {
        Workspace::MockBackend m;
        m.name = requiredString(o, "name", path);
        m.region = o.value(QLatin1String("region")).toString();
        m.port = port(o, path);
        const QString mode = o.value(QLatin1String("mode")).toString(QStringLiteral("healthy"));
        const auto &names = mockModeNames();
        const auto it = std::find_if(
                names.cbegin(), names.cend(), [&](const auto &p) { return p.second == mode; });
        if (it == names.cend())
            error(path + QLatin1String(".mode"),
                  QStringLiteral("unknown mock mode \"%1\"").arg(mode));
        else
            m.mode = it->first;
        m.status = o.value(QLatin1String("status"))
                           .toInt(m.mode == Workspace::MockBackend::Mode::Healthy ? 200 : 500);
        m.latencyMs = o.value(QLatin1String("latencyMs")).toInt(0);
        m.flapEvery = o.value(QLatin1String("flapEvery")).toInt(0);
        m.flapForMs = o.value(QLatin1String("flapForMs")).toInt(0);
        return m;
    }

    // The routing object is the table's JSON plus the id of the API whose policy it generates.
    Workspace::Routing routing(const QJsonObject &o, const Workspace &w)
    {
        const QString path = QStringLiteral("routing");
        Workspace::Routing r{requiredString(o, "api", path), {}};
        if (!r.apiId.isEmpty() && !w.api(r.apiId))
            error(path + QLatin1String(".api"), QStringLiteral("no API \"%1\"").arg(r.apiId));
        QList<Diagnostic> problems;
        r.table = RoutingTable::fromJson(o, &problems);
        for (const Diagnostic &problem : problems)
            error(path, problem.message);
        return r;
    }

    int port(const QJsonObject &o, const QString &path)
    {
        const int value = o.value(QLatin1String("port")).toInt(0);
        if (value < 0 || value > 65535)
            error(path + QLatin1String(".port"), QStringLiteral("must be 0 to 65535"));
        return value;
    }

    Workspace::PolicySource policy(const QJsonObject &o, const QString &path)
    {
        Workspace::PolicySource source;
        source.xml = o.value(QLatin1String("policy")).toString();
        source.file = o.value(QLatin1String("policyFile")).toString();
        if (source.file.isEmpty())
            return source;
        QFile file(QDir(m_baseDir).filePath(source.file));
        if (!file.open(QIODevice::ReadOnly)) {
            error(path + QLatin1String(".policyFile"),
                  QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return source;
        }
        source.xml = QString::fromUtf8(file.readAll());
        return source;
    }

    QString requiredString(const QJsonObject &o, const char *key, const QString &path)
    {
        const QString value = o.value(QLatin1String(key)).toString();
        if (value.isEmpty())
            error(path + u'.' + QLatin1String(key), QStringLiteral("is required"));
        return value;
    }

    void checkUnique(const Workspace &w)
    {
        auto check = [&](const QString &what, const QList<QString> &ids) {
            QSet<QString> seen;
            for (const QString &id : ids) {
                if (!id.isEmpty() && seen.contains(id))
                    error(what, QStringLiteral("\"%1\" is defined twice").arg(id));
                seen.insert(id);
            }
        };
        auto ids = [](const auto &list, auto field) {
            QList<QString> result;
            for (const auto &item : list)
                result.append(item.*field);
            return result;
        };
        check(QStringLiteral("apis"), ids(w.apis, &Workspace::Api::id));
        check(QStringLiteral("products"), ids(w.products, &Workspace::Product::id));
        check(QStringLiteral("fragments"), ids(w.fragments, &Workspace::Fragment::id));
        check(QStringLiteral("namedValues"), ids(w.namedValues, &Workspace::NamedValue::name));
        check(QStringLiteral("backends"), ids(w.backends, &Workspace::Backend::id));
        check(QStringLiteral("regions"), ids(w.regions, &Workspace::Region::name));
        check(QStringLiteral("mocks"), ids(w.mocks, &Workspace::MockBackend::name));
    }

    void error(const QString &path, const QString &message)
    {
        Diagnostic d = Diagnostic::error(
                QStringLiteral("workspace.invalid"), path + QLatin1String(": ") + message, {});
        d.file = m_fileName;
        diagnostics.append(d);
    }

    QString m_baseDir;
    QString m_fileName;
};

QJsonObject policyJson(const Workspace::PolicySource &source)
{
    QJsonObject o;
    if (!source.file.isEmpty())
        o.insert(QLatin1String("policyFile"), source.file);
    else if (!source.xml.isEmpty())
        o.insert(QLatin1String("policy"), source.xml);
    return o;
}

QJsonObject merged(QJsonObject base, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QJsonObject apiJson(const Workspace::Api &a)
{
    QJsonArray operations;
    for (const Workspace::Operation &op : a.operations) {
        operations.append(merged(QJsonObject{{QLatin1String("id"), op.id},
                                             {QLatin1String("name"), op.name},
                                             {QLatin1String("method"), op.method},
                                             {QLatin1String("urlTemplate"), op.urlTemplate}},
                                 policyJson(op.policy)));
    }
    QJsonObject o{{QLatin1String("id"), a.id},
                  {QLatin1String("name"), a.name},
                  {QLatin1String("path"), a.path},
                  {QLatin1String("serviceUrl"), a.serviceUrl},
                  {QLatin1String("products"), QJsonArray::fromStringList(a.products)},
                  {QLatin1String("operations"), operations}};
    return merged(o, policyJson(a.policy));
}

QJsonObject backendJson(const Workspace::Backend &b)
{
    QJsonObject o{{QLatin1String("id"), b.id},
                  {QLatin1String("type"),
                   b.type == Workspace::Backend::Type::Pool ? QStringLiteral("pool")
                                                            : QStringLiteral("single")}};
    if (!b.url.isEmpty())
        o.insert(QLatin1String("url"), b.url);
    if (!b.members.isEmpty()) {
        QJsonArray members;
        for (const Workspace::PoolMember &m : b.members) {
            members.append(QJsonObject{{QLatin1String("backendId"), m.backendId},
                                       {QLatin1String("priority"), m.priority},
                                       {QLatin1String("weight"), m.weight}});
        }
        o.insert(QLatin1String("members"), members);
    }
    if (b.hasCircuitBreaker) {
        const Workspace::CircuitBreaker &c = b.circuitBreaker;
        QJsonArray ranges;
        for (const auto &range : c.statusRanges)
            ranges.append(QJsonArray{range.first, range.second});
        o.insert(QLatin1String("circuitBreaker"),
                 QJsonObject{{QLatin1String("failureCount"), c.failureCount},
                             {QLatin1String("failurePercentage"), c.failurePercentage},
                             {QLatin1String("intervalSeconds"), c.intervalSeconds},
                             {QLatin1String("statusRanges"), ranges},
                             {QLatin1String("tripDurationSeconds"), c.tripDurationSeconds},
                             {QLatin1String("acceptRetryAfter"), c.acceptRetryAfter}});
    }
    return o;
}

QJsonObject mockJson(const Workspace::MockBackend &m)
{
    const auto &names = mockModeNames();
    const auto it = std::find_if(
            names.cbegin(), names.cend(), [&](const auto &p) { return p.first == m.mode; });
    return QJsonObject{{QLatin1String("name"), m.name},
                       {QLatin1String("region"), m.region},
                       {QLatin1String("port"), m.port},
                       {QLatin1String("mode"), it->second},
                       {QLatin1String("status"), m.status},
                       {QLatin1String("latencyMs"), m.latencyMs},
                       {QLatin1String("flapEvery"), m.flapEvery},
                       {QLatin1String("flapForMs"), m.flapForMs}};
}

template<typename List, typename F>
QJsonArray arrayOf(const List &list, F toJson)
{
    QJsonArray array;
    for (const auto &item : list)
        array.append(toJson(item));
    return array;
}

QString writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QStringLiteral("cannot create the folder of %1").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QList<const Workspace::PolicySource *> filePolicies(const Workspace &w)
{
    QList<const Workspace::PolicySource *> result{&w.global};
    for (const auto &p : w.products)
        result.append(&p.policy);
    for (const auto &a : w.apis) {
        result.append(&a.policy);
        for (const auto &op : a.operations)
            result.append(&op.policy);
    }
    for (const auto &f : w.fragments)
        result.append(&f.policy);
    result.removeIf([](const Workspace::PolicySource *s) { return s->file.isEmpty(); });
    return result;
}

} // namespace

WorkspaceLoadResult WorkspaceSerializer::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceLoadResult result;
        Diagnostic d = Diagnostic::error(
                QStringLiteral("workspace.unreadable"),
                QStringLiteral("cannot read workspace: %1").arg(file.errorString()),
                {});
        d.file = path;
        result.diagnostics.append(d);
        return result;
    }
    return fromJson(file.readAll(), QFileInfo(path).absolutePath(), path);
}

WorkspaceLoadResult WorkspaceSerializer::fromJson(const QByteArray &json,
                                                  const QString &baseDir,
                                                  const QString &fileName)
{
    WorkspaceLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString message = parseError.error != QJsonParseError::NoError
                                        ? parseError.errorString()
                                        : QStringLiteral("a workspace is a JSON object");
        Diagnostic d = Diagnostic::error(
                QStringLiteral("workspace.json"), message, rangeAtOffset(json, parseError.offset));
        d.file = fileName;
        result.diagnostics.append(d);
        return result;
    }
    Reader reader(baseDir, fileName);
    result.workspace = reader.read(document.object());
    result.diagnostics = reader.diagnostics;
    return result;
}

QByteArray WorkspaceSerializer::toJson(const Workspace &w)
{
    QJsonObject root{{QLatin1String("format"), formatName},
                     {QLatin1String("version"), w.version},
                     {QLatin1String("name"), w.name},
                     {QLatin1String("description"), w.description},
                     {QLatin1String("global"), policyJson(w.global)},
                     {QLatin1String("cache"),
                      w.cacheMode == Workspace::CacheMode::Shared ? QStringLiteral("shared")
                                                                  : QStringLiteral("per-region")}};
    root.insert(QLatin1String("products"), arrayOf(w.products, [](const Workspace::Product &p) {
                    return merged(QJsonObject{{QLatin1String("id"), p.id},
                                              {QLatin1String("name"), p.name}},
                                  policyJson(p.policy));
                }));
    root.insert(QLatin1String("apis"), arrayOf(w.apis, apiJson));
    root.insert(QLatin1String("fragments"), arrayOf(w.fragments, [](const Workspace::Fragment &f) {
                    return merged(QJsonObject{{QLatin1String("id"), f.id},
                                              {QLatin1String("description"), f.description}},
                                  policyJson(f.policy));
                }));
    root.insert(QLatin1String("namedValues"),
                arrayOf(w.namedValues, [](const Workspace::NamedValue &v) {
                    return QJsonObject{{QLatin1String("name"), v.name},
                                       {QLatin1String("value"), v.value},
                                       {QLatin1String("secret"), v.secret}};
                }));
    root.insert(QLatin1String("backends"), arrayOf(w.backends, backendJson));
    root.insert(QLatin1String("regions"), arrayOf(w.regions, [](const Workspace::Region &r) {
                    return QJsonObject{{QLatin1String("name"), r.name},
                                       {QLatin1String("port"), r.port}};
                }));
    root.insert(QLatin1String("mocks"), arrayOf(w.mocks, mockJson));
    root.insert(QLatin1String("backendMap"),
                arrayOf(w.backendMap, [](const Workspace::BackendMapping &m) {
                    return QJsonObject{{QLatin1String("origin"), m.origin},
                                       {QLatin1String("target"), m.target}};
                }));
    if (w.routing) {
        root.insert(QLatin1String("routing"),
                    merged(QJsonObject{{QLatin1String("api"), w.routing->apiId}},
                           w.routing->table.toJson()));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString WorkspaceSerializer::save(const Workspace &workspace, const QString &path)
{
    const QDir baseDir = QFileInfo(path).absoluteDir();
    for (const Workspace::PolicySource *source : filePolicies(workspace)) {
        const QString error = writeAtomically(baseDir.filePath(source->file), source->xml.toUtf8());
        if (!error.isEmpty())
            return error;
    }
    return writeAtomically(path, toJson(workspace));
}
