// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceeventmodel.h"

TraceEventModel::TraceEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TraceEventModel::setTrace(const RequestTrace &trace)
{
    beginResetModel();
    m_trace = trace;
    endResetModel();
}

void TraceEventModel::clear()
{
    setTrace({});
}

int TraceEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trace.events.size());
}

int TraceEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraceEventModel::stepName(const TraceEvent &event)
{
    using K = TraceEvent::Kind;
    switch (event.kind) {
    case K::Section:
        return event.section;
    case K::Policy:
        return event.policy;
    case K::RetryAttempt:
        return tr("attempt %1").arg(event.attempt);
    case K::Forward:
        return tr("forward");
    case K::CacheLookup:
        return event.hit ? tr("cache hit") : tr("cache miss");
    case K::CacheStore:
        return tr("cache store");
    case K::CacheRemove:
        return tr("cache remove");
    case K::Variable:
        return tr("variable");
    case K::Breaker:
        return tr("circuit breaker");
    case K::Info:
        return tr("info");
    case K::Warning:
        return tr("warning");
    case K::Error:
        return tr("error");
    }
    return {};
}

QString TraceEventModel::describe(const TraceEvent &event)
{
    using K = TraceEvent::Kind;
    switch (event.kind) {
    case K::Section:
        return event.section;
    case K::Policy:
        return event.message.isEmpty() ? event.path : event.path + u" — " + event.message;
    case K::RetryAttempt:
        return tr("attempt %1 after %2 ms").arg(event.attempt).arg(event.delayMs);
    case K::Forward: {
        // The outcome first: a long backend URL must not push it out of sight.
        const QString outcome = event.status > 0 ? QString::number(event.status)
                                                 : tr("no answer (%1)").arg(event.message);
        const QString from
                = event.backend.isEmpty() ? outcome : tr("%1 from %2").arg(outcome, event.backend);
        return tr("%1 · %2").arg(from, event.url);
    }
    case K::CacheLookup:
        return event.hit ? tr("%1 = %2").arg(event.key, event.value)
                         : tr("%1 not found").arg(event.key);
    case K::CacheStore:
        return tr("%1 = %2 for %3 s").arg(event.key, event.value).arg(double(event.ttlMs) / 1000.0);
    case K::CacheRemove:
        return event.hit ? tr("%1 removed").arg(event.key) : tr("%1 was not there").arg(event.key);
    case K::Variable:
        return tr("%1 = %2").arg(event.key, event.value);
    case K::Breaker:
        return tr("%1: %2").arg(event.backend, event.message);
    case K::Info:
    case K::Warning:
        return event.message;
    case K::Error:
        return event.key.isEmpty() ? event.message : tr("%1: %2").arg(event.key, event.message);
    }
    return {};
}

QVariant TraceEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TraceEvent &event = m_trace.events.at(index.row());
    switch (role) {
    case KindRole:
        return int(event.kind);
    case StartFractionRole:
        return fraction(event, false);
    case EndFractionRole:
        return fraction(event, true);
    case HasSourceRole:
        return event.range.isValid();
    case Qt::ToolTipRole:
        return event.path.isEmpty() ? describe(event)
                                    : QString(event.path + u'\n' + describe(event));
    case FailedRole:
        return isFailure(event);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StepColumn: {
        const int depth = int(event.path.count(u'/'));
        return QString(QString(depth * 2, u' ') + stepName(event));
    }
    case DetailColumn:
        return describe(event);
    case StartColumn:
        return QString::number(double(event.startUs) / 1000.0, 'f', 2);
    case DurationColumn:
        return event.durationUs > 0 ? QString::number(double(event.durationUs) / 1000.0, 'f', 2)
                                    : QString();
    }
    return {};
}

bool TraceEventModel::isFailure(const TraceEvent &event)
{
    return event.kind == TraceEvent::Kind::Error
           || (event.kind == TraceEvent::Kind::Forward
               && (event.status == 0 || event.status >= 400));
}

QVariant TraceEventModel::fraction(const TraceEvent &event, bool end) const
{
    const qint64 total = qMax<qint64>(1, m_trace.durationUs);
    const qint64 at = end ? event.startUs + event.durationUs : event.startUs;
    return qBound(0.0, double(at) / double(total), 1.0);
}

QVariant TraceEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case DetailColumn:
        return tr("Detail");
    case StartColumn:
        return tr("Start ms");
    case DurationColumn:
        return tr("Duration ms");
    }
    return {};
}
