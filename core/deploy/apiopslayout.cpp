// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiopslayout.h"

bool ApiOpsLayout::isFolderName(const QString &name)
{
    return !name.trimmed().isEmpty() && name != QLatin1String(".") && name != QLatin1String("..")
           && !name.contains(u'/') && !name.contains(u'\\') && !name.contains(QChar(0));
}
