// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expressionchecker.h"

#include <QHash>

#include <memory>

// Remembers what another checker said about each expression, so that validating a document again
// after an edit compiles only the expressions that changed: a keystroke changes one at most.
// Diagnostics are kept relative to where the expression stood and moved to where it stands now.
// Holds the expressions of the last checks, up to capacity of them; one validation at a time.
class CachingExpressionChecker final : public ExpressionChecker
{
public:
    explicit CachingExpressionChecker(std::unique_ptr<ExpressionChecker> checker,
                                      qsizetype capacity = 4096);

    QList<Diagnostic> check(const ExpressionSite &site) const override;
    // How many expressions are remembered.
    qsizetype size() const { return m_recent.size() + m_older.size(); }

private:
    // Everything a check depends on, except where the expression is.
    struct Key
    {
        QString expression;
        QString rawText;
        QString policyName;
        QString attributeName;
        PolicyValueSpec::Type expectedType = PolicyValueSpec::Type::String;
        PolicySection section = PolicySection::None;

        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed,
                              key.expression,
                              key.rawText,
                              key.policyName,
                              key.attributeName,
                              int(key.expectedType),
                              int(key.section));
        }
    };
    struct Entry
    {
        SourcePosition at;
        QList<Diagnostic> diagnostics;
    };

    static QList<Diagnostic> moved(const Entry &entry, const SourcePosition &to);

    std::unique_ptr<ExpressionChecker> m_checker;
    qsizetype m_capacity;
    // Two generations: a full m_recent becomes m_older, and what was older is forgotten, so the
    // expressions in use stay while those of replaced text go.
    mutable QHash<Key, Entry> m_recent;
    mutable QHash<Key, Entry> m_older;
};
