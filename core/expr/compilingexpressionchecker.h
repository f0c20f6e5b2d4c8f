// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/expressionchecker.h"

#include <QHash>
#include <QString>

// Checks the expressions the validator finds by compiling them, so `validate` and the editor
// report C# errors at their place in the policy file. Named values are substituted first, as APIM
// does; a reference without a known value is replaced by digits of the same length, which keep
// positions and compile both inside a string literal and where a number stands.
class CompilingExpressionChecker final : public ExpressionChecker
{
public:
    explicit CompilingExpressionChecker(QHash<QString, QString> namedValues = {});

    QList<Diagnostic> check(const ExpressionSite &site) const override;

private:
    QString withNamedValues(const QString &expression) const;

    QHash<QString, QString> m_namedValues;
};
