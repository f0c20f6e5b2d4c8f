// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles the input as an @(...) expression and as an @{...} block and evaluates what compiles
// against a realistic context under small sandbox limits. Oracle: FuzzOracles::checkExpression.
#include "fuzzoracles.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString problem = FuzzOracles::checkExpression(
            QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (problem.isEmpty())
        return 0;
    std::fprintf(stderr, "fuzz oracle: %s\n", qPrintable(problem));
    std::abort();
}
