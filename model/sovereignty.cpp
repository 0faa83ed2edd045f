#include "sovereignty.h"

#include "jsonfields.h"
#include "jsonlimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/difference.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/intersection.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024;

/// An optional array of [lon, lat] pairs, appended to `out`.
bool readPoints(JsonFields &f, const QJsonObject &o, QStringView key, QList<Point> &out, const QString &place)
{
    const QJsonValue value = o.value(key);
    if (!JsonFields::isGiven(value))
        return true;
    if (!value.isArray())
        return f.fail(place, SovereigntyTable::tr("\"%1\" must be an array of [longitude, latitude]").arg(key.toString()));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QPointF p;
        if (!f.lonLat(array.at(i), QStringLiteral("%1[%2]").arg(key.toString()).arg(i), p, place))
            return false;
        out << Point(p.x(), p.y());
    }
    return true;
}

bool readTransfer(JsonFields &f, const QJsonValue &value, qsizetype index, SovereigntyTransfer &t)
{
    const QJsonObject o = value.toObject();
    const QString place = QStringLiteral("transfers[%1] (%2)").arg(index).arg(o.value(u"id").toString());
    if (!value.isObject())
        return f.fail(place, SovereigntyTable::tr("must be an object {\"id\", \"name\", \"from\", \"to\", …}"));
    QList<Point> area;
    if (!f.requiredString(o, u"id", t.id, place) || !f.requiredString(o, u"name", t.name, place)
        || !f.requiredString(o, u"from", t.from, place) || !f.requiredString(o, u"to", t.to, place)
        || !f.optionalString(o, u"zone", t.zone, place) || !readPoints(f, o, u"polygonsContaining", t.polygonsContaining, place)
        || !readPoints(f, o, u"area", area, place))
        return false;
    if (t.from == t.to)
        return f.fail(place, SovereigntyTable::tr("\"from\" and \"to\" must be two different region codes"));
    if (!area.isEmpty() && area.size() < 4)
        return f.fail(place, SovereigntyTable::tr("\"area\" needs a closed ring of at least four points"));
    if (t.polygonsContaining.isEmpty() == area.isEmpty())
        return f.fail(place, SovereigntyTable::tr("needs either \"polygonsContaining\" or \"area\""));
    if (!area.isEmpty()) {
        t.area.outer().assign(area.begin(), area.end());
        bg::correct(t.area);
    }
    return true;
}

Region *regionWith(QList<Region> &regions, const QString &code)
{
    for (Region &r : regions)
        if (r.code == code)
            return &r;
    return nullptr;
}

} // namespace

SovereigntyTable::Result SovereigntyTable::read(const QString &path)
{
    Result result;
    const auto fail = [&](const QString &what) {
        result.error = QStringLiteral("%1: %2").arg(path, what);
        result.transfers.clear();
        return result;
    };
    const auto data = JsonLimits::readFile(path, kMaxFileBytes, result.error);
    if (!data)
        return result;
    QString error;
    const auto top = JsonFields::parseObject(*data, kMaxFileBytes,
                                             tr("not a sovereignty table (the top level is not an object)"), error);
    if (!top)
        return fail(error);
    JsonFields fields;
    const QJsonArray entries = top->value(u"transfers").toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        SovereigntyTransfer t;
        if (!readTransfer(fields, entries.at(i), i, t))
            return fail(fields.error);
        result.transfers << t;
    }
    return result;
}

QStringList SovereigntyTable::apply(const QList<SovereigntyTransfer> &transfers, QList<Region> &regions)
{
    QStringList problems;
    for (const SovereigntyTransfer &t : transfers) {
        Region *from = regionWith(regions, t.from);
        Region *to = regionWith(regions, t.to);
        if (!from || !to) {
            problems << tr("%1: region %2 or %3 is not in the base map").arg(t.id, t.from, t.to);
            continue;
        }
        MultiPolygon kept, moved;
        if (!t.polygonsContaining.isEmpty()) {
            for (const Polygon &p : from->shape) {
                const bool take = std::any_of(t.polygonsContaining.cbegin(), t.polygonsContaining.cend(),
                                              [&](const Point &q) { return bg::within(q, p); });
                (take ? moved : kept).push_back(p);
            }
        } else {
            const Box box = bg::return_envelope<Box>(t.area);
            for (const Polygon &p : from->shape) {
                if (!bg::intersects(bg::return_envelope<Box>(p), box)) {
                    kept.push_back(p);
                    continue;
                }
                MultiPolygon inside, outside;
                bg::intersection(p, t.area, inside);
                bg::difference(p, t.area, outside);
                moved.insert(moved.end(), inside.begin(), inside.end());
                kept.insert(kept.end(), outside.begin(), outside.end());
            }
        }
        if (moved.empty()) {
            problems << tr("%1: no part of %2 lies where the table says; the base map is unchanged there").arg(t.id, t.from);
            continue;
        }
        from->shape = std::move(kept);
        to->shape.insert(to->shape.end(), moved.begin(), moved.end());
    }
    return problems;
}

} // namespace spheres
