// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequest.h"

#include <array>

const QHostAddress &HttpRequest::unsetAddress()
{
    // Copies share its data (QHostAddress detaches before any change), across threads too.
    static const QHostAddress address;
    return address;
}

QString HttpRequest::methodName() const
{
    static const std::array<QString, 9> standard = {QStringLiteral("GET"),
                                                    QStringLiteral("POST"),
                                                    QStringLiteral("PUT"),
                                                    QStringLiteral("DELETE"),
                                                    QStringLiteral("PATCH"),
                                                    QStringLiteral("HEAD"),
                                                    QStringLiteral("OPTIONS"),
                                                    QStringLiteral("TRACE"),
                                                    QStringLiteral("CONNECT")};
    for (const QString &name : standard) {
        if (name == QLatin1StringView(method))
            return name;
    }
    return QString::fromLatin1(method);
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
