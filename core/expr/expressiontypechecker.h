// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionast.h"

#include <QHash>
#include <QString>

#include <optional>

// Compile-time member checks against the static type of the receiver, where that type is certain:
// literals, casts, `var` locals from their initialisers, the context model (context.Response is an
// IResponse, its StatusCode an int, ...) and the results of the string and conversion members
// that follow from them. So `context.Response.StatusCode.ToUpper()` is reported at compile time,
// at the member's position, rather than failing at run time on the first request. Receivers of
// unknown type (variables, JSON tokens, lambda parameters) keep the name-only check of the parser.
class ExpressionTypeChecker
{
public:
    struct Error
    {
        qsizetype offset = 0;
        qsizetype length = 0;
        QString message;
    };

    // code: the text node offsets refer to (to place an error on the member's name).
    explicit ExpressionTypeChecker(const QString &code);

    std::optional<Error> check(const ExpressionNode &root);

private:
    // Static types are short .NET names ("String", "Int32", "IResponse"); empty when unknown.
    QString typeOf(const ExpressionNode *n);
    QString memberType(const QString &receiver, const ExpressionNode *n) const;
    QString callType(const QString &receiver, const ExpressionNode *n) const;
    void visit(const ExpressionNode *n);
    void checkMember(const ExpressionNode *n);
    void fail(const ExpressionNode *n, const QString &message);

    const QString &m_code;
    QHash<int, QString> m_locals; // slot -> static type
    std::optional<Error> m_error;
};
