// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <algorithm>

template<typename List, typename Key>
static auto findIn(const List &list, Key key)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), key);
    return it == list.cend() ? nullptr : &*it;
}

const Workspace::NamedValue *Workspace::namedValue(const QString &valueName) const
{
    return findIn(namedValues, [&](const NamedValue &v) { return v.name == valueName; });
}

const Workspace::Api *Workspace::api(const QString &apiId) const
{
    return findIn(apis, [&](const Api &a) { return a.id == apiId; });
}

const Workspace::Fragment *Workspace::fragment(const QString &fragmentId) const
{
    return findIn(fragments, [&](const Fragment &f) { return f.id == fragmentId; });
}

const Workspace::Backend *Workspace::backend(const QString &backendId) const
{
    return findIn(backends, [&](const Backend &b) { return b.id == backendId; });
}
