// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

// The conversions of json-to-xml and xml-to-json. APIM documents their output shapes only by
// example: JSON becomes a <Document> whose elements are the properties (arrays repeat the
// element); XML becomes an object per element, attributes as "@name" and mixed text as "#text"
// (the "direct" kind). Returns nullopt when the input does not parse.
class BodyFormatConverter
{
public:
    static std::optional<QByteArray> jsonToXml(const QByteArray &json);
    static std::optional<QByteArray> xmlToJson(const QByteArray &xml, bool alwaysArray);
};
