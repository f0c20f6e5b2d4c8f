// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policydocument.h"
#include "policytextchange.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class PolicySchema;
struct PolicyElementSpec;

// Turns structural edits of a policy document (insert, remove or move an element, set or remove
// an attribute) into minimal text replacements of its source, so the diagram can edit the XML
// the way a careful user would: only the affected element's text changes, new lines take the
// indentation of their siblings, everything else keeps its bytes. Pure: nothing is applied here.
//
// Nodes passed in must belong to document (they are found by identity); text and document must
// outlive the editor and document must be the parse of text.
class PolicyTextEditor
{
public:
    PolicyTextEditor(const QString &text, const PolicyDocument &document);

    // Inserts elementText (lines after the first indented relative to the element itself, with
    // "\n" breaks) as the index-th element child of container.
    PolicyTextChange insertElement(const PolicyNode &container,
                                   qsizetype index,
                                   const QString &elementText) const;
    // Removes element, with its line when it stands on a line of its own.
    PolicyTextChange removeElement(const PolicyNode &element) const;
    // Moves element to be the index-th element child of container, index counted after the
    // element left its old place (as QList::move does).
    PolicyTextChange moveElement(const PolicyNode &element,
                                 const PolicyNode &container,
                                 qsizetype index) const;
    // Only the start tag changes; value is escaped as users write it (expressions raw).
    PolicyTextChange setAttribute(const PolicyNode &element,
                                  const QString &name,
                                  const QString &value) const;
    PolicyTextChange removeAttribute(const PolicyNode &element, const QString &name) const;
    // Replaces the text between element's tags (escaped as users write it, expressions raw); a
    // self-closing element opens. Refused for elements holding elements or comments, whose
    // layout a text field cannot show.
    PolicyTextChange setText(const PolicyNode &element, const QString &value) const;
    // Makes element's childName children (set-header's <value>s) hold values, in order:
    // existing children get the new texts, surplus ones go, missing ones follow the last.
    PolicyTextChange setChildTexts(const PolicyNode &element,
                                   const QString &childName,
                                   const QStringList &values) const;

    // A section the <policies> document lacks, at its place in the order inbound, backend,
    // outbound, on-error, holding <base /> first when inherit and then elementText (indented as
    // for insertElement). elementOffset is where elementText starts.
    PolicyTextChange insertSection(const QString &sectionName,
                                   bool inherit,
                                   const QString &elementText) const;
    // Moves element into a new section, as insertSection places it.
    PolicyTextChange moveIntoNewSection(const PolicyNode &element,
                                        const QString &sectionName,
                                        bool inherit) const;

    // A new element as the palette inserts it: required attributes (with their default or first
    // allowed value), one of each required-one-of group, required child elements and text.
    QString newElementText(const PolicyElementSpec &spec, const PolicySchema &schema) const;

    QString indentUnit() const { return m_indentUnit; }

private:
    // Renders the element text for a place whose lines start with indent.
    using Renderer = std::function<QString(const QString &indent)>;

    PolicyTextChange insertRendered(const PolicyNode &container,
                                    qsizetype index,
                                    const Renderer &render) const;
    PolicyTextChange insertSectionRendered(const QString &sectionName,
                                           bool inherit,
                                           const Renderer &render) const;
    // Adds the removal of element to change, an insertion of it elsewhere.
    PolicyTextChange withRemoval(PolicyTextChange change, const PolicyNode &element) const;
    PolicyTextChange::Edit textEdit(const PolicyNode &element, const QString &source) const;
    PolicyTextChange insertIntoEmpty(const PolicyNode &container, const Renderer &render) const;
    PolicyTextChange::Edit removal(const PolicyNode &element) const;
    QString reindented(const PolicyNode &element, const QString &indent) const;
    void appendTemplate(const PolicyElementSpec &spec,
                        const PolicySchema &schema,
                        const QString &indent,
                        int depth,
                        QString &out) const;
    qsizetype lineStart(qsizetype offset) const;
    qsizetype nextLineStart(qsizetype offset) const;
    // The whitespace between the start of offset's line and offset, if there is nothing else.
    std::optional<QString> indentBefore(qsizetype offset) const;
    bool restOfLineIsBlank(qsizetype offset) const;
    QString indentOf(const PolicyNode &element) const;
    bool contains(const PolicyNode &ancestor, const PolicyNode &node) const;
    QString detectNewline() const;
    QString detectIndentUnit() const;

    const QString &m_text;
    const PolicyDocument &m_document;
    QString m_newline;
    QString m_indentUnit;
};
