// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedelegate.h"

#include "engine/traceevent.h"
#include "live/traceeventmodel.h"

#include <QPainter>

namespace {

QColor colourFor(TraceEvent::Kind kind, bool failed)
{
    using K = TraceEvent::Kind;
    if (failed)
        return QColor(0xe5, 0x73, 0x73);
    switch (kind) {
    case K::Section:
        return QColor(0xb0, 0xbe, 0xc5);
    case K::RetryAttempt:
        return QColor(0xff, 0xb7, 0x4d);
    case K::Forward:
        return QColor(0x81, 0xc7, 0x84);
    case K::CacheLookup:
    case K::CacheStore:
    case K::CacheRemove:
        return QColor(0x64, 0xb5, 0xf6);
    default:
        return QColor(0xce, 0x93, 0xd8);
    }
}

} // namespace

void TimelineDelegate::paint(QPainter *painter,
                             const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const double start = index.data(TraceEventModel::StartFractionRole).toDouble();
    const double end = index.data(TraceEventModel::EndFractionRole).toDouble();
    const auto kind = TraceEvent::Kind(index.data(TraceEventModel::KindRole).toInt());
    const bool failed = index.data(TraceEventModel::FailedRole).toBool();
    QStyledItemDelegate::paint(painter, option, index);
    const QRect area = option.rect.adjusted(2, 3, -2, -3);
    const int x = area.left() + int(start * area.width());
    // Instant steps get a tick, so they still show where they happened.
    const int width = qMax(2, int((end - start) * area.width()));
    painter->save();
    QColor colour = colourFor(kind, failed);
    colour.setAlpha(110); // the duration text stays readable through it
    painter->fillRect(QRect(x, area.top(), width, area.height()), colour);
    painter->restore();
}
