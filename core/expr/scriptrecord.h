// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptobject.h"
#include "value.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>

// An object exposing named read-only properties: context.Deployment, LastError, Api, Operation,
// Product, Subscription, User, a Jwt, BasicAuthCredentials, anonymous objects (new { a = 1 }),
// regex matches and groups, KeyValuePair, Uri.
class ScriptRecord final : public ScriptObject
{
public:
    static constexpr Kind staticKind = Kind::Record;

    explicit ScriptRecord(const QString &typeName)
        : ScriptObject(Kind::Record)
        , m_typeName(typeName)
    {}

    QString typeName() const override { return m_typeName; }

    const Value *find(const QString &name) const
    {
        for (const auto &field : m_fields) {
            if (field.first == name)
                return &field.second;
        }
        return nullptr;
    }
    Value get(const QString &name) const
    {
        const Value *v = find(name);
        return v ? *v : Value();
    }
    void set(const QString &name, const Value &value)
    {
        for (auto &field : m_fields) {
            if (field.first == name) {
                field.second = value;
                return;
            }
        }
        m_fields.append({name, value});
    }
    void reserve(qsizetype count) { m_fields.reserve(count); }
    const QList<QPair<QString, Value>> &fields() const { return m_fields; }

private:
    QString m_typeName;
    QList<QPair<QString, Value>> m_fields;
};
