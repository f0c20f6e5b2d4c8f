// SPDX-License-Identifier: GPL-3.0-or-later
#include "bodyformatconverter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace {

void writeJson(QXmlStreamWriter &writer, const QString &name, const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            writeJson(writer, name, item);
        return;
    }
    writer.writeStartElement(name);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            writeJson(writer, it.key(), it.value());
    } else if (value.isBool()) {
        writer.writeCharacters(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    } else if (value.isDouble()) {
        writer.writeCharacters(QString::number(value.toDouble(), 'g', 17));
    } else if (value.isString()) {
        writer.writeCharacters(value.toString());
    }
    writer.writeEndElement();
}

// Reads the element the reader is on (StartElement) up to its end.
QJsonValue readElement(QXmlStreamReader &reader, bool alwaysArray)
{
    QJsonObject object;
    for (const QXmlStreamAttribute &attribute : reader.attributes())
        object.insert(u'@' + attribute.qualifiedName().toString(), attribute.value().toString());
    QString text;
    bool hasChildren = false;
    while (reader.readNext() != QXmlStreamReader::EndElement && !reader.hasError()) {
        if (reader.isCharacters() && !reader.isWhitespace()) {
            text += reader.text();
        } else if (reader.isStartElement()) {
            hasChildren = true;
            const QString name = reader.qualifiedName().toString();
            const QJsonValue child = readElement(reader, alwaysArray);
            if (object.contains(name) || alwaysArray) {
                QJsonArray array = object.value(name).isArray() ? object.value(name).toArray()
                                   : object.contains(name)      ? QJsonArray{object.value(name)}
                                                                : QJsonArray();
                array.append(child);
                object.insert(name, array);
            } else {
                object.insert(name, child);
            }
        }
    }
    if (!hasChildren && object.isEmpty())
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    if (!text.isEmpty())
        object.insert(QStringLiteral("#text"), text);
    return object;
}

} // namespace

std::optional<QByteArray> BodyFormatConverter::jsonToXml(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    const QJsonValue root
            = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    if (root.isArray()) {
        writer.writeStartElement(QStringLiteral("Document"));
        writeJson(writer, QStringLiteral("Array"), root);
        writer.writeEndElement();
    } else {
        writeJson(writer, QStringLiteral("Document"), root);
    }
    writer.writeEndDocument();
    return xml;
}

std::optional<QByteArray> BodyFormatConverter::xmlToJson(const QByteArray &xml, bool alwaysArray)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd() && !reader.isStartElement())
        reader.readNext();
    if (!reader.isStartElement())
        return std::nullopt;
    const QString rootName = reader.qualifiedName().toString();
    const QJsonValue root = readElement(reader, alwaysArray);
    if (reader.hasError())
        return std::nullopt;
    return QJsonDocument(QJsonObject{{rootName, root}}).toJson(QJsonDocument::Compact);
}
