// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1String>
#include <QString>

// File and folder names of the Azure APIOps extractor's artifact layout (Azure/apiops,
// tools/code/common: ServicePolicy, Product*, Api*, PolicyFragment*, NamedValue*), shared by the
// exporter and the importer so they cannot drift apart.
class ApiOpsLayout
{
public:
    static constexpr QLatin1String policyFile{"policy.xml"};
    static constexpr QLatin1String productsFolder{"products"};
    static constexpr QLatin1String productInformation{"productInformation.json"};
    static constexpr QLatin1String productApis{"apis.json"};
    static constexpr QLatin1String apisFolder{"apis"};
    static constexpr QLatin1String apiInformation{"apiInformation.json"};
    static constexpr QLatin1String apiSpecification{"specification.json"};
    static constexpr QLatin1String operationsFolder{"operations"};
    // The extractor's folder names contain spaces; newer releases and other tools use camel case,
    // which the importer accepts as well.
    static constexpr QLatin1String fragmentsFolder{"policy fragments"};
    static constexpr QLatin1String fragmentsFolderCamel{"policyFragments"};
    static constexpr QLatin1String fragmentInformation{"policyFragmentInformation.json"};
    static constexpr QLatin1String namedValuesFolder{"named values"};
    static constexpr QLatin1String namedValuesFolderCamel{"namedValues"};
    static constexpr QLatin1String namedValueInformation{"namedValueInformation.json"};
    static constexpr QLatin1String backendsFolder{"backends"};
    static constexpr QLatin1String backendInformation{"backendInformation.json"};

    // A resource name usable as one folder name: not empty, not "." or "..", no path separators.
    static bool isFolderName(const QString &name);
};
