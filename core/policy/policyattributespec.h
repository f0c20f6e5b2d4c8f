// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyvaluespec.h"

#include <QString>

// One attribute a policy (or a policy's child element) accepts.
struct PolicyAttributeSpec
{
    QString name;
    PolicyValueSpec value;
    bool required = false;
    // The value APIM uses when the attribute is absent; empty when there is none.
    QString defaultValue;
    QString description;
};
