// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncompiler.h"

#include "expressionlexer.h"
#include "expressionlibrary.h"
#include "expressionnames.h"
#include "expressiontypechecker.h"

#include <QHash>
#include <QSet>

namespace {

using Node = ExpressionNode;
using NodePtr = std::unique_ptr<ExpressionNode>;
using Tok = ExpressionToken;

// What parsing produces besides the tree; shared with the sub-parsers of interpolation holes.
struct ParseOutput
{
    std::vector<std::unique_ptr<ExpressionFunction>> functions;
    int slotCount = 0;
};

struct CompileError
{
    qsizetype offset;
    qsizetype length;
    QString message;
    QString code;
};

// Recursive-descent parser for the C# subset; resolves names while parsing (locals to slots,
// members to ids, types to known .NET types). Hand-written: C# has no parser in Debian usable from
// C++, and APIM needs only expressions and method-body statements.
class Parser
{
public:
    Parser(const QString &code, qsizetype base, ParseOutput *out)
        : m_out(out)
    {
        m_tokens = ExpressionLexer::tokenize(code, base);
    }

    NodePtr parseExpressionBody()
    {
        pushScope();
        const Tok first = peek();
        NodePtr e = expression();
        if (peek().kind != Tok::Kind::End)
            failExpected(u")");
        if (e->kind == Node::Kind::Lambda)
            fail(first,
                 QStringLiteral("Cannot convert lambda expression to type 'object' because it is "
                                "not a delegate type"));
        popScope();
        resolvePendingCalls();
        return e;
    }

    NodePtr parseStatementBody()
    {
        pushScope();
        auto block = makeNode(Node::Kind::Block, peek());
        while (peek().kind != Tok::Kind::End)
            block->children.push_back(statement());
        popScope();
        resolvePendingCalls();
        if (!alwaysExits(block.get()))
            throw CompileError{lastEnd(),
                               0,
                               QStringLiteral("Not all code paths return a value"),
                               QStringLiteral("expr.missing-return")};
        return block;
    }

private:
    // ---- tokens ----
    const Tok &peek(qsizetype ahead = 0) const
    {
        const qsizetype i = qMin(m_pos + ahead, m_tokens.size() - 1);
        return m_tokens.at(i);
    }
    Tok take()
    {
        const Tok &t = peek();
        if (t.kind == Tok::Kind::Error)
            throw CompileError{
                    t.offset, qMax<qsizetype>(1, t.length), t.text, QStringLiteral("expr.lexical")};
        if (m_pos < m_tokens.size() - 1)
            ++m_pos;
        return t;
    }
    bool accept(QStringView punct)
    {
        if (peek().is(punct)) {
            take();
            return true;
        }
        return false;
    }
    bool acceptWord(QStringView word)
    {
        if (peek().isIdentifier(word)) {
            take();
            return true;
        }
        return false;
    }
    static QString syntaxExpected(const QString &what)
    {
        return QStringLiteral("Syntax error, '%1' expected").arg(what);
    }
    [[noreturn]] void fail(const Tok &t,
                           const QString &message,
                           const QString &code = QStringLiteral("expr.syntax"))
    {
        if (t.kind == Tok::Kind::Error)
            throw CompileError{
                    t.offset, qMax<qsizetype>(1, t.length), t.text, QStringLiteral("expr.lexical")};
        if (t.kind == Tok::Kind::End)
            throw CompileError{
                    t.offset, 0, QStringLiteral("Unexpected end of expression: ") + message, code};
        throw CompileError{t.offset, qMax<qsizetype>(1, t.length), message, code};
    }
    void expect(QStringView punct)
    {
        if (!accept(punct))
            failExpected(punct);
    }
    [[noreturn]] void failExpected(QStringView punct)
    {
        const Tok &t = peek();
        if (t.kind == Tok::Kind::Error)
            fail(t, t.text);
        const QString found = t.kind == Tok::Kind::String ? QStringLiteral("string literal")
                              : t.kind == Tok::Kind::End  ? QStringLiteral("end of expression")
                                                         : QStringLiteral("'%1'").arg(tokenText(t));
        fail(t, QStringLiteral("Syntax error, '%1' expected, found %2").arg(punct, found));
    }
    QString tokenText(const Tok &t) const
    {
        switch (t.kind) {
        case Tok::Kind::Integer:
            return QString::number(t.integer);
        case Tok::Kind::Real:
            return QString::number(t.real);
        default:
            return t.text;
        }
    }
    Tok expectIdentifier()
    {
        const Tok &t = peek();
        if (t.kind != Tok::Kind::Identifier || ExpressionLexer::isKeyword(t.text))
            fail(t, QStringLiteral("Identifier expected"));
        return take();
    }

    NodePtr makeNode(Node::Kind kind, const Tok &at)
    {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->offset = at.offset;
        n->length = at.length;
        return n;
    }
    void extend(Node *n, qsizetype endOffset)
    {
        n->length = qMax(n->length, endOffset - n->offset);
    }
    qsizetype lastEnd() const
    {
        const Tok &t = m_tokens.at(qMax<qsizetype>(0, m_pos - 1));
        return t.offset + t.length;
    }

    // ---- scopes ----
    void pushScope() { m_scopes.emplace_back(); }
    void popScope() { m_scopes.pop_back(); }
    int declare(const Tok &name)
    {
        for (const auto &scope : m_scopes) {
            if (scope.contains(name.text))
                fail(name,
                     QStringLiteral("A local variable named '%1' is already defined in this scope")
                             .arg(name.text),
                     QStringLiteral("expr.duplicate-local"));
        }
        const int slot = m_out->slotCount++;
        m_scopes.back().insert(name.text, slot);
        return slot;
    }
    int lookup(const QString &name) const
    {
        for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
            const auto found = it->constFind(name);
            if (found != it->constEnd())
                return *found;
        }
        return -1;
    }

    // ---- types ----
    // Parses a type at the current position without consuming it on failure.
    bool tryType(ExpressionType *type, bool allowUnknown = false)
    {
        const qsizetype save = m_pos;
        if (parseType(type, allowUnknown))
            return true;
        m_pos = save;
        return false;
    }
    bool parseType(ExpressionType *type, bool allowUnknown)
    {
        if (peek().kind != Tok::Kind::Identifier)
            return false;
        QString dotted = take().text;
        while (peek().is(u".") && peek(1).kind == Tok::Kind::Identifier
               && ExpressionNames::isNamespace(dotted)) {
            take();
            dotted += u'.' + take().text;
        }
        QString name = ExpressionNames::typeName(dotted);
        if (name.isEmpty()) {
            if (!allowUnknown || dotted.contains(u'.') || ExpressionLexer::isKeyword(dotted))
                return false;
            name = dotted;
        }
        type->name = name;
        if (peek().is(u"<")) {
            take();
            do {
                ExpressionType arg;
                if (!parseType(&arg, allowUnknown))
                    return false;
                type->arguments.append(arg);
            } while (accept(u","));
            if (!accept(u">"))
                return false;
        }
        const bool declaresNullable
                = peek(1).kind == Tok::Kind::Identifier
                  && (peek(2).is(u"=") || peek(2).is(u";") || peek(2).is(u",") || peek(2).is(u")"));
        if (peek().is(u"?") && (!isExpressionStart(peek(1)) || declaresNullable)) {
            take();
            type->nullable = true;
        }
        while (peek().is(u"[") && peek(1).is(u"]")) {
            take();
            take();
            ++type->arrayRank;
        }
        return true;
    }
    static bool isExpressionStart(const Tok &t)
    {
        switch (t.kind) {
        case Tok::Kind::Identifier:
            return !(t.text == u"is" || t.text == u"as" || t.text == u"in");
        case Tok::Kind::Integer:
        case Tok::Kind::Real:
        case Tok::Kind::String:
        case Tok::Kind::Char:
        case Tok::Kind::Interpolated:
            return true;
        case Tok::Kind::Punct:
            return t.text == u"(" || t.text == u"!" || t.text == u"~" || t.text == u"-"
                   || t.text == u"+";
        default:
            return false;
        }
    }

    // ---- statements ----
    NodePtr block()
    {
        const Tok open = peek();
        expect(u"{");
        auto n = makeNode(Node::Kind::Block, open);
        pushScope();
        while (!peek().is(u"}")) {
            if (peek().kind == Tok::Kind::End)
                fail(peek(), syntaxExpected(QStringLiteral("}")));
            n->children.push_back(statement());
        }
        take();
        popScope();
        extend(n.get(), lastEnd());
        return n;
    }

    NodePtr embeddedStatement()
    {
        pushScope();
        NodePtr s = statement();
        popScope();
        return s;
    }

    NodePtr statement()
    {
        ++m_steps;
        const Tok t = peek();
        if (t.is(u"{"))
            return block();
        if (t.is(u";")) {
            take();
            return makeNode(Node::Kind::Empty, t);
        }
        if (t.kind == Tok::Kind::Identifier) {
            const QString &w = t.text;
            if (w == u"if")
                return ifStatement();
            if (w == u"while") {
                take();
                auto n = makeNode(Node::Kind::While, t);
                expect(u"(");
                n->children.push_back(expression());
                expect(u")");
                ++m_loopDepth;
                n->children.push_back(embeddedStatement());
                --m_loopDepth;
                return n;
            }
            if (w == u"do") {
                take();
                auto n = makeNode(Node::Kind::DoWhile, t);
                ++m_loopDepth;
                n->children.push_back(embeddedStatement());
                --m_loopDepth;
                if (!acceptWord(u"while"))
                    fail(peek(), syntaxExpected(QStringLiteral("while")));
                expect(u"(");
                n->children.push_back(expression());
                expect(u")");
                expect(u";");
                return n;
            }
            if (w == u"for")
                return forStatement();
            if (w == u"foreach")
                return foreachStatement();
            if (w == u"return") {
                take();
                auto n = makeNode(Node::Kind::Return, t);
                if (!peek().is(u";"))
                    n->children.push_back(expression());
                expect(u";");
                extend(n.get(), lastEnd());
                return n;
            }
            if (w == u"break" || w == u"continue") {
                take();
                if (m_loopDepth == 0)
                    fail(t, QStringLiteral("No enclosing loop out of which to break or continue"));
                expect(u";");
                return makeNode(w == u"break" ? Node::Kind::Break : Node::Kind::Continue, t);
            }
            if (w == u"throw") {
                take();
                auto n = makeNode(Node::Kind::Throw, t);
                if (!peek().is(u";"))
                    n->children.push_back(expression());
                expect(u";");
                extend(n.get(), lastEnd());
                return n;
            }
            if (w == u"try")
                return tryStatement();
            if (w == u"using")
                return usingStatement();
            if ((w == u"unchecked" || w == u"checked") && peek(1).is(u"{")) {
                take();
                return block();
            }
            if (w == u"const") {
                take();
                return declaration(true);
            }
            if (w == u"switch" || w == u"goto" || w == u"lock" || w == u"yield" || w == u"fixed"
                || w == u"unsafe")
                fail(t,
                     QStringLiteral("'%1' statements are not supported in policy expressions")
                             .arg(w),
                     QStringLiteral("expr.unsupported"));
            if (NodePtr d = tryDeclaration())
                return d;
        }
        auto n = makeNode(Node::Kind::ExprStmt, t);
        n->children.push_back(expression());
        const Node::Kind k = n->children[0]->kind;
        if (k != Node::Kind::Assign && k != Node::Kind::Call && k != Node::Kind::LocalCall
            && k != Node::Kind::Increment && k != Node::Kind::New)
            fail(t,
                 QStringLiteral("Only assignment, call, increment, decrement, and new object "
                                "expressions can be used as a statement"),
                 QStringLiteral("expr.invalid-statement"));
        expect(u";");
        extend(n.get(), lastEnd());
        return n;
    }

    NodePtr ifStatement()
    {
        const Tok t = take();
        auto n = makeNode(Node::Kind::If, t);
        expect(u"(");
        n->children.push_back(expression());
        expect(u")");
        n->children.push_back(embeddedStatement());
        if (acceptWord(u"else"))
            n->children.push_back(embeddedStatement());
        return n;
    }

    NodePtr forStatement()
    {
        const Tok t = take();
        auto n = makeNode(Node::Kind::For, t);
        expect(u"(");
        pushScope();
        auto init = makeNode(Node::Kind::Block, peek());
        if (!peek().is(u";")) {
            if (NodePtr d = tryDeclaration(false)) {
                init->children.push_back(std::move(d));
            } else {
                do {
                    auto s = makeNode(Node::Kind::ExprStmt, peek());
                    s->children.push_back(expression());
                    init->children.push_back(std::move(s));
                } while (accept(u","));
            }
        }
        expect(u";");
        n->children.push_back(std::move(init));
        if (peek().is(u";"))
            n->children.push_back(nullptr);
        else
            n->children.push_back(expression());
        expect(u";");
        auto iter = makeNode(Node::Kind::Block, peek());
        if (!peek().is(u")")) {
            do {
                auto s = makeNode(Node::Kind::ExprStmt, peek());
                s->children.push_back(expression());
                iter->children.push_back(std::move(s));
            } while (accept(u","));
        }
        expect(u")");
        n->children.push_back(std::move(iter));
        ++m_loopDepth;
        n->children.push_back(embeddedStatement());
        --m_loopDepth;
        popScope();
        return n;
    }

    NodePtr foreachStatement()
    {
        const Tok t = take();
        auto n = makeNode(Node::Kind::Foreach, t);
        expect(u"(");
        if (!acceptWord(u"var")) {
            ExpressionType type;
            if (!tryType(&type))
                fail(peek(), QStringLiteral("Type or 'var' expected"));
            n->type = type;
        }
        const Tok name = expectIdentifier();
        if (!acceptWord(u"in"))
            fail(peek(), syntaxExpected(QStringLiteral("in")));
        n->children.push_back(expression());
        expect(u")");
        pushScope();
        n->id = declare(name);
        ++m_loopDepth;
        n->children.push_back(embeddedStatement());
        --m_loopDepth;
        popScope();
        return n;
    }

    NodePtr tryStatement()
    {
        const Tok t = take();
        auto n = makeNode(Node::Kind::Try, t);
        n->children.push_back(block());
        while (peek().isIdentifier(u"catch")) {
            take();
            pushScope();
            QString typeName = QStringLiteral("Exception");
            int slot = -1;
            if (accept(u"(")) {
                ExpressionType type;
                if (!tryType(&type))
                    fail(peek(), QStringLiteral("Exception type expected"));
                typeName = type.name;
                if (peek().kind == Tok::Kind::Identifier)
                    slot = declare(take());
                expect(u")");
            }
            n->strings.append(typeName);
            n->ids.append(slot);
            n->children.push_back(block());
            popScope();
        }
        if (acceptWord(u"finally")) {
            n->flag = true;
            n->children.push_back(block());
        }
        if (n->children.size() == 1)
            fail(peek(), QStringLiteral("Expected catch or finally"));
        return n;
    }

    NodePtr usingStatement()
    {
        const Tok t = take();
        expect(u"(");
        pushScope();
        auto n = makeNode(Node::Kind::Block, t);
        if (NodePtr d = tryDeclaration(false)) {
            n->children.push_back(std::move(d));
        } else {
            auto s = makeNode(Node::Kind::ExprStmt, peek());
            s->children.push_back(expression());
            n->children.push_back(std::move(s));
        }
        expect(u")");
        n->children.push_back(statement());
        popScope();
        return n;
    }

    // "var x = 1;", "string a, b = "";", "byte[] b = new byte[6];", or a local function.
    NodePtr tryDeclaration(bool requireSemicolon = true)
    {
        const qsizetype save = m_pos;
        ExpressionType type;
        bool isVar = false;
        if (peek().isIdentifier(u"var") && peek(1).kind == Tok::Kind::Identifier) {
            take();
            isVar = true;
        } else if (!tryType(&type)) {
            return nullptr;
        }
        if (peek().kind != Tok::Kind::Identifier || ExpressionLexer::isKeyword(peek().text)) {
            m_pos = save;
            if (!isVar && peek().kind == Tok::Kind::Identifier
                && peek(1).kind == Tok::Kind::Identifier && !ExpressionLexer::isKeyword(peek().text)
                && !ExpressionLexer::isKeyword(peek(1).text)
                && (peek(2).is(u"=") || peek(2).is(u";")))
                fail(peek(),
                     QStringLiteral("The type or namespace name '%1' is not supported in policy "
                                    "expressions")
                             .arg(peek().text),
                     QStringLiteral("expr.unknown-type"));
            return nullptr;
        }
        if (peek(1).is(u"(") && !isVar)
            return localFunction(type);
        return declaration(false, isVar ? ExpressionType() : type, requireSemicolon);
    }

    NodePtr declaration(bool isConst, ExpressionType type = {}, bool requireSemicolon = true)
    {
        if (isConst && !tryType(&type))
            fail(peek(), QStringLiteral("Type expected"));
        auto list = makeNode(Node::Kind::Block, peek());
        list->flag = true; // a declaration list shares the enclosing scope
        do {
            const Tok name = expectIdentifier();
            auto d = makeNode(Node::Kind::Declare, name);
            d->type = type;
            if (accept(u"=")) {
                if (peek().is(u"{") && type.isArray())
                    d->children.push_back(arrayInitializer(type, name));
                else
                    d->children.push_back(expression());
            } else if (!type.isValid()) {
                fail(peek(), QStringLiteral("Implicitly-typed variables must be initialized"));
            }
            d->id = declare(name);
            list->children.push_back(std::move(d));
        } while (accept(u","));
        if (requireSemicolon)
            expect(u";");
        return list->children.size() == 1 ? std::move(list->children[0]) : std::move(list);
    }

    NodePtr localFunction(const ExpressionType &returnType)
    {
        const Tok name = take();
        if (m_functionIndex.contains(name.text))
            fail(name,
                 QStringLiteral("A local function named '%1' is already defined").arg(name.text));
        auto fn = std::make_unique<ExpressionFunction>();
        fn->name = name.text;
        fn->returnsVoid = returnType.name == u"Void";
        const int index = int(m_out->functions.size());
        m_functionIndex.insert(name.text, index);
        auto n = makeNode(Node::Kind::LocalFunction, name);
        n->id = index;
        fn->firstSlot = m_out->slotCount;
        expect(u"(");
        pushScope();
        if (!peek().is(u")")) {
            do {
                ExpressionType ptype;
                if (!tryType(&ptype))
                    fail(peek(), QStringLiteral("Parameter type expected"));
                fn->parameterSlots.append(declare(expectIdentifier()));
            } while (accept(u","));
        }
        expect(u")");
        const int savedLoop = m_loopDepth;
        m_loopDepth = 0;
        NodePtr body;
        if (accept(u"=>")) {
            body = makeNode(Node::Kind::Return, peek());
            body->children.push_back(expression());
            expect(u";");
        } else {
            body = block();
            if (!fn->returnsVoid && !alwaysExits(body.get()))
                fail(name,
                     QStringLiteral("'%1': not all code paths return a value").arg(name.text),
                     QStringLiteral("expr.missing-return"));
        }
        m_loopDepth = savedLoop;
        popScope();
        fn->slotCount = m_out->slotCount - fn->firstSlot;
        fn->body = body.get();
        n->children.push_back(std::move(body));
        m_out->functions.push_back(std::move(fn));
        return n;
    }

    static bool alwaysExits(const Node *n)
    {
        if (!n)
            return false;
        switch (n->kind) {
        case Node::Kind::Return:
        case Node::Kind::Throw:
            return true;
        case Node::Kind::Block:
            for (const auto &c : n->children) {
                if (alwaysExits(c.get()))
                    return true;
            }
            return false;
        case Node::Kind::If:
            return n->children.size() == 3 && alwaysExits(n->child(1)) && alwaysExits(n->child(2));
        case Node::Kind::Try: {
            if (n->flag && alwaysExits(n->children.back().get()))
                return true;
            const size_t catches = n->children.size() - (n->flag ? 2 : 1);
            if (!alwaysExits(n->child(0)))
                return false;
            for (size_t i = 1; i <= catches; ++i) {
                if (!alwaysExits(n->children[i].get()))
                    return false;
            }
            return true;
        }
        case Node::Kind::While:
            return n->child(0)->kind == Node::Kind::Literal
                   && n->child(0)->literal.type() == Value::Type::Bool
                   && n->child(0)->literal.boolValue();
        case Node::Kind::For:
            return n->child(1) == nullptr;
        default:
            return false;
        }
    }

    // ---- expressions ----
    NodePtr expression()
    {
        if (++m_depth > 200)
            fail(peek(),
                 QStringLiteral("Expression is nested too deeply"),
                 QStringLiteral("expr.too-deep"));
        NodePtr e = assignment();
        --m_depth;
        return e;
    }

    bool lambdaAhead() const
    {
        if (peek().kind == Tok::Kind::Identifier && peek(1).is(u"=>"))
            return true;
        if (!peek().is(u"("))
            return false;
        qsizetype i = 1;
        if (peek(i).is(u")"))
            return peek(i + 1).is(u"=>");
        while (true) {
            if (peek(i).kind != Tok::Kind::Identifier)
                return false;
            ++i;
            if (peek(i).kind == Tok::Kind::Identifier) // typed parameter
                ++i;
            if (peek(i).is(u")"))
                return peek(i + 1).is(u"=>");
            if (!peek(i).is(u","))
                return false;
            ++i;
        }
    }

    NodePtr lambda()
    {
        auto n = makeNode(Node::Kind::Lambda, peek());
        pushScope();
        if (peek().kind == Tok::Kind::Identifier) {
            n->ids.append(declare(take()));
        } else {
            take();
            while (!peek().is(u")")) {
                if (peek(1).kind == Tok::Kind::Identifier)
                    take();
                n->ids.append(declare(take()));
                accept(u",");
            }
            take();
        }
        expect(u"=>");
        if (peek().is(u"{")) {
            auto body = block();
            n->flag = true;
            n->children.push_back(std::move(body));
        } else {
            n->children.push_back(expression());
        }
        popScope();
        extend(n.get(), lastEnd());
        return n;
    }

    NodePtr assignment()
    {
        if (lambdaAhead())
            return lambda();
        NodePtr left = conditional();
        const Tok t = peek();
        static const QStringList ops
                = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "?\?="};
        if (t.kind == Tok::Kind::Punct && ops.contains(t.text)) {
            if (left->kind != Node::Kind::Local && left->kind != Node::Kind::Index
                && left->kind != Node::Kind::Member)
                fail(t,
                     QStringLiteral("The left-hand side of an assignment must be a variable, "
                                    "property or indexer"),
                     QStringLiteral("expr.invalid-assignment"));
            if (left->kind == Node::Kind::Member && left->child(0)->kind == Node::Kind::Context)
                fail(t,
                     QStringLiteral("context members are read-only; use policies to change them"),
                     QStringLiteral("expr.read-only"));
            take();
            auto n = makeNode(Node::Kind::Assign, t);
            n->offset = left->offset;
            n->name = t.text;
            n->children.push_back(std::move(left));
            n->children.push_back(expression());
            extend(n.get(), lastEnd());
            return n;
        }
        return left;
    }

    NodePtr conditional()
    {
        NodePtr c = coalesce();
        if (peek().is(u"?")) {
            const Tok q = take();
            auto n = makeNode(Node::Kind::Conditional, q);
            n->offset = c->offset;
            n->children.push_back(std::move(c));
            n->children.push_back(expression());
            expect(u":");
            n->children.push_back(expression());
            extend(n.get(), lastEnd());
            return n;
        }
        return c;
    }

    NodePtr coalesce()
    {
        NodePtr left = binary(0);
        if (peek().is(u"??")) {
            const Tok t = take();
            auto n = makeNode(Node::Kind::Coalesce, t);
            n->offset = left->offset;
            n->children.push_back(std::move(left));
            n->children.push_back(coalesce());
            extend(n.get(), lastEnd());
            return n;
        }
        return left;
    }

    static int precedence(const Tok &t)
    {
        if (t.kind == Tok::Kind::Identifier)
            return t.text == u"is" || t.text == u"as" ? 6 : -1;
        if (t.kind != Tok::Kind::Punct)
            return -1;
        static const QHash<QString, int> table = {
                {"||", 0},
                {"&&", 1},
                {"|", 2},
                {"^", 3},
                {"&", 4},
                {"==", 5},
                {"!=", 5},
                {"<", 6},
                {">", 6},
                {"<=", 6},
                {">=", 6},
                {"<<", 7},
                {">>", 7},
                {"+", 8},
                {"-", 8},
                {"*", 9},
                {"/", 9},
                {"%", 9},
        };
        return table.value(t.text, -1);
    }

    NodePtr binary(int minPrec)
    {
        NodePtr left = unary();
        while (true) {
            Tok t = peek();
            // '>' '>' lexed separately after generics: treat adjacent pair as shift.
            if (t.is(u">") && peek(1).is(u">") && peek(1).offset == t.offset + 1) {
                t.text = QStringLiteral(">>");
                t.length = 2;
                if (7 < minPrec)
                    return left;
                take();
                take();
            } else {
                const int prec = precedence(t);
                if (prec < minPrec || prec < 0)
                    return left;
                take();
            }
            const int prec = t.text == u">>" ? 7 : precedence(t);
            if (t.kind == Tok::Kind::Identifier) {
                auto n = makeNode(t.text == u"is" ? Node::Kind::Is : Node::Kind::As, t);
                n->offset = left->offset;
                ExpressionType type;
                if (peek().isIdentifier(u"null") && t.text == u"is") {
                    take();
                    type.name = QStringLiteral("null");
                } else if (!tryType(&type)) {
                    fail(peek(), QStringLiteral("Type expected"));
                }
                n->type = type;
                n->children.push_back(std::move(left));
                if (t.text == u"is" && peek().kind == Tok::Kind::Identifier
                    && !ExpressionLexer::isKeyword(peek().text)) {
                    n->id = declare(take()); // pattern: "x is JObject o"
                }
                extend(n.get(), lastEnd());
                left = std::move(n);
                continue;
            }
            NodePtr right = binary(prec + 1);
            Node::Kind kind = t.text == u"&&"   ? Node::Kind::AndAlso
                              : t.text == u"||" ? Node::Kind::OrElse
                                                : Node::Kind::Binary;
            auto n = makeNode(kind, t);
            n->name = t.text;
            // Equality is the hot path of conditions: mark it so the interpreter skips dispatch.
            n->id = t.text == u"==" ? 1 : t.text == u"!=" ? 2 : 0;
            n->offset = left->offset;
            n->children.push_back(std::move(left));
            n->children.push_back(std::move(right));
            extend(n.get(), lastEnd());
            left = std::move(n);
        }
    }

    bool castAhead()
    {
        if (!peek().is(u"("))
            return false;
        const qsizetype save = m_pos;
        take();
        ExpressionType type;
        const bool isType = parseType(&type, false) && peek().is(u")");
        bool result = false;
        if (isType) {
            const Tok &after = peek(1);
            const bool keywordType = m_tokens.at(save + 1).kind == Tok::Kind::Identifier
                                     && m_tokens.at(save + 1).text.at(0).isLower();
            result = keywordType ? (isExpressionStart(after) || after.is(u"("))
                                 : (isExpressionStart(after) && !after.is(u"-") && !after.is(u"+"));
            if (after.kind == Tok::Kind::Identifier && (after.text == u"is" || after.text == u"as"))
                result = false;
        }
        m_pos = save;
        return result;
    }

    NodePtr unary()
    {
        const Tok t = peek();
        if (t.kind == Tok::Kind::Punct
            && (t.text == u"!" || t.text == u"-" || t.text == u"+" || t.text == u"~")) {
            take();
            NodePtr operand = unary();
            // Fold negative literals so int.MinValue and "-1" stay typed literals.
            if (t.text == u"-" && operand->kind == Node::Kind::Literal
                && operand->literal.isNumeric()) {
                const Value &v = operand->literal;
                if (v.type() == Value::Type::Double || v.type() == Value::Type::Decimal)
                    operand->literal = v.type() == Value::Type::Double
                                               ? Value::fromDouble(-v.toDouble())
                                               : Value::fromDecimal(-v.toDouble());
                else if (v.type() == Value::Type::Int64 && v.intValue() == qint64(2147483648LL)
                         && !operand->flag)
                    operand->literal = Value::fromInt(qint32(-2147483648LL));
                else
                    operand->literal = v.type() == Value::Type::Int32
                                               ? Value::fromInt(qint32(-v.intValue()))
                                               : Value::fromLong(-v.intValue());
                operand->offset = t.offset;
                extend(operand.get(), lastEnd());
                return operand;
            }
            auto n = makeNode(Node::Kind::Unary, t);
            n->name = t.text;
            n->children.push_back(std::move(operand));
            extend(n.get(), lastEnd());
            return n;
        }
        if (t.is(u"++") || t.is(u"--")) {
            take();
            auto n = makeNode(Node::Kind::Increment, t);
            n->name = t.text;
            n->flag = true;
            n->children.push_back(unary());
            requireAssignable(n->child(0), t);
            extend(n.get(), lastEnd());
            return n;
        }
        if (castAhead()) {
            const Tok open = take();
            auto n = makeNode(Node::Kind::Cast, open);
            parseType(&n->type, false);
            expect(u")");
            n->children.push_back(unary());
            n->flag = isBoxed(n->child(0));
            extend(n.get(), lastEnd());
            return n;
        }
        if (t.is(u"(") && peek(1).kind == Tok::Kind::Identifier && peek(2).is(u")")
            && ExpressionNames::typeName(peek(1).text).isEmpty() && lookup(peek(1).text) < 0
            && isExpressionStart(peek(3)) && peek(3).kind != Tok::Kind::Punct
            && !peek(1).text.at(0).isLower())
            fail(peek(1),
                 QStringLiteral(
                         "The type or namespace name '%1' is not supported in policy expressions")
                         .arg(peek(1).text),
                 QStringLiteral("expr.unknown-type"));
        return postfix(primary());
    }

    // context.Variables values are typed object in C#: a cast to a value type unboxes, which
    // requires the exact type ((int) of a long variable throws).
    static bool isBoxed(const Node *n)
    {
        const Node *receiver = nullptr;
        if (n->kind == Node::Kind::Index)
            receiver = n->child(0);
        else if (n->kind == Node::Kind::Call && n->name == u"GetValueOrDefault"
                 && n->typeArguments.isEmpty())
            receiver = n->child(0);
        return receiver && receiver->kind == Node::Kind::Member
               && receiver->id == ExpressionNames::Variables
               && receiver->child(0)->kind == Node::Kind::Context;
    }

    void requireAssignable(const Node *n, const Tok &at)
    {
        if (n->kind != Node::Kind::Local && n->kind != Node::Kind::Index
            && n->kind != Node::Kind::Member)
            fail(at,
                 QStringLiteral("The operand of an increment or decrement operator must be a "
                                "variable, property or indexer"));
    }

    QList<ExpressionType> tryTypeArguments()
    {
        // Generic method call: Name<T, U>( ... )
        const qsizetype save = m_pos;
        QList<ExpressionType> args;
        if (!peek().is(u"<"))
            return args;
        take();
        do {
            ExpressionType a;
            if (!parseType(&a, false)) {
                m_pos = save;
                return {};
            }
            args.append(a);
        } while (accept(u","));
        if (!accept(u">") || !peek().is(u"(")) {
            m_pos = save;
            return {};
        }
        return args;
    }

    void arguments(Node *call)
    {
        expect(u"(");
        if (!peek().is(u")")) {
            do {
                QString argName;
                if (peek().kind == Tok::Kind::Identifier && peek(1).is(u":") && !peek(2).is(u":")) {
                    argName = take().text;
                    take();
                }
                int isOut = 0;
                if (peek().isIdentifier(u"out") || peek().isIdentifier(u"ref")) {
                    take();
                    isOut = 1;
                    if (peek().isIdentifier(u"var")
                        || (peek(1).kind == Tok::Kind::Identifier && !peek(1).is(u"."))) {
                        ExpressionType type;
                        if (!acceptWord(u"var") && !tryType(&type, true))
                            fail(peek(), QStringLiteral("Type expected"));
                        const Tok name = expectIdentifier();
                        auto local = makeNode(Node::Kind::Local, name);
                        local->id = declare(name);
                        local->type = type;
                        call->children.push_back(std::move(local));
                        call->strings.append(argName);
                        call->ids.append(isOut);
                        continue;
                    }
                }
                NodePtr arg = expression();
                if (isOut && arg->kind != Node::Kind::Local)
                    fail(peek(), QStringLiteral("An out argument must be a variable"));
                call->children.push_back(std::move(arg));
                call->strings.append(argName);
                call->ids.append(isOut);
            } while (accept(u","));
        }
        expect(u")");
        extend(call, lastEnd());
    }

    void checkMember(const Tok &name, bool invoked)
    {
        if (!invoked && m_anonymousMembers.contains(name.text))
            return;
        if (ExpressionNames::memberId(name.text) < 0)
            fail(name,
                 QStringLiteral("'%1' is not a member supported in policy expressions")
                         .arg(name.text),
                 QStringLiteral("expr.unsupported-member"));
        if (invoked && !ExpressionNames::isMethod(name.text))
            fail(name,
                 QStringLiteral("Non-invocable member '%1' cannot be used like a method.")
                         .arg(name.text),
                 QStringLiteral("expr.non-invocable"));
        if (!invoked && !ExpressionNames::isProperty(name.text))
            fail(name,
                 QStringLiteral("'%1' is a method; call it with parentheses").arg(name.text),
                 QStringLiteral("expr.method-group"));
    }

    NodePtr postfix(NodePtr e)
    {
        while (true) {
            const Tok t = peek();
            if (t.is(u".") || t.is(u"?.")) {
                take();
                const Tok name = expectIdentifier();
                QList<ExpressionType> typeArgs = tryTypeArguments();
                const bool invoked = peek().is(u"(");
                // A namespace-qualified type used as an expression ("System.Text.Encoding").
                if (e->kind == Node::Kind::TypeRef && e->name.isEmpty()) {
                    const QString dotted = e->strings.value(0) + u'.' + name.text;
                    if (ExpressionNames::isNamespace(dotted)) {
                        e->strings[0] = dotted;
                        extend(e.get(), lastEnd());
                        continue;
                    }
                    const QString type = ExpressionNames::typeName(dotted);
                    if (type.isEmpty())
                        fail(name,
                             QStringLiteral("The type or namespace name '%1' is not supported in "
                                            "policy expressions")
                                     .arg(dotted),
                             QStringLiteral("expr.unknown-type"));
                    e->name = type;
                    extend(e.get(), lastEnd());
                    continue;
                }
                checkMember(name, invoked);
                Value constant;
                if (!invoked && e->kind == Node::Kind::TypeRef
                    && ExpressionLibrary::enumValue(e->name, name.text, &constant)) {
                    auto folded = makeNode(Node::Kind::Literal, name);
                    folded->offset = e->offset;
                    folded->literal = constant;
                    extend(folded.get(), lastEnd());
                    e = std::move(folded);
                    continue;
                }
                auto n = makeNode(invoked ? Node::Kind::Call : Node::Kind::Member, name);
                n->offset = e->offset;
                n->name = name.text;
                n->id = ExpressionNames::memberId(name.text);
                n->flag = t.is(u"?.");
                n->typeArguments = typeArgs;
                n->children.push_back(std::move(e));
                if (invoked)
                    arguments(n.get());
                extend(n.get(), lastEnd());
                e = std::move(n);
                continue;
            }
            if (t.is(u"[") || (t.is(u"?") && peek(1).is(u"[") && !m_inConditionalTest)) {
                if (t.is(u"?")) {
                    // "x?[1]" vs "c ? [..]": a '[' cannot start an expression, so this is ?[.
                    take();
                }
                take();
                auto n = makeNode(Node::Kind::Index, t);
                n->offset = e->offset;
                n->flag = t.is(u"?");
                n->children.push_back(std::move(e));
                n->children.push_back(expression());
                while (accept(u","))
                    n->children.push_back(expression());
                expect(u"]");
                extend(n.get(), lastEnd());
                e = std::move(n);
                continue;
            }
            if (t.is(u"(") && e->kind == Node::Kind::Lambda) {
                fail(t, QStringLiteral("Method name expected"));
            }
            if (t.is(u"(")
                && (e->kind == Node::Kind::Member || e->kind == Node::Kind::Index
                    || e->kind == Node::Kind::Local))
                fail(t,
                     QStringLiteral("Non-invocable member cannot be used like a method."),
                     QStringLiteral("expr.non-invocable"));
            if ((t.is(u"++") || t.is(u"--")) && !t.precededByNewline) {
                take();
                requireAssignable(e.get(), t);
                auto n = makeNode(Node::Kind::Increment, t);
                n->offset = e->offset;
                n->name = t.text;
                n->children.push_back(std::move(e));
                extend(n.get(), lastEnd());
                e = std::move(n);
                continue;
            }
            return e;
        }
    }

    NodePtr literal(const Tok &t, Value v)
    {
        auto n = makeNode(Node::Kind::Literal, t);
        n->literal = v;
        return n;
    }

    NodePtr primary()
    {
        const Tok t = peek();
        switch (t.kind) {
        case Tok::Kind::Integer: {
            take();
            const quint64 v = t.integer;
            if (t.suffix == 'L' || t.suffix == 'W' || v > 0x7fffffffULL) {
                if (v > 0x7fffffffffffffffULL)
                    fail(t, QStringLiteral("Integral constant is too large"));
                auto n = literal(t, Value::fromLong(qint64(v)));
                n->flag = t.suffix == 'L';
                return n;
            }
            return literal(t, Value::fromInt(qint32(v)));
        }
        case Tok::Kind::Real:
            take();
            return literal(
                    t, t.suffix == 'M' ? Value::fromDecimal(t.real) : Value::fromDouble(t.real));
        case Tok::Kind::String:
            take();
            return literal(t, Value::fromString(t.text));
        case Tok::Kind::Char:
            take();
            return literal(t, Value::fromChar(t.text.at(0).unicode()));
        case Tok::Kind::Interpolated:
            take();
            return interpolated(t);
        case Tok::Kind::Punct:
            if (t.text == u"(") {
                take();
                const bool saved = m_inConditionalTest;
                m_inConditionalTest = false;
                NodePtr e = expression();
                m_inConditionalTest = saved;
                expect(u")");
                return e;
            }
            fail(t, QStringLiteral("Invalid expression term '%1'").arg(t.text));
        case Tok::Kind::Identifier:
            break;
        case Tok::Kind::Error:
            fail(t, t.text);
        case Tok::Kind::End:
            fail(t, QStringLiteral("expression expected"));
        }
        const QString &w = t.text;
        if (w == u"true" || w == u"false") {
            take();
            return literal(t, Value::fromBool(w == u"true"));
        }
        if (w == u"null") {
            take();
            return literal(t, Value());
        }
        if (w == u"new")
            return newExpression();
        if (w == u"default" || w == u"typeof" || w == u"nameof") {
            take();
            auto n = makeNode(w == u"default" ? Node::Kind::Default : Node::Kind::Literal, t);
            if (accept(u"(")) {
                ExpressionType type;
                if (w == u"nameof") {
                    NodePtr e = expression();
                    n->literal = Value::fromString(e->name.isEmpty() ? m_tokens.at(m_pos - 1).text
                                                                     : e->name);
                } else if (!tryType(&type)) {
                    fail(peek(), QStringLiteral("Type expected"));
                }
                n->type = type;
                if (w == u"typeof")
                    n->literal = Value::fromString(QStringLiteral("System.") + type.name);
                expect(u")");
            }
            extend(n.get(), lastEnd());
            return n;
        }
        if (w == u"this" || w == u"base" || w == u"dynamic" || w == u"await" || w == u"stackalloc"
            || w == u"sizeof")
            fail(t,
                 QStringLiteral("'%1' is not supported in policy expressions").arg(w),
                 QStringLiteral("expr.unsupported"));
        if (w == u"context") {
            take();
            if (peek().is(u"(")) // context.Trace is the only method; context itself is not callable
                fail(peek(), QStringLiteral("Method name expected"));
            return makeNode(Node::Kind::Context, t);
        }
        if (ExpressionLexer::isKeyword(w) && ExpressionNames::typeName(w).isEmpty())
            fail(t, QStringLiteral("Invalid expression term '%1'").arg(w));
        take();
        const int slot = lookup(w);
        if (slot >= 0) {
            auto n = makeNode(Node::Kind::Local, t);
            n->id = slot;
            n->name = w;
            return n;
        }
        if (peek().is(u"(") && ExpressionNames::typeName(w).isEmpty()) {
            auto n = makeNode(Node::Kind::LocalCall, t);
            n->name = w;
            const auto found = m_functionIndex.constFind(w);
            if (found != m_functionIndex.constEnd())
                n->id = *found;
            else
                m_pending.append({n.get(), t});
            arguments(n.get());
            return n;
        }
        // A type (possibly generic: "List<string>" only appears after 'new' or in declarations).
        QString type = ExpressionNames::typeName(w);
        if (!type.isEmpty()) {
            auto n = makeNode(Node::Kind::TypeRef, t);
            n->name = type;
            // int.Parse / string.Empty / Array.Copy ...
            return n;
        }
        if (ExpressionNames::isNamespace(w)) {
            auto n = makeNode(Node::Kind::TypeRef, t);
            n->strings.append(w);
            return n;
        }
        fail(t,
             QStringLiteral("The name '%1' does not exist in the current context").arg(w),
             QStringLiteral("expr.unknown-name"));
    }

    NodePtr interpolated(const Tok &t)
    {
        auto n = makeNode(Node::Kind::Interpolated, t);
        n->strings = t.segments;
        for (const Tok::Hole &hole : t.holes) {
            Parser sub(hole.code, hole.offset, m_out);
            sub.m_scopes = m_scopes;
            sub.m_functionIndex = m_functionIndex;
            sub.m_anonymousMembers = m_anonymousMembers;
            sub.m_depth = m_depth;
            NodePtr e = sub.expression();
            if (sub.peek().kind != Tok::Kind::End)
                sub.fail(sub.peek(), syntaxExpected(QStringLiteral("}")));
            for (const auto &p : sub.m_pending)
                m_pending.append(p);
            n->children.push_back(std::move(e));
            n->strings.append(hole.format);
            n->strings.append(hole.alignment);
        }
        return n;
    }

    NodePtr arrayInitializer(const ExpressionType &arrayType, const Tok &at)
    {
        auto n = makeNode(Node::Kind::NewArray, at);
        n->type = arrayType.elementType();
        n->flag = true;
        expect(u"{");
        while (!peek().is(u"}")) {
            n->initializer.push_back(expression());
            if (!accept(u","))
                break;
        }
        expect(u"}");
        extend(n.get(), lastEnd());
        return n;
    }

    NodePtr newExpression()
    {
        const Tok t = take();
        // new [] { ... }
        if (peek().is(u"[")) {
            take();
            expect(u"]");
            ExpressionType implicitType;
            return arrayInitializer(implicitType.name.isEmpty()
                                            ? ExpressionType{QString(), {}, 1, false}
                                            : implicitType,
                                    t);
        }
        // new { a = 1, b } (anonymous type)
        if (peek().is(u"{")) {
            take();
            auto n = makeNode(Node::Kind::Anonymous, t);
            while (!peek().is(u"}")) {
                NodePtr value;
                QString name;
                if (peek().kind == Tok::Kind::Identifier && peek(1).is(u"=")) {
                    name = take().text;
                    take();
                    value = expression();
                } else {
                    value = expression();
                    if (value->kind != Node::Kind::Local && value->kind != Node::Kind::Member)
                        fail(peek(), QStringLiteral("Invalid anonymous type member declarator"));
                    name = value->name;
                }
                n->strings.append(name);
                m_anonymousMembers.insert(name);
                n->children.push_back(std::move(value));
                if (!accept(u","))
                    break;
            }
            expect(u"}");
            extend(n.get(), lastEnd());
            return n;
        }
        ExpressionType type;
        const Tok typeTok = peek();
        if (!tryType(&type)) {
            if (typeTok.kind == Tok::Kind::Identifier)
                fail(typeTok,
                     QStringLiteral("The type or namespace name '%1' is not supported in policy "
                                    "expressions")
                             .arg(typeTok.text),
                     QStringLiteral("expr.unknown-type"));
            fail(typeTok, QStringLiteral("Type expected"));
        }
        // new byte[16] / new string[] { ... }
        if (type.isArray() && peek().is(u"{"))
            return arrayInitializer(type, t);
        if (peek().is(u"[")) {
            take();
            auto n = makeNode(Node::Kind::NewArray, t);
            n->type = type;
            n->children.push_back(expression());
            expect(u"]");
            while (peek().is(u"[") && peek(1).is(u"]")) {
                take();
                take();
                ++n->type.arrayRank;
            }
            if (peek().is(u"{")) {
                ExpressionType full = n->type;
                ++full.arrayRank;
                auto init = arrayInitializer(full, t);
                n->initializer = std::move(init->initializer);
                n->flag = true;
            }
            extend(n.get(), lastEnd());
            return n;
        }
        auto n = makeNode(Node::Kind::New, t);
        n->type = type;
        if (peek().is(u"("))
            arguments(n.get());
        else if (!peek().is(u"{"))
            fail(peek(), syntaxExpected(QStringLiteral("(")));
        if (peek().is(u"{"))
            objectInitializer(n.get());
        extend(n.get(), lastEnd());
        return n;
    }

    void objectInitializer(Node *n)
    {
        expect(u"{");
        while (!peek().is(u"}")) {
            if (peek().is(u"{")) {
                // Dictionary collection initializer { key, value }
                take();
                n->initializerKind = 3;
                n->initializer.push_back(expression());
                expect(u",");
                n->initializer.push_back(expression());
                expect(u"}");
            } else if (peek().is(u"[")) {
                take();
                n->initializerKind = 3;
                n->initializer.push_back(expression());
                expect(u"]");
                expect(u"=");
                n->initializer.push_back(expression());
            } else if (peek().kind == Tok::Kind::Identifier && peek(1).is(u"=")
                       && lookup(peek().text) < 0) {
                const Tok name = take();
                checkMember(name, false);
                take();
                n->initializerKind = 2;
                n->initializerNames.append(name.text);
                n->initializer.push_back(expression());
            } else {
                n->initializerKind = 1;
                n->initializer.push_back(expression());
            }
            if (!accept(u","))
                break;
        }
        expect(u"}");
    }

    void resolvePendingCalls()
    {
        for (const auto &[node, tok] : std::as_const(m_pending)) {
            const auto found = m_functionIndex.constFind(node->name);
            if (found == m_functionIndex.constEnd())
                fail(tok,
                     QStringLiteral("The name '%1' does not exist in the current context")
                             .arg(node->name),
                     QStringLiteral("expr.unknown-name"));
            node->id = *found;
        }
        m_pending.clear();
    }

    ParseOutput *m_out;
    QList<Tok> m_tokens;
    qsizetype m_pos = 0;
    std::vector<QHash<QString, int>> m_scopes;
    QHash<QString, int> m_functionIndex;
    QSet<QString> m_anonymousMembers;
    QList<std::pair<Node *, Tok>> m_pending;
    int m_loopDepth = 0;
    int m_depth = 0;
    int m_steps = 0;
    bool m_inConditionalTest = false;
};

SourcePosition advance(const QString &code, const SourcePosition &start, qsizetype offset)
{
    SourcePosition p = start;
    if (!p.isValid()) {
        p.line = 1;
        p.column = 1;
        p.offset = 0;
    }
    offset = qBound<qsizetype>(0, offset, code.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (code.at(i) == u'\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    p.offset += offset;
    return p;
}

} // namespace

QString ExpressionType::displayName() const
{
    QString s = name;
    if (!arguments.isEmpty()) {
        QStringList args;
        for (const ExpressionType &a : arguments)
            args.append(a.displayName());
        s += u'<' + args.join(QLatin1String(", ")) + u'>';
    }
    if (nullable)
        s += u'?';
    for (int i = 0; i < arrayRank; ++i)
        s += QLatin1String("[]");
    return s;
}

QString ExpressionError::toString() const
{
    const qsizetype dot = type.lastIndexOf(u'.');
    return type.mid(dot + 1) + QLatin1String(": ") + message;
}

SourceRange CompiledExpression::rangeOf(qsizetype offset, qsizetype length) const
{
    return {advance(m_code, m_start, offset), advance(m_code, m_start, offset + length)};
}

ExpressionCompileResult ExpressionCompiler::compile(const QString &code,
                                                    const SourcePosition &start,
                                                    const QString &fileName)
{
    ExpressionCompileResult result;
    auto compiled = std::make_shared<CompiledExpression>();
    compiled->m_code = code;
    compiled->m_fileName = fileName;
    compiled->m_start = start;
    qsizetype begin = 0;
    while (begin < code.size() && code.at(begin).isSpace())
        ++begin;
    qsizetype end = code.size();
    while (end > begin && code.at(end - 1).isSpace())
        --end;
    const auto report = [&](qsizetype offset,
                            qsizetype length,
                            const QString &message,
                            const QString &diagCode) {
        Diagnostic d = Diagnostic::error(diagCode, message, compiled->rangeOf(offset, length));
        d.file = fileName;
        result.diagnostics.append(d);
    };
    const bool isStatements = code.mid(begin, 2) == u"@{";
    const bool isExpression = code.mid(begin, 2) == u"@(";
    if (!isStatements && !isExpression) {
        report(begin,
               1,
               QStringLiteral("A policy expression must start with '@(' or '@{'"),
               QStringLiteral("expr.not-expression"));
        return result;
    }
    const QChar close = isStatements ? u'}' : u')';
    if (end - begin < 3 || code.at(end - 1) != close) {
        report(end,
               0,
               QStringLiteral("Syntax error, '%1' expected at the end of the expression")
                       .arg(close),
               QStringLiteral("expr.syntax"));
        return result;
    }
    const QString inner = code.mid(begin + 2, end - begin - 3);
    compiled->m_mode = isStatements ? CompiledExpression::Mode::Statements
                                    : CompiledExpression::Mode::Expression;
    try {
        ParseOutput output;
        Parser parser(inner, begin + 2, &output);
        compiled->m_root
                = isStatements ? parser.parseStatementBody() : parser.parseExpressionBody();
        compiled->m_functions = std::move(output.functions);
        compiled->m_slotCount = output.slotCount;
    } catch (const CompileError &e) {
        report(e.offset, e.length, e.message, e.code);
        return result;
    }
    if (const auto error = ExpressionTypeChecker(code).check(*compiled->m_root)) {
        report(error->offset, error->length, error->message, QStringLiteral("expr.no-member"));
        return result;
    }
    result.expression = compiled;
    return result;
}
