// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QString>

// The four sections of a <policies> document, as flags so a policy's allowed sections are one
// value.
enum class PolicySection : quint8 {
    None = 0,
    Inbound = 1,
    Backend = 2,
    Outbound = 4,
    OnError = 8,
};
Q_DECLARE_FLAGS(PolicySections, PolicySection)
Q_DECLARE_OPERATORS_FOR_FLAGS(PolicySections)

inline constexpr PolicySections allPolicySections()
{
    return PolicySections(PolicySection::Inbound) | PolicySection::Backend | PolicySection::Outbound
           | PolicySection::OnError;
}

QString policySectionName(PolicySection section); // "inbound", "backend", "outbound", "on-error"
PolicySection policySectionFromName(QStringView name); // None for anything else
// "inbound, backend" in document order, for messages.
QString policySectionNames(PolicySections sections);
