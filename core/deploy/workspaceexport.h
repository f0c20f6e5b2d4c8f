// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/exportresult.h"
#include "workspace/workspace.h"

#include <QString>
#include <QStringList>

#include <optional>

// The exports a user chooses between, as one call for the command line and File > Export, so
// both write the same files:
//   Xml, PerScope   every scope's document at its APIOps place (apis/<id>/policy.xml...)
//   Xml, Effective  every operation's effective policy, without a product and through each of
//                   its API's products: effective/<api>/<operation>.xml and
//                   effective/<api>/<operation>.<product>.xml
//   ApiOps, Bicep   ApiOpsExporter, BicepExporter (whole workspace; content does not apply)
// The export lint's findings come with the files; with errors nothing should be written.
class WorkspaceExport
{
public:
    enum class Format { Xml, ApiOps, Bicep };
    enum class Content { PerScope, Effective };

    static QStringList formatNames();
    static std::optional<Format> formatFromName(const QString &name);

    static ExportResult files(const Workspace &workspace,
                              Format format,
                              Content content = Content::PerScope);
};
