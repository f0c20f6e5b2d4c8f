// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the tolerant policy parser. Oracle: a document the parser accepts is
// written back byte-identical by the writer, and its validation never crashes.
#include "fuzzoracles.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString problem = FuzzOracles::checkPolicy(
            QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (problem.isEmpty())
        return 0;
    std::fprintf(stderr, "fuzz oracle: %s\n", qPrintable(problem));
    std::abort();
}
