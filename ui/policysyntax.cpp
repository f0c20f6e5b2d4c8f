// SPDX-License-Identifier: GPL-3.0-or-later
#include "policysyntax.h"

#include <KSyntaxHighlighting/Repository>

QString PolicySyntax::definitionName()
{
    return QStringLiteral("APIM Policy XML");
}

void PolicySyntax::registerDefinitions(KSyntaxHighlighting::Repository &repository)
{
    const QString path = QStringLiteral(":/apim-designer");
    if (!repository.customSearchPaths().contains(path))
        repository.addCustomSearchPath(path);
}
