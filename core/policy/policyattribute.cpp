// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyattribute.h"

#include "policyescaping.h"

bool PolicyAttribute::isExpression() const
{
    return PolicyEscaping::isExpression(value);
}

void PolicyAttribute::setValue(const QString &newValue)
{
    value = newValue;
    rawValue = PolicyEscaping::attributeSource(newValue, quote);
}
