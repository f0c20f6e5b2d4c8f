// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyelementspec.h"

const PolicyAttributeSpec *PolicyElementSpec::attribute(QStringView attributeName) const
{
    for (const PolicyAttributeSpec &spec : attributes) {
        if (spec.name == attributeName)
            return &spec;
    }
    return nullptr;
}

const PolicyElementSpec *PolicyElementSpec::child(QStringView childName) const
{
    for (const PolicyElementSpec &spec : children) {
        if (spec.name == childName)
            return &spec;
    }
    return nullptr;
}

QStringList PolicyElementSpec::childNames() const
{
    QStringList names;
    for (const PolicyElementSpec &spec : children)
        names.append(spec.name);
    return names;
}
