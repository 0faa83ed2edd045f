#include "annotation.h"

#include <QtGlobal>

#include <algorithm>

namespace spheres {

namespace {

QPointF clampedLonLat(QPointF p)
{
    return {std::clamp(p.x(), -180.0, 180.0), std::clamp(p.y(), -90.0, 90.0)};
}

} // namespace

QStringList Annotation::palette()
{
    return {QStringLiteral("#d55e00"), QStringLiteral("#0072b2"), QStringLiteral("#009e73"), QStringLiteral("#cc79a7"),
            QStringLiteral("#e69f00"), QStringLiteral("#56b4e9"), QStringLiteral("#222222")};
}

QString Annotation::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Callout: return QStringLiteral("callout");
    case Kind::Arrow: return QStringLiteral("arrow");
    case Kind::Pin: return QStringLiteral("pin");
    case Kind::Area: return QStringLiteral("area");
    case Kind::Region: return QStringLiteral("region");
    }
    return {};
}

std::optional<Annotation::Kind> Annotation::kindFromKey(const QString &key)
{
    for (Kind kind : {Kind::Callout, Kind::Arrow, Kind::Pin, Kind::Area, Kind::Region})
        if (kindKey(kind) == key)
            return kind;
    return std::nullopt;
}

void Annotation::translate(QPointF delta)
{
    anchor = clampedLonLat(anchor + delta);
    tail = clampedLonLat(tail + delta);
    for (QPointF &p : points)
        p = clampedLonLat(p + delta);
}

QString nextAnnotationId(const QList<Annotation> &existing)
{
    int largest = 0;
    for (const Annotation &a : existing) {
        bool ok = false;
        const int n = a.id.startsWith(u'a') ? a.id.mid(1).toInt(&ok) : 0;
        if (ok)
            largest = std::max(largest, n);
    }
    return QStringLiteral("a%1").arg(largest + 1);
}

} // namespace spheres
