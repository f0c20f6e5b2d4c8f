// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httprequest.h"

const QHostAddress &HttpRequest::unsetAddress()
{
    // Copies share its data (QHostAddress detaches before any change), across threads too.
    static const QHostAddress address;
    return address;
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
