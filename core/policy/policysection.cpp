// SPDX-License-Identifier: GPL-3.0-or-later
#include "policysection.h"

#include <QStringList>

static constexpr PolicySection sectionsInOrder[] = {PolicySection::Inbound,
                                                    PolicySection::Backend,
                                                    PolicySection::Outbound,
                                                    PolicySection::OnError};

QString policySectionName(PolicySection section)
{
    switch (section) {
    case PolicySection::None:
        return {};
    case PolicySection::Inbound:
        return QStringLiteral("inbound");
    case PolicySection::Backend:
        return QStringLiteral("backend");
    case PolicySection::Outbound:
        return QStringLiteral("outbound");
    case PolicySection::OnError:
        return QStringLiteral("on-error");
    }
    return {};
}

PolicySection policySectionFromName(QStringView name)
{
    for (PolicySection section : sectionsInOrder) {
        if (name == policySectionName(section))
            return section;
    }
    return PolicySection::None;
}

QString policySectionNames(PolicySections sections)
{
    QStringList names;
    for (PolicySection section : sectionsInOrder) {
        if (sections.testFlag(section))
            names.append(policySectionName(section));
    }
    return names.join(QLatin1String(", "));
}
