// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressiontypechecker.h"

#include "expressionnames.h"

#include <QSet>

using Node = ExpressionNode;
using N = ExpressionNames;

namespace {

bool isPrimitive(const QString &type)
{
    static const QSet<QString> primitives = {QStringLiteral("Int32"),
                                             QStringLiteral("Int64"),
                                             QStringLiteral("Double"),
                                             QStringLiteral("Decimal"),
                                             QStringLiteral("Boolean"),
                                             QStringLiteral("Char")};
    return primitives.contains(type);
}

// C# spelling in messages, as the C# compiler writes it ("'int' does not contain ...").
QString displayName(const QString &type)
{
    static const QHash<QString, QString> keywords
            = {{QStringLiteral("Int32"), QStringLiteral("int")},
               {QStringLiteral("Int64"), QStringLiteral("long")},
               {QStringLiteral("Double"), QStringLiteral("double")},
               {QStringLiteral("Decimal"), QStringLiteral("decimal")},
               {QStringLiteral("Boolean"), QStringLiteral("bool")},
               {QStringLiteral("Char"), QStringLiteral("char")},
               {QStringLiteral("String"), QStringLiteral("string")}};
    return keywords.value(type, type);
}

// Members every value has (System.Object, Nullable<T>).
bool isObjectMember(const QString &name, bool invoked)
{
    static const QSet<QString> methods = {QStringLiteral("ToString"),
                                          QStringLiteral("Equals"),
                                          QStringLiteral("GetHashCode"),
                                          QStringLiteral("GetType"),
                                          QStringLiteral("CompareTo")};
    static const QSet<QString> properties = {QStringLiteral("Value"), QStringLiteral("HasValue")};
    return invoked ? methods.contains(name) : properties.contains(name);
}

// String instance methods the library implements, its LINQ over characters included.
bool isStringMethod(const QString &name)
{
    static const QSet<QString> methods = {"Aggregate",
                                          "All",
                                          "Any",
                                          "Append",
                                          "AsBasic",
                                          "AsEnumerable",
                                          "AsJwt",
                                          "Average",
                                          "Cast",
                                          "Concat",
                                          "Contains",
                                          "Count",
                                          "DefaultIfEmpty",
                                          "Distinct",
                                          "ElementAt",
                                          "ElementAtOrDefault",
                                          "EndsWith",
                                          "Except",
                                          "First",
                                          "FirstOrDefault",
                                          "IndexOf",
                                          "IndexOfAny",
                                          "Insert",
                                          "Intersect",
                                          "Last",
                                          "LastIndexOf",
                                          "LastOrDefault",
                                          "Max",
                                          "Min",
                                          "OfType",
                                          "OrderBy",
                                          "OrderByDescending",
                                          "PadLeft",
                                          "PadRight",
                                          "Prepend",
                                          "Remove",
                                          "Replace",
                                          "Reverse",
                                          "Select",
                                          "SelectMany",
                                          "SequenceEqual",
                                          "Single",
                                          "SingleOrDefault",
                                          "Skip",
                                          "Split",
                                          "StartsWith",
                                          "Substring",
                                          "Sum",
                                          "Take",
                                          "ToArray",
                                          "ToCharArray",
                                          "ToDictionary",
                                          "ToList",
                                          "ToLower",
                                          "ToLowerInvariant",
                                          "ToUpper",
                                          "ToUpperInvariant",
                                          "Trim",
                                          "TrimEnd",
                                          "TrimStart",
                                          "TryParseBasic",
                                          "TryParseJwt",
                                          "Union",
                                          "Where"};
    return methods.contains(name);
}

// The properties of the context model types, as the interpreter reads them.
const QSet<QString> *modelProperties(const QString &type)
{
    static const QSet<QString> request = {"Method",
                                          "Url",
                                          "OriginalUrl",
                                          "Headers",
                                          "Body",
                                          "IpAddress",
                                          "MatchedParameters",
                                          "Certificate"};
    static const QSet<QString> response = {"StatusCode", "StatusReason", "Headers", "Body"};
    static const QSet<QString> url = {"Scheme", "Host", "Port", "Path", "Query", "QueryString"};
    if (type == u"IRequest")
        return &request;
    if (type == u"IResponse")
        return &response;
    if (type == u"IUrl")
        return &url;
    return nullptr;
}

QString literalType(const Value &v)
{
    switch (v.type()) {
    case Value::Type::String:
        return QStringLiteral("String");
    case Value::Type::Int32:
        return QStringLiteral("Int32");
    case Value::Type::Int64:
        return QStringLiteral("Int64");
    case Value::Type::Double:
        return QStringLiteral("Double");
    case Value::Type::Decimal:
        return QStringLiteral("Decimal");
    case Value::Type::Bool:
        return QStringLiteral("Boolean");
    case Value::Type::Char:
        return QStringLiteral("Char");
    default:
        return QString();
    }
}

QString declaredType(const ExpressionType &type)
{
    if (!type.isValid() || type.nullable || type.isArray() || !type.arguments.isEmpty())
        return QString();
    return type.name == u"String" || isPrimitive(type.name) ? type.name : QString();
}

} // namespace

ExpressionTypeChecker::ExpressionTypeChecker(const QString &code)
    : m_code(code)
{}

std::optional<ExpressionTypeChecker::Error> ExpressionTypeChecker::check(const ExpressionNode &root)
{
    visit(&root);
    return m_error;
}

void ExpressionTypeChecker::visit(const Node *n)
{
    if (!n || m_error)
        return;
    for (const auto &child : n->children)
        visit(child.get());
    for (const auto &child : n->initializer)
        visit(child.get());
    if (m_error)
        return;
    if (n->kind == Node::Kind::Declare && n->id >= 0) {
        // Children are checked first, so the initialiser's type is known when the slot is typed.
        const QString type = n->type.isValid()
                                     ? declaredType(n->type)
                                     : (n->children.empty() ? QString() : typeOf(n->child(0)));
        m_locals.insert(n->id, type);
        return;
    }
    if (n->kind == Node::Kind::Member || n->kind == Node::Kind::Call)
        checkMember(n);
}

void ExpressionTypeChecker::checkMember(const Node *n)
{
    if (n->children.empty() || !n->child(0))
        return;
    const Node *receiverNode = n->child(0);
    if (receiverNode->kind == Node::Kind::Context || receiverNode->kind == Node::Kind::TypeRef)
        return;
    const QString receiver = typeOf(receiverNode);
    if (receiver.isEmpty())
        return;
    const bool invoked = n->kind == Node::Kind::Call;
    if (isObjectMember(n->name, invoked))
        return;
    bool known = true;
    if (isPrimitive(receiver))
        known = false;
    else if (receiver == u"String")
        known = invoked ? isStringMethod(n->name) : n->name == u"Length";
    else if (const QSet<QString> *properties = modelProperties(receiver))
        known = !invoked && properties->contains(n->name);
    if (!known)
        fail(n,
             QStringLiteral("'%1' does not contain a definition for '%2'")
                     .arg(displayName(receiver), n->name));
}

void ExpressionTypeChecker::fail(const Node *n, const QString &message)
{
    // The member's name follows its receiver ("x.Name", "x?.Name").
    const Node *receiver = n->child(0);
    qsizetype at = m_code.indexOf(n->name, receiver->offset + receiver->length);
    if (at < 0)
        at = n->offset;
    m_error = Error{at, n->name.size(), message};
}

QString ExpressionTypeChecker::typeOf(const Node *n)
{
    if (!n)
        return QString();
    switch (n->kind) {
    case Node::Kind::Literal:
        return literalType(n->literal);
    case Node::Kind::Local:
        return m_locals.value(n->id);
    case Node::Kind::Interpolated:
        return QStringLiteral("String");
    case Node::Kind::Cast:
        return declaredType(n->type);
    case Node::Kind::Is:
    case Node::Kind::AndAlso:
    case Node::Kind::OrElse:
        return QStringLiteral("Boolean");
    case Node::Kind::Unary:
        return n->name == u"!" ? QStringLiteral("Boolean") : QString();
    case Node::Kind::Binary: {
        static const QSet<QString> comparisons = {"==", "!=", "<", ">", "<=", ">="};
        if (comparisons.contains(n->name))
            return QStringLiteral("Boolean");
        const QString left = typeOf(n->child(0));
        const QString right = typeOf(n->child(1));
        if (n->name == u"+" && (left == u"String" || right == u"String"))
            return QStringLiteral("String");
        if (left == u"Int32" && right == u"Int32"
            && QStringList{"+", "-", "*", "/", "%"}.contains(n->name))
            return left;
        return QString();
    }
    case Node::Kind::Conditional: {
        const QString whenTrue = typeOf(n->child(1));
        return whenTrue == typeOf(n->child(2)) ? whenTrue : QString();
    }
    case Node::Kind::Member:
        if (n->flag)
            return QString(); // ?. makes value types nullable
        if (n->child(0)->kind == Node::Kind::Context) {
            if (n->id == N::Request)
                return QStringLiteral("IRequest");
            if (n->id == N::Response)
                return QStringLiteral("IResponse");
            return QString();
        }
        return memberType(typeOf(n->child(0)), n);
    case Node::Kind::Call:
        if (n->flag || !n->child(0))
            return QString();
        if (n->name == u"GetValueOrDefault" && n->typeArguments.size() == 1)
            return declaredType(n->typeArguments.first());
        return callType(n->child(0)->kind == Node::Kind::TypeRef ? QString() : typeOf(n->child(0)),
                        n);
    default:
        return QString();
    }
}

QString ExpressionTypeChecker::memberType(const QString &receiver, const Node *n) const
{
    if (receiver == u"IRequest" || receiver == u"IResponse") {
        switch (n->id) {
        case N::StatusCode:
            return QStringLiteral("Int32");
        case N::StatusReason:
        case N::Method:
        case N::IpAddress:
            return QStringLiteral("String");
        case N::Url:
        case N::OriginalUrl:
            return QStringLiteral("IUrl");
        default:
            return QString();
        }
    }
    if (receiver == u"IUrl") {
        if (n->id == N::Port)
            return QStringLiteral("Int32");
        if (n->id == N::Host || n->id == N::Path || n->id == N::Scheme || n->id == N::QueryString)
            return QStringLiteral("String");
        return QString();
    }
    if (receiver == u"String" && n->name == u"Length")
        return QStringLiteral("Int32");
    return QString();
}

QString ExpressionTypeChecker::callType(const QString &receiver, const Node *n) const
{
    if (receiver.isEmpty())
        return QString();
    if (n->name == u"ToString")
        return QStringLiteral("String");
    if (receiver != u"String")
        return QString();
    static const QSet<QString> strings = {"ToUpper",
                                          "ToLower",
                                          "ToUpperInvariant",
                                          "ToLowerInvariant",
                                          "Trim",
                                          "TrimStart",
                                          "TrimEnd",
                                          "Substring",
                                          "Replace",
                                          "PadLeft",
                                          "PadRight",
                                          "Insert",
                                          "Remove"};
    static const QSet<QString> booleans = {"Contains", "StartsWith", "EndsWith", "Equals"};
    static const QSet<QString> integers = {"IndexOf", "LastIndexOf", "IndexOfAny", "CompareTo"};
    if (strings.contains(n->name))
        return QStringLiteral("String");
    if (booleans.contains(n->name))
        return QStringLiteral("Boolean");
    if (integers.contains(n->name))
        return QStringLiteral("Int32");
    return QString();
}
