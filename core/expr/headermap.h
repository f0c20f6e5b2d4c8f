// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

#include "http/httpheaders.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A name -> values dictionary of the context model: request/response headers (case-insensitive),
// URL query parameters, JWT claims, form fields (IReadOnlyDictionary<string, string[]>), or with
// singleValued the string -> string MatchedParameters. Insertion-ordered.
// Headers from the wire can be attached as bytes (setWireHeaders) and are converted on the first
// access: a message no policy looks at goes back out without a byte -> string -> byte round trip.
// That first access may be a const one, so a map holding such fields is for one thread (as a
// request's messages are).
class HeaderMap final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::MultiMap;

    explicit HeaderMap(bool caseInsensitive = true, bool singleValued = false)
        : ScriptObject(Kind::MultiMap)
        , m_caseInsensitive(caseInsensitive)
        , m_singleValued(singleValued)
    {}

    QString typeName() const override;
    bool isSingleValued() const { return m_singleValued; }

    // Replaces the content with fields as received (repeats become one entry with several values,
    // as append() makes them); converted to strings when first read or changed.
    void setWireHeaders(HttpHeaders fields);
    // The fields given to setWireHeaders while nothing has read or changed them yet, else null.
    const HttpHeaders *wireHeaders() const { return m_wirePending ? &m_wire : nullptr; }

    // Takes other's content (not its case rule or value arity), sharing the lists until changed.
    void assign(const HeaderMap &other);

    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    // Values of name, or an empty list when absent.
    QStringList values(const QString &name) const;
    // Comma-joined values (what GetValueOrDefault returns), or a null QString when absent.
    QString joined(const QString &name) const;
    void set(const QString &name, const QStringList &values);
    void append(const QString &name, const QString &value);
    bool remove(const QString &name);
    void clear();
    void reserve(qsizetype count);
    const QList<QPair<QString, QStringList>> &entries() const;
    qsizetype size() const { return entries().size(); }

private:
    qsizetype indexOf(const QString &name) const;
    // indexOf without converting pending wire fields.
    qsizetype find(const QString &name) const;
    // Logically const: converting the pending wire fields does not change what the map holds.
    void convertWireHeaders() const;

    bool m_caseInsensitive;
    bool m_singleValued;
    mutable bool m_wirePending = false;
    mutable HttpHeaders m_wire;
    mutable QList<QPair<QString, QStringList>> m_entries;
};
