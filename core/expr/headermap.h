// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A name -> values dictionary of the context model: request/response headers (case-insensitive),
// URL query parameters, JWT claims, form fields (IReadOnlyDictionary<string, string[]>), or with
// singleValued the string -> string MatchedParameters. Insertion-ordered.
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

    bool contains(const QString &name) const { return indexOf(name) >= 0; }
    // Values of name, or an empty list when absent.
    QStringList values(const QString &name) const;
    // Comma-joined values (what GetValueOrDefault returns), or a null QString when absent.
    QString joined(const QString &name) const;
    void set(const QString &name, const QStringList &values);
    void append(const QString &name, const QString &value);
    bool remove(const QString &name);
    void clear() { m_entries.clear(); }
    void reserve(qsizetype count) { m_entries.reserve(count); }
    const QList<QPair<QString, QStringList>> &entries() const { return m_entries; }
    qsizetype size() const { return m_entries.size(); }

private:
    qsizetype indexOf(const QString &name) const;

    bool m_caseInsensitive;
    bool m_singleValued;
    QList<QPair<QString, QStringList>> m_entries;
};
