// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "policydocument.h"
#include "policyschema.h"
#include "policyscope.h"

#include <QList>

class ExpressionChecker;

// Checks a parsed policy document against the APIM schema: sections, <base/>, unknown and
// misplaced policies, attributes (required, types, enum values, ranges, where expressions are not
// allowed), child elements, text, once-per-section/document rules, named value syntax. Expressions
// are handed to an optional ExpressionChecker. Ranges point at the start tag of the element or at
// the value of the attribute concerned.
class PolicyValidator
{
public:
    explicit PolicyValidator(const PolicySchema &schema = PolicySchema::builtin(),
                             const ExpressionChecker *expressionChecker = nullptr);

    // scope: where the document is attached (None: unknown, scope rules are not checked). In an
    // effective document the origin of each node decides instead. fileName goes into the
    // diagnostics.
    QList<Diagnostic> validate(const PolicyDocument &document,
                               PolicyScope scope = PolicyScope::None,
                               const QString &fileName = {}) const;

private:
    const PolicySchema &m_schema;
    const ExpressionChecker *m_expressionChecker = nullptr;
};
