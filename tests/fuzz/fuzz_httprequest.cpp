// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds the input to HttpRequestParser as the server connection does, whole, byte by byte and in
// pseudo-random chunks. Oracle: FuzzOracles::checkHttpRequest.
#include "fuzzoracles.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString problem = FuzzOracles::checkHttpRequest(
            QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (problem.isEmpty())
        return 0;
    std::fprintf(stderr, "fuzz oracle: %s\n", qPrintable(problem));
    std::abort();
}
