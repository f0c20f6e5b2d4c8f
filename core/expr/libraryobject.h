// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

#include <QByteArray>
#include <QDomNode>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// State of a stateful .NET library object an expression created: StringBuilder (text), Random
// (generator), HMAC/hash algorithms (algorithm name and key), Regex (pattern and options),
// XML documents and elements (a QDomNode).
class LibraryObject final : public ScriptObject
{
public:
    LibraryObject(Kind kind, const QString &typeName)
        : ScriptObject(kind)
        , m_typeName(typeName)
    {}

    QString typeName() const override { return m_typeName; }

    QString text;      // StringBuilder content, Regex pattern, XML text
    QString algorithm; // Hash: "SHA256", "HMACSHA256" ...
    QByteArray key;    // HMAC key
    int options = 0;   // RegexOptions flags
    QDomNode node;     // Xml: XDocument / XElement / XmlDocument node
    QRandomGenerator random;

private:
    QString m_typeName;
};
