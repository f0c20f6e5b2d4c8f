// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httpheaders.h"

#include <QString>

// An error raised by a policy step, as context.LastError and the default error response show it.
// Thrown only inside one synchronous policy step and caught at the step's boundary (never across
// the event loop): it keeps every attribute helper a one-liner.
struct PolicyFailure
{
    QString source; // empty: the failing policy's name
    QString reason;
    QString message;
    int status = 500;
    // The message of the default error body (APIM's wording); empty: the status's default.
    QString clientMessage;
    HttpHeaders headers; // e.g. Retry-After
};
