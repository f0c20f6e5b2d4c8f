// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "urltemplate.h"
#include "workspace/workspace.h"

#include <optional>

// Finds the API and operation a request is for, as APIM does: the API whose URL suffix is the
// longest matching path prefix, then the operation of that API whose method and URL template match,
// the most specific template winning. No match is APIM's 404 OperationNotFound.
class OperationMatcher
{
public:
    struct Match
    {
        qsizetype apiIndex = -1;
        qsizetype operationIndex = -1;
        // The path after the API suffix, which rewrite-uri and forward-request start from.
        QString operationPath;
        QHash<QString, QString> parameters;
        // The template's query parameter names (parsed once, not per request).
        QList<QString> templateQueryNames;
    };

    explicit OperationMatcher(const Workspace &workspace);

    std::optional<Match> match(const QString &method, const QString &path, QStringView query) const;
    // Problems found while compiling the templates (a template that cannot match anything).
    const QList<QString> &errors() const { return m_errors; }

private:
    struct Entry
    {
        qsizetype apiIndex;
        qsizetype operationIndex;
        QString suffix; // normalised API suffix without slashes at either end
        QString method;
        UrlTemplate urlTemplate;
    };

    // A view into path (or of "/"): every operation of every API is tried for each request.
    static std::optional<QStringView> stripSuffix(QStringView path, const QString &suffix);

    QList<Entry> m_entries;
    QList<QString> m_errors;
};
