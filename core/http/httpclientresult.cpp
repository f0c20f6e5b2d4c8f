// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/httpclientresult.h"

QString HttpClientResult::errorName(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("None");
    case Error::Timeout:
        return QStringLiteral("Timeout");
    case Error::ConnectionFailure:
        return QStringLiteral("ConnectionFailure");
    case Error::ResponseTooLarge:
        return QStringLiteral("ResponseTooLarge");
    case Error::InvalidResponse:
        return QStringLiteral("InvalidResponse");
    case Error::InvalidRequest:
        return QStringLiteral("InvalidRequest");
    }
    return {};
}
