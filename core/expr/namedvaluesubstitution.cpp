// SPDX-License-Identifier: GPL-3.0-or-later
#include "namedvaluesubstitution.h"

static bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
}

NamedValueSubstitution::Result NamedValueSubstitution::substitute(
        const QString &text, const QHash<QString, QString> &namedValues)
{
    QHash<QString, QString> folded;
    for (auto it = namedValues.cbegin(); it != namedValues.cend(); ++it)
        folded.insert(it.key().toLower(), it.value());
    Result result;
    result.text.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'{' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            qsizetype end = i + 2;
            while (end < text.size() && isNameChar(text.at(end)))
                ++end;
            if (end > i + 2 && end + 1 < text.size() && text.at(end) == u'}'
                && text.at(end + 1) == u'}') {
                const QString name = text.mid(i + 2, end - i - 2);
                const auto found = folded.constFind(name.toLower());
                if (found != folded.constEnd()) {
                    result.text += *found;
                    if (!result.usedNames.contains(name))
                        result.usedNames.append(name);
                } else {
                    result.text += QStringView(text).mid(i, end + 2 - i);
                    if (!result.unknownNames.contains(name))
                        result.unknownNames.append(name);
                }
                i = end + 2;
                continue;
            }
        }
        result.text += text.at(i);
        ++i;
    }
    return result;
}
