// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the tolerant policy parser. Oracle: a document the parser accepts is
// written back byte-identical by the writer, and its validation never crashes.
#include "policy/policyparser.h"
#include "policy/policyvalidator.h"
#include "policy/policywriter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes
            = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const PolicyParseResult result = PolicyParser::parse(bytes, QStringLiteral("fuzz.xml"));
    if (!result.ok())
        return 0;
    if (PolicyWriter::writeUtf8(result.document) != bytes)
        std::abort();
    PolicyValidator().validate(result.document);
    return 0;
}
