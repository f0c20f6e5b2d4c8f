// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequest.h"

#include <array>

const QHostAddress &HttpRequest::unsetAddress()
{
    // Copies share its data (QHostAddress detaches before any change), across threads too.
    static const QHostAddress address;
    return address;
}

namespace {
constexpr std::array<const char *, 9> StandardMethods
        = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT"};

// The standard methods as T, made once: copies share them.
template<typename T>
const std::array<T, StandardMethods.size()> &standardMethods()
{
    static const std::array<T, StandardMethods.size()> names = [] {
        std::array<T, StandardMethods.size()> made;
        for (size_t i = 0; i < StandardMethods.size(); ++i)
            made[i] = T(StandardMethods[i]);
        return made;
    }();
    return names;
}
} // namespace

QString HttpRequest::methodName() const
{
    for (const QString &name : standardMethods<QString>()) {
        if (name == QLatin1StringView(method))
            return name;
    }
    return QString::fromLatin1(method);
}

QByteArray HttpRequest::methodBytes(QStringView name)
{
    for (const QByteArray &bytes : standardMethods<QByteArray>()) {
        if (name == QLatin1StringView(bytes))
            return bytes;
    }
    return name.toLatin1();
}

QByteArray HttpRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.first(mark);
}

QByteArray HttpRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.sliced(mark + 1);
}

QByteArray HttpRequest::versionString() const
{
    return "HTTP/" + QByteArray::number(versionMajor) + '.' + QByteArray::number(versionMinor);
}
